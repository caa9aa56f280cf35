// Keep-alive clients that loop requests at a server until it refuses a new connection, tallying what
// they saw: the shutdown test's load, and the load of `npm run drill:shutdown`.
import { Agent, request } from 'node:http';

export interface KeepAliveTally {
  requests: number;
  /** Answers by HTTP status. */
  statuses: Map<number, number>;
  /** Answers that carried `Connection: close`. */
  connectionClose: number;
  /** Requests that failed on an open connection (reset, hung up): what a graceful shutdown must never do. */
  resets: string[];
  /** Clients that stopped because a new connection was refused: the server had stopped listening. */
  refused: number;
}

function post(url: string, agent: Agent, body: string): Promise<{ status: number; close: boolean }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.once('end', () => resolve({ status: response.statusCode ?? 0, close: response.headers.connection === 'close' }));
      response.once('error', reject);
    });
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

/** Starts `count` clients, each on one keep-alive connection at a time; resolves when all have stopped. */
export function loopKeepAliveClients(url: string, body: string, count: number, tally: KeepAliveTally, until: Promise<unknown>): Promise<void> {
  let done = false;
  void until.then(() => (done = true));
  const client = async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    while (!done) {
      try {
        const { status, close } = await post(url, agent, body);
        tally.requests++;
        tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
        if (close) tally.connectionClose++;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        if (code === 'ECONNREFUSED') {
          tally.refused++;
          break;
        }
        tally.resets.push(code);
      }
    }
    agent.destroy();
  };
  return Promise.all(Array.from({ length: count }, client)).then(() => undefined);
}

export function emptyTally(): KeepAliveTally {
  return { requests: 0, statuses: new Map(), connectionClose: 0, resets: [], refused: 0 };
}

export function serverErrors(tally: KeepAliveTally): number {
  return [...tally.statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
}

// A TCP proxy in front of PostgreSQL that counts the statements its clients send: every simple
// Query message ('Q') and every Execute of the extended protocol ('E'), read off the wire. It
// counts what any server sends, ORM, PostGraphile or plain pg alike, without touching PostgreSQL's
// configuration (pg_stat_statements would need a restart of the machine's server).
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

export interface StatementCounter {
  port: number;
  statements: number;
  reset(): void;
  close(): Promise<void>;
}

/** Reads the frontend's messages off one connection and counts statements as they pass. */
function watchFrontend(client: Socket, counter: { statements: number }): (chunk: Buffer) => void {
  let buffered: Buffer = Buffer.alloc(0);
  let startup = true;
  return (chunk) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    for (;;) {
      if (startup) {
        // Startup, SSL and GSS requests carry no type byte: a length, then a code.
        if (buffered.length < 8) return;
        const length = buffered.readInt32BE(0);
        if (buffered.length < length) return;
        const code = buffered.readInt32BE(4);
        startup = code === SSL_REQUEST || code === GSS_REQUEST;
        buffered = buffered.subarray(length);
        continue;
      }
      if (buffered.length < 5) return;
      const length = buffered.readInt32BE(1);
      if (buffered.length < length + 1) return;
      const type = String.fromCharCode(buffered[0]!);
      if (type === 'Q' || type === 'E') counter.statements++;
      buffered = buffered.subarray(length + 1);
    }
  };
}

export async function startStatementCounter(target: { host: string; port: number }): Promise<StatementCounter> {
  const counter = { statements: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const watch = watchFrontend(client, counter);
    client.on('data', (chunk: Buffer) => {
      watch(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get statements() {
      return counter.statements;
    },
    reset() {
      counter.statements = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

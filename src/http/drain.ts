// Stopping the HTTP server without failing a request: it stops listening, answers what is in
// flight and whatever keep-alive clients send meanwhile (each answer with `Connection: close`, so
// the client reconnects elsewhere), and closes the connections that stay idle.
import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

/**
 * How long a keep-alive connection may stay idle, once draining began, before it is closed. A
 * client looping requests sends its next one well within it and is answered with
 * `Connection: close`; closing an idle connection at once would race that request and reset it.
 */
const IDLE_GRACE_MS = 1_000;

export interface DrainReport {
  /** Connections still open at the deadline, closed under whatever they were doing. */
  cut: number;
}

/** Makes `server` drainable; call before it serves. */
export function drainable(server: Server): (deadlineMs: number) => Promise<DrainReport> {
  let draining = false;
  const unanswered = new Set<ServerResponse>();
  server.prependListener('request', (_request, response: ServerResponse) => {
    if (draining) {
      response.setHeader('connection', 'close');
      return;
    }
    unanswered.add(response);
    response.once('close', () => unanswered.delete(response));
  });

  return async (deadlineMs) => {
    draining = true;
    for (const response of unanswered) if (!response.headersSent) response.setHeader('connection', 'close');
    // net's close, not http's: http.Server#close also closes every idle keep-alive connection at
    // once, under the feet of a client that is sending its next request on it right then.
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    const report: DrainReport = { cut: 0 };
    const idle = setInterval(() => server.closeIdleConnections(), IDLE_GRACE_MS);
    const deadline = setTimeout(() => {
      server.getConnections((_error, count) => {
        report.cut = count;
        server.closeAllConnections();
      });
    }, deadlineMs);
    try {
      await closed;
    } finally {
      clearInterval(idle);
      clearTimeout(deadline);
    }
    return report;
  };
}

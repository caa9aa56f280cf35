// Recognises the database failures a client should hear about plainly (the database is down, or a
// statement ran too long), from what pg, Node's sockets and PGlite throw, wherever they are the cause.

export type DatabaseFailure = 'unavailable' | 'timeout';

const STATEMENT_TIMEOUT = '57014';
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH',
  '57P01', '57P02', '57P03', // PostgreSQL shutting down or starting up
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
]);
// pg's own errors carry no code. "Query read timeout" is pg giving up on an answer (query_timeout,
// set above statement_timeout): a server alive would have cancelled the statement itself first, so
// the database is not answering.
const UNAVAILABLE_MESSAGE = /connection terminated|timeout exceeded when trying to connect|query read timeout/i;

/** The error and what it wraps: its `cause`, and each error of an AggregateError (a host with several addresses). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  const queue = [error];
  while (queue.length > 0 && chain.length < 10) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || chain.includes(current)) continue;
    chain.push(current);
    queue.push((current as { cause?: unknown }).cause);
    if (current instanceof AggregateError) queue.push(...current.errors);
  }
  return chain;
}

export function classifyDatabaseError(error: unknown): DatabaseFailure | null {
  for (const cause of causes(error)) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (code === STATEMENT_TIMEOUT) return 'timeout';
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return 'unavailable';
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return 'unavailable';
  }
  return null;
}

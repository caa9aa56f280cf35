// Recognises the database failures a client should hear about plainly (the database is down, or a
// statement ran too long), whichever layer (pg, the Prisma adapter, Prisma) wrapped them.

export type DatabaseFailure = 'unavailable' | 'timeout';

const UNAVAILABLE_CODES = new Set([
  'P1001', 'P1002', 'P1017', 'P2024', // Prisma: unreachable, timed out, closed, pool timeout
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH',
  '57P01', '57P02', '57P03', // PostgreSQL shutting down or starting up
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
]);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// "Query read timeout" is pg giving up on an answer (query_timeout, set above statement_timeout): a
// server alive would have cancelled the statement itself first, so the database is not answering.
const UNAVAILABLE_MESSAGE =
  /can't reach database server|connection terminated|econnrefused|connection closed|server closed the connection|terminating connection|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect|connection refused|query read timeout/i;
const TIMEOUT_MESSAGE = /canceling statement due to statement timeout|57014/i;

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  const queue = [error];
  while (queue.length > 0 && chain.length < 10) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || chain.includes(current)) continue;
    chain.push(current);
    const record = current as Record<string, unknown>;
    queue.push(record.cause, record.originalError, (record.meta as Record<string, unknown> | undefined)?.driverAdapterError);
  }
  return chain;
}

export function classifyDatabaseError(error: unknown): DatabaseFailure | null {
  for (const cause of causes(error)) {
    const record = cause as { code?: unknown; kind?: unknown; message?: unknown };
    const message = typeof record.message === 'string' ? record.message : '';
    if (record.code === '57014' || TIMEOUT_MESSAGE.test(message)) return 'timeout';
    if (typeof record.code === 'string' && UNAVAILABLE_CODES.has(record.code)) return 'unavailable';
    if (typeof record.kind === 'string' && UNAVAILABLE_KINDS.has(record.kind)) return 'unavailable';
    if (UNAVAILABLE_MESSAGE.test(message)) return 'unavailable';
  }
  return null;
}

// Structured JSON logs (pino): one line per request, and errors with the request id.
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'quotegraph' } });
}

// PostgreSQL LISTEN on a connection of its own (a pooled connection goes back to the pool, and a
// LISTEN with it). The connection is opened again after it fails, with a growing pause, and the
// listener is told each time, so that it reads whatever it may have missed meanwhile.
import pg from 'pg';

export type Unlisten = () => Promise<void>;

/** First and longest pause before opening a failed listening connection again, in milliseconds. */
const RETRY_MS = { first: 100, longest: 5_000 };

/**
 * Calls `onNotification` for every NOTIFY on `channel`, and once more whenever the connection was
 * opened again after a failure. Resolves once listening.
 */
export async function listenPostgres(connectionString: string, channel: string, onNotification: () => void): Promise<Unlisten> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let pause = RETRY_MS.first;
  const open = async (): Promise<void> => {
    const opened = new pg.Client({ connectionString, keepAlive: true });
    opened.on('notification', (message) => {
      if (message.channel === channel) onNotification();
    });
    opened.on('error', () => reopen(opened));
    opened.on('end', () => reopen(opened));
    await opened.connect();
    await opened.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = opened;
    pause = RETRY_MS.first;
  };
  const reopen = (failed: pg.Client) => {
    if (stopped || client !== failed || retry) return;
    client = undefined;
    failed.end().catch(() => undefined);
    const attempt = () => {
      retry = undefined;
      if (stopped) return;
      open().then(onNotification, () => {
        pause = Math.min(pause * 2, RETRY_MS.longest);
        retry = setTimeout(attempt, pause);
      });
    };
    retry = setTimeout(attempt, pause);
  };
  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

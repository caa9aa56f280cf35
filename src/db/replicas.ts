// Public reads on PostgreSQL streaming replicas. Each replica's replay position is checked on a
// timer against the primary's; a replica that does not answer, or lags more than the allowed time,
// serves nothing until it catches up, and with no healthy replica reads go to the primary. A
// mutation reads from the primary (its payload shows its own writes), and a client that sends back
// the commit position a mutation answered with is served only by a replica that has replayed it.
import pg from 'pg';
import { poolReader, type SqlReader } from './sql.js';

/** How one request's reads are routed; the GraphQL layer sets it (src/graphql/read-your-writes.ts). */
export interface ReadRouting {
  /** Read from the primary: a mutation's payload must show what it wrote. */
  primaryOnly: boolean;
  /** The commit position the client has seen; a replica serves the request only once it has replayed it. */
  minimumLsn: bigint | null;
}

export interface ReplicaStatus {
  /** host:port/database, for logs and /readyz (no password). */
  location: string;
  healthy: boolean;
  /** How long ago the primary reached a position this replica has not replayed, in ms (0: caught up). */
  lagMs: number | null;
  /** The last WAL position it was seen to have replayed. */
  replayedLsn: string | null;
  /** Why the replica serves nothing, when it does not. */
  reason: string | null;
}

/** What the database offers when it has replicas (src/db/client.ts). */
export interface Replication {
  /** A reader for one request: a healthy replica that satisfies `routing`, or the primary. */
  readerFor(routing: ReadRouting): SqlReader;
  /** The primary's current WAL position, read after a mutation committed: the position of its commit or later. */
  commitPosition(): Promise<string>;
  status(): ReplicaStatus[];
  /** Calls `listener` whenever a replica is taken out or comes back. */
  watch(listener: (status: ReplicaStatus) => void): void;
  /** Runs one round of checks now (the timer runs them every `checkInterval` ms). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** A WAL position as PostgreSQL prints it ('16/B374D848') to a number; null if it is not one. */
export function parseLsn(text: string): bigint | null {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/**
 * Errors after which a replica is taken out and the read retried on the primary: its connection
 * failed (no DatabaseError), it is shutting down or starting (57P01, 57P03), or recovery cancelled the
 * read because the primary's changes conflicted with it (40001).
 */
function isReplicaFailure(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  return ['57P01', '57P02', '57P03', '40001'].includes(error.code ?? '');
}

interface Replica {
  location: string;
  pool: pg.Pool;
  reader: SqlReader;
  healthy: boolean;
  /** Last replay position seen; 0 until the first check. */
  replayed: bigint;
  lagMs: number | null;
  reason: string | null;
}

export interface ReplicaOptions {
  /** A replica further behind than this, in ms, serves nothing. */
  maxLag: number;
  checkInterval: number;
  /** Builds a pool for a replica's url, as the primary's is built. */
  createPool(url: string): pg.Pool;
  preparedStatements: boolean;
  onStatement?: (sql: string) => void;
  /** Told when a replica is taken out or comes back. */
  onChange?(status: ReplicaStatus): void;
}

/** The most primary positions remembered to measure lag (about this many check intervals). */
const MAX_SAMPLES = 10_000;

export function replicate(primary: SqlReader, urls: string[], options: ReplicaOptions): Replication {
  const replicas: Replica[] = urls.map((url) => {
    const pool = options.createPool(url);
    const parsed = new URL(url);
    return {
      location: `${parsed.host}${parsed.pathname}`,
      pool,
      reader: poolReader(pool, { onStatement: options.onStatement, preparedStatements: options.preparedStatements }),
      healthy: false,
      replayed: 0n,
      lagMs: null,
      reason: 'not checked yet',
    };
  });
  // The primary's positions at each check, oldest first: a replica's lag is the age of the oldest
  // position it has not replayed. (pg_last_xact_replay_timestamp would count an idle primary's
  // quiet hours as lag.)
  const samples: Array<{ at: number; lsn: bigint }> = [];
  /** The primary's current WAL position: each check's sample, and a mutation's commit position. */
  const primaryPosition = async (): Promise<string> =>
    (await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn', []))[0]!.lsn;
  let next = 0;
  const listeners = options.onChange ? [options.onChange] : [];

  const statusOf = (replica: Replica): ReplicaStatus => ({
    location: replica.location,
    healthy: replica.healthy,
    lagMs: replica.lagMs,
    replayedLsn: replica.replayed > 0n ? formatLsn(replica.replayed) : null,
    reason: replica.reason,
  });

  const setHealth = (replica: Replica, healthy: boolean, reason: string | null) => {
    const changed = replica.healthy !== healthy;
    replica.healthy = healthy;
    replica.reason = reason;
    if (changed) for (const listener of listeners) listener(statusOf(replica));
  };

  const checkReplica = async (replica: Replica, now: number) => {
    try {
      const client = await replica.pool.connect();
      let rows: Array<{ recovery: boolean; replayed: string | null }>;
      try {
        rows = (await client.query('SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS replayed')).rows;
      } finally {
        client.release();
      }
      const row = rows[0]!;
      // A promoted replica (or a primary listed by mistake) takes writes of its own: its data is no longer the primary's.
      if (!row.recovery) return setHealth(replica, false, 'not a replica: it is not in recovery');
      replica.replayed = parseLsn(row.replayed ?? '') ?? 0n;
      const behind = samples.find((sample) => sample.lsn > replica.replayed);
      replica.lagMs = behind ? Math.max(0, now - behind.at) : 0;
      if (replica.lagMs > options.maxLag) return setHealth(replica, false, `lagging ${replica.lagMs} ms behind the primary`);
      setHealth(replica, true, null);
    } catch (error) {
      replica.lagMs = null;
      setHealth(replica, false, `unreachable: ${(error as Error).message}`);
    }
  };

  let checking: Promise<void> | null = null;
  const check = (): Promise<void> =>
    (checking ??= (async () => {
      try {
        const now = Date.now();
        try {
          const lsn = parseLsn(await primaryPosition())!;
          if (samples.length === 0 || samples[samples.length - 1]!.lsn !== lsn) samples.push({ at: now, lsn });
        } catch {
          // The primary is away: replicas are judged against the positions already known.
        }
        await Promise.all(replicas.map((replica) => checkReplica(replica, now)));
        // Positions every replica has replayed measure nobody's lag any more.
        const slowest = replicas.reduce((lowest, replica) => (replica.replayed < lowest ? replica.replayed : lowest), samples.at(-1)?.lsn ?? 0n);
        while (samples.length > 1 && (samples[0]!.lsn <= slowest || samples.length > MAX_SAMPLES)) samples.shift();
      } finally {
        checking = null;
      }
    })());

  const timer = setInterval(() => void check(), options.checkInterval);
  timer.unref();
  void check();

  const choose = (routing: ReadRouting): Replica | null => {
    if (routing.primaryOnly) return null;
    for (let tried = 0; tried < replicas.length; tried++) {
      const replica = replicas[next++ % replicas.length]!;
      if (!replica.healthy) continue;
      if (routing.minimumLsn !== null && replica.replayed < routing.minimumLsn) continue;
      return replica;
    }
    return null;
  };

  return {
    readerFor(routing) {
      return {
        async query<Row>(sql: string, parameters: readonly unknown[]): Promise<Row[]> {
          const replica = choose(routing);
          if (!replica) return primary.query<Row>(sql, parameters);
          try {
            return await replica.reader.query<Row>(sql, parameters);
          } catch (error) {
            if (!isReplicaFailure(error)) throw error;
            setHealth(replica, false, `failed a read: ${(error as Error).message}`);
            return primary.query<Row>(sql, parameters);
          }
        },
      };
    },
    commitPosition: primaryPosition,
    status: () => replicas.map(statusOf),
    watch: (listener) => void listeners.push(listener),
    check,
    async close() {
      clearInterval(timer);
      await checking?.catch(() => undefined);
      await Promise.all(replicas.map((replica) => replica.pool.end()));
    },
  };
}

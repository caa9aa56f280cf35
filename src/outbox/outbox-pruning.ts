// Pruning the outbox: without it, every event ever committed stays in OutboxEvent and the table grows
// without bound. Deleted: the oldest events, older than the retention period, that every enabled
// webhook has fanned out and that no pending delivery of an enabled webhook is for. Always a prefix of
// the outbox's order (transactionId, rank, id), so one mark says what is gone: OutboxPruning, moved in
// the transaction of each batch. A reader resuming from a cursor before the mark gets CURSOR_EXPIRED
// (outbox-events.ts, checkResumable) instead of silently skipping what was deleted.
//
// Small batches, each its own short transaction, so no lock is held for long; one instance prunes at
// a time (a transaction-level advisory lock per batch). Only events readable by every reader are
// considered (older than every running transaction, as readOutbox reads), so the prefix never has an
// event of a transaction still running appear behind the mark.
import type { Database } from '../db/client.js';
import type { SqlSession, SqlWriter } from '../db/writer.js';
import type { Logger } from '../logger.js';
import type { OutboxPosition } from './outbox-events.js';

/** Events deleted in one transaction: a few milliseconds of row locks. */
export const PRUNE_BATCH = 1_000;
/** How often the server prunes, and how long after it starts (a restart loop still prunes). */
const PRUNE_EVERY_MS = 10 * 60_000;
const FIRST_PRUNE_AFTER_MS = 60_000;
/** The advisory lock that lets one instance at a time prune (the webhook fan-out's is 7_150_001). */
const PRUNE_LOCK = 7_150_002;

const DAY_MS = 24 * 3_600_000;

interface PrunedBatch {
  deleted: number;
  transactionId: string | null;
  rank: number | null;
  id: string | null;
}

/**
 * Deletes one batch of the oldest events that may go, and moves the mark past them; returns how many
 * it deleted, in the transaction of `session`. The running bool_and keeps the batch a prefix:
 * it stops at the first event too recent, not yet fanned out by an enabled webhook, or with a pending
 * delivery (of an enabled webhook: a disabled one sends nothing more, and must not hold the outbox
 * forever). Deliveries carry their own copy of the event, but an event is kept until its deliveries
 * are done, so that an editor looking into a delivery still finds it in the changes.
 */
async function pruneBatch(session: SqlSession, keepMs: number, batch: number): Promise<number> {
  const [pruned] = await session.query<PrunedBatch>(
    `WITH needed AS MATERIALIZED (
       -- Positions as arrays, whose order is the outbox's; min() reads each table once, where ORDER BY
       -- and LIMIT 1 walked the whole outbox in order looking for a pending delivery (2.2 s a batch
       -- on a million events).
       SELECT
         (SELECT min(ARRAY["afterTransactionId", "afterRank", "afterEventId"]) FROM "Webhook" WHERE "disabledAt" IS NULL) AS "fannedOutTo",
         (SELECT min(ARRAY[event."transactionId", event."rank", event."id"])
          FROM "WebhookDelivery" delivery
          JOIN "Webhook" webhook ON webhook."id" = delivery."webhookId" AND webhook."disabledAt" IS NULL
          JOIN "OutboxEvent" event ON event."id" = delivery."eventId"
          WHERE delivery."status" = 'pending') AS "firstPending"
     ), oldest AS (
       SELECT event."id", event."transactionId", event."rank",
         bool_and(event."at" < timezone('UTC', now()) - make_interval(secs => $1::float8 / 1000)
           AND (needed."fannedOutTo" IS NULL OR ARRAY[event."transactionId", event."rank", event."id"] <= needed."fannedOutTo")
           AND (needed."firstPending" IS NULL OR ARRAY[event."transactionId", event."rank", event."id"] < needed."firstPending"))
           OVER (ORDER BY event."transactionId", event."rank", event."id") AS "deletable"
       FROM (SELECT "id", "transactionId", "rank", "at" FROM "OutboxEvent"
             WHERE "transactionId" < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
             ORDER BY "transactionId", "rank", "id" LIMIT ${batch}) event
       CROSS JOIN needed
     ), deleted AS (
       DELETE FROM "OutboxEvent" WHERE "id" IN (SELECT "id" FROM oldest WHERE "deletable")
       RETURNING "id", "transactionId", "rank"
     )
     SELECT (SELECT count(*)::int FROM deleted) AS "deleted", last."transactionId"::text AS "transactionId", last."rank"::int AS "rank", last."id"::text AS "id"
     FROM (SELECT 1) one
     LEFT JOIN (SELECT * FROM deleted ORDER BY "transactionId" DESC, "rank" DESC, "id" DESC LIMIT 1) last ON true`,
    [keepMs],
  );
  if (!pruned || pruned.deleted === 0) return 0;
  const through: OutboxPosition = { transactionId: pruned.transactionId!, rank: pruned.rank!, id: pruned.id! };
  await session.query(
    `UPDATE "OutboxPruning" SET "throughTransactionId" = $1::bigint, "throughRank" = $2::smallint, "throughEventId" = $3::bigint, "prunedAt" = timezone('UTC', now())
     WHERE ("throughTransactionId", "throughRank", "throughEventId") < ($1::bigint, $2::smallint, $3::bigint)`,
    [through.transactionId, through.rank, through.id],
  );
  return pruned.deleted;
}

/**
 * Deletes the events that may go (see pruneBatch) among those older than `keepMs` by the database's
 * clock (which wrote their times), in batches of `batch`, until none is left; returns how many it deleted.
 */
export function pruneOutbox(writer: SqlWriter, keepMs: number, batch = PRUNE_BATCH): Promise<number> {
  return inLockedBatches(writer, batch, (session) => pruneBatch(session, keepMs, batch));
}

/**
 * Runs `deleteBatch` (which deletes at most `batch` rows and says how many) until a batch comes back
 * short; each batch is its own transaction under the pruning lock, and when another instance holds the
 * lock nothing is deleted. Returns how many rows went.
 */
async function inLockedBatches(writer: SqlWriter, batch: number, deleteBatch: (session: SqlSession) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await writer.transaction(async (session) => {
      const [locked] = await session.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(${PRUNE_LOCK}) AS "locked"`, []);
      return locked?.locked ? deleteBatch(session) : 0;
    });
    total += deleted;
    if (deleted < batch) return total;
  }
}

/**
 * Deletes, oldest first and in batches of `batch`, the webhook deliveries of events the outbox no
 * longer holds (those below the oldest event kept; one pruned out of id order goes with a later
 * round); returns how many it deleted. Each holds a copy of its event's body, and none of them
 * is still to be sent: pruning keeps every event with a delivery pending for an enabled webhook (a
 * disabled one sends nothing more). Without this, deliveries grew by one row per event and webhook
 * for ever.
 */
export function pruneDeliveries(writer: SqlWriter, batch = PRUNE_BATCH): Promise<number> {
  return inLockedBatches(writer, batch, async (session) => {
    const [result] = await session.query<{ deleted: number }>(
      `WITH deleted AS (
         -- Ids are handed out in commit order give or take the transactions running at once, and
         -- pruning deletes a prefix: every event below the oldest id kept is gone. A range of the
         -- eventId index, where NOT EXISTS hashed the whole outbox whenever nothing was left to
         -- delete (0.36 s at a million events and deliveries, every ten minutes).
         DELETE FROM "WebhookDelivery" WHERE "id" IN (
           SELECT "id" FROM "WebhookDelivery"
           WHERE "eventId" < coalesce((SELECT min("id") FROM "OutboxEvent"), 9223372036854775807)
           ORDER BY "eventId" LIMIT ${batch})
         RETURNING 1)
       SELECT count(*)::int AS "deleted" FROM deleted`,
      [],
    );
    return result?.deleted ?? 0;
  });
}

/** Prunes the outbox every few minutes while the server runs. */
export class OutboxPruner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly database: Pick<Database, 'writer'>,
    private readonly logger: Logger,
    /** Events are kept this many days; 0 keeps every event (nothing is pruned). */
    private readonly retentionDays: number,
  ) {}

  start(): void {
    if (this.retentionDays > 0) this.schedule(FIRST_PRUNE_AFTER_MS);
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.running = this.prune().finally(() => {
        this.running = undefined;
        this.schedule(PRUNE_EVERY_MS);
      });
    }, ms);
    this.timer.unref();
  }

  private async prune(): Promise<void> {
    const started = performance.now();
    try {
      const deleted = await pruneOutbox(this.database.writer, this.retentionDays * DAY_MS);
      const deliveries = await pruneDeliveries(this.database.writer);
      if (deleted > 0 || deliveries > 0) {
        this.logger.info({ deleted, deliveries, durationMs: Math.round(performance.now() - started) }, 'pruned the outbox');
      }
    } catch (error) {
      // The database was away or busy: the next round tries again.
      this.logger.warn({ err: error }, 'pruning the outbox failed; trying again later');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
  }
}

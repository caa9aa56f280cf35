// Reading the transactional outbox (the OutboxEvent table, filled by triggers in the transaction of
// every ingest, revision and correction: see the outbox migration) in a stable order.
//
// Events are read in (transactionId, rank, id) order, and only from transactions older than every
// transaction still running (the snapshot's xmin). Sequence ids alone are not enough: two ingests
// running side by side take their ids in one order and may commit in the other, and a reader that
// had moved past the later id would never see the earlier one. A transaction still running has a
// transaction id of at least xmin, so everything it will commit sorts after whatever was read.
import type { SqlReader } from '../db/sql.js';

export const OUTBOX_EVENT_TYPES = [
  'articleAdded',
  'articleRevised',
  'articleDeleted',
  'quoteAdded',
  'quoteCorrected',
  'quoteRetracted',
  'personMerged',
] as const;

export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

/** The channel the triggers NOTIFY on commit, which listeners wake up on. */
export const OUTBOX_CHANNEL = 'quotegraph_outbox';

/** What the triggers record of an event, beyond its type and object. */
export interface OutboxPayload {
  /** The mutation or command that made the change ("ingestArticle", "retractQuote"). */
  action?: string;
  /** The article's slug (of the quote's article for a quote). */
  article?: string | null;
  articleId?: number | null;
  speakerId?: number | null;
  sourceId?: number | null;
  revision?: number;
  /** The quote's speaker's slug. */
  speaker?: string | null;
  source?: string | null;
  topics?: string[];
  /** Whether the article is public; events of unpublished articles are for editors only. */
  published?: boolean | null;
  /** A merged person's former slug, and the person it was merged into. */
  person?: string | null;
  mergedInto?: string | null;
  mergedIntoId?: number | null;
}

export interface OutboxEvent {
  /** The event's own id: receivers deduplicate on it. */
  id: string;
  /** Where a reader resumes after this event. */
  position: OutboxPosition;
  type: OutboxEventType;
  objectType: 'Article' | 'Quote' | 'Person';
  objectId: number;
  payload: OutboxPayload;
  at: Date;
}

/**
 * A place in the outbox: after the event with this transaction id, rank and id. The ids are bigints,
 * kept as text.
 */
export interface OutboxPosition {
  transactionId: string;
  rank: number;
  id: string;
}

/** Before the first event. */
export const OUTBOX_START: OutboxPosition = { transactionId: '0', rank: 0, id: '0' };

/** Whether position `left` comes after `right`. */
export function isAfter(left: OutboxPosition, right: OutboxPosition): boolean {
  const compare = (a: string, b: string) => (BigInt(a) > BigInt(b) ? 1 : BigInt(a) < BigInt(b) ? -1 : 0);
  return (compare(left.transactionId, right.transactionId) || left.rank - right.rank || compare(left.id, right.id)) > 0;
}

interface EventRow {
  id: string;
  transactionId: string;
  rank: number;
  type: OutboxEventType;
  objectType: OutboxEvent['objectType'];
  objectId: number;
  payload: OutboxPayload | string;
  at: Date | string;
}

// The ids leave as text (bigints); ORDER BY names the table's columns, since a bare "id" there would
// mean the text output column and sort 10 before 9.
const EVENT_COLUMNS = `"id"::text AS "id", "transactionId"::text AS "transactionId", "rank"::int AS "rank", "type", "objectType", "objectId", "payload", "at"`;

function toEvent(row: EventRow): OutboxEvent {
  return {
    id: row.id,
    position: { transactionId: row.transactionId, rank: row.rank, id: row.id },
    type: row.type,
    objectType: row.objectType,
    objectId: row.objectId,
    // Through Prisma (the embedded database) JSON arrives parsed; keep both shapes.
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as OutboxPayload) : row.payload,
    at: row.at instanceof Date ? row.at : new Date(`${row.at.replace(' ', 'T')}Z`),
  };
}

/**
 * Up to `limit` committed events after `after`, oldest first. Fewer than `limit` means the reader
 * has caught up, for now.
 */
export async function readOutbox(reader: SqlReader, after: OutboxPosition, limit: number): Promise<OutboxEvent[]> {
  const rows = await reader.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM "OutboxEvent"
     WHERE ("transactionId", "rank", "id") > ($1::bigint, $2::smallint, $3::bigint)
       AND "transactionId" < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
     ORDER BY "OutboxEvent"."transactionId", "OutboxEvent"."rank", "OutboxEvent"."id" LIMIT ${Math.max(0, Math.floor(limit))}`,
    [after.transactionId, after.rank, after.id],
  );
  return rows.map(toEvent);
}

/**
 * Whether events after `after` are committed but not readable yet, held back by a transaction
 * begun before theirs and still running (anywhere on the PostgreSQL server: transaction ids are
 * server-wide). No notification comes when that one ends, so a reader asks again shortly.
 */
export async function heldBack(reader: SqlReader, after: OutboxPosition): Promise<boolean> {
  const [row] = await reader.query<{ held: boolean }>(
    `SELECT EXISTS (SELECT FROM "OutboxEvent"
       WHERE ("transactionId", "rank", "id") > ($1::bigint, $2::smallint, $3::bigint)
         AND "transactionId" >= (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint) AS "held"`,
    [after.transactionId, after.rank, after.id],
  );
  return row?.held ?? false;
}

/** The position after the newest committed event: where a reader that wants only what comes next starts. */
export async function outboxEnd(reader: SqlReader): Promise<OutboxPosition> {
  const [row] = await reader.query<OutboxPosition>(
    `SELECT "transactionId"::text AS "transactionId", "rank"::int AS "rank", "id"::text AS "id" FROM "OutboxEvent"
     WHERE "transactionId" < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
     ORDER BY "OutboxEvent"."transactionId" DESC, "OutboxEvent"."rank" DESC, "OutboxEvent"."id" DESC LIMIT 1`,
    [],
  );
  return row ?? OUTBOX_START;
}

/** A position as an opaque cursor for clients. */
export function encodePosition(position: OutboxPosition): string {
  return Buffer.from(`outbox:${position.transactionId}:${position.rank}:${position.id}`).toString('base64url');
}

/** The position in a cursor made by encodePosition, or null for anything else. */
export function decodePosition(cursor: string): OutboxPosition | null {
  const match = /^outbox:(\d{1,18}):([0-2]):(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? { transactionId: match[1]!, rank: Number(match[2]), id: match[3]! } : null;
}

/**
 * A reader asked to resume from a position whose following events were pruned (src/outbox/outbox-pruning.ts):
 * it would miss them. `oldest` is where reading can resume from, once the reader has caught up some other way.
 */
export class CursorExpiredError extends Error {
  override name = 'CursorExpiredError';
  constructor(readonly oldest: OutboxPosition) {
    super('This cursor is older than the oldest change kept: changes after it were removed');
  }
}

/** The position up to which the outbox was pruned: nothing after it was removed. */
export async function prunedThrough(reader: SqlReader): Promise<OutboxPosition> {
  const [row] = await reader.query<OutboxPosition>(
    `SELECT "throughTransactionId"::text AS "transactionId", "throughRank"::int AS "rank", "throughEventId"::text AS "id" FROM "OutboxPruning"`,
    [],
  );
  return row ?? OUTBOX_START;
}

/**
 * Throws CursorExpiredError when events after `after` were pruned. Called after reading from
 * `after`: a prune that committed before the read's snapshot has moved the mark by then, so a read
 * that missed events never passes for whole.
 */
export async function checkResumable(reader: SqlReader, after: OutboxPosition): Promise<void> {
  const pruned = await prunedThrough(reader);
  if (isAfter(pruned, after)) throw new CursorExpiredError(pruned);
}

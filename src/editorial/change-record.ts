// The record of changes: every ingest and every editorial mutation writes one entry per object it
// changed (when, which key by name, what: the object and its fields before and after, and the
// editor's note), in the transaction that makes the change.
import { columnList, columns, KEY } from '../db/columns.js';
import type { SqlSession } from '../db/writer.js';

export type ObjectType = 'Article' | 'Quote' | 'Person' | 'Source' | 'Topic';

export interface ChangeEntry {
  /** The mutation or command ("changeQuoteSpeaker", "ingestArticle"). */
  action: string;
  objectType: ObjectType;
  objectId: number;
  /** The fields changed as they were; null for an object created. */
  before: Record<string, unknown> | null;
  /** The fields changed as they are now; null for an object deleted. */
  after: Record<string, unknown> | null;
}

/** Who makes a change, and when: one per transaction. */
export interface Edit {
  session: SqlSession;
  /** The transaction's time, as the UTC text of a timestamp column (utcTimestamp). */
  now: string;
  /** The API key's name; null on the command line. */
  keyName: string | null;
  /** The editor's note, printed with public correction notices. */
  note: string | null;
}

/** Writes `entries` to the record, in order, in one statement; returns their ids. */
export async function recordChanges(edit: Edit, entries: ChangeEntry[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const rows = await edit.session.query<{ id: number }>(
    `INSERT INTO "Change" ("at", "keyName", "action", "objectType", "objectId", "before", "after", "note")
     SELECT $1::timestamp, $2::text, entry."action", entry."objectType", entry."objectId", entry."before"::jsonb, entry."after"::jsonb, $3::text
     FROM unnest($4::text[], $5::text[], $6::int[], $7::text[], $8::text[]) WITH ORDINALITY
       AS entry("action", "objectType", "objectId", "before", "after", "order")
     ORDER BY entry."order"
     RETURNING "id"`,
    [
      edit.now,
      edit.keyName,
      edit.note,
      entries.map((entry) => entry.action),
      entries.map((entry) => entry.objectType),
      entries.map((entry) => entry.objectId),
      entries.map((entry) => (entry.before === null ? null : JSON.stringify(entry.before))),
      entries.map((entry) => (entry.after === null ? null : JSON.stringify(entry.after))),
    ],
  );
  return rows.map((row) => row.id).sort((left, right) => left - right);
}

/** An entry of the record as read back. */
export interface ChangeRow extends Record<string, unknown> {
  id: number;
  at: Date;
  key: string | null;
  action: string;
  objectType: ObjectType;
  objectId: number;
  /** The object changed, as "Person:12". */
  object: string;
  /** The fields changed, as they were and as they became. */
  fields: { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
  note: string | null;
}

/**
 * The columns of a ChangeRow, from the Change table. Each is named like the GraphQL field that
 * reads it, so that a list reads only those a query selects.
 */
export const CHANGE_COLUMNS = columns({
  id: KEY,
  at: 'timestamp',
  key: { type: 'text', sql: (t) => `${t}."keyName"` },
  action: 'text',
  objectType: 'text',
  objectId: KEY,
  note: 'text',
  object: { type: 'text', sql: (t) => `${t}."objectType" || ':' || ${t}."objectId"` },
  fields: { type: 'json', sql: (t) => `json_build_object('before', ${t}."before", 'after', ${t}."after")` },
});

/** Who may ask which entries: of one object, by one key, or both. */
export interface ChangeFilter {
  object?: { type: ObjectType; id: number };
  keyName?: string;
}

/** Conditions over `t` for a filter, with their parameters numbered from `$first`. */
export function changeConditions(filter: ChangeFilter, add: (value: unknown) => string): string[] {
  const conditions: string[] = [];
  if (filter.object) conditions.push(`t."objectType" = ${add(filter.object.type)} AND t."objectId" = ${add(filter.object.id)}`);
  if (filter.keyName !== undefined) conditions.push(`t."keyName" = ${add(filter.keyName)}`);
  return conditions;
}

/** The newest entries first, as the command line lists them. */
export async function recentChanges(
  reader: { query<Row>(sql: string, parameters: readonly unknown[]): Promise<Row[]> },
  filter: ChangeFilter,
  limit: number,
): Promise<ChangeRow[]> {
  const parameters: unknown[] = [];
  const add = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const conditions = changeConditions(filter, add);
  return reader.query<ChangeRow>(
    `SELECT ${columnList(CHANGE_COLUMNS)} FROM "Change" t ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY t."id" DESC LIMIT ${add(limit)}`,
    parameters,
  );
}

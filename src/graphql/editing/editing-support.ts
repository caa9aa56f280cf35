// What every editorial resolver shares: the editor behind the request, references from ids and
// slugs, the services' errors as GraphQL errors, and the record's entries for payloads.
import { GraphQLError } from 'graphql';
import { columnList } from '../../db/columns.js';
import type { SqlReader } from '../../db/sql.js';
import { CHANGE_COLUMNS, type ChangeRow } from '../../editorial/change-record.js';
import type { Editor } from '../../editorial/edit-transaction.js';
import { EditorialError } from '../../editorial/editorial-error.js';
import type { SpeakerChoice } from '../../editorial/quote-edits.js';
import type { Ref } from '../../editorial/references.js';
import type { Context } from '../context.js';
import { requireEditor } from '../ingest/editor-access.js';
import { fromGlobalId, type NodeTypeName } from '../node/global-id.js';
import type { SpeakerInput } from './editing.inputs.js';

function clientError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** The editor making a request's change (FORBIDDEN for a reader key), with the note they gave. */
export async function editorOf(context: Context, note: string | null | undefined): Promise<Editor> {
  const viewer = await requireEditor(context);
  return { keyName: viewer.keyName, note };
}

/** Runs a service, its refusals turned into GraphQL errors with their codes. */
export async function editorially<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof EditorialError) throw new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } });
    throw error;
  }
}

const LABELS: Record<NodeTypeName, string> = { Article: 'article', Person: 'person', Quote: 'quote', Source: 'source', Topic: 'topic' };

/** An object named by its global id or its slug. An id of another type names nothing: NOT_FOUND. */
export function refOf(value: string, type: NodeTypeName): Ref {
  const given = value.trim();
  if (given === '') throw clientError(`Name the ${LABELS[type]} by its global id or slug`, 'BAD_USER_INPUT');
  const key = fromGlobalId(given);
  if (key) {
    if (key.type !== type) throw clientError(`"${given}" is the id of a ${LABELS[key.type]}, not of a ${LABELS[type]}`, 'NOT_FOUND');
    return { id: key.id };
  }
  return { slug: given };
}

/** A quote's database id from its global id; NOT_FOUND for anything else. */
export function quoteIdOf(value: string): number {
  const key = fromGlobalId(value.trim());
  if (!key || key.type !== 'Quote') throw clientError(`No quote with the id "${value.slice(0, 100)}"`, 'NOT_FOUND');
  return key.id;
}

/** A speaker as the services take it. */
export function speakerChoice(input: SpeakerInput): SpeakerChoice {
  const given = [input.person, input.newPerson, input.description].filter((value) => value != null);
  if (given.length !== 1) throw clientError('Give the speaker as exactly one of "person", "newPerson" or "description"', 'BAD_USER_INPUT');
  if (input.person != null) return { person: refOf(input.person, 'Person') };
  if (input.newPerson != null) return { newPerson: input.newPerson };
  return { description: input.description! };
}

/** The record's entries with these ids, in order. */
export async function changesByIds(sql: SqlReader, ids: number[]): Promise<ChangeRow[]> {
  if (ids.length === 0) return [];
  return sql.query<ChangeRow>(`SELECT ${columnList(CHANGE_COLUMNS)} FROM "Change" t WHERE t."id" = ANY($1::int[]) ORDER BY t."id"`, [ids]);
}

// Every editorial change runs here: in one transaction, alone among editorial writes and ingests
// (src/db/write-locks.ts), with its time, its key and its note for the record.
import { lockForEditing } from '../db/write-locks.js';
import { utcTimestamp, type SqlWriter } from '../db/writer.js';
import type { Edit } from './change-record.js';
import { badInput } from './editorial-error.js';

/** Who asks for a change, and why. */
export interface Editor {
  /** The API key's name; null on the command line. */
  keyName: string | null;
  /** Why (printed with public correction notices): "speaker was misread". */
  note?: string | null;
}

/** Longest note an editor may write. */
const MAX_NOTE_LENGTH = 2_000;

export async function runEdit<T>(writer: SqlWriter, editor: Editor, work: (edit: Edit) => Promise<T>): Promise<T> {
  const note = editor.note == null ? null : editor.note.trim();
  if (note !== null && note.length > MAX_NOTE_LENGTH) throw badInput(`"note" is longer than ${MAX_NOTE_LENGTH} characters`);
  return writer.transaction(async (session) => {
    await lockForEditing(session);
    return work({ session, now: utcTimestamp(new Date()), keyName: editor.keyName, note: note === '' ? null : note });
  });
}

// What an editor may type as a name, a role or a note: checked once, here, for every change.
import { normalizeName } from '../ingest/identity.js';
import { slugify } from '../ingest/slug.js';
import { badInput } from './editorial-error.js';

export const MAX_NAME_LENGTH = 200;

/** A name trimmed, or BAD_USER_INPUT when it is empty, too long, or has nothing to make a slug of. */
export function requiredName(value: string, field: string): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (name === '') throw badInput(`"${field}" must not be empty`);
  if (name.length > MAX_NAME_LENGTH) throw badInput(`"${field}" is longer than ${MAX_NAME_LENGTH} characters`);
  if (slugify(name) === '' || normalizeName(name) === '') throw badInput(`"${field}" needs letters or digits: "${name}"`);
  return name;
}

/** An optional text trimmed (undefined: leave as it is; null or empty: clear it), or BAD_USER_INPUT when too long. */
export function optionalText(value: string | null | undefined, field: string, max = MAX_NAME_LENGTH): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const text = value.trim().replace(/\s+/g, ' ');
  if (text.length > max) throw badInput(`"${field}" is longer than ${max} characters`);
  return text === '' ? null : text;
}

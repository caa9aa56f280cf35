// People as editors make them: a new person (a speaker the pipeline did not name), with a free slug.
import { normalizeName } from '../ingest/identity.js';
import { slugify } from '../ingest/slug.js';
import type { SqlSession } from '../db/writer.js';
import { recordChanges, type Edit } from './change-record.js';
import { optionalText, requiredName } from './names.js';

export interface NewPerson {
  name: string;
  role?: string | null;
  affiliation?: string | null;
}

/**
 * A slug for `name` that no person has and no redirect keeps (an old slug must keep finding who it
 * found): "casey-rivers", else "casey-rivers-2", "-3"...
 */
export async function freeSlug(session: SqlSession, table: 'Person' | 'Source' | 'Topic', name: string, exceptId?: number): Promise<string> {
  const base = slugify(name);
  const rows = await session.query<{ slug: string }>(
    `SELECT "slug" FROM "${table}" WHERE ("slug" = $1 OR "slug" LIKE $2) AND "id" IS DISTINCT FROM $4::int
     UNION SELECT "slug" FROM "Redirect" WHERE "type" = $3 AND ("slug" = $1 OR "slug" LIKE $2) AND "targetId" IS DISTINCT FROM $4::int`,
    [base, `${base}-%`, table, exceptId ?? null],
  );
  const taken = new Set(rows.map((row) => row.slug));
  let slug = base;
  for (let suffix = 2; taken.has(slug); suffix++) slug = `${base}-${suffix}`;
  return slug;
}

/** Creates a person (with their name as an alias) and records it; returns the new row. */
export async function createPerson(edit: Edit, action: string, person: NewPerson): Promise<{ id: number; slug: string; name: string }> {
  const name = requiredName(person.name, 'name');
  const role = optionalText(person.role, 'role') ?? null;
  const affiliation = optionalText(person.affiliation, 'affiliation') ?? null;
  const slug = await freeSlug(edit.session, 'Person', name);
  const [created] = await edit.session.query<{ id: number }>(
    `WITH person AS (
       INSERT INTO "Person" ("slug", "name", "role", "affiliation", "createdAt") VALUES ($1, $2, $3, $4, $5::timestamp) RETURNING "id"),
     alias AS (INSERT INTO "PersonAlias" ("personId", "alias", "normalized") SELECT "id", $2, $6 FROM person)
     SELECT "id" FROM person`,
    [slug, name, role, affiliation, edit.now, normalizeName(name)],
  );
  await recordChanges(edit, [{ action, objectType: 'Person', objectId: created!.id, before: null, after: { slug, name, role, affiliation } }]);
  return { id: created!.id, slug, name };
}

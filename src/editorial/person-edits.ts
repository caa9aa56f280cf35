// Corrections of people: their name, role and affiliation, the forms of their name (aliases), and
// merging two records of one real person. A merged person's slug and id keep finding the person
// they were merged into (Redirect).
import { normalizeName } from '../ingest/identity.js';
import { slugify } from '../ingest/slug.js';
import type { SqlWriter } from '../db/writer.js';
import { recordChanges, type Edit } from './change-record.js';
import { runEdit, type Editor } from './edit-transaction.js';
import { badInput, checkVersion } from './editorial-error.js';
import { optionalText, requiredName } from './names.js';
import { freeSlug } from './people.js';
import { findNamed, type PersonState, type Ref } from './references.js';

export interface PersonEditResult {
  personId: number;
  changeIds: number[];
}

async function aliasesOf(edit: Edit, personId: number): Promise<{ alias: string; normalized: string }[]> {
  return edit.session.query('SELECT "alias", "normalized" FROM "PersonAlias" WHERE "personId" = $1 ORDER BY "id"', [personId]);
}

/**
 * Gives a row a new slug, keeping its old one as a redirect (links and re-ingests still find it);
 * a redirect the new slug had becomes the row's own slug again.
 */
export async function moveSlug(edit: Edit, table: 'Person' | 'Source' | 'Topic', row: { id: number; slug: string }, slug: string): Promise<void> {
  if (slug === row.slug) return;
  await edit.session.query(`DELETE FROM "Redirect" WHERE "type" = $1 AND "slug" = $2`, [table, slug]);
  await edit.session.query(
    `INSERT INTO "Redirect" ("type", "slug", "formerId", "targetId", "createdAt") VALUES ($1, $2, NULL, $3, $4::timestamp)
     ON CONFLICT ("type", "slug") DO UPDATE SET "targetId" = excluded."targetId"`,
    [table, row.slug, row.id, edit.now],
  );
}

/** Renames a person; the new name becomes an alias, and the slug follows the name (the old one still finds them). */
export function renamePerson(writer: SqlWriter, editor: Editor, input: { person: Ref; name: string; version?: number | null }): Promise<PersonEditResult> {
  return runEdit(writer, editor, async (edit) => {
    const name = requiredName(input.name, 'name');
    const person = await findNamed<PersonState>(edit.session, 'Person', input.person);
    checkVersion(`The person "${person.slug}"`, person.version, input.version);
    if (name === person.name) throw badInput(`The person is called "${name}" already`);
    const slug = slugify(name) === person.slug ? person.slug : await freeSlug(edit.session, 'Person', name, person.id);
    await moveSlug(edit, 'Person', person, slug);
    await edit.session.query(
      `WITH person AS (UPDATE "Person" SET "name" = $2, "slug" = $3, "version" = "version" + 1 WHERE "id" = $1)
       INSERT INTO "PersonAlias" ("personId", "alias", "normalized")
       SELECT $1, $2, $4 WHERE NOT EXISTS (SELECT FROM "PersonAlias" WHERE "personId" = $1 AND "normalized" = $4)`,
      [person.id, name, slug, normalizeName(name)],
    );
    const changeIds = await recordChanges(edit, [
      { action: 'renamePerson', objectType: 'Person', objectId: person.id, before: { name: person.name, slug: person.slug }, after: { name, slug } },
    ]);
    return { personId: person.id, changeIds };
  });
}

/** Sets a person's role and affiliation (null clears one; leaving one out keeps it). */
export function updatePerson(
  writer: SqlWriter,
  editor: Editor,
  input: { person: Ref; role?: string | null; affiliation?: string | null; version?: number | null },
): Promise<PersonEditResult> {
  return runEdit(writer, editor, async (edit) => {
    const role = optionalText(input.role, 'role');
    const affiliation = optionalText(input.affiliation, 'affiliation');
    if (role === undefined && affiliation === undefined) throw badInput('Give "role", "affiliation" or both');
    const person = await findNamed<PersonState>(edit.session, 'Person', input.person);
    checkVersion(`The person "${person.slug}"`, person.version, input.version);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (role !== undefined) {
      before.role = person.role;
      after.role = role;
    }
    if (affiliation !== undefined) {
      before.affiliation = person.affiliation;
      after.affiliation = affiliation;
    }
    await edit.session.query(
      `UPDATE "Person" SET "role" = CASE WHEN $2 THEN $3 ELSE "role" END, "affiliation" = CASE WHEN $4 THEN $5 ELSE "affiliation" END,
         "version" = "version" + 1 WHERE "id" = $1`,
      [person.id, role !== undefined, role ?? null, affiliation !== undefined, affiliation ?? null],
    );
    const changeIds = await recordChanges(edit, [{ action: 'updatePerson', objectType: 'Person', objectId: person.id, before, after }]);
    return { personId: person.id, changeIds };
  });
}

/**
 * Adds and removes forms of a person's name. Ingests match people by their aliases: an alias
 * removed no longer joins a new article's "Trump" to this person. The person's own name stays.
 */
export function changeAliases(
  writer: SqlWriter,
  editor: Editor,
  input: { person: Ref; add?: string[]; remove?: string[]; version?: number | null },
): Promise<PersonEditResult> {
  return runEdit(writer, editor, async (edit) => {
    const add = (input.add ?? []).map((alias) => requiredName(alias, 'aliases'));
    const remove = (input.remove ?? []).map((alias) => normalizeName(alias));
    if (add.length + remove.length === 0) throw badInput('Give at least one alias');
    if (add.length + remove.length > 100) throw badInput('Change at most 100 aliases at a time');
    const person = await findNamed<PersonState>(edit.session, 'Person', input.person);
    checkVersion(`The person "${person.slug}"`, person.version, input.version);
    const before = await aliasesOf(edit, person.id);
    const known = new Set(before.map((alias) => alias.normalized));
    for (const normalized of remove) {
      if (!known.has(normalized)) throw badInput(`"${normalized}" is not an alias of ${person.name}`);
      if (normalized === normalizeName(person.name)) throw badInput(`"${person.name}" is the person's name: rename them first`);
    }
    const adding = add.filter((alias, index) => !known.has(normalizeName(alias)) && add.findIndex((other) => normalizeName(other) === normalizeName(alias)) === index);
    if (adding.length === 0 && remove.length === 0) throw badInput(`${person.name} has those aliases already`);
    await edit.session.query(
      `WITH removed AS (DELETE FROM "PersonAlias" WHERE "personId" = $1 AND "normalized" = ANY($2::text[])),
         added AS (INSERT INTO "PersonAlias" ("personId", "alias", "normalized") SELECT $1, alias, normalized FROM unnest($3::text[], $4::text[]) AS added(alias, normalized))
       UPDATE "Person" SET "version" = "version" + 1 WHERE "id" = $1`,
      [person.id, remove, adding, adding.map(normalizeName)],
    );
    const after = await aliasesOf(edit, person.id);
    const changeIds = await recordChanges(edit, [
      {
        action: 'changePersonAliases',
        objectType: 'Person',
        objectId: person.id,
        before: { aliases: before.map((alias) => alias.alias) },
        after: { aliases: after.map((alias) => alias.alias) },
      },
    ]);
    return { personId: person.id, changeIds };
  });
}

export interface MergeResult extends PersonEditResult {
  /** The id of the person merged away (it now redirects to `personId`). */
  mergedId: number;
}

/**
 * Merges one record of a person into another: quotes, mentions, bylines, aliases and corrections
 * move to `into`, which keeps its name (and takes a role or affiliation it lacked); `from` is
 * deleted, and its slug and id redirect to `into`. Editorial changes run one at a time, so two
 * editors merging the same people end with one merge: the second finds `from` gone into `into`.
 */
export function mergePeople(
  writer: SqlWriter,
  editor: Editor,
  input: { from: Ref; into: Ref; fromVersion?: number | null; intoVersion?: number | null },
): Promise<MergeResult> {
  return runEdit(writer, editor, async (edit) => {
    const from = await findNamed<PersonState>(edit.session, 'Person', input.from);
    const into = await findNamed<PersonState>(edit.session, 'Person', input.into);
    if (from.id === into.id) {
      throw badInput(`Cannot merge ${from.name} ("${from.slug}") into themselves${'slug' in input.from && input.from.slug !== from.slug ? ` ("${input.from.slug}" was merged into them already)` : ''}`);
    }
    checkVersion(`The person "${from.slug}"`, from.version, input.fromVersion);
    checkVersion(`The person "${into.slug}"`, into.version, input.intoVersion);
    const { session } = edit;
    const aliasesBefore = await aliasesOf(edit, into.id);
    const [moved] = await session.query<{ quotes: number; mentions: number; bylines: number }>(
      `WITH quotes AS (UPDATE "Quote" SET "speakerId" = $2, "version" = "version" + 1 WHERE "speakerId" = $1 RETURNING 1),
         mentions AS (SELECT count(*)::int AS n FROM "ArticleMention" WHERE "personId" = $1),
         bylines AS (SELECT count(*)::int AS n FROM "ArticleAuthor" WHERE "personId" = $1)
       SELECT (SELECT count(*)::int FROM quotes) AS "quotes", (SELECT n FROM mentions) AS "mentions", (SELECT n FROM bylines) AS "bylines"`,
      [from.id, into.id],
    );
    // An article naming both keeps one mention and one byline, the merged person's.
    await session.query(
      `DELETE FROM "ArticleMention" m WHERE m."personId" = $1 AND EXISTS (SELECT FROM "ArticleMention" o WHERE o."articleId" = m."articleId" AND o."personId" = $2)`,
      [from.id, into.id],
    );
    await session.query('UPDATE "ArticleMention" SET "personId" = $2 WHERE "personId" = $1', [from.id, into.id]);
    await session.query(
      `DELETE FROM "ArticleAuthor" m WHERE m."personId" = $1 AND EXISTS (SELECT FROM "ArticleAuthor" o WHERE o."articleId" = m."articleId" AND o."personId" = $2)`,
      [from.id, into.id],
    );
    await session.query('UPDATE "ArticleAuthor" SET "personId" = $2 WHERE "personId" = $1', [from.id, into.id]);
    await session.query(
      `INSERT INTO "PersonAlias" ("personId", "alias", "normalized")
       SELECT $2, "alias", "normalized" FROM "PersonAlias" WHERE "personId" = $1
         AND "normalized" NOT IN (SELECT "normalized" FROM "PersonAlias" WHERE "personId" = $2)
       ORDER BY "id"`,
      [from.id, into.id],
    );
    await session.query('UPDATE "Correction" SET "speakerId" = $2 WHERE "speakerId" = $1', [from.id, into.id]);
    await session.query(`UPDATE "Redirect" SET "targetId" = $2 WHERE "type" = 'Person' AND "targetId" = $1`, [from.id, into.id]);
    await session.query(
      `INSERT INTO "Redirect" ("type", "slug", "formerId", "targetId", "createdAt") VALUES ('Person', $1, $2, $3, $4::timestamp)`,
      [from.slug, from.id, into.id, edit.now],
    );
    await session.query(
      `UPDATE "Person" SET "role" = coalesce("role", $2), "affiliation" = coalesce("affiliation", $3), "version" = "version" + 1 WHERE "id" = $1`,
      [into.id, from.role, from.affiliation],
    );
    await session.query('DELETE FROM "Person" WHERE "id" = $1', [from.id]);
    const aliasesAfter = await aliasesOf(edit, into.id);
    const changeIds = await recordChanges(edit, [
      {
        action: 'mergePeople',
        objectType: 'Person',
        objectId: into.id,
        before: { aliases: aliasesBefore.map((alias) => alias.alias), role: into.role, affiliation: into.affiliation },
        after: {
          aliases: aliasesAfter.map((alias) => alias.alias),
          role: into.role ?? from.role,
          affiliation: into.affiliation ?? from.affiliation,
          merged: { slug: from.slug, name: from.name, ...moved },
        },
      },
      {
        action: 'mergePeople',
        objectType: 'Person',
        objectId: from.id,
        before: { slug: from.slug, name: from.name, role: from.role, affiliation: from.affiliation },
        after: { mergedInto: { slug: into.slug, name: into.name } },
      },
    ]);
    return { personId: into.id, mergedId: from.id, changeIds };
  });
}

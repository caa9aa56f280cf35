// Changes to sources and topics: renaming (the old slug keeps finding it, and articles naming the
// old name find it when ingested), merging two into one, and deleting one no article uses.
import type { SqlWriter } from '../db/writer.js';
import { slugify } from '../ingest/slug.js';
import { recordChanges } from './change-record.js';
import { runEdit, type Editor } from './edit-transaction.js';
import { badInput, checkVersion } from './editorial-error.js';
import { requiredName } from './names.js';
import { moveSlug } from './person-edits.js';
import { findNamed, type NamedState, type Ref } from './references.js';

export type Catalogue = 'Source' | 'Topic';

const LABEL: Record<Catalogue, string> = { Source: 'source', Topic: 'topic' };

export interface NamedEditResult {
  id: number;
  changeIds: number[];
}

/** Renames a source or topic; its slug follows the name, and the old slug redirects to it. */
export function renameNamed(writer: SqlWriter, editor: Editor, table: Catalogue, input: { ref: Ref; name: string; version?: number | null }): Promise<NamedEditResult> {
  return runEdit(writer, editor, async (edit) => {
    const name = requiredName(input.name, 'name');
    const row = await findNamed<NamedState>(edit.session, table, input.ref);
    checkVersion(`The ${LABEL[table]} "${row.slug}"`, row.version, input.version);
    if (name === row.name) throw badInput(`The ${LABEL[table]} is called "${name}" already`);
    const slug = slugify(name);
    const [other] = await edit.session.query<{ slug: string; name: string }>(
      `SELECT "slug", "name" FROM "${table}" WHERE ("slug" = $1 OR lower("name") = lower($2)) AND "id" <> $3`,
      [slug, name, row.id],
    );
    if (other) {
      throw badInput(`There is a ${LABEL[table]} "${other.name}" ("${other.slug}") already: merge the two instead (merge${table === 'Source' ? 'Sources' : 'Topics'})`);
    }
    await moveSlug(edit, table, row, slug);
    await edit.session.query(`UPDATE "${table}" SET "name" = $2, "slug" = $3, "version" = "version" + 1 WHERE "id" = $1`, [row.id, name, slug]);
    const changeIds = await recordChanges(edit, [
      { action: `rename${table}`, objectType: table, objectId: row.id, before: { name: row.name, slug: row.slug }, after: { name, slug } },
    ]);
    return { id: row.id, changeIds };
  });
}

/** Merges one source or topic into another: its articles move, and its slug and id redirect. */
export function mergeNamed(
  writer: SqlWriter,
  editor: Editor,
  table: Catalogue,
  input: { from: Ref; into: Ref; fromVersion?: number | null; intoVersion?: number | null },
): Promise<NamedEditResult & { mergedId: number }> {
  return runEdit(writer, editor, async (edit) => {
    const from = await findNamed<NamedState>(edit.session, table, input.from);
    const into = await findNamed<NamedState>(edit.session, table, input.into);
    if (from.id === into.id) throw badInput(`Cannot merge the ${LABEL[table]} "${from.slug}" into itself`);
    checkVersion(`The ${LABEL[table]} "${from.slug}"`, from.version, input.fromVersion);
    checkVersion(`The ${LABEL[table]} "${into.slug}"`, into.version, input.intoVersion);
    const { session } = edit;
    let moved: Record<string, number>;
    if (table === 'Source') {
      const [counts] = await session.query<{ articles: number; contributions: number }>(
        `WITH articles AS (UPDATE "Article" SET "sourceId" = $2 WHERE "sourceId" = $1 RETURNING 1),
           corrections AS (UPDATE "Correction" SET "sourceId" = $2 WHERE "sourceId" = $1)
         SELECT (SELECT count(*)::int FROM articles) AS "articles",
                (SELECT count(*)::int FROM "ArticleContributor" WHERE "sourceId" = $1) AS "contributions"`,
        [from.id, into.id],
      );
      await session.query(
        `DELETE FROM "ArticleContributor" c WHERE c."sourceId" = $1 AND EXISTS (SELECT FROM "ArticleContributor" o WHERE o."articleId" = c."articleId" AND o."sourceId" = $2)`,
        [from.id, into.id],
      );
      await session.query('UPDATE "ArticleContributor" SET "sourceId" = $2 WHERE "sourceId" = $1', [from.id, into.id]);
      moved = counts!;
    } else {
      const [counts] = await session.query<{ articles: number }>('SELECT count(*)::int AS "articles" FROM "ArticleTopic" WHERE "topicId" = $1', [from.id]);
      await session.query(
        `DELETE FROM "ArticleTopic" t WHERE t."topicId" = $1 AND EXISTS (SELECT FROM "ArticleTopic" o WHERE o."articleId" = t."articleId" AND o."topicId" = $2)`,
        [from.id, into.id],
      );
      await session.query('UPDATE "ArticleTopic" SET "topicId" = $2 WHERE "topicId" = $1', [from.id, into.id]);
      moved = counts!;
    }
    await session.query('UPDATE "Redirect" SET "targetId" = $3 WHERE "type" = $1 AND "targetId" = $2', [table, from.id, into.id]);
    await session.query(
      'INSERT INTO "Redirect" ("type", "slug", "formerId", "targetId", "createdAt") VALUES ($1, $2, $3, $4, $5::timestamp)',
      [table, from.slug, from.id, into.id, edit.now],
    );
    await session.query(`UPDATE "${table}" SET "version" = "version" + 1 WHERE "id" = $1`, [into.id]);
    await session.query(`DELETE FROM "${table}" WHERE "id" = $1`, [from.id]);
    const action = `merge${table === 'Source' ? 'Sources' : 'Topics'}`;
    const changeIds = await recordChanges(edit, [
      { action, objectType: table, objectId: into.id, before: null, after: { merged: { slug: from.slug, name: from.name, ...moved } } },
      { action, objectType: table, objectId: from.id, before: { slug: from.slug, name: from.name }, after: { mergedInto: { slug: into.slug, name: into.name } } },
    ]);
    return { id: into.id, mergedId: from.id, changeIds };
  });
}

/** Deletes a source or topic that nothing uses (no article, credit or correction names it); else BAD_USER_INPUT. */
export function deleteNamed(writer: SqlWriter, editor: Editor, table: Catalogue, input: { ref: Ref; version?: number | null }): Promise<NamedEditResult> {
  return runEdit(writer, editor, async (edit) => {
    const row = await findNamed<NamedState>(edit.session, table, input.ref);
    checkVersion(`The ${LABEL[table]} "${row.slug}"`, row.version, input.version);
    const [usage] = await edit.session.query<{ uses: number }>(
      table === 'Source'
        ? `SELECT (SELECT count(*) FROM "Article" WHERE "sourceId" = $1) + (SELECT count(*) FROM "ArticleContributor" WHERE "sourceId" = $1)
             + (SELECT count(*) FROM "Correction" WHERE "sourceId" = $1) AS "uses"`
        : 'SELECT count(*) AS "uses" FROM "ArticleTopic" WHERE "topicId" = $1',
      [row.id],
    );
    const uses = Number(usage!.uses);
    if (uses > 0) {
      throw badInput(`The ${LABEL[table]} "${row.slug}" is still used ${uses} time(s) by articles: merge it into another ${LABEL[table]} instead`);
    }
    await edit.session.query('DELETE FROM "Redirect" WHERE "type" = $1 AND "targetId" = $2', [table, row.id]);
    await edit.session.query(`DELETE FROM "${table}" WHERE "id" = $1`, [row.id]);
    const changeIds = await recordChanges(edit, [
      { action: `delete${table}`, objectType: table, objectId: row.id, before: { slug: row.slug, name: row.name }, after: null },
    ]);
    return { id: row.id, changeIds };
  });
}

// Changes to articles: their metadata (title, publication date and source are corrections that a
// re-ingest keeps; the url is the article's identity), publishing and unpublishing, and deletion.
import type { SqlWriter } from '../db/writer.js';
import { slugify } from '../ingest/slug.js';
import { canonicalSourceName } from '../ingest/store.js';
import { recordChanges, type ChangeEntry, type Edit } from './change-record.js';
import { keepCorrection, refreshNotices } from './correction-facts.js';
import type { CorrectionKind } from './corrections.js';
import { runEdit, type Editor } from './edit-transaction.js';
import { badInput, checkVersion } from './editorial-error.js';
import { optionalText, requiredName } from './names.js';
import { freeSlug } from './people.js';
import { findArticle, type ArticleState, type Ref } from './references.js';

export interface ArticleEditResult {
  articleId: number;
  changeIds: number[];
}

const MAX_TITLE_LENGTH = 500;
const MAX_URL_LENGTH = 2_000;

/** A url as an article's identity: an absolute http(s) url, or BAD_USER_INPUT. */
export function checkedUrl(value: string): string {
  const url = value.trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput(`"url" is not a url: "${url.slice(0, 100)}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badInput('"url" must be an http or https url');
  if (url.length > MAX_URL_LENGTH) throw badInput(`"url" is longer than ${MAX_URL_LENGTH} characters`);
  return url;
}

/** The source with this name (through renames and merges), created if there is none; null for none. */
async function sourceNamed(edit: Edit, action: string, name: string | null): Promise<{ id: number; name: string } | null> {
  if (name === null) return null;
  const canonical = canonicalSourceName(requiredName(name, 'source'));
  const slug = slugify(canonical);
  const [found] = await edit.session.query<{ id: number; name: string }>(
    `SELECT "id", "name" FROM "Source" WHERE "id" = coalesce((SELECT "id" FROM "Source" WHERE "slug" = $1),
       (SELECT "targetId" FROM "Redirect" WHERE "type" = 'Source' AND "slug" = $1))`,
    [slug],
  );
  if (found) return found;
  const [created] = await edit.session.query<{ id: number }>(
    'INSERT INTO "Source" ("slug", "name", "createdAt") VALUES ($1, $2, $3::timestamp) RETURNING "id"',
    [await freeSlug(edit.session, 'Source', canonical), canonical, edit.now],
  );
  await recordChanges(edit, [{ action, objectType: 'Source', objectId: created!.id, before: null, after: { name: canonical } }]);
  return { id: created!.id, name: canonical };
}

async function keepArticleCorrection(edit: Edit, articleId: number, kind: CorrectionKind, values: { text?: string; publishedAt?: string | null; sourceId?: number | null }) {
  await keepCorrection(edit, {
    articleId,
    kind,
    anchor: '',
    occurrence: 0,
    text: values.text ?? null,
    publishedAt: values.publishedAt ?? null,
    sourceId: values.sourceId ?? null,
  });
}

/**
 * Edits an article's metadata. A title, publication date or source set here is a correction: it
 * prints a notice and wins over what a re-ingested text says. Fields left out stay as they are;
 * null clears the date, the source or the url.
 */
export function updateArticle(
  writer: SqlWriter,
  editor: Editor,
  input: { article: Ref; title?: string; publishedAt?: Date | null; source?: string | null; url?: string | null; version?: number | null },
): Promise<ArticleEditResult> {
  return runEdit(writer, editor, async (edit) => {
    const title = input.title === undefined ? undefined : optionalText(input.title, 'title', MAX_TITLE_LENGTH);
    if (title === null) throw badInput('"title" must not be empty');
    const url = input.url === undefined ? undefined : input.url === null || input.url.trim() === '' ? null : checkedUrl(input.url);
    if (input.publishedAt !== undefined && input.publishedAt !== null && Number.isNaN(input.publishedAt.getTime())) throw badInput('"publishedAt" is not a date');
    if (title === undefined && input.publishedAt === undefined && input.source === undefined && url === undefined) {
      throw badInput('Give at least one of "title", "publishedAt", "source" or "url"');
    }
    const article = await findArticle(edit.session, input.article);
    checkVersion(`The article "${article.slug}"`, article.version, input.version);
    const { session } = edit;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};

    if (title !== undefined && title !== article.title) {
      await session.query(
        `UPDATE "Article" SET "title" = $2::text, "titleDerived" = false,
           "searchVector" = setweight(to_tsvector('english', $2::text), 'A') ||
             setweight(to_tsvector('english', coalesce("standfirst", '')), 'B') || setweight(to_tsvector('english', "body"), 'C')
         WHERE "id" = $1`,
        [article.id, title],
      );
      await keepArticleCorrection(edit, article.id, 'TITLE', { text: title });
      before.title = article.title;
      after.title = title;
    }
    if (input.publishedAt !== undefined) {
      const publishedAt = input.publishedAt === null ? null : input.publishedAt.toISOString();
      if (publishedAt !== article.publishedAt) {
        const timestamp = publishedAt === null ? null : publishedAt.replace('T', ' ').replace('Z', '');
        await session.query(
          `WITH article AS (UPDATE "Article" SET "publishedAt" = $2::timestamp, "date" = coalesce($2::timestamp, "ingestedAt") WHERE "id" = $1 RETURNING "date")
           UPDATE "Quote" SET "date" = (SELECT "date" FROM article) WHERE "articleId" = $1`,
          [article.id, timestamp],
        );
        await keepArticleCorrection(edit, article.id, 'PUBLISHED_AT', { publishedAt });
        before.publishedAt = article.publishedAt;
        after.publishedAt = publishedAt;
      }
    }
    if (input.source !== undefined) {
      const source = await sourceNamed(edit, 'updateArticle', input.source === null || input.source.trim() === '' ? null : input.source);
      if ((source?.id ?? null) !== article.sourceId) {
        await session.query('UPDATE "Article" SET "sourceId" = $2 WHERE "id" = $1', [article.id, source?.id ?? null]);
        await keepArticleCorrection(edit, article.id, 'SOURCE', { sourceId: source?.id ?? null });
        before.source = article.sourceName;
        after.source = source?.name ?? null;
      }
    }
    if (url !== undefined && url !== article.url) {
      const [taken] = url === null ? [] : await session.query<{ slug: string }>('SELECT "slug" FROM "Article" WHERE "url" = $1', [url]);
      if (taken) throw badInput(`The article "${taken.slug}" has that url already`);
      await session.query('UPDATE "Article" SET "url" = $2 WHERE "id" = $1', [article.id, url]);
      before.url = article.url;
      after.url = url;
    }
    if (Object.keys(after).length === 0) throw badInput('Nothing to change: the article has those values already');
    await session.query('UPDATE "Article" SET "version" = "version" + 1 WHERE "id" = $1', [article.id]);
    await refreshNotices(session, article.id);
    const changeIds = await recordChanges(edit, [{ action: 'updateArticle', objectType: 'Article', objectId: article.id, before, after }]);
    return { articleId: article.id, changeIds };
  });
}

/** Publishes or unpublishes an article: unpublished, it and its quotes are left out of every public read. */
export function setArticlePublished(
  writer: SqlWriter,
  editor: Editor,
  input: { article: Ref; published: boolean; version?: number | null },
): Promise<ArticleEditResult> {
  return runEdit(writer, editor, async (edit) => {
    const article = await findArticle(edit.session, input.article);
    checkVersion(`The article "${article.slug}"`, article.version, input.version);
    if (article.published === input.published) throw badInput(`The article "${article.slug}" is ${input.published ? 'published' : 'unpublished'} already`);
    await edit.session.query(
      `WITH article AS (UPDATE "Article" SET "published" = $2, "version" = "version" + 1 WHERE "id" = $1)
       UPDATE "Quote" SET "articlePublished" = $2 WHERE "articleId" = $1`,
      [article.id, input.published],
    );
    const changeIds = await recordChanges(edit, [
      {
        action: input.published ? 'publishArticle' : 'unpublishArticle',
        objectType: 'Article',
        objectId: article.id,
        before: { published: article.published },
        after: { published: input.published },
      },
    ]);
    return { articleId: article.id, changeIds };
  });
}

/** Deletes an article and all that hangs on it (quotes, mentions, revisions, corrections); its people, sources and topics stay. */
export function deleteArticle(writer: SqlWriter, editor: Editor, input: { article: Ref; version?: number | null }): Promise<ArticleEditResult & { slug: string }> {
  return runEdit(writer, editor, async (edit) => {
    const article: ArticleState = await findArticle(edit.session, input.article);
    checkVersion(`The article "${article.slug}"`, article.version, input.version);
    const [counts] = await edit.session.query<{ quotes: number; revisions: number }>(
      `SELECT (SELECT count(*)::int FROM "Quote" WHERE "articleId" = $1) AS "quotes",
              (SELECT count(*)::int FROM "ArticleRevision" WHERE "articleId" = $1) AS "revisions"`,
      [article.id],
    );
    const entry: ChangeEntry = {
      action: 'deleteArticle',
      objectType: 'Article',
      objectId: article.id,
      before: { slug: article.slug, title: article.title, url: article.url, source: article.sourceName, published: article.published, ...counts },
      after: null,
    };
    await edit.session.query('DELETE FROM "Article" WHERE "id" = $1', [article.id]);
    const changeIds = await recordChanges(edit, [entry]);
    return { articleId: article.id, slug: article.slug, changeIds };
  });
}

// Finding the objects an editor names: by id or slug (an article also by url), following the
// redirects renames and merges left, so that an old slug or id names what it became.
import type { SqlSession } from '../db/writer.js';
import { notFound } from './editorial-error.js';

/** An object as an editor names it: by database id or by slug (an article also by url). */
export type Ref = { id: number } | { slug: string } | { url: string };

export type NamedTable = 'Person' | 'Source' | 'Topic';

/** How a reference reads in a message: `"sergey-lavrov"`, `id 12`. */
export function describeRef(ref: Ref): string {
  if ('id' in ref) return `id ${ref.id}`;
  if ('slug' in ref) return `"${ref.slug}"`;
  return `url "${ref.url}"`;
}

const LABELS: Record<NamedTable, string> = { Person: 'person', Source: 'source', Topic: 'topic' };

export interface PersonState {
  id: number;
  slug: string;
  name: string;
  role: string | null;
  affiliation: string | null;
  version: number;
}

export interface NamedState {
  id: number;
  slug: string;
  name: string;
  version: number;
}

/** The person, source or topic `ref` names, through renames and merges; NOT_FOUND if none. */
export async function findNamed<T extends NamedState>(session: SqlSession, table: NamedTable, ref: Ref): Promise<T> {
  const columns = table === 'Person' ? 't."id", t."slug", t."name", t."role", t."affiliation", t."version"' : 't."id", t."slug", t."name", t."version"';
  let rows: T[] = [];
  if ('id' in ref) {
    rows = await session.query<T>(
      `SELECT ${columns} FROM "${table}" t
       WHERE t."id" = coalesce((SELECT "targetId" FROM "Redirect" WHERE "type" = $2 AND "formerId" = $1), $1)`,
      [ref.id, table],
    );
  } else if ('slug' in ref) {
    rows = await session.query<T>(
      `SELECT ${columns} FROM "${table}" t
       WHERE t."id" = coalesce((SELECT "id" FROM "${table}" WHERE "slug" = $1), (SELECT "targetId" FROM "Redirect" WHERE "type" = $2 AND "slug" = $1))`,
      [ref.slug, table],
    );
  }
  if (!rows[0]) throw notFound(`No ${LABELS[table]} with ${describeRef(ref)}`);
  return rows[0];
}

export interface ArticleState {
  id: number;
  slug: string;
  url: string | null;
  title: string;
  titleDerived: boolean;
  publishedAt: string | null;
  /** When first ingested, as UTC timestamp text. */
  ingestedAt: string;
  sourceId: number | null;
  sourceName: string | null;
  published: boolean;
  revision: number;
  version: number;
}

/** The article `ref` names (published or not); NOT_FOUND if none. */
export async function findArticle(session: SqlSession, ref: Ref): Promise<ArticleState> {
  const where = 'id' in ref ? 'a."id" = $1::int' : 'slug' in ref ? 'a."slug" = $1::text' : 'a."url" = $1::text';
  const value = 'id' in ref ? ref.id : 'slug' in ref ? ref.slug : ref.url;
  const [row] = await session.query<ArticleState>(
    `SELECT a."id", a."slug", a."url", a."title", a."titleDerived", to_char(a."publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "publishedAt",
       a."ingestedAt"::text AS "ingestedAt", a."sourceId", s."name" AS "sourceName", a."published", a."revision", a."version"
     FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId" WHERE ${where}`,
    [value],
  );
  if (!row) throw notFound(`No article with ${describeRef(ref)}`);
  return row;
}

export interface QuoteState {
  id: number;
  articleId: number;
  text: string;
  startOffset: number;
  endOffset: number;
  kind: 'DIRECT' | 'PARTIAL';
  speakerId: number | null;
  speakerSlug: string | null;
  speakerName: string | null;
  speakerDescription: string | null;
  anchor: string;
  occurrence: number;
  retracted: boolean;
  version: number;
}

/** The quotes with these ids, in the order asked; NOT_FOUND for any that does not exist. */
export async function findQuotes(session: SqlSession, ids: number[]): Promise<QuoteState[]> {
  const rows = await session.query<QuoteState>(
    `SELECT q."id", q."articleId", q."text", q."startOffset", q."endOffset", q."kind"::text AS "kind", q."speakerId",
       p."slug" AS "speakerSlug", p."name" AS "speakerName", q."speakerDescription", coalesce(q."anchor", q."text") AS "anchor",
       q."occurrence", q."retracted", q."version"
     FROM "Quote" q LEFT JOIN "Person" p ON p."id" = q."speakerId" WHERE q."id" = ANY($1::int[])`,
    [ids],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const quote = byId.get(id);
    if (!quote) throw notFound(`No quote with id ${id}`);
    return quote;
  });
}

export async function findQuote(session: SqlSession, id: number): Promise<QuoteState> {
  return (await findQuotes(session, [id]))[0]!;
}

/** The raw text of the article's current revision; null when it was stored before texts were kept. */
export async function currentText(session: SqlSession, article: { id: number; revision: number }): Promise<string | null> {
  const [row] = await session.query<{ text: string | null }>(
    'SELECT "text" FROM "ArticleRevision" WHERE "articleId" = $1 AND "number" = $2',
    [article.id, article.revision],
  );
  return row?.text ?? null;
}

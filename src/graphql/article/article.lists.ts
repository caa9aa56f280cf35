// What the read engine reads of articles: their rows by id and slug, the lists of articles the
// schema offers, and the filters of article lists (shared with quote lists, which filter by article).
import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql.js';
import { columns, KEY, orderBy, throughLink, type Filter, type JoinedRow, type ListSpec, type NestedList, type RowSource, type SqlParameters } from '../read/catalogue.js';
import { idOfSlug } from '../read/compile.js';
import { sourceRows } from '../source/source.lists.js';

export interface ArticleRow extends Record<string, unknown> {
  id: number;
  sourceId: number | null;
  slug: string;
  title: string;
  date: Date;
  /** Read with an article looked up by slug; otherwise loaded when asked (`articleText`). */
  paragraphs?: string[];
  body?: string;
}

export const articleColumns = columns({
  id: KEY,
  sourceId: KEY,
  slug: 'text',
  title: 'text',
  byline: 'text',
  dateline: 'text',
  standfirst: 'text',
  photoCaption: 'text',
  creditLine: 'text',
  publishedAt: 'timestamp',
  ingestedAt: 'timestamp',
  date: 'timestamp',
  url: 'text',
  externalId: 'text',
  titleDerived: 'boolean',
  revision: 'int',
  version: 'int',
  published: 'boolean',
  corrected: 'boolean',
  corrections: { type: 'json', sql: (t) => `${t}."correctionNotices"` },
});

/** Unpublished articles are left out of every public read, by a condition in its own statement. */
const PUBLISHED = 't."published"';

export interface ArticleText {
  paragraphs: string[];
  body: string;
}

/**
 * The body and paragraphs of articles, which lists and relations leave out (most of an article's
 * bytes, which PostgreSQL must decompress and pg must parse): read together for every article that
 * asks in the same tick (one statement however many articles), and never kept.
 */
const textLoaders = new WeakMap<SqlReader, DataLoader<number, ArticleText>>();

export function articleText(sql: SqlReader, articleId: number): Promise<ArticleText> {
  let loader = textLoaders.get(sql);
  if (!loader) {
    loader = new DataLoader<number, ArticleText>(
      async (ids) => {
        const rows = await sql.query<ArticleText & { id: number }>(
          'SELECT "id", "paragraphs", "body" FROM "Article" WHERE "id" = ANY($1::int[])',
          [[...ids]],
        );
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? { paragraphs: [], body: '' });
      },
      { cache: false },
    );
    textLoaders.set(sql, loader);
  }
  return loader.load(articleId);
}

/** An article's publisher, read along with the article when a query asks for it. */
export const sourceOfArticle: JoinedRow = { rows: sourceRows, key: 'sourceId' };

export const articleRows: RowSource = {
  table: '"Article"',
  columns: articleColumns,
  singleColumns: [...articleColumns, ...columns({ paragraphs: 'text[]', body: 'text' })],
  visible: PUBLISHED,
};

export const articlesNewestFirst: ListSpec = {
  from: '"Article" t',
  columns: articleColumns,
  order: orderBy(articleColumns, 'date', 'id'),
  direction: 'DESC',
  where: PUBLISHED,
  total: 'articles',
};
export const articlesOldestFirst: ListSpec = { ...articlesNewestFirst, direction: 'ASC' };

export const articlesPublishedBySource: NestedList = {
  name: 'articlesPublishedBySource',
  spec: articlesNewestFirst,
  parentColumn: 't."sourceId"',
  counter: { table: '"Source"', column: 'articleCount' },
};

export const articlesContributedToBySource: NestedList = {
  name: 'articlesContributedToBySource',
  ...throughLink(articlesNewestFirst, { table: 'ArticleContributor', alias: 'credit', rowKey: 'articleId', parentKey: 'sourceId' }),
};

export const articlesMentioningPerson: NestedList = {
  name: 'articlesMentioningPerson',
  ...throughLink(articlesNewestFirst, { table: 'ArticleMention', alias: 'mention', rowKey: 'articleId', parentKey: 'personId' }),
};

export const articlesByAuthor: NestedList = {
  name: 'articlesByAuthor',
  ...throughLink(articlesNewestFirst, { table: 'ArticleAuthor', alias: 'byline', rowKey: 'articleId', parentKey: 'personId' }),
};

export const articlesOnTopic: NestedList = {
  name: 'articlesOnTopic',
  ...throughLink(articlesNewestFirst, { table: 'ArticleTopic', alias: 'tagged', rowKey: 'articleId', parentKey: 'topicId' }),
  counter: { table: '"Topic"', column: 'articleCount' },
};

export interface ArticleRevisionRow extends Record<string, unknown> {
  id: number;
  number: number;
}

const revisionColumns = columns({
  id: KEY,
  articleId: KEY,
  number: 'int',
  title: 'text',
  text: 'text',
  contentHash: 'text',
  ingestedAt: 'timestamp',
  key: { type: 'text', sql: (t) => `${t}."keyName"` },
});

/** An article's revisions, first to last. */
export const revisionsOfArticle: NestedList = {
  name: 'revisionsOfArticle',
  spec: {
    from: '"ArticleRevision" t',
    columns: revisionColumns,
    order: orderBy(revisionColumns, 'number', 'id'),
    direction: 'ASC',
  },
  parentColumn: 't."articleId"',
};

/** The filters article and quote lists share: by the topic or source of the article, and by its date. */
export interface ArticleFilterArguments {
  source?: string | null;
  topic?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/**
 * Conditions on a list's rows by their article, written once for both lists: `articleId` is the SQL
 * of the row's article id (`t."id"` for an article, `t."articleId"` for a quote), and `sourceId`,
 * when the row has it, of the article's source; every listed row has its article's date as `t."date"`.
 */
export function byArticle(parameters: SqlParameters, args: ArticleFilterArguments, articleId: string, sourceId?: string): string[] {
  const conditions: string[] = [];
  if (args.topic) {
    conditions.push(`${articleId} IN (SELECT tagged."articleId" FROM "ArticleTopic" tagged
        WHERE tagged."topicId" = ${idOfSlug('"Topic"', 'Topic', parameters.add(args.topic))})`);
  }
  if (args.source) {
    const source = idOfSlug('"Source"', 'Source', parameters.add(args.source));
    conditions.push(sourceId ? `${sourceId} = ${source}` : `${articleId} IN (SELECT article."id" FROM "Article" article WHERE article."sourceId" = ${source})`);
  }
  if (args.from) conditions.push(`t."date" >= ${parameters.add(args.from.toISOString())}::timestamp`);
  if (args.to) conditions.push(`t."date" < ${parameters.add(args.to.toISOString())}::timestamp`);
  return conditions;
}

/** The filters of the articles list. */
export function articleFilter(args: ArticleFilterArguments & { person?: string | null }): Filter {
  return (parameters) => {
    const conditions = byArticle(parameters, args, 't."id"', 't."sourceId"');
    if (args.person) {
      conditions.push(`t."id" IN (SELECT mention."articleId" FROM "ArticleMention" mention
        WHERE mention."personId" = ${idOfSlug('"Person"', 'Person', parameters.add(args.person))})`);
    }
    return conditions;
  };
}

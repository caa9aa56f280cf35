// SQL for reading articles: by id, and the lists of articles the schema offers.
import DataLoader from 'dataloader';
import type { SqlReader } from '../../db/sql.js';
import type { NestedList, RowSource } from '../loaders.js';
import type { JoinedRow } from '../pagination/joined-rows.js';
import type { ListSpec } from '../pagination/keyset.js';
import { BY_DATE } from '../pagination/orderings.js';
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

const columns = `t."id", t."sourceId", t."slug", t."title", t."byline", t."dateline", t."standfirst",
  t."photoCaption", t."creditLine", t."publishedAt", t."ingestedAt", t."date", t."url", t."externalId", t."titleDerived",
  t."revision", t."version", t."published", t."corrected", t."correctionNotices" AS "corrections"`;

const timestamps = ['publishedAt', 'ingestedAt', 'date'];

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
export const sourceOfArticle: JoinedRow = { field: 'source', rows: sourceRows, key: 'sourceId' };

export const articleRows: RowSource = {
  table: '"Article"',
  columns,
  singleColumns: `${columns}, t."paragraphs", t."body"`,
  joins: [sourceOfArticle],
  timestamps,
  visible: PUBLISHED,
};

export const articlesNewestFirst: ListSpec = {
  from: '"Article" t',
  columns,
  order: BY_DATE,
  direction: 'DESC',
  joins: [sourceOfArticle],
  timestamps,
  where: PUBLISHED,
};
export const articlesOldestFirst: ListSpec = { ...articlesNewestFirst, direction: 'ASC' };

export const articlesPublishedBySource: NestedList = {
  name: 'articlesPublishedBySource',
  spec: articlesNewestFirst,
  parentColumn: 't."sourceId"',
};

export const articlesContributedToBySource: NestedList = {
  name: 'articlesContributedToBySource',
  spec: { ...articlesNewestFirst, from: '"Article" t JOIN "ArticleContributor" credit ON credit."articleId" = t."id"' },
  parentColumn: 'credit."sourceId"',
};

export const articlesMentioningPerson: NestedList = {
  name: 'articlesMentioningPerson',
  spec: { ...articlesNewestFirst, from: '"Article" t JOIN "ArticleMention" mention ON mention."articleId" = t."id"' },
  parentColumn: 'mention."personId"',
};

export const articlesByAuthor: NestedList = {
  name: 'articlesByAuthor',
  spec: { ...articlesNewestFirst, from: '"Article" t JOIN "ArticleAuthor" byline ON byline."articleId" = t."id"' },
  parentColumn: 'byline."personId"',
};

export const articlesOnTopic: NestedList = {
  name: 'articlesOnTopic',
  spec: { ...articlesNewestFirst, from: '"Article" t JOIN "ArticleTopic" tagged ON tagged."articleId" = t."id"' },
  parentColumn: 'tagged."topicId"',
};

export interface ArticleRevisionRow extends Record<string, unknown> {
  id: number;
  number: number;
}

/** An article's revisions, first to last. */
export const revisionsOfArticle: NestedList = {
  name: 'revisionsOfArticle',
  spec: {
    from: '"ArticleRevision" t',
    columns: 't."id", t."articleId", t."number", t."title", t."text", t."contentHash", t."ingestedAt", t."keyName" AS "key"',
    order: [
      { expression: 't."number"', field: 'number', type: 'int' },
      { expression: 't."id"', field: 'id', type: 'int' },
    ],
    direction: 'ASC',
    timestamps: ['ingestedAt'],
  },
  parentColumn: 't."articleId"',
};

// SQL for reading articles: by id, and the lists of articles the schema offers.
import type { NestedList, RowSource } from '../loaders.js';
import type { ListSpec } from '../pagination/keyset.js';
import { BY_DATE } from '../pagination/orderings.js';

export interface ArticleRow extends Record<string, unknown> {
  id: number;
  sourceId: number | null;
  slug: string;
  title: string;
  date: Date;
}

const columns = `t."id", t."sourceId", t."slug", t."title", t."byline", t."dateline", t."standfirst",
  t."photoCaption", t."creditLine", t."paragraphs", t."body", t."publishedAt", t."ingestedAt", t."date"`;

export const articleRows: RowSource = { table: '"Article"', columns };

export const articlesNewestFirst: ListSpec = {
  from: '"Article" t',
  columns,
  order: BY_DATE,
  direction: 'DESC',
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

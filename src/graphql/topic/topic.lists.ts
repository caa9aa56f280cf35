// SQL for reading topics: by id, and the lists of topics the schema offers.
import type { NestedList, RowSource } from '../loaders.js';
import type { ListSpec } from '../pagination/keyset.js';
import { BY_NAME } from '../pagination/orderings.js';

export interface TopicRow extends Record<string, unknown> {
  id: number;
  slug: string;
  name: string;
}

const columns = 't."id", t."slug", t."name", t."version"';

export const topicRows: RowSource = { table: '"Topic"', columns, redirects: 'Topic' };

export const topicsByName: ListSpec = {
  from: '"Topic" t',
  columns,
  order: BY_NAME,
  direction: 'ASC',
};

export const topicsOfArticle: NestedList = {
  name: 'topicsOfArticle',
  spec: { ...topicsByName, from: '"Topic" t JOIN "ArticleTopic" tagged ON tagged."topicId" = t."id"' },
  parentColumn: 'tagged."articleId"',
};

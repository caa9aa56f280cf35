// What the read engine reads of topics: their rows by id and slug, and the lists of topics the schema offers.
import { columns, KEY, orderBy, throughLink, type ListSpec, type NestedList, type RowSource } from '../read/catalogue.js';

export interface TopicRow extends Record<string, unknown> {
  id: number;
  slug: string;
  name: string;
}

const topicColumns = columns({ id: KEY, slug: 'text', name: 'text', version: 'int' });

export const topicRows: RowSource = { table: '"Topic"', columns: topicColumns, redirects: 'Topic' };

export const topicsByName: ListSpec = {
  from: '"Topic" t',
  columns: topicColumns,
  order: orderBy(topicColumns, 'name', 'id'),
  direction: 'ASC',
};

export const topicsOfArticle: NestedList = {
  name: 'topicsOfArticle',
  ...throughLink(topicsByName, { table: 'ArticleTopic', alias: 'tagged', rowKey: 'topicId', parentKey: 'articleId' }),
};

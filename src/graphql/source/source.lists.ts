// What the read engine reads of sources: their rows by id and slug, and the lists of sources the schema offers.
import { columns, KEY, orderBy, throughLink, type ListSpec, type NestedList, type RowSource } from '../read/catalogue.js';

export interface SourceRow extends Record<string, unknown> {
  id: number;
  slug: string;
  name: string;
}

const sourceColumns = columns({ id: KEY, slug: 'text', name: 'text', version: 'int' });

export const sourceRows: RowSource = { table: '"Source"', columns: sourceColumns, redirects: 'Source' };

export const sourcesByName: ListSpec = {
  from: '"Source" t',
  columns: sourceColumns,
  order: orderBy(sourceColumns, 'name', 'id'),
  direction: 'ASC',
};

export const contributorsOfArticle: NestedList = {
  name: 'contributorsOfArticle',
  ...throughLink(sourcesByName, { table: 'ArticleContributor', alias: 'credit', rowKey: 'sourceId', parentKey: 'articleId' }),
};

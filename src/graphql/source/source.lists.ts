// SQL for reading sources: by id, and the lists of sources the schema offers.
import type { NestedList, RowSource } from '../loaders.js';
import type { ListSpec } from '../pagination/keyset.js';
import { BY_NAME } from '../pagination/orderings.js';

export interface SourceRow extends Record<string, unknown> {
  id: number;
  slug: string;
  name: string;
}

const columns = 't."id", t."slug", t."name", t."version"';

export const sourceRows: RowSource = { table: '"Source"', columns, redirects: 'Source' };

export const sourcesByName: ListSpec = {
  from: '"Source" t',
  columns,
  order: BY_NAME,
  direction: 'ASC',
};

export const contributorsOfArticle: NestedList = {
  name: 'contributorsOfArticle',
  spec: { ...sourcesByName, from: '"Source" t JOIN "ArticleContributor" credit ON credit."sourceId" = t."id"' },
  parentColumn: 'credit."articleId"',
};

// SQL for reading people: by id, and the lists of people the schema offers.
import type { NestedList, RowSource } from '../loaders.js';
import type { ListSpec } from '../pagination/keyset.js';
import { BY_NAME } from '../pagination/orderings.js';

export interface PersonRow extends Record<string, unknown> {
  id: number;
  slug: string;
  name: string;
  role: string | null;
  affiliation: string | null;
  /** Read with a person looked up by slug (one index probe, and a statement saved); otherwise loaded when asked. */
  aliases?: string[];
}

const columns = 't."id", t."slug", t."name", t."role", t."affiliation", t."version"';

export const personRows: RowSource = {
  table: '"Person"',
  columns,
  redirects: 'Person',
  singleColumns: `${columns}, ARRAY(SELECT alias."alias" FROM "PersonAlias" alias WHERE alias."personId" = t."id" ORDER BY alias."id") AS "aliases"`,
};

export const peopleByName: ListSpec = {
  from: '"Person" t',
  columns,
  order: BY_NAME,
  direction: 'ASC',
};

export const peopleMentionedInArticle: NestedList = {
  name: 'peopleMentionedInArticle',
  spec: { ...peopleByName, from: '"Person" t JOIN "ArticleMention" mention ON mention."personId" = t."id"' },
  parentColumn: 'mention."articleId"',
};

export const authorsOfArticle: NestedList = {
  name: 'authorsOfArticle',
  spec: {
    from: '"Person" t JOIN "ArticleAuthor" byline ON byline."personId" = t."id"',
    columns: `${columns}, byline."position"`,
    order: [
      { expression: 'byline."position"', field: 'position', type: 'int' },
      { expression: 't."id"', field: 'id', type: 'int' },
    ],
    direction: 'ASC',
  },
  parentColumn: 'byline."articleId"',
};

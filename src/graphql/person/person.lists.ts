// What the read engine reads of people: their rows by id and slug, the lists of people the schema
// offers, and the filter of the people list.
import { literalLikePattern } from '../../db/sql.js';
import { normalizeName } from '../../ingest/identity.js';
import { columns, KEY, orderBy, throughLink, type Filter, type ListSpec, type NestedList, type RowSource } from '../read/catalogue.js';

export interface PersonRow extends Record<string, unknown> {
  id: number;
  slug: string;
  name: string;
  role: string | null;
  affiliation: string | null;
  /** Read with a person looked up by slug (one index probe, and a statement saved); otherwise loaded when asked. */
  aliases?: string[];
}

const personColumns = columns({ id: KEY, slug: 'text', name: 'text', role: 'text', affiliation: 'text', version: 'int' });

export const personRows: RowSource = {
  table: '"Person"',
  columns: personColumns,
  redirects: 'Person',
  singleColumns: [
    ...personColumns,
    ...columns({
      aliases: {
        type: 'text[]',
        sql: (t) => `ARRAY(SELECT alias."alias" FROM "PersonAlias" alias WHERE alias."personId" = ${t}."id" ORDER BY alias."id")`,
      },
    }),
  ],
};

export const peopleByName: ListSpec = {
  from: '"Person" t',
  columns: personColumns,
  order: orderBy(personColumns, 'name', 'id'),
  direction: 'ASC',
};

/** The filter of the people list: a prefix of any alias, or of any word inside one ("lav" finds "Sergey Lavrov"), taken literally. */
export function personFilter(args: { name?: string | null }): Filter {
  return (parameters) => {
    if (!args.name) return [];
    const normalized = normalizeName(args.name);
    if (normalized === '') return ['FALSE'];
    const prefix = parameters.add(literalLikePattern(normalized));
    return [`t."id" IN (SELECT alias."personId" FROM "PersonAlias" alias
        WHERE alias."normalized" LIKE ${prefix} || '%' OR alias."normalized" LIKE '% ' || ${prefix} || '%')`];
  };
}

const authorColumns = [...personColumns, ...columns({ position: { type: 'int', sql: () => 'byline."position"' } })];

export const peopleMentionedInArticle: NestedList = {
  name: 'peopleMentionedInArticle',
  ...throughLink(peopleByName, { table: 'ArticleMention', alias: 'mention', rowKey: 'personId', parentKey: 'articleId' }),
};

export const authorsOfArticle: NestedList = {
  name: 'authorsOfArticle',
  ...throughLink(
    { from: '"Person" t', columns: authorColumns, order: orderBy(authorColumns, 'position', 'id'), direction: 'ASC' },
    { table: 'ArticleAuthor', alias: 'byline', rowKey: 'personId', parentKey: 'articleId' },
  ),
};

// Ranked full-text search lists over the articles' and quotes' search vectors (GIN-indexed).
import type { ListSpec, OrderColumn, SqlParameters } from '../pagination/keyset.js';
import { articleRows, articlesNewestFirst, sourceOfArticle } from '../article/article.lists.js';
import { quoteJoins, quoteRows, quotesNewestFirst } from '../quote/quote.lists.js';

const byRank: OrderColumn[] = [
  { expression: 't."rank"', field: 'rank', type: 'real' },
  { expression: 't."id"', field: 'id', type: 'int' },
];

/** Rows of `table` matching `query` (web search syntax: words, "phrases", or, -not), with their rank. */
function matching(table: string, query: string) {
  return (parameters: SqlParameters): string => {
    // The search words are parsed once, as a row of their own: written as an expression instead,
    // PostgreSQL's prepared (generic) plan parsed them again for every row and ran 4 times slower.
    return `(SELECT t.*, ts_rank(t."searchVector", search.words) AS "rank"
      FROM ${table} t, websearch_to_tsquery('english', ${parameters.add(query)}) AS search(words)
      WHERE t."searchVector" @@ search.words) t`;
  };
}

export function articlesMatching(query: string): ListSpec {
  return {
    from: matching('"Article"', query),
    columns: `${articleRows.columns}, t."rank"`,
    order: byRank,
    direction: 'DESC',
    joins: [sourceOfArticle],
    where: articlesNewestFirst.where,
  };
}

export function quotesMatching(query: string): ListSpec {
  return {
    from: matching('"Quote"', query),
    columns: `${quoteRows.columns}, t."rank"`,
    order: byRank,
    direction: 'DESC',
    joins: quoteJoins,
    where: quotesNewestFirst.where,
  };
}

// Ranked full-text search lists over the articles' and quotes' search vectors (GIN-indexed).
import { articleColumns, articlesNewestFirst } from '../article/article.lists.js';
import { quoteColumns, quotesNewestFirst } from '../quote/quote.lists.js';
import { columns, orderBy, type Column, type ListSpec, type SqlParameters } from '../read/catalogue.js';

const rank = columns({ rank: 'real' });

/** A list of rows with `listed` columns ranked by how well they match, best first (`from` adds the rank). */
function rankedList(listed: readonly Column[], where: string | undefined): (from: ListSpec['from']) => ListSpec {
  const ranked = [...listed, ...rank];
  const order = orderBy(ranked, 'rank', 'id');
  return (from) => ({ from, columns: ranked, order, direction: 'DESC', where });
}

const rankedArticles = rankedList(articleColumns, articlesNewestFirst.where);
const rankedQuotes = rankedList(quoteColumns, quotesNewestFirst.where);

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
  return rankedArticles(matching('"Article"', query));
}

export function quotesMatching(query: string): ListSpec {
  return rankedQuotes(matching('"Quote"', query));
}

// Ranked full-text search lists over articles and quotes. A page is read by `quotegraph_search`
// (one function per way of reading, migration search_readings; the function trying them in turn as it
// stands, migration search_headline_words), which reads each word's documents best first from "SearchTerm" and ranks
// only as many documents as it must; a page read backwards ranks every match instead, and a count
// ranks none. A rank is "quotegraph_rank": the mean, in double precision, of a document's ts_rank for
// each word.
import { articleColumns, articlesNewestFirst } from '../article/article.lists.js';
import { quoteColumns, quotesNewestFirst } from '../quote/quote.lists.js';
import { columns, orderBy, type Column, type ListSpec, type PageWindow, type SqlParameters } from '../read/catalogue.js';

const rank = columns({ rank: 'float8' });

type SearchKind = 'ARTICLE' | 'QUOTE';

/** A list of rows with `listed` columns ranked by how well they match, best first (`from` adds the rank). */
function rankedList(listed: readonly Column[], where: string | undefined): (from: ListSpec['from']) => ListSpec {
  const ranked = [...listed, ...rank];
  const order = orderBy(ranked, 'rank', 'id');
  return (from) => ({ from, columns: ranked, order, direction: 'DESC', where });
}

const rankedArticles = rankedList(articleColumns, articlesNewestFirst.where);
const rankedQuotes = rankedList(quoteColumns, quotesNewestFirst.where);

/** Rows of `table` matching `query` (web search syntax: words, "phrases", or, -not), with their rank. */
function matching(kind: SearchKind, table: string, query: string) {
  return (parameters: SqlParameters, page?: PageWindow): string => {
    if (page?.forward) {
      const [afterRank, afterId] = page.after ?? [null, null];
      return `(SELECT t.*, found."rank" FROM "quotegraph_search"('${kind}', ${parameters.add(query)}, ${parameters.add(afterRank)}::float8,
          ${parameters.add(afterId)}::int, ${page.limit}) AS found JOIN ${table} t ON t."id" = found."id") t`;
    }
    // The search words are parsed once, as a row of their own: written as an expression instead,
    // PostgreSQL's prepared (generic) plan parsed them again for every row and ran 4 times slower.
    const search = `(SELECT words, "quotegraph_term_queries"("quotegraph_query_terms"(words)), "quotegraph_phrase_pairs"(words)
      FROM websearch_to_tsquery('english', ${parameters.add(query)}) AS words) AS search(words, terms, pairs)`;
    if (page) {
      return `(SELECT t.*, m."rank" FROM ${search}, "quotegraph_search_matches"('${kind}', search.words, search.terms) m
        JOIN ${table} t ON t."id" = m."id") t`;
    }
    // A count: every match, unranked; a phrase's through its word pairs' index (migration search_word_pairs),
    // which finds the documents that can hold it instead of every document holding its words (at 1M
    // articles, "foreign minister" counted in 6 ms instead of 1.1 s).
    return `(SELECT t.*, NULL::float8 AS "rank" FROM ${search}, LATERAL (
        SELECT t.* FROM ${table} t WHERE search.pairs IS NULL AND t."searchVector" @@ search.words
        UNION ALL
        SELECT t.* FROM (SELECT * FROM ${table} t WHERE "quotegraph_word_pairs"(t."searchVector") @@ search.pairs OFFSET 0) t
        WHERE search.pairs IS NOT NULL AND t."searchVector" @@ search.words) t) t`;
  };
}

export function articlesMatching(query: string): ListSpec {
  return rankedArticles(matching('ARTICLE', '"Article"', query));
}

export function quotesMatching(query: string): ListSpec {
  return rankedQuotes(matching('QUOTE', '"Quote"', query));
}

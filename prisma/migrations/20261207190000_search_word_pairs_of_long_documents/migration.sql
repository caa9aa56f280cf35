-- Written by hand (issue 17, hardening): a document too long for its word pairs is stored.
--
-- A document's word pairs (migration search_word_pairs) are a tsvector, which holds at most 1 MB of words:
-- an article under the ingest's 1 MB limit whose words are long (a ledger of 20,000 hashes: 660 KB of
-- text, 1.3 MB of pairs) failed to store, with PostgreSQL's "string is too long for tsvector". Its pairs
-- are now the one lexeme "*", which no pair of words can be, and a search through the pairs reads such
-- documents whatever its phrase (they are then checked on their words, as every document is).
--
-- The function's answer is unchanged for every document that could be stored before (its pairs fitted),
-- so the indexes built on it hold the same entries and need no rebuilding (checked on the bench database
-- of 10,000 articles and 80,000 quotes: every document's pairs the same). The pairs' sizes are added up for
-- every document (with repeats, and only if those pass the limit without them): the pairs of those 10,000
-- articles took 1.42-1.47 s instead of 1.31-1.42 (about 10 µs an article, 5%).

CREATE OR REPLACE FUNCTION "quotegraph_word_pairs"(vector tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH word AS MATERIALIZED (SELECT word.lexeme, unnest(word.positions) AS "position" FROM unnest(vector) AS word),
  pair AS MATERIALIZED (
    SELECT first.lexeme || ' ' || second.lexeme AS lexeme
    FROM word first JOIN word second ON second."position" = first."position" + 1
    WHERE octet_length(first.lexeme) + octet_length(second.lexeme) < 2000)
  SELECT CASE WHEN sum(octet_length(pair.lexeme)) > 1048575
                   AND (SELECT sum(octet_length(kept.lexeme)) FROM (SELECT DISTINCT pair.lexeme FROM pair) kept) > 1048575
              THEN array_to_tsvector('{*}')
              ELSE coalesce(array_to_tsvector(array_agg(pair.lexeme)), ''::tsvector) END
  FROM pair
$$;

-- The first `most` listed documents (all, if NULL) holding the word `pairs` (or too long to keep theirs),
-- found through the pairs' index, or with no pairs matching `matches`, through the words' index; each with
-- its rank if it matches, else a NULL rank. (The OFFSET keeps PostgreSQL from ANDing the words' index with the pairs', which reads every
-- document holding the words.)
CREATE OR REPLACE FUNCTION "quotegraph_search_first_matches"(search_kind "SearchKind", matches tsquery, pairs tsquery, term_queries tsquery[], most INTEGER)
RETURNS TABLE ("id" INTEGER, "rank" DOUBLE PRECISION) LANGUAGE sql STABLE AS $$
  SELECT a."id", CASE WHEN a."searchVector" @@ matches THEN "quotegraph_rank"(a."searchVector", term_queries) END
  FROM (SELECT a."id", a."searchVector" FROM "Article" a
        WHERE search_kind = 'ARTICLE' AND pairs IS NOT NULL AND "quotegraph_word_pairs"(a."searchVector") @@ (pairs || '''*''') AND a."published"
        LIMIT most OFFSET 0) a
  UNION ALL
  SELECT a."id", "quotegraph_rank"(a."searchVector", term_queries)
  FROM (SELECT a."id", a."searchVector" FROM "Article" a
        WHERE search_kind = 'ARTICLE' AND pairs IS NULL AND a."searchVector" @@ matches AND a."published" LIMIT most OFFSET 0) a
  UNION ALL
  SELECT q."id", CASE WHEN q."searchVector" @@ matches THEN "quotegraph_rank"(q."searchVector", term_queries) END
  FROM (SELECT q."id", q."searchVector" FROM "Quote" q
        WHERE search_kind = 'QUOTE' AND pairs IS NOT NULL AND "quotegraph_word_pairs"(q."searchVector") @@ (pairs || '''*''')
          AND NOT q."retracted" AND q."articlePublished" LIMIT most OFFSET 0) q
  UNION ALL
  SELECT q."id", "quotegraph_rank"(q."searchVector", term_queries)
  FROM (SELECT q."id", q."searchVector" FROM "Quote" q
        WHERE search_kind = 'QUOTE' AND pairs IS NULL AND q."searchVector" @@ matches AND NOT q."retracted" AND q."articlePublished"
        LIMIT most OFFSET 0) q
$$;


-- Written by hand (issue 17): a search's rank becomes exact, so that the threshold algorithm can break a tie
-- at its bound by id instead of ranking every match.
--
-- A search ranked a document by ts_rank of its words joined by OR, which is the mean of its ranks for each
-- word, summed in single precision: two documents with the same ranks per word could come out one unit in
-- the last place apart, so the search could only stop once its last result ranked above the lists' bound by
-- a margin. Where many documents tie at the bound (quotes, which carry no weights, mostly rank 0.0608 for
-- each word they hold once), it never did: two common words' quotes read every list to its end or its cut
-- and then ranked every match (at 10k articles: 4 rounds, then the fallback).
--
-- Now a document's rank is the mean, in double precision, of its ranks for each word as "SearchTerm" keeps
-- them (REAL): the sum of a few REALs is exact in double precision, so a document ranks exactly the bound
-- only if it ranks exactly each list's edge for every word. A document no list has handed over yet sorts
-- below each list's edge, (rank, id) < (edge rank, edge id); so if it ties the bound, its id is below every
-- edge's id, and a result at (bound, smallest edge id) or above it beats every unread document.

DROP FUNCTION "quotegraph_search"("SearchKind", TEXT, REAL, INTEGER, INTEGER);
DROP FUNCTION "quotegraph_search_matches"("SearchKind", tsquery, tsquery);
DROP FUNCTION "quotegraph_any_term"(TEXT[]);

-- Each of the terms as a tsquery of that term alone.
CREATE FUNCTION "quotegraph_term_queries"(terms TEXT[]) RETURNS tsquery[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg("quotegraph_term_query"(term) ORDER BY place), '{}') FROM unnest(terms) WITH ORDINALITY AS word(term, place) $$;

-- A document's rank for a search: the mean, in double precision, of its ts_rank for each term (as
-- "SearchTerm" keeps them); 0 with no terms. Written out for up to three terms, so that PostgreSQL inlines
-- it into the statement (a SQL function with a FROM costs a call of its own, which made two common words'
-- articles a third slower than ts_rank of the words joined by OR; so did ranking a copy of the vector
-- read once: at 10k articles, ranking the 5,109 with "minister" by two words took 28 ms of PostgreSQL with
-- ts_rank of the OR query, 36 ms this way, 45 ms with the copy).
CREATE FUNCTION "quotegraph_rank_of_many"(vector tsvector, term_queries tsquery[]) RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(sum(ts_rank(vector, term_query)::DOUBLE PRECISION), 0) / greatest(cardinality(term_queries), 1) FROM unnest(term_queries) AS term_query
$$;

CREATE FUNCTION "quotegraph_rank"(vector tsvector, term_queries tsquery[]) RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE cardinality(term_queries)
    WHEN 1 THEN ts_rank(vector, term_queries[1])::DOUBLE PRECISION
    WHEN 2 THEN (ts_rank(vector, term_queries[1])::DOUBLE PRECISION + ts_rank(vector, term_queries[2])::DOUBLE PRECISION) / 2
    WHEN 3 THEN (ts_rank(vector, term_queries[1])::DOUBLE PRECISION + ts_rank(vector, term_queries[2])::DOUBLE PRECISION
                 + ts_rank(vector, term_queries[3])::DOUBLE PRECISION) / 3
    ELSE "quotegraph_rank_of_many"(vector, term_queries) END
$$;

-- Listed documents (published articles; quotes not retracted, of published articles) that match, ranked.
CREATE FUNCTION "quotegraph_search_matches"(search_kind "SearchKind", matches tsquery, term_queries tsquery[])
RETURNS TABLE ("id" INTEGER, "rank" DOUBLE PRECISION) LANGUAGE sql STABLE AS $$
  SELECT a."id", "quotegraph_rank"(a."searchVector", term_queries) FROM "Article" a
  WHERE search_kind = 'ARTICLE' AND a."published" AND a."searchVector" @@ matches
  UNION ALL
  SELECT q."id", "quotegraph_rank"(q."searchVector", term_queries) FROM "Quote" q
  WHERE search_kind = 'QUOTE' AND NOT q."retracted" AND q."articlePublished" AND q."searchVector" @@ matches
$$;

-- The best `wanted` listed documents matching the web-search `query` that rank below (after_rank, after_id),
-- best first (rank, then id, descending).
--   * One word: read from the term's list in order, nothing else ranked.
--   * Several words, a phrase, OR, exclusions: the threshold algorithm. Read the first `depth` entries of
--     each word's list and check and rank those documents (a phrase or an exclusion is checked on the
--     document itself). No document left unread ranks above the mean of the lists' ranks at `depth` (the
--     bound), nor ties it with an id as high as the lowest id at the lists' edges; so once `wanted` of the
--     ranked documents are above that, they are the answer; else read four times deeper.
--     A list that was cut bounds the documents below its cut by the rank and id at the cut.
--   * Past 10,240 entries a list, or 640 for a phrase whose words' lists are not cut (the GIN index then
--     finds the documents with all its words sooner than the lists' best documents hold the phrase), or
--     when a page goes below a cut (a deep page), or with no word to rank by ("-word" alone): every match
--     is ranked, as without terms.
CREATE FUNCTION "quotegraph_search"(search_kind "SearchKind", query TEXT, after_rank DOUBLE PRECISION, after_id INTEGER, wanted INTEGER)
RETURNS TABLE ("id" INTEGER, "rank" DOUBLE PRECISION) LANGUAGE plpgsql STABLE
-- See migration search_planner_costs: the statements below are planned as at the server's default.
SET random_page_cost = 4 AS $$
#variable_conflict use_column
DECLARE
  matches tsquery := websearch_to_tsquery('english', query);
  terms TEXT[] := "quotegraph_query_terms"(matches);
  term_queries tsquery[] := "quotegraph_term_queries"(terms);
  below_rank DOUBLE PRECISION := coalesce(after_rank, 'Infinity');
  below_id INTEGER := coalesce(after_id, 2147483647);
  depth INTEGER := greatest(2 * wanted, 40);
  deepest INTEGER := CASE WHEN strpos(matches::TEXT, '<') > 0 AND NOT EXISTS (
      SELECT FROM "SearchTermList" list WHERE list."kind" = search_kind AND list."term" = ANY (terms)) THEN 640 ELSE 10240 END;
  bound DOUBLE PRECISION;
  bound_id INTEGER;
  cut_rank REAL;
  cut_id INTEGER;
  every_list_read BOOLEAN;
  below_a_cut BOOLEAN;
  ids INTEGER[];
  ranks DOUBLE PRECISION[];
BEGIN
  IF cardinality(terms) = 1 AND matches = "quotegraph_term_query"(terms[1]) THEN
    SELECT list."rank", list."documentId" INTO cut_rank, cut_id
    FROM "SearchTermList" list WHERE list."kind" = search_kind AND list."term" = terms[1];
    SELECT array_agg(s."documentId" ORDER BY s."rank" DESC, s."documentId" DESC),
           array_agg(s."rank" ORDER BY s."rank" DESC, s."documentId" DESC) INTO ids, ranks
    FROM (SELECT s."documentId", s."rank" FROM "SearchTerm" s
          WHERE s."kind" = search_kind AND s."term" = terms[1] AND (s."rank", s."documentId") < (below_rank, below_id)
            AND (s."rank", s."documentId") > (coalesce(cut_rank, '-Infinity'), coalesce(cut_id, -1))
            AND "quotegraph_listed"(search_kind, s."documentId")
          ORDER BY s."rank" DESC, s."documentId" DESC LIMIT wanted) s;
    IF coalesce(cardinality(ids), 0) = wanted OR cut_rank IS NULL THEN
      RETURN QUERY SELECT * FROM unnest(coalesce(ids, '{}'), coalesce(ranks, '{}'));
      RETURN;
    END IF;
    depth := 2147483647; -- the page goes below the list's cut
  END IF;
  WHILE cardinality(terms) > 0 AND depth <= deepest LOOP
    -- Each list's rank and id at `depth`; for a list read to its end, 0 (no other document holds the word),
    -- or the rank and id at its cut if it was cut (documents below it are at or under them).
    SELECT sum(coalesce(edge."rank", list."rank", 0)::DOUBLE PRECISION) / cardinality(terms),
           min(CASE WHEN edge."rank" IS NOT NULL THEN edge."documentId" WHEN list."term" IS NOT NULL THEN list."documentId" + 1 END),
           bool_and(edge."rank" IS NULL), coalesce(bool_or(edge."rank" IS NULL AND list."term" IS NOT NULL), false)
      INTO bound, bound_id, every_list_read, below_a_cut
    FROM unnest(terms) AS word(term)
    LEFT JOIN "SearchTermList" list ON list."kind" = search_kind AND list."term" = word.term
    LEFT JOIN LATERAL (SELECT s."rank", s."documentId" FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word.term
        AND (s."rank", s."documentId") > (coalesce(list."rank", '-Infinity'), coalesce(list."documentId", -1))
        ORDER BY s."rank" DESC, s."documentId" DESC OFFSET depth - 1 LIMIT 1) edge ON true;
    SELECT array_agg(found."id" ORDER BY found."rank" DESC, found."id" DESC),
           array_agg(found."rank" ORDER BY found."rank" DESC, found."id" DESC) INTO ids, ranks
    FROM (
      SELECT m."id", m."rank" FROM "quotegraph_search_matches"(search_kind, matches, term_queries) m
      WHERE m."id" = ANY (ARRAY(
          SELECT DISTINCT top."documentId" FROM unnest(terms) AS word(term),
            LATERAL (SELECT s."documentId" FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word.term
                     ORDER BY s."rank" DESC, s."documentId" DESC LIMIT depth) top))
        AND (m."rank", m."id") < (below_rank, below_id)
      ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted) found;
    -- Every list read to its end and none cut: every match has been read.
    IF (every_list_read AND NOT below_a_cut) OR (coalesce(cardinality(ids), 0) >= wanted AND (ranks[wanted], ids[wanted]) >= (bound, bound_id)) THEN
      RETURN QUERY SELECT * FROM unnest(coalesce(ids, '{}'), coalesce(ranks, '{}'));
      RETURN;
    END IF;
    EXIT WHEN every_list_read;
    depth := depth * 4;
  END LOOP;
  RETURN QUERY SELECT m."id", m."rank" FROM "quotegraph_search_matches"(search_kind, matches, term_queries) m
    WHERE (m."rank", m."id") < (below_rank, below_id) ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted;
END $$;

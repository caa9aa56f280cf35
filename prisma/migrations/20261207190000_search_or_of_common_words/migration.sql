-- Written by hand (issue 17): a search of words joined by OR, in a large table, that the threshold algorithm
-- has not settled by depth 160, answers from the documents holding every word when no other can rank as
-- high. A document's rank is the mean of its ranks for each word; one holding every word ranks at least the
-- least rank a word can have (one occurrence at weight D, 0.0608), and one missing a word at most what the
-- other words' best ranks (the head of each word's list) add up to, over the number of words. Quotes carry no
-- weights, so for two words that is about 0.09 / 2 against 0.0608: every quote holding both outranks every
-- quote holding one. Then the page is the best of the documents holding every word, found through the GIN
-- index and ranked, if there are a page of them and the table's statistics put them at 50,000 or fewer.
--
-- "minister or envoy" over quotes at 1M articles: 20,003 quotes hold both; the search read the whole lists,
-- checked 10,240 of their quotes by key without being able to stop (a quote outside the lists may hold both
-- words) and then ranked all 745,000 matches (2.8 s).

CREATE OR REPLACE FUNCTION "quotegraph_search"(search_kind "SearchKind", query TEXT, after_rank DOUBLE PRECISION, after_id INTEGER, wanted INTEGER)
RETURNS TABLE ("id" INTEGER, "rank" DOUBLE PRECISION) LANGUAGE plpgsql STABLE
-- See migration search_planner_costs: the statements below are planned as at the server's default.
SET random_page_cost = 4 AS $$
#variable_conflict use_column
DECLARE
  matches tsquery := websearch_to_tsquery('english', query);
  terms TEXT[] := "quotegraph_query_terms"(matches);
  term_queries tsquery[];
  -- The word pairs a match must hold (a phrase's neighbouring words), if the query has any.
  pairs tsquery;
  pair_documents BIGINT;
  -- How many documents holding a phrase's pairs are few enough to rank at once (`quotegraph.search_few_pairs`).
  few_pairs INTEGER := coalesce(nullif(current_setting('quotegraph.search_few_pairs', true), '')::INTEGER, 4000);
  -- How many matches of words one of which is rare are few enough to rank at once (`quotegraph.search_few_matches`).
  few_matches INTEGER := coalesce(nullif(current_setting('quotegraph.search_few_matches', true), '')::INTEGER, 4000);
  matched BIGINT;
  -- Words joined by OR: the most a document missing one of them can rank, and the query for them all.
  missing_one_bound DOUBLE PRECISION;
  every_term tsquery;
  term_query tsquery;
  -- The least rank a document holding a word can have for it: one occurrence at the lowest weight (D).
  floor_rank REAL := ts_rank('x:1'::tsvector, 'x'::tsquery);
  below_rank DOUBLE PRECISION := coalesce(after_rank, 'Infinity');
  below_id INTEGER := coalesce(after_id, 2147483647);
  depth INTEGER := greatest(2 * wanted, 40);
  -- Set once the query is known to be more than one word (see below).
  any_cut BOOLEAN;
  large BOOLEAN;
  deepest INTEGER;
  -- False with no word to rank by ("-word" alone), or for a page below a word's cut: every match is ranked.
  read_lists BOOLEAN := cardinality(terms) > 0;
  bound DOUBLE PRECISION;
  bound_id INTEGER;
  cut_rank REAL;
  cut_id INTEGER;
  every_list_read BOOLEAN;
  below_a_cut BOOLEAN;
  ids INTEGER[];
  ranks DOUBLE PRECISION[];
  held_ids INTEGER[];
  held_bounds DOUBLE PRECISION[];
  cut_total DOUBLE PRECISION;
  checked INTEGER := 0;
  batch INTEGER;
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
    read_lists := false; -- the page goes below the list's cut
  END IF;
  -- Whether a word's list was cut. If none was, the lists hold every document with the words, none longer
  -- than 10,000. A phrase with word pairs that more than 4,000 documents hold: the threshold algorithm to
  -- depth 160, then every document holding the pairs is ranked. Common words in a large table
  -- (`quotegraph.search_large_table` rows, 100,000 unless set otherwise): the threshold algorithm to depth
  -- 160, then the whole lists, documents checked by key. Otherwise the threshold algorithm as deep as it must
  -- (to 10,240), documents checked through the GIN index (a phrase on lists never cut, to 640: the GIN index
  -- then finds the documents with all its words sooner than the lists' best documents hold the phrase), then
  -- every match is ranked.
  term_queries := "quotegraph_term_queries"(terms);
  pairs := "quotegraph_phrase_pairs"(matches);
  -- A phrase whose pairs few documents hold (4,000 unless set otherwise): rank them all.
  IF read_lists AND pairs IS NOT NULL THEN
    SELECT count(*),
           (array_agg(m."id" ORDER BY m."rank" DESC, m."id" DESC) FILTER (WHERE (m."rank", m."id") < (below_rank, below_id)))[1:wanted],
           (array_agg(m."rank" ORDER BY m."rank" DESC, m."id" DESC) FILTER (WHERE (m."rank", m."id") < (below_rank, below_id)))[1:wanted]
      INTO pair_documents, ids, ranks
    FROM "quotegraph_search_pair_matches"(search_kind, matches, pairs, term_queries, few_pairs + 1) m;
    IF pair_documents <= few_pairs THEN
      RETURN QUERY SELECT * FROM unnest(coalesce(ids, '{}'), coalesce(ranks, '{}'));
      RETURN;
    END IF;
  END IF;
  any_cut := EXISTS (SELECT FROM "SearchTermList" list WHERE list."kind" = search_kind AND list."term" = ANY (terms));
  large := any_cut AND (SELECT greatest(c."reltuples", 0) >= coalesce(nullif(current_setting('quotegraph.search_large_table', true), '')::REAL, 100000)
      FROM pg_class c WHERE c."oid" = CASE search_kind WHEN 'ARTICLE' THEN '"Article"'::regclass ELSE '"Quote"'::regclass END);
  deepest := CASE WHEN large OR pairs IS NOT NULL THEN 160 WHEN strpos(matches::TEXT, '<') > 0 AND NOT any_cut THEN 640 ELSE 10240 END;
  -- The threshold algorithm (see migration search_exact_ranks).
  WHILE read_lists AND depth <= deepest LOOP
    SELECT sum(coalesce(edge."rank", list."rank", 0)::DOUBLE PRECISION) / cardinality(terms),
           min(CASE WHEN edge."rank" IS NOT NULL THEN edge."documentId" WHEN list."term" IS NOT NULL THEN list."documentId" + 1 END),
           bool_and(edge."rank" IS NULL), coalesce(bool_or(edge."rank" IS NULL AND list."term" IS NOT NULL), false)
      INTO bound, bound_id, every_list_read, below_a_cut
    FROM unnest(terms) AS word(term)
    LEFT JOIN "SearchTermList" list ON list."kind" = search_kind AND list."term" = word.term
    LEFT JOIN LATERAL (SELECT s."rank", s."documentId" FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word.term
        AND (s."rank", s."documentId") > (coalesce(list."rank", '-Infinity'), coalesce(list."documentId", -1))
        ORDER BY s."rank" DESC, s."documentId" DESC OFFSET depth - 1 LIMIT 1) edge ON true;
    -- The first `depth` documents of each list, checked by key in a large table, else through the GIN index
    -- (written out in both: as a subquery here, PostgreSQL reads the lists only if the GIN index finds
    -- documents with all the words at all).
    IF large THEN
      SELECT array_agg(found."id" ORDER BY found."rank" DESC, found."id" DESC),
             array_agg(found."rank" ORDER BY found."rank" DESC, found."id" DESC) INTO ids, ranks
      FROM (SELECT m."id", m."rank" FROM "quotegraph_search_checked"(search_kind, ARRAY(
                SELECT DISTINCT top."documentId" FROM unnest(terms) AS word(term),
                  LATERAL (SELECT s."documentId" FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word.term
                           ORDER BY s."rank" DESC, s."documentId" DESC LIMIT depth) top), matches, term_queries) m
            WHERE (m."rank", m."id") < (below_rank, below_id) ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted) found;
    ELSE
      SELECT array_agg(found."id" ORDER BY found."rank" DESC, found."id" DESC),
             array_agg(found."rank" ORDER BY found."rank" DESC, found."id" DESC) INTO ids, ranks
      FROM (SELECT m."id", m."rank" FROM "quotegraph_search_matches"(search_kind, matches, term_queries) m
            WHERE m."id" = ANY (ARRAY(
                SELECT DISTINCT top."documentId" FROM unnest(terms) AS word(term),
                  LATERAL (SELECT s."documentId" FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word.term
                           ORDER BY s."rank" DESC, s."documentId" DESC LIMIT depth) top))
              AND (m."rank", m."id") < (below_rank, below_id)
            ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted) found;
    END IF;
    IF (every_list_read AND NOT below_a_cut) OR (coalesce(cardinality(ids), 0) >= wanted AND (ranks[wanted], ids[wanted]) >= (bound, bound_id)) THEN
      RETURN QUERY SELECT * FROM unnest(coalesce(ids, '{}'), coalesce(ranks, '{}'));
      RETURN;
    END IF;
    EXIT WHEN every_list_read;
    depth := depth * 4;
  END LOOP;
  -- A phrase: every document holding its word pairs, ranked.
  IF read_lists AND pairs IS NOT NULL THEN
    RETURN QUERY SELECT m."id", m."rank" FROM "quotegraph_search_pair_matches"(search_kind, matches, pairs, term_queries, NULL) m
      WHERE (m."rank", m."id") < (below_rank, below_id) ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted;
    RETURN;
  END IF;
  -- Words joined by AND that few documents should hold together, by the table's statistics: if 4,000 or
  -- fewer match, rank them all.
  IF read_lists AND large AND strpos(matches::TEXT, '|') = 0 AND "quotegraph_documents_with_every_term"(search_kind, terms) <= few_matches THEN
    SELECT count(*),
           (array_agg(m."id" ORDER BY m."rank" DESC, m."id" DESC) FILTER (WHERE (m."rank", m."id") < (below_rank, below_id)))[1:wanted],
           (array_agg(m."rank" ORDER BY m."rank" DESC, m."id" DESC) FILTER (WHERE (m."rank", m."id") < (below_rank, below_id)))[1:wanted]
      INTO matched, ids, ranks
    FROM "quotegraph_search_some_matches"(search_kind, matches, term_queries, few_matches + 1) m;
    IF matched <= few_matches THEN
      RETURN QUERY SELECT * FROM unnest(coalesce(ids, '{}'), coalesce(ranks, '{}'));
      RETURN;
    END IF;
  END IF;
  -- Words joined by OR only, in a large table, where a document missing any of them ranks below one holding
  -- them all (what the others' best ranks add up to is less than the least rank of a document holding every
  -- word), which 50,000 or fewer hold by the table's statistics: the page is the best of those holding every
  -- word, if there are a page of them.
  IF read_lists AND large AND cardinality(terms) > 1 AND matches::TEXT !~ '[&!<(]' THEN
    SELECT (sum(best."rank"::DOUBLE PRECISION) - min(best."rank"::DOUBLE PRECISION)) / cardinality(terms) INTO missing_one_bound
    FROM unnest(terms) AS word(term),
      LATERAL (SELECT s."rank" FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word.term
               ORDER BY s."rank" DESC, s."documentId" DESC LIMIT 1) best;
    IF missing_one_bound < floor_rank AND "quotegraph_documents_with_every_term"(search_kind, terms) <= 50000 THEN
      FOREACH term_query IN ARRAY term_queries LOOP
        every_term := CASE WHEN every_term IS NULL THEN term_query ELSE every_term && term_query END;
      END LOOP;
      SELECT array_agg(found."id" ORDER BY found."rank" DESC, found."id" DESC),
             array_agg(found."rank" ORDER BY found."rank" DESC, found."id" DESC) INTO ids, ranks
      FROM (SELECT m."id", m."rank" FROM "quotegraph_search_matches"(search_kind, every_term, term_queries) m
            WHERE (m."rank", m."id") < (below_rank, below_id) ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted) found;
      IF coalesce(cardinality(ids), 0) = wanted THEN
        RETURN QUERY SELECT * FROM unnest(ids, ranks);
        RETURN;
      END IF;
    END IF;
  END IF;
  -- Common words in a large table: the whole lists, each document they hold with its bound, best first.
  IF read_lists AND large THEN
    -- The rest bound: the mean of the cuts' ranks, and the id a document in no list stays below on a tie.
    SELECT sum(coalesce(list."rank", 0)::DOUBLE PRECISION), min(list."documentId") + 1 INTO cut_total, bound_id
    FROM unnest(terms) AS word(term)
    LEFT JOIN "SearchTermList" list ON list."kind" = search_kind AND list."term" = word.term;
    bound := cut_total / cardinality(terms);
    -- (Sorted once, in the subquery: an ORDER BY in each array_agg sorted the 20,000 entries twice.)
    SELECT array_agg(held."documentId"), array_agg(held."bound") INTO held_ids, held_bounds
    FROM (SELECT entry."documentId", (sum(entry."rank"::DOUBLE PRECISION) + cut_total - sum(entry."cut"::DOUBLE PRECISION)) / cardinality(terms) AS "bound"
          FROM (SELECT s."documentId", s."rank", coalesce(list."rank", 0) AS "cut"
                FROM unnest(terms) AS word(term)
                LEFT JOIN "SearchTermList" list ON list."kind" = search_kind AND list."term" = word.term
                JOIN "SearchTerm" s ON s."kind" = search_kind AND s."term" = word.term
                  AND (s."rank", s."documentId") > (coalesce(list."rank", '-Infinity'), coalesce(list."documentId", -1))) entry
          GROUP BY entry."documentId" ORDER BY 2 DESC, 1 DESC) held;
    ids := '{}';
    ranks := '{}';
    batch := greatest(4 * wanted, 16);
    WHILE checked < coalesce(cardinality(held_ids), 0) AND checked < 10240 LOOP
      SELECT array_agg(found."id" ORDER BY found."rank" DESC, found."id" DESC),
             array_agg(found."rank" ORDER BY found."rank" DESC, found."id" DESC) INTO ids, ranks
      FROM (SELECT * FROM (
              SELECT * FROM unnest(ids, ranks) AS kept("id", "rank")
              UNION ALL
              SELECT m."id", m."rank" FROM "quotegraph_search_checked"(search_kind, held_ids[checked + 1 : checked + batch], matches, term_queries) m
              WHERE (m."rank", m."id") < (below_rank, below_id)) found
            ORDER BY found."rank" DESC, found."id" DESC LIMIT wanted) found;
      checked := checked + batch;
      IF coalesce(cardinality(ids), 0) >= wanted AND (ranks[wanted], ids[wanted]) >= (bound, bound_id)
         AND (checked >= cardinality(held_ids) OR (ranks[wanted], ids[wanted]) > (held_bounds[checked + 1], held_ids[checked + 1])) THEN
        RETURN QUERY SELECT * FROM unnest(coalesce(ids, '{}'), coalesce(ranks, '{}'));
        RETURN;
      END IF;
      batch := batch * 2;
    END LOOP;
  END IF;
  RETURN QUERY SELECT m."id", m."rank" FROM "quotegraph_search_matches"(search_kind, matches, term_queries) m
    WHERE (m."rank", m."id") < (below_rank, below_id) ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted;
END $$;

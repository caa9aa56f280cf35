-- Written by hand (issue 17): the whole lists (reading 8 of migration search_readings) sort and check only
-- the documents that could still make the page, and words seldom together are looked for through the GIN
-- index before them. (Written first as two migrations, the second, search_few_matches_the_lists_miss,
-- measured against the first: the "before" of bench/results/2026-12-07-search-s10-12.md, -s10-13.md,
-- -s100-12.md and -s100-13.md is this migration without its second part; merged before they landed, so
-- that the search function is restated once.)
--
-- Common words in a large table reach the whole lists after the threshold algorithm has checked the first
-- 160 documents of each word's list; the best `wanted` of those rank as high as the page will end at least
-- (`at_least`: the page cannot do worse than documents already found). A document ranks at most its bound
-- (its ranks in the lists that hold it, the cut's rank for the others, over the number of words), so one
-- bound below `at_least` cannot be on the page: such documents are dropped once bounded, before the sort,
-- instead of sorting every document of every list (at 100,000 articles, 19,094 for "sanctions summit",
-- sorted in about 8 ms). The documents the threshold algorithm found are kept (each ranks at least
-- `at_least`, so its bound does), and the page checked from them ends at or above `at_least`, above every
-- document dropped. Without such a page (fewer than `wanted` found), every document is kept, as before.
--
-- (Tried first: reading from each list only the entries ranking high enough above its cut for a document
-- to reach `at_least` with that word alone, and bounding those documents' other entries. The bound-ranking
-- statement then joined every entry to those documents, which PostgreSQL, expecting few, grouped by sorting:
-- at a million articles, where the threshold algorithm's page is low and most documents stay, articles of
-- "sanctions summit" 47.8 -> 55.5 ms and of "minister or envoy" 39.7 -> 49.6: bench/results/2026-12-07-search-s100-10.md.)

-- And, over articles, words joined by AND that the threshold algorithm found fewer than a page of are
-- looked for through the GIN index before the whole lists.
--
-- Reading 5 of migration search_readings ranks every match of words joined by AND, in a large table, when
-- 4,000 or fewer match (it reads at most 4,001 through the GIN index); it was tried only when the table's
-- statistics, taking the words as independent, put their documents together at 4,000 or fewer. Words that
-- are each common but seldom together fooled it: "border trade harbour", which no article holds, is put at
-- thousands, and at a million articles went on to the whole lists, which checked 10,240 documents by key
-- (none matching) before every match was ranked, through the GIN index, in a tenth of a millisecond. Now,
-- over articles, reading 5 is also tried when the threshold algorithm, having checked the best 160
-- documents of each word's list, found fewer than a page of matches: a sign the words are seldom together.
-- Where it found a page, nothing changes; where the words are together after all, at most 4,001 matches are
-- read and the search goes on. Not over quotes: they carry no weights, so the lists' best quotes (repeating a
-- word) seldom hold the others, and reading 6 answers from the quotes at the floor; the extra reading cost
-- "sanctions summit" 6.4 -> 20.0 ms at 100,000 articles (bench/results/2026-12-07-search-s10-12.md).

DROP FUNCTION "quotegraph_search_whole_lists"("SearchKind", tsquery, TEXT[], tsquery[], DOUBLE PRECISION, INTEGER, INTEGER);

-- 8. Common words in a large table (migration search_bounded_lists): the whole lists, each document they
-- hold with its bound (its ranks in the lists that hold it, the cut's rank for the others, over the number
-- of words), checked by key best bound first, in batches doubling from 4 × `wanted`, until the page's last
-- document ranks above every unchecked bound and above the rest bound (the mean of the cuts' ranks: a
-- document in no list). At most 10,240 are checked; if that does not settle it, every match is ranked.
-- With `at_least` (the rank the page is known to reach), only the documents bound that high are sorted and checked.
CREATE FUNCTION "quotegraph_search_whole_lists"(search_kind "SearchKind", matches tsquery, terms TEXT[], term_queries tsquery[],
    below_rank DOUBLE PRECISION, below_id INTEGER, wanted INTEGER, at_least DOUBLE PRECISION,
    OUT "settled" BOOLEAN, OUT "ids" INTEGER[], OUT "ranks" DOUBLE PRECISION[])
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
  bound DOUBLE PRECISION;
  bound_id INTEGER;
  cut_total DOUBLE PRECISION;
  held_ids INTEGER[];
  held_bounds DOUBLE PRECISION[];
  checked INTEGER := 0;
  batch INTEGER := greatest(4 * wanted, 16);
BEGIN
  settled := false;
  -- The rest bound: the mean of the cuts' ranks, and the id a document in no list stays below on a tie.
  SELECT sum(coalesce(list."rank", 0)::DOUBLE PRECISION), min(list."documentId") + 1 INTO cut_total, bound_id
  FROM unnest(terms) AS word(term)
  LEFT JOIN "SearchTermList" list ON list."kind" = search_kind AND list."term" = word.term;
  bound := cut_total / cardinality(terms);
  -- (Sorted once, in the subquery: an ORDER BY in each array_agg sorted the 20,000 entries twice. A bound
  -- within a millionth of `at_least` is kept, for rounding: ranks are single precision.)
  SELECT array_agg(held."documentId"), array_agg(held."bound") INTO held_ids, held_bounds
  FROM (SELECT entry."documentId", (sum(entry."rank"::DOUBLE PRECISION) + cut_total - sum(entry."cut"::DOUBLE PRECISION)) / cardinality(terms) AS "bound"
        FROM (SELECT s."documentId", s."rank", coalesce(list."rank", 0) AS "cut"
              FROM unnest(terms) AS word(term)
              LEFT JOIN "SearchTermList" list ON list."kind" = search_kind AND list."term" = word.term
              JOIN "SearchTerm" s ON s."kind" = search_kind AND s."term" = word.term
                AND (s."rank", s."documentId") > (coalesce(list."rank", '-Infinity'), coalesce(list."documentId", -1))) entry
        GROUP BY entry."documentId"
        HAVING at_least IS NULL
            OR (sum(entry."rank"::DOUBLE PRECISION) + cut_total - sum(entry."cut"::DOUBLE PRECISION)) / cardinality(terms) >= at_least - 1e-6
        ORDER BY 2 DESC, 1 DESC) held;
  ids := '{}';
  ranks := '{}';
  WHILE checked < coalesce(cardinality(held_ids), 0) AND checked < 10240 LOOP
    SELECT coalesce(array_agg(found."id" ORDER BY found."rank" DESC, found."id" DESC), '{}'),
           coalesce(array_agg(found."rank" ORDER BY found."rank" DESC, found."id" DESC), '{}') INTO ids, ranks
    FROM (SELECT * FROM (
            SELECT * FROM unnest(ids, ranks) AS kept("id", "rank")
            UNION ALL
            SELECT m."id", m."rank" FROM "quotegraph_search_checked"(search_kind, held_ids[checked + 1 : checked + batch], matches, term_queries) m
            WHERE (m."rank", m."id") < (below_rank, below_id)) found
          ORDER BY found."rank" DESC, found."id" DESC LIMIT wanted) found;
    checked := checked + batch;
    IF cardinality(ids) >= wanted AND (ranks[wanted], ids[wanted]) >= (bound, bound_id)
       AND (checked >= cardinality(held_ids) OR (ranks[wanted], ids[wanted]) > (held_bounds[checked + 1], held_ids[checked + 1])) THEN
      settled := true;
      RETURN;
    END IF;
    batch := batch * 2;
  END LOOP;
END $$;

-- The search, as migration search_readings wrote it, but for the rank the threshold algorithm's page
-- reached, handed to the whole lists.
-- The search, as migration search_readings wrote it, but for the rank the threshold algorithm's page
-- reached, handed to the whole lists, and reading 5's condition.
CREATE OR REPLACE FUNCTION "quotegraph_search"(search_kind "SearchKind", query TEXT, after_rank DOUBLE PRECISION, after_id INTEGER, wanted INTEGER)
RETURNS TABLE ("id" INTEGER, "rank" DOUBLE PRECISION) LANGUAGE plpgsql STABLE
-- See migration search_planner_costs: the statements below (and in the readings) are planned as at the
-- server's default.
SET random_page_cost = 4 AS $$
#variable_conflict use_column
DECLARE
  matches tsquery := websearch_to_tsquery('english', query);
  terms TEXT[] := "quotegraph_query_terms"(matches);
  term_queries tsquery[];
  -- The word pairs a match must hold (a phrase's neighbouring words), if the query has any.
  pairs tsquery;
  -- How many documents holding a phrase's pairs are few enough to rank at once (`quotegraph.search_few_pairs`).
  few_pairs INTEGER := coalesce(nullif(current_setting('quotegraph.search_few_pairs', true), '')::INTEGER, 4000);
  -- How many matches of words one of which is rare are few enough to rank at once (`quotegraph.search_few_matches`).
  few_matches INTEGER := coalesce(nullif(current_setting('quotegraph.search_few_matches', true), '')::INTEGER, 4000);
  -- The least rank a document holding a word can have for it: one occurrence at the lowest weight (D).
  floor_rank REAL := ts_rank('x:1'::tsvector, 'x'::tsquery);
  below_rank DOUBLE PRECISION := coalesce(after_rank, 'Infinity');
  below_id INTEGER := coalesce(after_id, 2147483647);
  -- False for a page below a word's cut: every match is ranked.
  read_lists BOOLEAN := true;
  joined_by_and BOOLEAN := strpos(matches::TEXT, '|') = 0;
  -- Whether a word's list was cut; whether the table has `quotegraph.search_large_table` rows (100,000
  -- unless set otherwise).
  any_cut BOOLEAN;
  large BOOLEAN;
  -- How many documents the statistics say hold every word (words joined by AND, or by OR).
  every_match DOUBLE PRECISION;
  -- Words joined by OR: the most a document missing one of them can rank, and the query for them all.
  missing_one_bound DOUBLE PRECISION;
  every_term tsquery;
  term_query tsquery;
  settled BOOLEAN;
  -- The rank the page is known to reach: the last of a full page the threshold algorithm found.
  at_least DOUBLE PRECISION;
  read_first BIGINT;
  ids INTEGER[];
  ranks DOUBLE PRECISION[];
BEGIN
  -- A query of stop words alone matches nothing.
  IF numnode(matches) = 0 THEN
    RETURN;
  END IF;
  -- 0. No word to rank by.
  IF cardinality(terms) = 0 THEN
    RETURN QUERY SELECT * FROM "quotegraph_search_newest"(search_kind, matches, below_rank, below_id, wanted);
    RETURN;
  END IF;
  -- 1. One word.
  IF cardinality(terms) = 1 AND matches = "quotegraph_term_query"(terms[1]) THEN
    SELECT page."settled", page."ids", page."ranks" INTO settled, ids, ranks
    FROM "quotegraph_search_one_word"(search_kind, terms[1], below_rank, below_id, wanted) page;
    IF settled THEN
      RETURN QUERY SELECT * FROM unnest(ids, ranks);
      RETURN;
    END IF;
    read_lists := false; -- the page goes below the list's cut
  END IF;
  term_queries := "quotegraph_term_queries"(terms);
  pairs := "quotegraph_phrase_pairs"(matches);
  -- 2. A phrase whose pairs few documents hold (4,000 unless set otherwise).
  IF read_lists AND pairs IS NOT NULL THEN
    SELECT few."documents", few."ids", few."ranks" INTO read_first, ids, ranks
    FROM "quotegraph_search_few"(search_kind, matches, pairs, term_queries, few_pairs, below_rank, below_id, wanted) few;
    IF read_first <= few_pairs THEN
      RETURN QUERY SELECT * FROM unnest(coalesce(ids, '{}'), coalesce(ranks, '{}'));
      RETURN;
    END IF;
  END IF;
  any_cut := EXISTS (SELECT FROM "SearchTermList" list WHERE list."kind" = search_kind AND list."term" = ANY (terms));
  large := any_cut AND (SELECT greatest(c."reltuples", 0) >= coalesce(nullif(current_setting('quotegraph.search_large_table', true), '')::REAL, 100000)
      FROM pg_class c WHERE c."oid" = CASE search_kind WHEN 'ARTICLE' THEN '"Article"'::regclass ELSE '"Quote"'::regclass END);
  -- 3. The threshold algorithm: to depth 160 for a phrase (whose pairs more than `few_pairs` documents hold)
  -- and for common words in a large table (the readings below take over); else as deep as it must, to
  -- 10,240 (a phrase on lists never cut, to 640: the GIN index then finds the documents with all its words
  -- sooner than the lists' best documents hold the phrase).
  IF read_lists THEN
    SELECT page."settled", page."ids", page."ranks" INTO settled, ids, ranks
    FROM "quotegraph_search_threshold"(search_kind, matches, terms, term_queries, large,
        CASE WHEN large OR pairs IS NOT NULL THEN 160 WHEN strpos(matches::TEXT, '<') > 0 AND NOT any_cut THEN 640 ELSE 10240 END,
        below_rank, below_id, wanted) page;
    IF settled THEN
      RETURN QUERY SELECT * FROM unnest(ids, ranks);
      RETURN;
    END IF;
    at_least := CASE WHEN cardinality(ids) >= wanted THEN ranks[wanted] END;
  END IF;
  -- 4. A phrase: every document holding its word pairs, ranked.
  IF read_lists AND pairs IS NOT NULL THEN
    RETURN QUERY SELECT m."id", m."rank" FROM "quotegraph_search_first_matches"(search_kind, matches, pairs, term_queries, NULL) m
      WHERE (m."rank", m."id") < (below_rank, below_id) ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted;
    RETURN;
  END IF;
  -- 5. Words joined by AND that few documents should hold together, by the table's statistics, or, over
  -- articles, that the threshold algorithm found fewer than a page of among the lists' best: if 4,000 or
  -- fewer match, rank them all.
  IF read_lists AND large AND joined_by_and THEN
    every_match := "quotegraph_documents_with_every_term"(search_kind, terms);
  END IF;
  IF every_match <= few_matches OR (read_lists AND large AND joined_by_and AND search_kind = 'ARTICLE' AND at_least IS NULL) THEN
    SELECT few."documents", few."ids", few."ranks" INTO read_first, ids, ranks
    FROM "quotegraph_search_few"(search_kind, matches, NULL, term_queries, few_matches, below_rank, below_id, wanted) few;
    IF read_first <= few_matches THEN
      RETURN QUERY SELECT * FROM unnest(coalesce(ids, '{}'), coalesce(ranks, '{}'));
      RETURN;
    END IF;
  END IF;
  -- Words joined by OR only, in a large table: the most a document missing one of them can rank (what the
  -- others' best ranks, the heads of their lists, add up to, over the number of words), the query for them
  -- all, and, if a document missing one ranks below the floor, how many the statistics say hold them all.
  IF read_lists AND large AND cardinality(terms) > 1 AND matches::TEXT !~ '[&!<(]' THEN
    SELECT (sum(best."rank"::DOUBLE PRECISION) - min(best."rank"::DOUBLE PRECISION)) / cardinality(terms) INTO missing_one_bound
    FROM unnest(terms) AS word(term),
      LATERAL (SELECT s."rank" FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word.term
               ORDER BY s."rank" DESC, s."documentId" DESC LIMIT 1) best;
    FOREACH term_query IN ARRAY term_queries LOOP
      every_term := CASE WHEN every_term IS NULL THEN term_query ELSE every_term && term_query END;
    END LOOP;
    IF missing_one_bound < floor_rank THEN
      every_match := "quotegraph_documents_with_every_term"(search_kind, terms);
    END IF;
  END IF;
  -- 6. Quotes holding every word, of words joined by AND, or by OR where a quote missing one ranks below
  -- the floor: 2 to 8 words, none of 500 bytes or more.
  IF read_lists AND large AND search_kind = 'QUOTE' AND cardinality(terms) BETWEEN 2 AND 8
     AND (joined_by_and OR missing_one_bound < floor_rank)
     AND (SELECT max(octet_length(term)) FROM unnest(terms) AS term) < 500 THEN
    SELECT page."settled", page."ids", page."ranks" INTO settled, ids, ranks
    FROM "quotegraph_search_quotes_at_the_floor"(terms, CASE WHEN joined_by_and THEN matches ELSE every_term END, term_queries,
        joined_by_and, every_match, few_matches, below_rank, below_id, wanted) page;
    IF settled THEN
      RETURN QUERY SELECT * FROM unnest(ids, ranks);
      RETURN;
    END IF;
  END IF;
  -- 7. Words joined by OR only, in a large table, where a document missing any of them ranks below one
  -- holding them all, which 50,000 or fewer hold by the table's statistics: the page is the best of those
  -- holding every word, if there are a page of them.
  IF missing_one_bound < floor_rank AND every_match <= 50000 THEN
    SELECT array_agg(found."id" ORDER BY found."rank" DESC, found."id" DESC),
           array_agg(found."rank" ORDER BY found."rank" DESC, found."id" DESC) INTO ids, ranks
    FROM (SELECT m."id", m."rank" FROM "quotegraph_search_matches"(search_kind, every_term, term_queries) m
          WHERE (m."rank", m."id") < (below_rank, below_id) ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted) found;
    IF coalesce(cardinality(ids), 0) = wanted THEN
      RETURN QUERY SELECT * FROM unnest(ids, ranks);
      RETURN;
    END IF;
  END IF;
  -- 8. Common words in a large table: the whole lists.
  IF read_lists AND large THEN
    SELECT page."settled", page."ids", page."ranks" INTO settled, ids, ranks
    FROM "quotegraph_search_whole_lists"(search_kind, matches, terms, term_queries, below_rank, below_id, wanted, at_least) page;
    IF settled THEN
      RETURN QUERY SELECT * FROM unnest(ids, ranks);
      RETURN;
    END IF;
  END IF;
  -- 9. Every match, ranked.
  RETURN QUERY SELECT m."id", m."rank" FROM "quotegraph_search_matches"(search_kind, matches, term_queries) m
    WHERE (m."rank", m."id") < (below_rank, below_id) ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted;
END $$;

-- Written by hand (issue 17): the search, as it stands, in one place, with each way of reading a page a
-- function of its own; and four of its slow paths mended (below). No page changes.
--
-- `quotegraph_search` had grown to 300 lines, restated whole by every migration that changed one part of
-- it (a plpgsql function can only be replaced whole). It is now a short function that works out what the
-- search is (its words, its phrase's word pairs, whether a word's list was cut, whether the table is large)
-- and tries the readings below in order, each of which either settles the page or says it cannot; the next
-- change to one reading replaces that function alone.
--
-- The readings, in the order they are tried (earlier migrations measured each; their names are given):
--  0. No word to rank by (excluded words alone: "-summit"): every match ranks 0, so the page is the newest
--     matches, read from the highest id down (new here).                    "quotegraph_search_newest"
--  1. One word: its list, best first (search_terms).                       "quotegraph_search_one_word"
--  2. A phrase whose word pairs few documents hold: all of them ranked
--     (search_word_pairs).                                                   "quotegraph_search_few"
--  3. The threshold algorithm over the words' lists (search_exact_ranks,
--     search_bounded_lists).                                                 "quotegraph_search_threshold"
--  4. A phrase: every document holding its word pairs, ranked (search_word_pairs).
--  5. Words joined by AND that few documents hold together, by the table's statistics (or, over articles,
--     as the threshold algorithm found): all of them ranked (search_word_pairs).  "quotegraph_search_few"
--  6. Quotes holding every word: those repeating one, then those at the floor, newest first
--     (search_quotes_of_common_words).                                       "quotegraph_search_quotes_at_the_floor"
--  7. Words joined by OR where a document missing one ranks below one holding them all: the best of those
--     holding every word (search_word_pairs).
--  8. Common words in a large table: the whole lists, each document with its bound, checked best bound
--     first (search_bounded_lists); for words joined by OR, then the matches that can reach the page.
--                                                                            "quotegraph_search_whole_lists"
--  9. Every match, ranked.                                                   "quotegraph_search_matches"
-- The functions of readings 1, 3, 6 and 8 return the page as two arrays (ids and ranks, best first) and
-- whether it settles the search; the others are the answer when they are reached.
--
-- Mended here (bench:search, alternating with the functions before each part; pages 1 to 3 of every query
-- the same before and after each):
-- * Excluded words alone (reading 0): "-summit" over quotes at 100,000 articles 4,731 -> 1.4 ms, past the
--   API's 5 s statement timeout before (bench/results/2026-12-07-search-s10-9.md).
-- * The whole lists sort and check only documents bound as high as the page the threshold algorithm found
--   (`at_least`): articles at 100,000 "sanctions summit" 20.5 -> 12.3 ms, "minister or envoy" 19.1 -> 11.4;
--   at a million "minister summit -vote" 24.4 -> 16.5, "ceasefire talks" 25.5 -> 16.7 (-search-s10-11.md,
--   -search-s100-11.md; a first version reading only the entries high enough, which PostgreSQL grouped by
--   sorting, lost 8 to 10 ms at a million: -search-s100-10.md).
-- * Reading 5 over articles also when the threshold algorithm found fewer than a page: the statistics put
--   "border trade harbour", which no article holds, at thousands, and at a million articles the whole lists
--   checked 10,240 by key: 56.5 -> 5.3 ms (-search-s100-13.md). Over quotes, whose lists' best seldom hold
--   the other words, it cost "sanctions summit" 6.4 -> 20.0 ms at 100,000 (-search-s10-12.md): not there.
-- * The whole lists may check every document they hold (up to 80,000), not stop at 10,240: at a million the
--   commonest words' cuts are high, and "minister or summit or talks" over articles settles only once all
--   29,697 are checked: 2,630 -> 238 ms (it ranked 978,292 matches). Then, for words joined by OR the lists
--   do not settle, only the matches holding a set of the words whose heads can reach the page are ranked:
--   "president or trade or border" at a million, quotes 4,215 -> 594 ms, articles 2,671 -> 1,053 ms
--   (-search-s10-15.md, -search-s100-15.md; the first of the two alone: -search-s10-14.md, -search-s100-14.md).
-- (Written first as three migrations, search_readings, search_whole_lists_above_the_page (with
-- search_few_matches_the_lists_miss) and search_whole_lists_to_their_end, each measured against the one
-- before; merged before they landed, so that the dispatcher and the whole lists are written once.)

-- 0. No word to rank by: a document's rank is the mean of its ranks for the search's words, 0 when there
-- are none, so every match ties and the page is the matches below the cursor with the highest ids. They
-- were ranked every one before: "-summit" over quotes took 7.2 s at 100,000 articles (past the API's 5 s
-- statement timeout) for what the primary key's index gives in a millisecond, since most documents match.
-- (The highest id a page may hold: any below the cursor's if the cursor ranks above 0, below its id at 0,
-- none below 0; each table read on its own, newest first, the other one not at all.)
CREATE FUNCTION "quotegraph_search_newest"(search_kind "SearchKind", matches tsquery, below_rank DOUBLE PRECISION, below_id INTEGER, wanted INTEGER)
RETURNS TABLE ("id" INTEGER, "rank" DOUBLE PRECISION) LANGUAGE sql STABLE AS $$
  (SELECT a."id", 0::DOUBLE PRECISION FROM "Article" a
   WHERE search_kind = 'ARTICLE' AND a."id" <= CASE WHEN below_rank > 0 THEN 2147483647 WHEN below_rank = 0 THEN below_id ELSE -2147483648 END
     AND (0::DOUBLE PRECISION, a."id") < (below_rank, below_id) AND a."published" AND a."searchVector" @@ matches
   ORDER BY a."id" DESC LIMIT wanted)
  UNION ALL
  (SELECT q."id", 0::DOUBLE PRECISION FROM "Quote" q
   WHERE search_kind = 'QUOTE' AND q."id" <= CASE WHEN below_rank > 0 THEN 2147483647 WHEN below_rank = 0 THEN below_id ELSE -2147483648 END
     AND (0::DOUBLE PRECISION, q."id") < (below_rank, below_id) AND NOT q."retracted" AND q."articlePublished" AND q."searchVector" @@ matches
   ORDER BY q."id" DESC LIMIT wanted)
$$;

-- 1. One word, not excluded, alone: the first `wanted` listed documents of its list below the cursor. The
-- answer when the list holds every document with the word (it was never cut) or the page ends above the
-- cut; else the page goes below the cut, where the list knows nothing, and every match is ranked.
CREATE FUNCTION "quotegraph_search_one_word"(search_kind "SearchKind", term TEXT, below_rank DOUBLE PRECISION, below_id INTEGER, wanted INTEGER,
    OUT "settled" BOOLEAN, OUT "ids" INTEGER[], OUT "ranks" DOUBLE PRECISION[])
LANGUAGE plpgsql STABLE AS $$
DECLARE
  cut_rank REAL;
  cut_id INTEGER;
BEGIN
  SELECT list."rank", list."documentId" INTO cut_rank, cut_id
  FROM "SearchTermList" list WHERE list."kind" = search_kind AND list."term" = quotegraph_search_one_word.term;
  SELECT coalesce(array_agg(s."documentId" ORDER BY s."rank" DESC, s."documentId" DESC), '{}'),
         coalesce(array_agg(s."rank" ORDER BY s."rank" DESC, s."documentId" DESC), '{}') INTO ids, ranks
  FROM (SELECT s."documentId", s."rank" FROM "SearchTerm" s
        WHERE s."kind" = search_kind AND s."term" = quotegraph_search_one_word.term AND (s."rank", s."documentId") < (below_rank, below_id)
          AND (s."rank", s."documentId") > (coalesce(cut_rank, '-Infinity'), coalesce(cut_id, -1))
          AND "quotegraph_listed"(search_kind, s."documentId")
        ORDER BY s."rank" DESC, s."documentId" DESC LIMIT wanted) s;
  settled := cardinality(ids) = wanted OR cut_rank IS NULL;
END $$;

-- 3. The threshold algorithm (migration search_exact_ranks): read the first `depth` entries of each word's
-- list, check and rank those documents; no document left unread ranks above the mean of the lists' ranks
-- at that depth (the cut's rank for a list read to its end), so once `wanted` of the ranked documents are
-- above that bound they are the page; else read four times deeper, up to `deepest`. Also the answer when
-- every list was read to its end and none was cut (the lists held every document with the words). In a
-- large table the documents are checked by key; otherwise through the GIN index (written out in both: as a
-- subquery, PostgreSQL reads the lists only if the GIN index finds documents with all the words at all).
CREATE FUNCTION "quotegraph_search_threshold"(search_kind "SearchKind", matches tsquery, terms TEXT[], term_queries tsquery[],
    large BOOLEAN, deepest INTEGER, below_rank DOUBLE PRECISION, below_id INTEGER, wanted INTEGER,
    OUT "settled" BOOLEAN, OUT "ids" INTEGER[], OUT "ranks" DOUBLE PRECISION[])
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
  depth INTEGER := greatest(2 * wanted, 40);
  bound DOUBLE PRECISION;
  bound_id INTEGER;
  every_list_read BOOLEAN;
  below_a_cut BOOLEAN;
BEGIN
  settled := false;
  WHILE depth <= deepest LOOP
    SELECT sum(coalesce(edge."rank", list."rank", 0)::DOUBLE PRECISION) / cardinality(terms),
           min(CASE WHEN edge."rank" IS NOT NULL THEN edge."documentId" WHEN list."term" IS NOT NULL THEN list."documentId" + 1 END),
           bool_and(edge."rank" IS NULL), coalesce(bool_or(edge."rank" IS NULL AND list."term" IS NOT NULL), false)
      INTO bound, bound_id, every_list_read, below_a_cut
    FROM unnest(terms) AS word(term)
    LEFT JOIN "SearchTermList" list ON list."kind" = search_kind AND list."term" = word.term
    LEFT JOIN LATERAL (SELECT s."rank", s."documentId" FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word.term
        AND (s."rank", s."documentId") > (coalesce(list."rank", '-Infinity'), coalesce(list."documentId", -1))
        ORDER BY s."rank" DESC, s."documentId" DESC OFFSET depth - 1 LIMIT 1) edge ON true;
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
    ids := coalesce(ids, '{}');
    ranks := coalesce(ranks, '{}');
    IF (every_list_read AND NOT below_a_cut) OR (cardinality(ids) >= wanted AND (ranks[wanted], ids[wanted]) >= (bound, bound_id)) THEN
      settled := true;
      RETURN;
    END IF;
    EXIT WHEN every_list_read;
    depth := depth * 4;
  END LOOP;
END $$;

-- 6. Quotes holding every word (migration search_quotes_of_common_words), of words joined by AND (no OR), or
-- of words joined by OR where a quote missing one ranks below the floor (`holding`: the query for every
-- word). Quotes carry no weights, so a quote holding each word once ranks exactly the floor, and those tie
-- (highest id first). The quotes repeating a word and holding the others are found through their strong
-- pairs' index and ranked, if 8,000 or fewer; then the quotes at the floor are read from the highest id
-- down (below the cursor), at most four times what the statistics (`every_match`) say it takes, until the
-- page is full. The answer when the page is full, or, joined by AND, every quote below the cursor was read.
CREATE FUNCTION "quotegraph_search_quotes_at_the_floor"(terms TEXT[], holding tsquery, term_queries tsquery[], joined_by_and BOOLEAN,
    every_match DOUBLE PRECISION, few_matches INTEGER, below_rank DOUBLE PRECISION, below_id INTEGER, wanted INTEGER,
    OUT "settled" BOOLEAN, OUT "ids" INTEGER[], OUT "ranks" DOUBLE PRECISION[])
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
  -- The least rank a document holding a word can have for it: one occurrence at the lowest weight (D).
  floor_rank REAL := ts_rank('x:1'::tsvector, 'x'::tsquery);
  strong_pairs tsquery;
  read_first BIGINT;
  weak_below BIGINT;
  reach INTEGER;
  weak_ids INTEGER[];
BEGIN
  settled := false;
  -- A quote repeating one of the words that holds every other: for "a b", "a b" or "b a"; or a quote
  -- with too many pairs to keep ("*").
  SELECT (string_agg('(' || pairs."every" || ')', ' | ') || ' | ''*''')::tsquery INTO strong_pairs
  FROM (SELECT string_agg('''' || replace(replace(strong.term || ' ' || other.term, '\', '\\'), '''', '''''') || '''', ' & ') AS "every"
        FROM unnest(terms) AS strong(term) JOIN unnest(terms) AS other(term) ON other.term <> strong.term
        GROUP BY strong.term) pairs;
  SELECT count(*),
         coalesce((array_agg(strong."id" ORDER BY strong."rank" DESC, strong."id" DESC)
            FILTER (WHERE strong."matches" AND strong."rank" > floor_rank AND (strong."rank", strong."id") < (below_rank, below_id)))[1:wanted], '{}'),
         coalesce((array_agg(strong."rank" ORDER BY strong."rank" DESC, strong."id" DESC)
            FILTER (WHERE strong."matches" AND strong."rank" > floor_rank AND (strong."rank", strong."id") < (below_rank, below_id)))[1:wanted], '{}')
    INTO read_first, ids, ranks
  FROM (SELECT q."id", q."searchVector" @@ holding AS "matches", "quotegraph_rank"(q."searchVector", term_queries) AS "rank"
        FROM (SELECT q."id", q."searchVector" FROM "Quote" q
              WHERE "quotegraph_strong_word_pairs"(q."searchVector") @@ strong_pairs AND NOT q."retracted" AND q."articlePublished"
              LIMIT 8001 OFFSET 0) q) strong;
  IF read_first <= 8000 AND cardinality(ids) >= wanted THEN
    settled := true;
    RETURN;
  END IF;
  -- (Words joined by OR that few quotes hold all of are ranked all at once later. Joined by AND, this
  -- point is reached with more than `few_matches` matches, by the statistics or by the first reading.)
  IF read_first <= 8000 AND every_match > 0 AND (joined_by_and OR every_match > few_matches) THEN
    -- The quotes at the floor below the cursor: any id if the cursor ranks above the floor, below its id
    -- if at it, none if below.
    weak_below := CASE WHEN floor_rank < below_rank THEN 2147483648 WHEN floor_rank = below_rank THEN below_id ELSE -2147483648 END;
    reach := least(ceil(4 * wanted * (SELECT greatest(c."reltuples", 1) FROM pg_class c WHERE c."oid" = '"Quote"'::regclass)
                        / greatest(every_match, few_matches)), 2147483647);
    SELECT coalesce(array_agg(weak."id" ORDER BY weak."id" DESC), '{}') INTO weak_ids
    FROM (SELECT q."id" FROM (SELECT q."id", q."searchVector", q."retracted", q."articlePublished" FROM "Quote" q
                              WHERE q."id" < weak_below ORDER BY q."id" DESC LIMIT reach) q
          WHERE q."searchVector" @@ holding AND NOT q."retracted" AND q."articlePublished"
            AND "quotegraph_rank"(q."searchVector", term_queries) = floor_rank
          LIMIT wanted - cardinality(ids)) weak;
    -- A full page, or every quote below the cursor read.
    IF cardinality(ids) + cardinality(weak_ids) = wanted
       OR (joined_by_and AND (SELECT count(*) FROM (SELECT FROM "Quote" q WHERE q."id" < weak_below LIMIT reach) every_read) < reach) THEN
      ids := ids || weak_ids;
      ranks := ranks || array_fill(floor_rank::DOUBLE PRECISION, ARRAY[cardinality(weak_ids)]);
      settled := true;
    END IF;
  END IF;
END $$;

-- 8. Common words in a large table (migration search_bounded_lists): the whole lists, each document they
-- hold with its bound (its ranks in the lists that hold it, the cut's rank for the others, over the number
-- of words), checked by key best bound first, in batches doubling from 4 × `wanted`, until the page's last
-- document ranks above every unchecked bound and above the rest bound (the mean of the cuts' ranks: a
-- document in no list). Every document the lists hold may be checked (at most 10,000 a word), up to
-- 80,000 (eight words' lists; a longer search stops there); if that does not settle it, words joined by OR
-- have the matches that can reach the page ranked (below), and any other search goes on to every match.
-- With `at_least` (the rank the page is known to reach), only the documents bound that high are sorted and
-- checked (migration search_whole_lists_above_the_page, merged here). `heads`, for words joined by OR only:
-- each word's best rank, the head of its list (NULL for a word no document holds).
CREATE FUNCTION "quotegraph_search_whole_lists"(search_kind "SearchKind", matches tsquery, terms TEXT[], term_queries tsquery[],
    below_rank DOUBLE PRECISION, below_id INTEGER, wanted INTEGER, at_least DOUBLE PRECISION, heads DOUBLE PRECISION[],
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
  -- Words joined by OR: the matches that can reach the page found (below).
  enough tsquery;
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
  WHILE checked < coalesce(cardinality(held_ids), 0) AND checked < 80000 LOOP
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
  -- Words joined by OR only, not settled by the lists: a document holding a set of the words ranks at most
  -- what their lists' heads (each word's best rank) add up to, over the number of words, and every
  -- document of the page ranks at least as high as the last of the full page found here. So only the
  -- matches holding a set of the words whose heads reach that far can be on the page: they alone are
  -- ranked (an OR of each smallest such set's words joined by AND), unless every word alone reaches. (A
  -- millionth less, for rounding: ranks are single precision.)
  IF heads IS NOT NULL AND cardinality(ids) >= wanted AND cardinality(terms) BETWEEN 2 AND 8 THEN
    WITH head AS (SELECT word.place, coalesce(word."rank", 0) AS "rank" FROM unnest(heads) WITH ORDINALITY AS word("rank", place)),
    reaching AS (
      SELECT mask FROM generate_series(1, (1 << cardinality(terms)) - 1) AS mask
      WHERE (SELECT sum(head."rank") FROM head WHERE mask & (1 << (head.place::INTEGER - 1)) <> 0)
            >= ranks[wanted] * cardinality(terms) - 1e-6),
    least_reaching AS (
      SELECT mask FROM reaching WHERE NOT EXISTS (
        SELECT FROM reaching smaller WHERE smaller.mask <> reaching.mask AND smaller.mask & reaching.mask = smaller.mask))
    SELECT CASE WHEN count(*) FILTER (WHERE bit_count(mask::BIT(8)) = 1) < cardinality(terms) THEN string_agg('(' || (
             SELECT string_agg(term_queries[place]::TEXT, ' & ') FROM generate_series(1, cardinality(terms)) AS place
             WHERE mask & (1 << (place - 1)) <> 0) || ')', ' | ')::tsquery END
      INTO enough
    FROM least_reaching;
    IF enough IS NOT NULL THEN
      SELECT coalesce(array_agg(found."id" ORDER BY found."rank" DESC, found."id" DESC), '{}'),
             coalesce(array_agg(found."rank" ORDER BY found."rank" DESC, found."id" DESC), '{}') INTO ids, ranks
      FROM (SELECT m."id", m."rank" FROM "quotegraph_search_matches"(search_kind, enough, term_queries) m
            WHERE (m."rank", m."id") < (below_rank, below_id) ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted) found;
      settled := true;
    END IF;
  END IF;
END $$;

-- The search: the best `wanted` listed documents matching the web-search `query` that rank below
-- (after_rank, after_id), best first (rank, then id, descending), from the first reading above that settles
-- the page.
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
  heads DOUBLE PRECISION[];
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
  -- Words joined by OR only, in a large table: each word's best rank (the head of its list), the most a
  -- document missing one of them can rank (what the others' heads add up to, over the number of words), the
  -- query for them all, and, if a document missing one ranks below the floor, how many the statistics say
  -- hold them all.
  IF read_lists AND large AND cardinality(terms) > 1 AND matches::TEXT !~ '[&!<(]' THEN
    SELECT array_agg((SELECT max(s."rank") FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word.term)::DOUBLE PRECISION
                     ORDER BY word.place) INTO heads
    FROM unnest(terms) WITH ORDINALITY AS word(term, place);
    SELECT (sum(head) - min(head)) / cardinality(terms) INTO missing_one_bound FROM unnest(heads) AS head;
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
    FROM "quotegraph_search_whole_lists"(search_kind, matches, terms, term_queries, below_rank, below_id, wanted, at_least, heads) page;
    IF settled THEN
      RETURN QUERY SELECT * FROM unnest(ids, ranks);
      RETURN;
    END IF;
  END IF;
  -- 9. Every match, ranked.
  RETURN QUERY SELECT m."id", m."rank" FROM "quotegraph_search_matches"(search_kind, matches, term_queries) m
    WHERE (m."rank", m."id") < (below_rank, below_id) ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted;
END $$;

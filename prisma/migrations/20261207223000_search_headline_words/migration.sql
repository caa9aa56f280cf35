-- Written by hand (issue 17): articles of common words joined by AND, read first among the articles that
-- hold every word in their headline.
--
-- An article's vector weighs its headline A, its standfirst B and its body C (src/ingest/store.ts), and a
-- word's rank depends only on the weights of its places: one place at A ranks 0.608, while a word held at
-- no weight above B ranks at most 0.399, however often (256 places at B, the most a vector keeps). A
-- search's rank is the mean of its words' ranks, so an article holding every word in its headline ranks at
-- least 0.608, and one missing any word from its headline at most what the other words' best ranks (the
-- heads of their lists) and 0.399 add up to, over the number of words: for two words, at most
-- (0.81 + 0.40) / 2 = 0.61 with the commonest heads of the bench's corpus. When the articles holding every
-- word in their headline, found through an index of headline words, give a page that ranks above that
-- bound, they are the page, whatever the rest of the table holds.
--
-- That is the case of two common words at scale: at a million articles of the bench's corpus, "sanctions
-- summit" is held by about half of them, in their headline by 5,431, where the whole lists (reading 8)
-- checked 5,600 articles by key to settle it. A phrase's articles are read the same way, among those
-- holding its word pairs too (both indexes together). Quotes carry no weights (reading 6 reads them by
-- their floor of ties).
--
-- bench:search, alternating with the functions before, pages 1 to 3 the same (bench/results/
-- 2026-12-07-search-s1-6.md, -search-s10-17.md, -search-s100-17.md): articles at a million, "sanctions summit"
-- 55.9 -> 27.9 ms, "ceasefire talks" 20.1 -> 4.9, "minister summit -vote" 17.0 -> 25.1 (7,014 headlines ranked,
-- about 3.6 us each, where the whole lists settled it sooner); at 100,000, 33.1 -> 5.0, 13.8 -> 2.5, 4.2 -> 3.9;
-- at 10,000, 13.0 -> 2.8, 5.4 -> 4.8, 13.0 -> 2.4; a search it does not settle pays under a millisecond
-- ("border trade harbour" 8.5 -> 8.9 at a million).
--
-- Tried after reading 2 (a phrase few documents hold: all ranked), before the threshold algorithm, for
-- articles of 2 to 8 words joined by AND (exclusions allowed), common words or not; if
-- more than `quotegraph.search_few_headlines` (8,000) articles hold every word in their headline, or
-- fewer than a page, or the page does not rank above the bound, the readings after it go on as before.
--
-- Mended in the dispatcher (restated whole below, as a plpgsql function must be): for words joined by OR,
-- a word's head (its best rank, bounding what a document missing the other words ranks) was the best rank
-- its list holds, which is nothing once every document a cut list held is gone (deleted, or rewritten
-- below the cut), though documents below the cut still hold the word; with the head taken for 0, the
-- documents holding every word were returned as the page above one holding only that word and ranking
-- higher (test/db/search-terms.test.ts). The head is now the cut's rank when that is higher.

-- The words `vector` holds at weight A (an article's headline).
CREATE FUNCTION "quotegraph_headline_words"(vector tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ts_filter(vector, '{a}') $$;

CREATE INDEX "Article_headlineWords_idx" ON "Article" USING GIN ("quotegraph_headline_words"("searchVector"));

-- A word's head: the best rank a document holding it has for it, or more. The best rank its list holds, or
-- its cut's if higher: every document the list does not hold ranks below the cut, and once every document a
-- cut list held is gone the list holds none (NULL for a word no document holds).
CREATE FUNCTION "quotegraph_term_head"(search_kind "SearchKind", term TEXT) RETURNS DOUBLE PRECISION LANGUAGE sql STABLE AS $$
  SELECT greatest((SELECT max(s."rank") FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = quotegraph_term_head.term),
                  (SELECT list."rank" FROM "SearchTermList" list WHERE list."kind" = search_kind AND list."term" = quotegraph_term_head.term))::DOUBLE PRECISION
$$;

-- The page among the articles holding every one of `terms` (`every_word`: their queries joined by AND) in
-- their headline (and `pairs`, a phrase's word pairs, if any), and whether it is the search's page: at most `few` such articles are ranked, and the page
-- settles the search when it is full and its last article ranks above every article missing a word from
-- its headline (a millionth more, for rounding: ranks are single precision).
CREATE FUNCTION "quotegraph_search_headlines"(matches tsquery, pairs tsquery, terms TEXT[], term_queries tsquery[], every_word tsquery, few INTEGER,
    below_rank DOUBLE PRECISION, below_id INTEGER, wanted INTEGER,
    OUT "settled" BOOLEAN, OUT "ids" INTEGER[], OUT "ranks" DOUBLE PRECISION[])
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
  -- The most an article missing a word from its headline ranks.
  bound DOUBLE PRECISION;
  read_first BIGINT;
BEGIN
  settled := false;
  -- (Written as two branches, one for each case of `pairs`: PostgreSQL keeps each branch's index and skips
  -- the other, where a condition `pairs IS NULL OR ...` would read no index.)
  SELECT count(*),
         coalesce((array_agg(m."id" ORDER BY m."rank" DESC, m."id" DESC) FILTER (WHERE (m."rank", m."id") < (below_rank, below_id)))[1:wanted], '{}'),
         coalesce((array_agg(m."rank" ORDER BY m."rank" DESC, m."id" DESC) FILTER (WHERE (m."rank", m."id") < (below_rank, below_id)))[1:wanted], '{}')
    INTO read_first, ids, ranks
  FROM (SELECT a."id", CASE WHEN a."searchVector" @@ matches THEN "quotegraph_rank"(a."searchVector", term_queries) END AS "rank"
        FROM (SELECT a."id", a."searchVector" FROM "Article" a
              WHERE pairs IS NULL AND "quotegraph_headline_words"(a."searchVector") @@ every_word AND a."published"
              UNION ALL
              SELECT a."id", a."searchVector" FROM "Article" a
              WHERE pairs IS NOT NULL AND "quotegraph_headline_words"(a."searchVector") @@ every_word
                AND "quotegraph_word_pairs"(a."searchVector") @@ pairs AND a."published") a
        LIMIT few + 1 OFFSET 0) m;
  IF read_first > few OR cardinality(ids) < wanted THEN
    RETURN;
  END IF;
  -- Each word's head, and the most a word ranks in an article holding it at no weight above B (256 places
  -- at B). A word none holds leaves the bound NULL: nothing matches, and nothing is settled here.
  SELECT (sum(head."rank") - min(head."rank")
          + ts_rank(('x:' || (SELECT string_agg(place || 'B', ',') FROM generate_series(1, 256) AS place))::tsvector, 'x')) / cardinality(terms),
         bool_and(head."rank" IS NOT NULL)
    INTO bound, settled
  FROM (SELECT "quotegraph_term_head"('ARTICLE', word.term) AS "rank" FROM unnest(terms) AS word(term)) head;
  settled := coalesce(settled AND ranks[wanted] > bound + 1e-6, false);
END $$;

-- The search, as migration search_readings wrote it, with reading 2b (above) tried after reading 2.
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
  -- Words joined by OR: the most a document missing one of them can rank.
  heads DOUBLE PRECISION[];
  missing_one_bound DOUBLE PRECISION;
  -- The query for every word, joined by AND.
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
  FOREACH term_query IN ARRAY term_queries LOOP
    every_term := CASE WHEN every_term IS NULL THEN term_query ELSE every_term && term_query END;
  END LOOP;
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
  -- 2b. Articles of words joined by AND: those holding every word in their headline (migration
  -- search_headline_words), if 8,000 or fewer (`quotegraph.search_few_headlines`).
  IF read_lists AND search_kind = 'ARTICLE' AND joined_by_and AND cardinality(terms) BETWEEN 2 AND 8 THEN
    SELECT page."settled", page."ids", page."ranks" INTO settled, ids, ranks
    FROM "quotegraph_search_headlines"(matches, pairs, terms, term_queries, every_term,
        coalesce(nullif(current_setting('quotegraph.search_few_headlines', true), '')::INTEGER, 8000), below_rank, below_id, wanted) page;
    IF settled THEN
      RETURN QUERY SELECT * FROM unnest(ids, ranks);
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
  -- Words joined by OR only, in a large table: each word's best rank (the head of its list, or its cut's once
  -- every document its cut list held is gone: mended here, where it was taken for none), the most a
  -- document missing one of them can rank (what the others' heads add up to, over the number of words),
  -- and, if a document missing one ranks below the floor, how many the statistics say hold them all.
  IF read_lists AND large AND cardinality(terms) > 1 AND matches::TEXT !~ '[&!<(]' THEN
    SELECT array_agg("quotegraph_term_head"(search_kind, word.term) ORDER BY word.place) INTO heads
    FROM unnest(terms) WITH ORDINALITY AS word(term, place);
    SELECT (sum(head) - min(head)) / cardinality(terms) INTO missing_one_bound FROM unnest(heads) AS head;
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

-- Written by hand (issue 17): quotes that hold each word of a search once tie, and a tie goes to the
-- highest id, so the best of them are the newest, read from the highest id down.
--
-- Quotes carry no weights. A quote's rank for a word it holds once is the least rank a word can have (one
-- occurrence at weight D, 0.0608), whatever else the quote says; for a word it repeats, more. A search's
-- rank is the mean of its words' ranks, so a quote holding every word of the search ranks exactly that
-- floor if it holds each once, and above it if it repeats one; the floor's quotes all tie, and ties go to
-- the highest id. Every quote matching words joined by AND (exclusions allowed, no OR) holds them all; so
-- does every quote at or above the floor for words joined by OR, when a quote missing one of them ranks
-- below the floor (migration search_word_pairs). For those searches of quotes, in a large table, once the
-- threshold algorithm (to depth 160) and the first reading of few matches have not settled them:
--
-- * the quotes holding every word and repeating one are found through an index of each quote's repeated
--   words paired with its other words ("summit sanction": "summit" repeated, "sanctions" held), and
--   ranked, if 8,000 or fewer (about 4 µs a quote: 4,171 for "minister summit" at a million articles);
--   pairs, because the words' own index, asked for quotes holding both words and repeating one, reads
--   both words' whole entries (10 ms at 100,000 articles, growing with the corpus); a long quote with more
--   than 5,000 pairs is indexed as "*" instead and read by every such search;
-- * then the quotes holding each word once, from the highest id down (below the page's cursor), checked on
--   their vectors until the page is full: about (quotes / matches) quotes read a result. At most four times
--   what the table's statistics say that takes are read; if the page is still not full, the search goes on
--   as before.
--
-- Quotes at a million articles (bench:search, one client, alternating with the functions before;
-- bench/results/2026-12-07-search-s100-7.md): "sanctions summit" 415 -> 10.3 ms, "minister summit -vote"
-- 65 -> 26 ms, "minister or envoy" 150 -> 10.3 ms; other queries unchanged. Cost: the index is 247 MB (the
-- words' own index 174 MB), built in 2.5 minutes; ingest with and without it (bench:ingest --quick, three
-- alternating pairs) differed less than between runs.
--
-- Articles are not read this way: their words are weighted (headline A, standfirst B, body C), so no floor
-- of ties, and most articles holding a common word repeat it (at 100,000 articles, 80,000 of the articles
-- with "summit").

-- Each word of `vector` that ranks above the floor (held more than once, or at a weight above D) with each
-- other word of it, as the lexemes "repeated other" ("summit talk" for "... summit ... summit ... talks").
-- A quote that would have more than 5,000 such pairs or 1 MB of them (a long one repeating many words: the
-- pairs grow as the product, and a tsvector holds at most 1 MB) has the one lexeme "*" instead, which no
-- word can be: a search reads such quotes whatever its words. Pairs of 1,000 bytes or more are left out
-- (their words are longer than a search of this kind takes).
CREATE FUNCTION "quotegraph_strong_word_pairs"(vector tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH word AS MATERIALIZED (
    SELECT word.lexeme, octet_length(word.lexeme) AS "bytes", cardinality(word.positions) > 1 OR word.weights[1] <> 'D' AS "strong"
    FROM unnest(vector) AS word),
  counted AS (
    SELECT count(*) AS "words", sum(word."bytes") AS "bytes",
           count(*) FILTER (WHERE word."strong") AS "strongWords", coalesce(sum(word."bytes") FILTER (WHERE word."strong"), 0) AS "strongBytes"
    FROM word)
  -- A repeated word's pairs hold every other word, and the repeated word and a space once for each.
  SELECT CASE WHEN counted."strongWords" = 0 THEN ''::tsvector
              WHEN counted."strongWords" * (counted."words" - 1) > 5000
                OR counted."strongWords" * counted."bytes" - counted."strongBytes"
                   + (counted."words" - 1) * (counted."strongBytes" + counted."strongWords") > 1000000 THEN array_to_tsvector('{*}')
              ELSE (SELECT coalesce(array_to_tsvector(array_agg(strong.lexeme || ' ' || other.lexeme)), ''::tsvector)
                    FROM word strong JOIN word other ON other.lexeme <> strong.lexeme
                    WHERE strong."strong" AND strong."bytes" + other."bytes" < 1000) END
  FROM counted
$$;

CREATE INDEX "Quote_strongWordPairs_idx" ON "Quote" USING GIN ("quotegraph_strong_word_pairs"("searchVector"));

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
  -- How many documents holding a phrase's pairs are few enough to rank at once (`quotegraph.search_few_pairs`).
  few_pairs INTEGER := coalesce(nullif(current_setting('quotegraph.search_few_pairs', true), '')::INTEGER, 4000);
  -- How many matches of words one of which is rare are few enough to rank at once (`quotegraph.search_few_matches`).
  few_matches INTEGER := coalesce(nullif(current_setting('quotegraph.search_few_matches', true), '')::INTEGER, 4000);
  -- How many documents a first reading found (see "quotegraph_search_few").
  read_first BIGINT;
  -- Words joined by OR: the most a document missing one of them can rank, and the query for them all.
  missing_one_bound DOUBLE PRECISION;
  every_term tsquery;
  -- How many documents the statistics say hold every word (words joined by AND, or by OR; see below). Over
  -- quotes: the word pairs of a quote repeating one of them and holding the others, the quotes at the floor
  -- below the cursor, how far down to read them.
  strong_pairs tsquery;
  every_match DOUBLE PRECISION;
  weak_below BIGINT;
  reach INTEGER;
  weak_ids INTEGER[];
  joined_by_and BOOLEAN;
  holding tsquery;
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
    RETURN QUERY SELECT m."id", m."rank" FROM "quotegraph_search_first_matches"(search_kind, matches, pairs, term_queries, NULL) m
      WHERE (m."rank", m."id") < (below_rank, below_id) ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted;
    RETURN;
  END IF;
  -- Words joined by AND that few documents should hold together, by the table's statistics: if 4,000 or
  -- fewer match, rank them all.
  IF read_lists AND large AND strpos(matches::TEXT, '|') = 0 THEN
    every_match := "quotegraph_documents_with_every_term"(search_kind, terms);
  END IF;
  IF every_match <= few_matches THEN
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
  -- Quotes holding every word, of words joined by AND (no OR), or of words joined by OR where a quote
  -- missing one ranks below the floor: those repeating a word, ranked, then those holding each word once
  -- (all at the floor), from the highest id down, if the quotes read fill the page (or, joined by AND, every
  -- quote below the cursor was read).
  IF read_lists AND large AND search_kind = 'QUOTE' AND cardinality(terms) BETWEEN 2 AND 8
     AND (strpos(matches::TEXT, '|') = 0 OR missing_one_bound < floor_rank)
     AND (SELECT max(octet_length(term)) FROM unnest(terms) AS term) < 500 THEN
    joined_by_and := strpos(matches::TEXT, '|') = 0;
    holding := CASE WHEN joined_by_and THEN matches ELSE every_term END;
    -- A quote repeating one of the words that holds every other: for "a b", "a b" or "b a"; or a quote
    -- with too many pairs to keep ("*").
    SELECT (string_agg('(' || pairs."every" || ')', ' | ') || ' | ''*''')::tsquery INTO strong_pairs
    FROM (SELECT string_agg('''' || replace(replace(strong.term || ' ' || other.term, '\', '\\'), '''', '''''') || '''', ' & ') AS "every"
          FROM unnest(terms) AS strong(term) JOIN unnest(terms) AS other(term) ON other.term <> strong.term
          GROUP BY strong.term) pairs;
    SELECT count(*),
           (array_agg(strong."id" ORDER BY strong."rank" DESC, strong."id" DESC)
              FILTER (WHERE strong."matches" AND strong."rank" > floor_rank AND (strong."rank", strong."id") < (below_rank, below_id)))[1:wanted],
           (array_agg(strong."rank" ORDER BY strong."rank" DESC, strong."id" DESC)
              FILTER (WHERE strong."matches" AND strong."rank" > floor_rank AND (strong."rank", strong."id") < (below_rank, below_id)))[1:wanted]
      INTO read_first, ids, ranks
    FROM (SELECT q."id", q."searchVector" @@ holding AS "matches", "quotegraph_rank"(q."searchVector", term_queries) AS "rank"
          FROM (SELECT q."id", q."searchVector" FROM "Quote" q
                WHERE "quotegraph_strong_word_pairs"(q."searchVector") @@ strong_pairs AND NOT q."retracted" AND q."articlePublished"
                LIMIT 8001 OFFSET 0) q) strong;
    IF read_first <= 8000 AND coalesce(cardinality(ids), 0) >= wanted THEN
      RETURN QUERY SELECT * FROM unnest(ids, ranks);
      RETURN;
    END IF;
    -- (Words joined by OR that few quotes hold all of are ranked all at once below. Joined by AND, this
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
            LIMIT wanted - coalesce(cardinality(ids), 0)) weak;
      -- A full page, or every quote below the cursor read.
      IF coalesce(cardinality(ids), 0) + cardinality(weak_ids) = wanted
         OR (joined_by_and AND (SELECT count(*) FROM (SELECT FROM "Quote" q WHERE q."id" < weak_below LIMIT reach) every_read) < reach) THEN
        RETURN QUERY SELECT * FROM unnest(coalesce(ids, '{}') || weak_ids,
                                          coalesce(ranks, '{}') || array_fill(floor_rank::DOUBLE PRECISION, ARRAY[cardinality(weak_ids)]));
        RETURN;
      END IF;
    END IF;
  END IF;
  -- Words joined by OR only, in a large table, where a document missing any of them ranks below one holding
  -- them all (below the least rank of a document holding every word), which 50,000 or fewer hold by the
  -- table's statistics: the page is the best of those holding every word, if there are a page of them.
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

-- Written by hand (issue 17): a phrase is searched through an index of word pairs. A document's pairs are
-- its words next to each other ("foreign minist" for "... foreign minister ..."), taken from its search
-- vector's positions, so they follow every write of the vector with nothing kept in the row: two GIN
-- indexes over the expression, one on articles and one on quotes. A phrase's neighbouring words make pairs
-- that every document matching it holds ("foreign minister": the pair "foreign minist"), so the pairs'
-- index finds the few documents that can hold the phrase, where the words' index found every document
-- holding both words and read each to check the phrase (at a million articles, 280,600 to find 1,431).
--
-- A search with pairs (words and phrases joined by AND, a word excluded at most) first reads the documents
-- holding its pairs through that index: if 4,000 or fewer do (`quotegraph.search_few_pairs`), it ranks them
-- and is done. Otherwise it runs the threshold algorithm to depth 160 as before, which settles a common
-- phrase whose best documents rank high for its words, then ranks every document holding the pairs (instead
-- of the whole term lists and every match).
--
-- Pairs are only adjacent words (<->): a phrase with a stop word in it ("minister of state": minist <2>
-- state) gives no pair across the gap, since a word may stand between the two in a document. A pair longer
-- than 2,000 bytes is neither indexed nor asked for (a lexeme holds at most 2,047).
--
-- Two more searches of several words, in a large table, that the threshold algorithm has not settled by
-- depth 160, stop short of the whole term lists (where quotes, which carry no weights and so tie in large
-- groups, checked 10,240 documents by key without being able to stop, then ranked every match anyway):
--
-- * Words joined by AND that few documents hold together, by the table's statistics of its search vectors
--   (pg_stats' most common elements, which ANALYZE keeps for a tsvector column; words taken as independent,
--   a word not listed at the least frequency listed; without statistics nothing changes): the first 4,001
--   matches are read through the GIN index (`quotegraph.search_few_matches`) and, if 4,000 or fewer, all
--   ranked. "ceasefire talks" over quotes at 1M articles: 3,962 match; 163 -> 30 ms.
-- * Words joined by OR only, when no document missing one of them can rank as high as one holding them all:
--   one holding every word ranks at least the least rank a word can have (one occurrence at weight D,
--   0.0608), one missing a word at most what the other words' best ranks (the head of each word's list) add
--   up to, over the number of words (for quotes about 0.09 / 2). If the statistics put the documents holding
--   every word at 50,000 or fewer, the page is the best of them, found through the GIN index, when they fill
--   it. "minister or envoy" over quotes at 1M articles: 20,003 hold both; 3,196 ms -> 145 ms.
--
-- (Written first as three migrations, search_word_pairs, search_rare_words and search_or_of_common_words,
-- merged before they landed: each had restated the whole search function.)

-- The pairs of words next to each other in `vector`, as the lexemes "first second" (array_to_tsvector drops
-- repeats; the words once, then joined: 40% less time than reading them twice and removing repeats first).
CREATE FUNCTION "quotegraph_word_pairs"(vector tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH word AS MATERIALIZED (SELECT word.lexeme, unnest(word.positions) AS "position" FROM unnest(vector) AS word)
  SELECT coalesce(array_to_tsvector(array_agg(first.lexeme || ' ' || second.lexeme)), ''::tsvector)
  FROM word first JOIN word second ON second."position" = first."position" + 1
  WHERE octet_length(first.lexeme) + octet_length(second.lexeme) < 2000
$$;

-- The word pairs every document matching `query` holds, ANDed: each two words the query joins by <-> (next
-- to each other). NULL if there are none, or if the query has OR, or a NOT of more than one word (a pair
-- under either is not required).
CREATE FUNCTION "quotegraph_phrase_pairs"(query tsquery) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH token AS (
    SELECT found[1] AS "text", lead(found[1]) OVER (ORDER BY place) AS "next", lead(found[1], 2) OVER (ORDER BY place) AS "after"
    FROM regexp_matches(query::TEXT, $pattern$'(?:[^'\\]|''|\\.)*'(?::[*A-D]+)?|<\d*-?>|[&|!()]$pattern$, 'g') WITH ORDINALITY AS token(found, place)),
  pair AS (
    SELECT replace(replace(substr(token."text", 2, length(token."text") - 2), '''''', ''''), '\\', '\')
           || ' ' || replace(replace(substr(token."after", 2, length(token."after") - 2), '''''', ''''), '\\', '\') AS "text"
    FROM token
    WHERE token."text" ~ '^''.*''$' AND token."next" = '<->' AND token."after" ~ '^''.*''$')
  SELECT CASE WHEN NOT EXISTS (SELECT FROM token WHERE token."text" = '|'
                               OR (token."text" = '!' AND NOT (token."next" ~ '^''.*''$' AND coalesce(token."after", '&') IN ('&', ')'))))
    THEN (SELECT string_agg('''' || replace(replace(pair."text", '\', '\\'), '''', '''''') || '''', ' & ')::tsquery
          FROM pair WHERE octet_length(pair."text") <= 2000) END
$$;

CREATE INDEX "Article_wordPairs_idx" ON "Article" USING GIN ("quotegraph_word_pairs"("searchVector"));
CREATE INDEX "Quote_wordPairs_idx" ON "Quote" USING GIN ("quotegraph_word_pairs"("searchVector"));

-- How many documents hold every one of `terms`, as PostgreSQL would estimate it from the statistics of the
-- table's search vectors (each word's frequency, a word not listed at the least frequency listed, as if
-- words fell independently); NULL without statistics.
CREATE FUNCTION "quotegraph_documents_with_every_term"(search_kind "SearchKind", terms TEXT[]) RETURNS DOUBLE PRECISION
LANGUAGE sql STABLE AS $$
  SELECT exp(sum(ln(coalesce(found.frequency, least.frequency)))) * greatest(min(c."reltuples"), 0)
  FROM pg_class c
  JOIN pg_stats stats ON stats."schemaname" = c."relnamespace"::regnamespace::TEXT AND stats."tablename" = c."relname"
    AND stats."attname" = 'searchVector'
  CROSS JOIN LATERAL (SELECT min(frequency) AS frequency
                      FROM unnest(stats."most_common_elem_freqs"[1:cardinality(stats."most_common_elems")]) AS frequency) least
  CROSS JOIN unnest(terms) AS word(term)
  LEFT JOIN LATERAL (SELECT element.frequency FROM unnest(stats."most_common_elems"::TEXT::TEXT[], stats."most_common_elem_freqs") AS element(lexeme, frequency)
                     WHERE element.lexeme = word.term) found ON true
  WHERE c."oid" = CASE search_kind WHEN 'ARTICLE' THEN '"Article"'::regclass ELSE '"Quote"'::regclass END
$$;

-- The first `most` listed documents (all, if NULL) holding the word `pairs`, found through the pairs' index,
-- or with no pairs matching `matches`, through the words' index; each with its rank if it matches, else a
-- NULL rank. (The OFFSET keeps PostgreSQL from ANDing the words' index with the pairs', which reads every
-- document holding the words.)
CREATE FUNCTION "quotegraph_search_first_matches"(search_kind "SearchKind", matches tsquery, pairs tsquery, term_queries tsquery[], most INTEGER)
RETURNS TABLE ("id" INTEGER, "rank" DOUBLE PRECISION) LANGUAGE sql STABLE AS $$
  SELECT a."id", CASE WHEN a."searchVector" @@ matches THEN "quotegraph_rank"(a."searchVector", term_queries) END
  FROM (SELECT a."id", a."searchVector" FROM "Article" a
        WHERE search_kind = 'ARTICLE' AND pairs IS NOT NULL AND "quotegraph_word_pairs"(a."searchVector") @@ pairs AND a."published"
        LIMIT most OFFSET 0) a
  UNION ALL
  SELECT a."id", "quotegraph_rank"(a."searchVector", term_queries)
  FROM (SELECT a."id", a."searchVector" FROM "Article" a
        WHERE search_kind = 'ARTICLE' AND pairs IS NULL AND a."searchVector" @@ matches AND a."published" LIMIT most OFFSET 0) a
  UNION ALL
  SELECT q."id", CASE WHEN q."searchVector" @@ matches THEN "quotegraph_rank"(q."searchVector", term_queries) END
  FROM (SELECT q."id", q."searchVector" FROM "Quote" q
        WHERE search_kind = 'QUOTE' AND pairs IS NOT NULL AND "quotegraph_word_pairs"(q."searchVector") @@ pairs
          AND NOT q."retracted" AND q."articlePublished" LIMIT most OFFSET 0) q
  UNION ALL
  SELECT q."id", "quotegraph_rank"(q."searchVector", term_queries)
  FROM (SELECT q."id", q."searchVector" FROM "Quote" q
        WHERE search_kind = 'QUOTE' AND pairs IS NULL AND q."searchVector" @@ matches AND NOT q."retracted" AND q."articlePublished"
        LIMIT most OFFSET 0) q
$$;

-- A first reading: the first `few` + 1 documents "quotegraph_search_first_matches" gives, how many they are,
-- and the best `wanted` of them that match and rank below (below_rank, below_id). If `documents` is `few` or
-- fewer, they were all there are, and the page is exact.
CREATE FUNCTION "quotegraph_search_few"(search_kind "SearchKind", matches tsquery, pairs tsquery, term_queries tsquery[], few INTEGER,
    below_rank DOUBLE PRECISION, below_id INTEGER, wanted INTEGER)
RETURNS TABLE ("documents" BIGINT, "ids" INTEGER[], "ranks" DOUBLE PRECISION[]) LANGUAGE sql STABLE AS $$
  SELECT count(*),
         (array_agg(m."id" ORDER BY m."rank" DESC, m."id" DESC) FILTER (WHERE (m."rank", m."id") < (below_rank, below_id)))[1:wanted],
         (array_agg(m."rank" ORDER BY m."rank" DESC, m."id" DESC) FILTER (WHERE (m."rank", m."id") < (below_rank, below_id)))[1:wanted]
  FROM "quotegraph_search_first_matches"(search_kind, matches, pairs, term_queries, few + 1) m
$$;

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
  IF read_lists AND large AND strpos(matches::TEXT, '|') = 0 AND "quotegraph_documents_with_every_term"(search_kind, terms) <= few_matches THEN
    SELECT few."documents", few."ids", few."ranks" INTO read_first, ids, ranks
    FROM "quotegraph_search_few"(search_kind, matches, NULL, term_queries, few_matches, below_rank, below_id, wanted) few;
    IF read_first <= few_matches THEN
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

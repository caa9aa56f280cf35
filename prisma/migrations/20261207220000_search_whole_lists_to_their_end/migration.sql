-- Written by hand (issue 17): the whole lists (reading 8 of migration search_readings) may check every
-- document they hold, instead of stopping at 10,240; and words joined by OR that they do not settle have
-- only the matches that can reach the page ranked, instead of every match.
--
-- At a million articles the cuts of the commonest words are high (0.64-0.68 for "minister", "summit" and
-- "talks", each in a third of the articles), so a page of such words may end below the rest bound (the
-- mean of the cuts, the most a document in no list can rank) until every document the lists hold has been
-- checked, and only then settle: "minister or summit or talks" over articles, 29,697 documents held,
-- settles once all are checked, where stopping at 10,240 went on to rank its 978,292 matches (2.4 s, 5.7 s
-- cold, past the API's 5 s statement timeout). The lists hold at most 10,000 documents a word, so the
-- checks stay bounded by the words' number (and by 80,000, eight words' lists, for a longer search: a
-- search may be 200 characters).
--
-- Where that does not settle words joined by OR, the page found so far still says how high the page ends
-- at least, and a document holding a set of the words ranks at most what their lists' heads add up to over
-- the number of words: a quote holding one of "president", "trade" and "border" ranks at most 0.076 / 3,
-- below the page's 0.0456, so only the 40,125 quotes holding two of them (of 1.4 million holding one) are
-- ranked. Figures: bench/results/2026-12-07-search-s10-15.md, -search-s100-15.md (against migration
-- search_whole_lists_above_the_page; -search-s10-14.md and -search-s100-14.md measured the first part alone).

-- 8. Common words in a large table (migration search_bounded_lists): the whole lists, each document they
-- hold with its bound (its ranks in the lists that hold it, the cut's rank for the others, over the number
-- of words), checked by key best bound first, in batches doubling from 4 × `wanted`, until the page's last
-- document ranks above every unchecked bound and above the rest bound (the mean of the cuts' ranks: a
-- document in no list). Every document the lists hold may be checked (at most 10,000 a word), up to
-- 80,000 (eight words' lists; a longer search stops there); if that does not settle it, words joined by OR
-- have the matches that can reach the page ranked (below), and any other search goes on to every match.
-- With `at_least` (the rank the page is known to reach), only the documents bound that high are sorted and checked.
CREATE OR REPLACE FUNCTION "quotegraph_search_whole_lists"(search_kind "SearchKind", matches tsquery, terms TEXT[], term_queries tsquery[],
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
  IF cardinality(ids) >= wanted AND cardinality(terms) BETWEEN 2 AND 8 AND matches::TEXT !~ '[&!<(]' THEN
    WITH head AS (
      SELECT word.place, coalesce((SELECT max(s."rank") FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word.term), 0)::DOUBLE PRECISION AS "rank"
      FROM unnest(terms) WITH ORDINALITY AS word(term, place)),
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

-- CreateEnum
CREATE TYPE "SearchKind" AS ENUM ('ARTICLE', 'QUOTE');

-- CreateTable
CREATE TABLE "SearchTerm" (
    "kind" "SearchKind" NOT NULL,
    "term" TEXT NOT NULL,
    "rank" REAL NOT NULL,
    "documentId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "SearchTermList" (
    "kind" "SearchKind" NOT NULL,
    "term" TEXT NOT NULL,
    "rank" REAL NOT NULL,
    "documentId" INTEGER NOT NULL,

    CONSTRAINT "SearchTermList_pkey" PRIMARY KEY ("kind","term")
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchTerm_kind_term_rank_documentId_key" ON "SearchTerm"("kind", "term", "rank" DESC, "documentId" DESC);

-- Search in rank order from an index. A document's rank for one term (ts_rank with default weights and
-- normalisation) depends on that document alone, so it is computed once, when the document's search
-- vector is written, and kept in "SearchTerm"; a term's documents are then read best first from the
-- index above. A search of several words ranks a document by the mean of its ranks for the words it
-- contains (ts_rank of the words joined by OR), which the lists bound from above: the threshold
-- algorithm reads each list only as deep as it must to be sure of the best rows (quotegraph_search).
-- A term keeps its best `quotegraph.search_list_length` documents (10,000 unless the setting says
-- otherwise): a longer list is cut now and then and its cut recorded in "SearchTermList"; reading
-- below a cut, a search ranks the matches from the documents themselves, as it would without terms.

CREATE FUNCTION "quotegraph_search_list_length"() RETURNS INTEGER LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('quotegraph.search_list_length', true), '')::INTEGER, 10000) $$;

-- A tsquery of one term exactly as written (no parsing, no stemming).
CREATE FUNCTION "quotegraph_term_query"(term TEXT) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ('''' || replace(replace(term, '\', '\\'), '''', '''''') || '''')::tsquery $$;

-- A search vector's terms, each with the document's rank for that term alone.
CREATE FUNCTION "quotegraph_terms"(vector tsvector) RETURNS TABLE ("term" TEXT, "rank" REAL) LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT word.lexeme, ts_rank(vector, "quotegraph_term_query"(word.lexeme)) FROM unnest(vector) AS word $$;

-- The terms a search ranks by: its words, without the excluded ones.
CREATE FUNCTION "quotegraph_query_terms"(query tsquery) RETURNS TEXT[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT replace(replace(found[1], '''''', ''''), '\\', '\')), '{}')
  FROM regexp_matches(querytree(query), '''((?:[^''\\]|''''|\\.)*)''', 'g') AS found
$$;

-- The terms joined by OR: ts_rank of a document for it is the mean of the document's ranks for each term.
CREATE FUNCTION "quotegraph_any_term"(terms TEXT[]) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT string_agg('''' || replace(replace(term, '\', '\\'), '''', '''''') || '''', ' | ')::tsquery FROM unnest(terms) AS term
$$;

-- Listed documents (published articles; quotes not retracted, of published articles) that match, ranked.
CREATE FUNCTION "quotegraph_search_matches"(search_kind "SearchKind", matches tsquery, any_term tsquery)
RETURNS TABLE ("id" INTEGER, "rank" REAL) LANGUAGE sql STABLE AS $$
  SELECT a."id", coalesce(ts_rank(a."searchVector", any_term), 0) FROM "Article" a
  WHERE search_kind = 'ARTICLE' AND a."published" AND a."searchVector" @@ matches
  UNION ALL
  SELECT q."id", coalesce(ts_rank(q."searchVector", any_term), 0) FROM "Quote" q
  WHERE search_kind = 'QUOTE' AND NOT q."retracted" AND q."articlePublished" AND q."searchVector" @@ matches
$$;

CREATE FUNCTION "quotegraph_listed"(search_kind "SearchKind", document_id INTEGER) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
  SELECT CASE search_kind
    WHEN 'ARTICLE' THEN EXISTS (SELECT FROM "Article" a WHERE a."id" = document_id AND a."published")
    ELSE EXISTS (SELECT FROM "Quote" q WHERE q."id" = document_id AND NOT q."retracted" AND q."articlePublished") END
$$;

-- The best `wanted` listed documents matching the web-search `query` that rank below (after_rank, after_id),
-- best first (rank, then id, descending).
--   * One word: read from the term's list in order, nothing else ranked.
--   * Several words, a phrase, OR, exclusions: the threshold algorithm. Read the first `depth` entries of
--     each word's list and check and rank those documents (a phrase or an exclusion is checked on the
--     document itself). No document left unread ranks above the mean of the lists' ranks at `depth`, so
--     once `wanted` of the ranked documents are above that bound they are the answer; else read four
--     times deeper.
--     A list that was cut bounds the documents below its cut by the rank at the cut.
--   * Past 10,240 entries a list, or 640 for a phrase whose words' lists are not cut (the GIN index then
--     finds the documents with all its words sooner than the lists' best documents hold the phrase), or
--     when a page goes below a cut (a deep page), or with no word to rank by ("-word" alone): every match
--     is ranked, as without terms.
CREATE FUNCTION "quotegraph_search"(search_kind "SearchKind", query TEXT, after_rank REAL, after_id INTEGER, wanted INTEGER)
RETURNS TABLE ("id" INTEGER, "rank" REAL) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
  matches tsquery := websearch_to_tsquery('english', query);
  terms TEXT[] := "quotegraph_query_terms"(matches);
  any_term tsquery := "quotegraph_any_term"(terms);
  below_rank REAL := coalesce(after_rank, 'Infinity');
  below_id INTEGER := coalesce(after_id, 2147483647);
  depth INTEGER := greatest(2 * wanted, 40);
  deepest INTEGER := CASE WHEN strpos(matches::TEXT, '<') > 0 AND NOT EXISTS (
      SELECT FROM "SearchTermList" list WHERE list."kind" = search_kind AND list."term" = ANY (terms)) THEN 640 ELSE 10240 END;
  bound REAL;
  cut_rank REAL;
  cut_id INTEGER;
  every_list_read BOOLEAN;
  below_a_cut BOOLEAN;
  ids INTEGER[];
  ranks REAL[];
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
    -- Each list's rank at `depth`; for a list read to its end, 0, or the rank at its cut if it was cut.
    SELECT sum(coalesce(edge."rank", list."rank", 0)) / cardinality(terms), bool_and(edge."rank" IS NULL),
           coalesce(bool_or(edge."rank" IS NULL AND list."term" IS NOT NULL), false)
      INTO bound, every_list_read, below_a_cut
    FROM unnest(terms) AS word(term)
    LEFT JOIN "SearchTermList" list ON list."kind" = search_kind AND list."term" = word.term
    LEFT JOIN LATERAL (SELECT s."rank" FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word.term
        AND (s."rank", s."documentId") > (coalesce(list."rank", '-Infinity'), coalesce(list."documentId", -1))
        ORDER BY s."rank" DESC, s."documentId" DESC OFFSET depth - 1 LIMIT 1) edge ON true;
    SELECT array_agg(found."id" ORDER BY found."rank" DESC, found."id" DESC),
           array_agg(found."rank" ORDER BY found."rank" DESC, found."id" DESC) INTO ids, ranks
    FROM (
      SELECT m."id", m."rank" FROM "quotegraph_search_matches"(search_kind, matches, any_term) m
      WHERE m."id" = ANY (ARRAY(
          SELECT DISTINCT top."documentId" FROM unnest(terms) AS word(term),
            LATERAL (SELECT s."documentId" FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word.term
                     ORDER BY s."rank" DESC, s."documentId" DESC LIMIT depth) top))
        AND (m."rank", m."id") < (below_rank, below_id)
      ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted) found;
    -- Every list read to its end and none cut: every match has been read. The margin covers the rounding
    -- between a mean of single-precision ranks and ts_rank's own sum.
    IF (every_list_read AND NOT below_a_cut) OR (coalesce(cardinality(ids), 0) >= wanted AND ranks[wanted] > bound * 1.0001) THEN
      RETURN QUERY SELECT * FROM unnest(coalesce(ids, '{}'), coalesce(ranks, '{}'));
      RETURN;
    END IF;
    EXIT WHEN every_list_read;
    depth := depth * 4;
  END LOOP;
  RETURN QUERY SELECT m."id", m."rank" FROM "quotegraph_search_matches"(search_kind, matches, any_term) m
    WHERE (m."rank", m."id") < (below_rank, below_id) ORDER BY m."rank" DESC, m."id" DESC LIMIT wanted;
END $$;

-- Cuts each of `terms` that has grown past the list length to its best documents, and records the cut.
-- Rows below a cut may stay (a document written while the term was being cut): searches never read them.
CREATE FUNCTION "quotegraph_cut_search_terms"(search_kind "SearchKind", terms TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  kept INTEGER := "quotegraph_search_list_length"();
  word TEXT;
  edge RECORD;
BEGIN
  FOREACH word IN ARRAY terms LOOP
    -- A term being cut by another transaction is left to it.
    CONTINUE WHEN NOT pg_try_advisory_xact_lock(7301014, hashtext(search_kind::TEXT || ' ' || word));
    SELECT s."rank", s."documentId" INTO edge FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word
      ORDER BY s."rank" DESC, s."documentId" DESC OFFSET kept LIMIT 1;
    CONTINUE WHEN NOT FOUND;
    DELETE FROM "SearchTerm" s WHERE s."kind" = search_kind AND s."term" = word
      AND (s."rank", s."documentId") <= (edge."rank", edge."documentId");
    INSERT INTO "SearchTermList" AS list ("kind", "term", "rank", "documentId") VALUES (search_kind, word, edge."rank", edge."documentId")
      ON CONFLICT ("kind", "term") DO UPDATE SET "rank" = excluded."rank", "documentId" = excluded."documentId"
      WHERE (list."rank", list."documentId") < (excluded."rank", excluded."documentId");
  END LOOP;
END $$;

-- Keeping the terms: a statement's new documents, a rewritten search vector, deleted documents. A vector
-- is copied once per document (`|| ''`) so that ranking each of its terms does not read it again. After
-- a write each of its terms is checked for a cut with a chance of 20 in the list length: a list grows
-- about 5% past its length between cuts, and a cut costs a write about as much as a few more terms.
CREATE FUNCTION "quotegraph_search_terms_added"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  search_kind "SearchKind" := TG_ARGV[0]::"SearchKind";
  sampled TEXT[];
BEGIN
  WITH added AS (
    INSERT INTO "SearchTerm" ("kind", "term", "rank", "documentId")
    SELECT search_kind, terms."term", terms."rank", document."id"
    FROM (SELECT "id", "searchVector" || ''::tsvector AS vector FROM new_rows WHERE "searchVector" IS NOT NULL OFFSET 0) document,
      LATERAL "quotegraph_terms"(document.vector) terms
    RETURNING "term")
  SELECT array_agg(DISTINCT added."term") FILTER (WHERE random() < 20.0 / "quotegraph_search_list_length"()) INTO sampled FROM added;
  IF sampled IS NOT NULL THEN
    PERFORM "quotegraph_cut_search_terms"(search_kind, sampled);
  END IF;
  RETURN NULL;
END $$;

-- Removes documents' terms, found by their ranks computed again from the vectors they were written from.
CREATE FUNCTION "quotegraph_remove_search_terms"(search_kind "SearchKind", ids INTEGER[], vectors tsvector[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "SearchTerm" s
  USING (SELECT document.id, terms."term", terms."rank"
         FROM (SELECT id, vector || ''::tsvector AS vector FROM unnest(ids, vectors) AS given(id, vector) WHERE vector IS NOT NULL OFFSET 0) document,
           LATERAL "quotegraph_terms"(document.vector) terms) old
  WHERE s."kind" = search_kind AND s."term" = old."term" AND s."rank" = old."rank" AND s."documentId" = old.id
$$;

CREATE FUNCTION "quotegraph_search_terms_rewritten"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "quotegraph_remove_search_terms"(TG_ARGV[0]::"SearchKind", ARRAY[OLD."id"], ARRAY[OLD."searchVector"]);
  INSERT INTO "SearchTerm" ("kind", "term", "rank", "documentId")
  SELECT TG_ARGV[0]::"SearchKind", terms."term", terms."rank", NEW."id"
  FROM (SELECT NEW."searchVector" || ''::tsvector AS vector OFFSET 0) document, LATERAL "quotegraph_terms"(document.vector) terms
  WHERE document.vector IS NOT NULL;
  RETURN NULL;
END $$;

CREATE FUNCTION "quotegraph_search_terms_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "quotegraph_remove_search_terms"(TG_ARGV[0]::"SearchKind",
    ARRAY(SELECT "id" FROM old_rows ORDER BY "id"), ARRAY(SELECT "searchVector" FROM old_rows ORDER BY "id"));
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_search_terms_added" AFTER INSERT ON "Article"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_search_terms_added"('ARTICLE');
CREATE TRIGGER "Article_search_terms_rewritten" AFTER UPDATE OF "searchVector" ON "Article"
  FOR EACH ROW WHEN (OLD."searchVector" IS DISTINCT FROM NEW."searchVector") EXECUTE FUNCTION "quotegraph_search_terms_rewritten"('ARTICLE');
CREATE TRIGGER "Article_search_terms_removed" AFTER DELETE ON "Article"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_search_terms_removed"('ARTICLE');
CREATE TRIGGER "Quote_search_terms_added" AFTER INSERT ON "Quote"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_search_terms_added"('QUOTE');
CREATE TRIGGER "Quote_search_terms_rewritten" AFTER UPDATE OF "searchVector" ON "Quote"
  FOR EACH ROW WHEN (OLD."searchVector" IS DISTINCT FROM NEW."searchVector") EXECUTE FUNCTION "quotegraph_search_terms_rewritten"('QUOTE');
CREATE TRIGGER "Quote_search_terms_removed" AFTER DELETE ON "Quote"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_search_terms_removed"('QUOTE');

-- Every document's terms from scratch, each list cut to its length: the backfill below, and bulk loads
-- that skip triggers (bench:data, which runs the two kinds side by side). Rather than sorting every term
-- of every document, the terms are counted per rank, which gives the lowest rank each list keeps, and
-- only the terms at or above it are sorted.
CREATE FUNCTION "quotegraph_reindex_search_terms"(search_kind "SearchKind") RETURNS void LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  kept INTEGER := "quotegraph_search_list_length"();
BEGIN
  DELETE FROM "SearchTerm" WHERE "kind" = search_kind;
  DELETE FROM "SearchTermList" WHERE "kind" = search_kind;
  CREATE TEMP TABLE every_term ON COMMIT DROP AS
  SELECT terms."term", terms."rank", document."id" AS "documentId"
  FROM (SELECT a."id", a."searchVector" || ''::tsvector AS vector FROM "Article" a
        WHERE search_kind = 'ARTICLE' AND a."searchVector" IS NOT NULL
        UNION ALL
        SELECT q."id", q."searchVector" || ''::tsvector FROM "Quote" q
        WHERE search_kind = 'QUOTE' AND q."searchVector" IS NOT NULL OFFSET 0) document,
    LATERAL "quotegraph_terms"(document.vector) terms;
  -- The highest rank with more than `kept` documents at or above it (null: the list is not cut).
  CREATE TEMP TABLE lowest_kept ON COMMIT DROP AS
  SELECT counted."term", max(counted."rank") FILTER (WHERE counted.at_or_above > kept) AS "rank"
  FROM (SELECT every."term", every."rank", sum(every.n) OVER (PARTITION BY every."term" ORDER BY every."rank" DESC) AS at_or_above
        FROM (SELECT e."term", e."rank", count(*) AS n FROM every_term e GROUP BY 1, 2) every) counted
  GROUP BY counted."term";
  ANALYZE lowest_kept;
  CREATE TEMP TABLE kept_term ON COMMIT DROP AS
  SELECT e."term", e."rank", e."documentId",
    row_number() OVER (PARTITION BY e."term" ORDER BY e."rank" DESC, e."documentId" DESC) AS place
  FROM every_term e JOIN lowest_kept l ON l."term" = e."term"
  WHERE l."rank" IS NULL OR e."rank" >= l."rank";
  INSERT INTO "SearchTerm" ("kind", "term", "rank", "documentId")
  SELECT search_kind, k."term", k."rank", k."documentId" FROM kept_term k WHERE k.place <= kept;
  INSERT INTO "SearchTermList" ("kind", "term", "rank", "documentId")
  SELECT search_kind, k."term", k."rank", k."documentId" FROM kept_term k WHERE k.place = kept + 1;
  DROP TABLE every_term, lowest_kept, kept_term;
END $$;

SELECT "quotegraph_reindex_search_terms"('ARTICLE');
SELECT "quotegraph_reindex_search_terms"('QUOTE');

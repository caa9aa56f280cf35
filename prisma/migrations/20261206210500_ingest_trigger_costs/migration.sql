-- Written by hand: the same counters and outbox events for less work a write. Profiled on the
-- store's statements (issue 17), nothing here changes what a trigger writes.
--
-- The helpers that triggers call once a statement were SQL functions, and a SQL function's statement is
-- planned again at every call (PostgreSQL 15 keeps its plan for one call of the calling statement only):
-- one article stored alone paid six plannings for them. As PL/pgSQL functions their plans are kept for
-- the session, like the triggers' own.
CREATE OR REPLACE FUNCTION "quotegraph_add_to_list_total"(list_name TEXT, delta BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ListTotal" SET "count" = "count" + delta WHERE "list" = list_name AND "slot" = pg_backend_pid() % 16 AND delta <> 0;
END $$;

CREATE OR REPLACE FUNCTION "quotegraph_recount_topics"(topic_ids INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Topic" t SET ("articleCount", "quoteCount") = (
    SELECT count(*) FILTER (WHERE a."published"), coalesce(sum(a."quoteCount"), 0)
    FROM "ArticleTopic" link JOIN "Article" a ON a."id" = link."articleId" WHERE link."topicId" = t."id")
  WHERE t."id" = ANY (topic_ids);
END $$;

-- quoteAdded: the topics of each quote's article are read once an article, not once a quote (an article
-- brings about a dozen quotes, and each read was a SQL function planned anew).
CREATE OR REPLACE FUNCTION "outbox_quotes"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  WITH article AS MATERIALIZED (
    SELECT a."id", a."slug", a."sourceId", a."published", "outbox_article_topics"(a."id") AS "topics"
    FROM "Article" a WHERE a."id" IN (SELECT "articleId" FROM added WHERE NOT "retracted"))
  INSERT INTO "OutboxEvent" ("rank", "type", "objectType", "objectId", "payload")
  SELECT 1, 'quoteAdded', 'Quote', quote."id",
    jsonb_build_object('article', article."slug", 'articleId', article."id", 'speaker', speaker."slug", 'speakerId', speaker."id",
      'source', source."slug", 'sourceId', source."id", 'topics', article."topics", 'published', article."published")
  FROM added quote
  JOIN article ON article."id" = quote."articleId"
  LEFT JOIN "Person" speaker ON speaker."id" = quote."speakerId"
  LEFT JOIN "Source" source ON source."id" = article."sourceId"
  WHERE NOT quote."retracted"
  ORDER BY quote."id";
  IF FOUND THEN PERFORM pg_notify('quotegraph_outbox', ''); END IF;
  RETURN NULL;
END $$;

-- A statement's new documents' terms. Ranking them is cheap (0.1 ms an article of 4.5 KiB); writing them
-- is not (about 250 rows an article, each a heap row and a four-column index entry). So:
--   * a term whose list was cut gets no row for a document below the cut: searches never read below a cut,
--     and the next cut would delete it (at a million articles most of an article's words are in cut lists);
--   * the rows go in in order of their term, so that consecutive entries land on the same leaf pages of the
--     index (for 200 articles' terms, 250-340 ms of CPU instead of 340-430 ms, medians of 9).
CREATE OR REPLACE FUNCTION "quotegraph_search_terms_added"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  search_kind "SearchKind" := TG_ARGV[0]::"SearchKind";
  sampled TEXT[];
BEGIN
  WITH added AS (
    INSERT INTO "SearchTerm" ("kind", "term", "rank", "documentId")
    SELECT search_kind, term."term", term."rank", term."documentId"
    -- Ranked before they are sorted (OFFSET 0), so that the sort holds the terms, not the vectors.
    FROM (SELECT terms."term", terms."rank", document."id" AS "documentId"
          FROM (SELECT "id", "searchVector" || ''::tsvector AS vector FROM new_rows WHERE "searchVector" IS NOT NULL OFFSET 0) document,
            LATERAL "quotegraph_terms"(document.vector) terms OFFSET 0) term
    WHERE NOT EXISTS (SELECT FROM "SearchTermList" list WHERE list."kind" = search_kind AND list."term" = term."term"
                      AND (list."rank", list."documentId") >= (term."rank", term."documentId"))
    ORDER BY term."term"
    RETURNING "term")
  SELECT array_agg(DISTINCT added."term") FILTER (WHERE random() < 20.0 / "quotegraph_search_list_length"()) INTO sampled FROM added;
  IF sampled IS NOT NULL THEN
    PERFORM "quotegraph_cut_search_terms"(search_kind, sampled);
  END IF;
  RETURN NULL;
END $$;

-- Written by hand (issue 17): concurrent ingests quoting the same people no longer deadlock on their
-- quote counts.
--
-- The quotes' trigger adds to each speaker's count with one UPDATE joined to the statement's speakers, and
-- the rows are locked in whatever order that plan reads them: by the hash of a grouping, or the heap's
-- order, which moves as rows are updated. Two ingests quoting two of the same people could lock them in
-- opposite orders; PostgreSQL then waits deadlock_timeout (1 s), undoes one, and the store runs it again.
-- Seen in PostgreSQL's log: every deadlock of the day's runs was this statement (4 in 10 runs of eight
-- ingests at once, test/ingest/store.test.ts). Locking the speakers' rows first, in id order, gives every
-- transaction the same order. The function is otherwise as migration topic_counts_from_links left it.

CREATE OR REPLACE FUNCTION "quotegraph_quote_written"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sampled TEXT[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- The search terms, as "quotegraph_search_terms_added" writes them (its comment says why each part).
    WITH added AS (
      INSERT INTO "SearchTerm" ("kind", "term", "rank", "documentId")
      SELECT 'QUOTE', term."term", term."rank", term."documentId"
      FROM (SELECT terms."term", terms."rank", document."id" AS "documentId"
            FROM (SELECT "id", "searchVector" || ''::tsvector AS vector FROM new_rows WHERE "searchVector" IS NOT NULL OFFSET 0) document,
              LATERAL "quotegraph_terms"(document.vector) terms OFFSET 0) term
      WHERE NOT EXISTS (SELECT FROM "SearchTermList" list WHERE list."kind" = 'QUOTE' AND list."term" = term."term"
                        AND (list."rank", list."documentId") >= (term."rank", term."documentId"))
      ORDER BY term."term"
      RETURNING "term")
    SELECT array_agg(DISTINCT added."term") FILTER (WHERE random() < 20.0 / "quotegraph_search_list_length"()) INTO sampled FROM added;
    IF sampled IS NOT NULL THEN
      PERFORM "quotegraph_cut_search_terms"('QUOTE', sampled);
    END IF;
    -- quoteAdded, as "outbox_quotes" writes it.
    WITH article AS MATERIALIZED (
      SELECT a."id", a."slug", a."sourceId", a."published", "outbox_article_topics"(a."id") AS "topics"
      FROM "Article" a WHERE a."id" IN (SELECT "articleId" FROM new_rows WHERE NOT "retracted"))
    INSERT INTO "OutboxEvent" ("rank", "type", "objectType", "objectId", "payload")
    SELECT 1, 'quoteAdded', 'Quote', quote."id",
      jsonb_build_object('article', article."slug", 'articleId', article."id", 'speaker', speaker."slug", 'speakerId', speaker."id",
        'source', source."slug", 'sourceId', source."id", 'topics', article."topics", 'published', article."published")
    FROM new_rows quote
    JOIN article ON article."id" = quote."articleId"
    LEFT JOIN "Person" speaker ON speaker."id" = quote."speakerId"
    LEFT JOIN "Source" source ON source."id" = article."sourceId"
    WHERE NOT quote."retracted"
    ORDER BY quote."id";
    IF FOUND THEN PERFORM pg_notify('quotegraph_outbox', ''); END IF;
    -- The counts and the total, from one read of the listed quotes (the topics follow from their articles' counts).
    -- The speakers' rows, locked in id order before their counts change (see the head of this file).
    PERFORM FROM "Person" WHERE "id" IN (SELECT "speakerId" FROM new_rows WHERE NOT "retracted" AND "articlePublished") ORDER BY "id" FOR NO KEY UPDATE;
    WITH listed AS MATERIALIZED (SELECT "articleId", "speakerId" FROM new_rows WHERE NOT "retracted" AND "articlePublished"),
    speakers AS (
      UPDATE "Person" p SET "quoteCount" = p."quoteCount" + d.n
      FROM (SELECT "speakerId" AS id, count(*) AS n FROM listed WHERE "speakerId" IS NOT NULL GROUP BY 1) d
      WHERE p."id" = d.id),
    articles AS (
      UPDATE "Article" a SET "quoteCount" = a."quoteCount" + d.n
      FROM (SELECT "articleId" AS id, count(*) AS n FROM listed GROUP BY 1) d
      WHERE a."id" = d.id)
    UPDATE "ListTotal" SET "count" = "count" + total.n FROM (SELECT count(*) AS n FROM listed) total
    WHERE "list" = 'quotes' AND "slot" = pg_backend_pid() % 16 AND total.n <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "quotegraph_remove_search_terms"('QUOTE',
      ARRAY(SELECT "id" FROM old_rows ORDER BY "id"), ARRAY(SELECT "searchVector" FROM old_rows ORDER BY "id"));
    -- The speakers' rows, locked in id order before their counts change (see the head of this file).
    PERFORM FROM "Person" WHERE "id" IN (SELECT "speakerId" FROM old_rows WHERE NOT "retracted" AND "articlePublished") ORDER BY "id" FOR NO KEY UPDATE;
    WITH listed AS MATERIALIZED (SELECT "articleId", "speakerId" FROM old_rows WHERE NOT "retracted" AND "articlePublished"),
    speakers AS (
      UPDATE "Person" p SET "quoteCount" = p."quoteCount" - d.n
      FROM (SELECT "speakerId" AS id, count(*) AS n FROM listed WHERE "speakerId" IS NOT NULL GROUP BY 1) d
      WHERE p."id" = d.id),
    articles AS (
      UPDATE "Article" a SET "quoteCount" = a."quoteCount" - d.n
      FROM (SELECT "articleId" AS id, count(*) AS n FROM listed GROUP BY 1) d
      WHERE a."id" = d.id)
    UPDATE "ListTotal" SET "count" = "count" - total.n FROM (SELECT count(*) AS n FROM listed) total
    WHERE "list" = 'quotes' AND "slot" = pg_backend_pid() % 16 AND total.n <> 0;
  ELSE
    PERFORM FROM "Person" WHERE "id" IN (
        SELECT "speakerId" FROM new_rows WHERE NOT "retracted" AND "articlePublished"
        UNION SELECT "speakerId" FROM old_rows WHERE NOT "retracted" AND "articlePublished")
      ORDER BY "id" FOR NO KEY UPDATE;
    WITH changed AS MATERIALIZED (
      SELECT "articleId", "speakerId", 1 AS n FROM new_rows WHERE NOT "retracted" AND "articlePublished"
      UNION ALL
      SELECT "articleId", "speakerId", -1 FROM old_rows WHERE NOT "retracted" AND "articlePublished"),
    speakers AS (
      UPDATE "Person" p SET "quoteCount" = p."quoteCount" + d.n
      FROM (SELECT "speakerId" AS id, sum(n) AS n FROM changed WHERE "speakerId" IS NOT NULL GROUP BY 1 HAVING sum(n) <> 0) d
      WHERE p."id" = d.id),
    articles AS (
      UPDATE "Article" a SET "quoteCount" = a."quoteCount" + d.n
      FROM (SELECT "articleId" AS id, sum(n) AS n FROM changed GROUP BY 1 HAVING sum(n) <> 0) d
      WHERE a."id" = d.id)
    UPDATE "ListTotal" SET "count" = "count" + total.n FROM (SELECT coalesce(sum(n), 0) AS n FROM changed) total
    WHERE "list" = 'quotes' AND "slot" = pg_backend_pid() % 16 AND total.n <> 0;
  END IF;
  RETURN NULL;
END $$;

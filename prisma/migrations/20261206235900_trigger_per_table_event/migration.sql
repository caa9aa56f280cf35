-- Written by hand (issue 17): the same counters, totals, search terms and outbox events for less work
-- when articles are stored one at a time.

-- An article's topic slugs for the outbox, read once or twice an article stored. As a SQL function its
-- statement was planned again at every call (it is not inlined: it aggregates over tables); as PL/pgSQL
-- its plan is kept for the session.
CREATE OR REPLACE FUNCTION "outbox_article_topics"(article_id INTEGER) RETURNS JSONB LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT coalesce(jsonb_agg(topic."slug" ORDER BY topic."slug"), '[]'::jsonb)
          FROM "ArticleTopic" tagged JOIN "Topic" topic ON topic."id" = tagged."topicId"
          WHERE tagged."articleId" = article_id);
END $$;

-- One trigger a table and event, where there were up to four. An article stored alone fired eleven
-- statement-level triggers (Article's three on insert, Quote's four, Article's two on the update of its
-- quote count, the topic links', the revision's and the change's), each paying its own entry, transition
-- tables and statements. Each function below does the work of the triggers it replaces, in their order
-- (the order of their names), with the same statements but where one statement now does two or three
-- updates over one read of the transition table. The functions those triggers ran stay: the same work
-- for the same events, and bulk loads (bench:data) call some of them.

-- Articles: their search terms, their sources' article counts, the articles' list total; on an update,
-- the topics of an article published or unpublished counted again.
CREATE FUNCTION "quotegraph_article_written"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sampled TEXT[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- The search terms, as "quotegraph_search_terms_added" writes them (its comment says why each part).
    WITH added AS (
      INSERT INTO "SearchTerm" ("kind", "term", "rank", "documentId")
      SELECT 'ARTICLE', term."term", term."rank", term."documentId"
      FROM (SELECT terms."term", terms."rank", document."id" AS "documentId"
            FROM (SELECT "id", "searchVector" || ''::tsvector AS vector FROM new_rows WHERE "searchVector" IS NOT NULL OFFSET 0) document,
              LATERAL "quotegraph_terms"(document.vector) terms OFFSET 0) term
      WHERE NOT EXISTS (SELECT FROM "SearchTermList" list WHERE list."kind" = 'ARTICLE' AND list."term" = term."term"
                        AND (list."rank", list."documentId") >= (term."rank", term."documentId"))
      ORDER BY term."term"
      RETURNING "term")
    SELECT array_agg(DISTINCT added."term") FILTER (WHERE random() < 20.0 / "quotegraph_search_list_length"()) INTO sampled FROM added;
    IF sampled IS NOT NULL THEN
      PERFORM "quotegraph_cut_search_terms"('ARTICLE', sampled);
    END IF;
    WITH listed AS MATERIALIZED (SELECT "sourceId" FROM new_rows WHERE "published"),
    sources AS (
      UPDATE "Source" s SET "articleCount" = s."articleCount" + d.n
      FROM (SELECT "sourceId" AS id, count(*) AS n FROM listed WHERE "sourceId" IS NOT NULL GROUP BY 1) d
      WHERE s."id" = d.id)
    UPDATE "ListTotal" SET "count" = "count" + total.n FROM (SELECT count(*) AS n FROM listed) total
    WHERE "list" = 'articles' AND "slot" = pg_backend_pid() % 16 AND total.n <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "quotegraph_remove_search_terms"('ARTICLE',
      ARRAY(SELECT "id" FROM old_rows ORDER BY "id"), ARRAY(SELECT "searchVector" FROM old_rows ORDER BY "id"));
    WITH listed AS MATERIALIZED (SELECT "sourceId" FROM old_rows WHERE "published"),
    sources AS (
      UPDATE "Source" s SET "articleCount" = s."articleCount" - d.n
      FROM (SELECT "sourceId" AS id, count(*) AS n FROM listed WHERE "sourceId" IS NOT NULL GROUP BY 1) d
      WHERE s."id" = d.id)
    UPDATE "ListTotal" SET "count" = "count" - total.n FROM (SELECT count(*) AS n FROM listed) total
    WHERE "list" = 'articles' AND "slot" = pg_backend_pid() % 16 AND total.n <> 0;
  ELSE
    -- Most updates of articles change neither whether they are published nor their source (the quote
    -- count that every stored quote updates, a revision's text, a version): nothing is counted then.
    -- Rows are paired by id, which no update changes.
    IF NOT EXISTS (SELECT FROM old_rows o JOIN new_rows r ON r."id" = o."id"
                   WHERE (o."published", o."sourceId") IS DISTINCT FROM (r."published", r."sourceId")) THEN
      RETURN NULL;
    END IF;
    WITH changed AS MATERIALIZED (
      SELECT "sourceId", sum(n) AS n FROM (
        SELECT "sourceId", 1 AS n FROM new_rows WHERE "published"
        UNION ALL
        SELECT "sourceId", -1 FROM old_rows WHERE "published") changes
      GROUP BY "sourceId" HAVING sum(n) <> 0),
    sources AS (
      UPDATE "Source" s SET "articleCount" = s."articleCount" + changed.n FROM changed
      WHERE s."id" = changed."sourceId")
    UPDATE "ListTotal" SET "count" = "count" + total.n FROM (SELECT coalesce(sum(n), 0) AS n FROM changed) total
    WHERE "list" = 'articles' AND "slot" = pg_backend_pid() % 16 AND total.n <> 0;
    PERFORM "quotegraph_recount_topics"(array_agg(DISTINCT link."topicId"))
    FROM old_rows o JOIN new_rows r ON r."id" = o."id" JOIN "ArticleTopic" link ON link."articleId" = r."id"
    WHERE o."published" IS DISTINCT FROM r."published";
  END IF;
  RETURN NULL;
END $$;

-- Quotes: their search terms, quoteAdded in the outbox, their speakers', articles' and topics' counts,
-- the quotes' list total.
CREATE FUNCTION "quotegraph_quote_written"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    -- The counts and the total, from one read of the listed quotes; then the topics (which read the articles' new counts).
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
    PERFORM "quotegraph_recount_topics"(array_agg(DISTINCT link."topicId"))
    FROM new_rows r JOIN "ArticleTopic" link ON link."articleId" = r."articleId";
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "quotegraph_remove_search_terms"('QUOTE',
      ARRAY(SELECT "id" FROM old_rows ORDER BY "id"), ARRAY(SELECT "searchVector" FROM old_rows ORDER BY "id"));
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
    PERFORM "quotegraph_recount_topics"(array_agg(DISTINCT link."topicId"))
    FROM old_rows r JOIN "ArticleTopic" link ON link."articleId" = r."articleId";
  ELSE
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
    PERFORM "quotegraph_recount_topics"(array_agg(DISTINCT link."topicId"))
    FROM old_rows o JOIN new_rows r ON r."id" = o."id"
    JOIN "ArticleTopic" link ON link."articleId" IN (o."articleId", r."articleId")
    WHERE o."retracted" IS DISTINCT FROM r."retracted" OR o."articlePublished" IS DISTINCT FROM r."articlePublished"
       OR o."articleId" IS DISTINCT FROM r."articleId";
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "Article_search_terms_added" ON "Article";
DROP TRIGGER "Article_search_terms_removed" ON "Article";
DROP TRIGGER "article_counts_insert" ON "Article";
DROP TRIGGER "article_counts_update" ON "Article";
DROP TRIGGER "article_counts_delete" ON "Article";
DROP TRIGGER "article_total_insert" ON "Article";
DROP TRIGGER "article_total_update" ON "Article";
DROP TRIGGER "article_total_delete" ON "Article";
CREATE TRIGGER "article_inserted" AFTER INSERT ON "Article" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_article_written"();
CREATE TRIGGER "article_updated" AFTER UPDATE ON "Article" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_article_written"();
CREATE TRIGGER "article_deleted" AFTER DELETE ON "Article" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_article_written"();

DROP TRIGGER "Quote_search_terms_added" ON "Quote";
DROP TRIGGER "Quote_search_terms_removed" ON "Quote";
DROP TRIGGER "outbox_quotes" ON "Quote";
DROP TRIGGER "quote_counts_insert" ON "Quote";
DROP TRIGGER "quote_counts_update" ON "Quote";
DROP TRIGGER "quote_counts_delete" ON "Quote";
DROP TRIGGER "quote_total_insert" ON "Quote";
DROP TRIGGER "quote_total_update" ON "Quote";
DROP TRIGGER "quote_total_delete" ON "Quote";
CREATE TRIGGER "quote_inserted" AFTER INSERT ON "Quote" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_quote_written"();
CREATE TRIGGER "quote_updated" AFTER UPDATE ON "Quote" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_quote_written"();
CREATE TRIGGER "quote_deleted" AFTER DELETE ON "Quote" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_quote_written"();

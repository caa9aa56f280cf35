-- Written by hand (issue 17): an article stored with its quotes is written once, not written and then
-- rewritten to count them.
--
-- The store inserts a new article and its quotes in one statement, and the quotes' trigger then added
-- them to the article's "quoteCount" with an UPDATE: a second version of every new article row. Article
-- rows are wide (the search vector is kept in the row), so the new version seldom fit the same page and
-- every index of the table took it again, the word pairs' GIN index included (about 700 entries for an
-- article of 4.5 KiB), and the first version was left dead; each article's topic links were then
-- rewritten too, for their copies of the count. 1,000 such files through `quotegraph ingest` into a new
-- database (a private cluster with pg_stat_statements, three alternating pairs, 2026-12-08): 1,000
-- article updates (41-47 in place) and 1,835 link updates before, none after; PostgreSQL's execution
-- time 6.1-6.6 -> 4.8-4.9 s, the command 8.8-9.4 -> 7.9-8.2 s, the articles' heap 8.7 -> 4.5 MB
-- before vacuum.
--
-- Now the statement that creates an article with its quotes writes its count itself (the store does, and
-- the links' copies of it: src/ingest/store.ts), and this trigger leaves out of its update the articles
-- that statement created: those whose first revision ("ArticleRevision" number 1, written with the
-- article) has the xmin and cmin of a quote the statement inserted, that is, the same transaction and
-- command. A revision, which updates its article and inserts quotes in one statement, writes a later
-- revision and is counted as before, and so is an article created by another statement, even of the same
-- transaction (another cmin). A statement that creates articles with their quotes must therefore set
-- "quoteCount" (the listed quotes: not retracted) as it inserts them; test/db/counters.test.ts recounts
-- after every kind of change. (Raw xmin survives freezing: a first revision frozen some four billion
-- transactions ago could in principle match again, and only with the very same command number.)
-- The function is otherwise as migration counter_lock_order left it.

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
    -- Not the articles this statement created with the quotes, whose rows were written with them counted:
    -- those whose first revision has the transaction and command of a quote of the statement's.
    inserting AS (SELECT q.xmin, q.cmin FROM "Quote" q WHERE q."id" = (SELECT min("id") FROM new_rows)),
    created AS (
      SELECT r."articleId" FROM "ArticleRevision" r, inserting
      WHERE r."articleId" IN (SELECT "articleId" FROM listed) AND r."number" = 1
        AND r.xmin = inserting.xmin AND r.cmin = inserting.cmin),
    articles AS (
      UPDATE "Article" a SET "quoteCount" = a."quoteCount" + d.n
      FROM (SELECT "articleId" AS id, count(*) AS n FROM listed GROUP BY 1) d
      WHERE a."id" = d.id AND a."id" NOT IN (SELECT "articleId" FROM created))
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

-- Written by hand (issue 17): a topic's counts in constant time a write.
--
-- They were counted again from every article of the topic at each write that touched it
-- ("quotegraph_recount_topics": about 150 articles a topic at scale 1, 15,000 at scale 100, twice an
-- article stored). Deltas were avoided because one statement can write quotes and topic links together
-- (the store's batches and revisions): the quotes' trigger would add the new quotes to the topics of the
-- new links, and the links' trigger would add the article's count, new quotes included, again.
--
-- Now each link carries a copy of its article's "published" and "quoteCount", and a topic's counts are
-- the sums of its links' copies. Two rules keep them so, whatever the order the triggers run in:
--   * the links' trigger turns every change of a link row into deltas on its topic, from the transition
--     tables alone (inserted: + its copies; deleted: - its copies; updated: + new - old);
--   * a copy is set to its article's value as it is now, never incremented: by the articles' trigger when
--     an article's count or publication changes, and by the links' trigger for new or moved links.
-- A quote and a link written by one statement are then counted once: whichever trigger runs last finds
-- the copy already equal to the article and changes nothing.

-- AlterTable
ALTER TABLE "ArticleTopic" ADD COLUMN     "articlePublished" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "articleQuoteCount" INTEGER NOT NULL DEFAULT 0;

-- The copies of the links there are (the old links' trigger, still in place, counts their topics again
-- once: their counts do not change).
UPDATE "ArticleTopic" link SET ("articlePublished", "articleQuoteCount") = (a."published", a."quoteCount")
FROM "Article" a
WHERE a."id" = link."articleId"
  AND (link."articlePublished", link."articleQuoteCount") IS DISTINCT FROM (a."published", a."quoteCount");

-- Links: deltas on their topics from the rows changed; new or moved links take their article's copies.
CREATE OR REPLACE FUNCTION "quotegraph_topic_link_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Topic" t SET "articleCount" = t."articleCount" + d.articles, "quoteCount" = t."quoteCount" + d.quotes
    FROM (SELECT "topicId" AS id, count(*) FILTER (WHERE "articlePublished") AS articles, sum("articleQuoteCount") AS quotes
          FROM new_rows GROUP BY 1) d
    WHERE t."id" = d.id AND (d.articles, d.quotes) <> (0, 0);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "Topic" t SET "articleCount" = t."articleCount" - d.articles, "quoteCount" = t."quoteCount" - d.quotes
    FROM (SELECT "topicId" AS id, count(*) FILTER (WHERE "articlePublished") AS articles, sum("articleQuoteCount") AS quotes
          FROM old_rows GROUP BY 1) d
    WHERE t."id" = d.id AND (d.articles, d.quotes) <> (0, 0);
    RETURN NULL;
  ELSE
    -- A link's key may change (a topic merged into another), so rows are not paired: the topics of the
    -- old rows lose their copies and those of the new rows gain theirs.
    UPDATE "Topic" t SET "articleCount" = t."articleCount" + d.articles, "quoteCount" = t."quoteCount" + d.quotes
    FROM (SELECT "topicId" AS id, sum(articles) AS articles, sum(quotes) AS quotes FROM (
            SELECT "topicId", CASE WHEN "articlePublished" THEN 1 ELSE 0 END AS articles, "articleQuoteCount" AS quotes FROM new_rows
            UNION ALL
            SELECT "topicId", CASE WHEN "articlePublished" THEN -1 ELSE 0 END, -"articleQuoteCount" FROM old_rows) changes
          GROUP BY 1) d
    WHERE t."id" = d.id AND (d.articles, d.quotes) <> (0, 0);
  END IF;
  -- New links, and links moved to another article, take their article's copies. Checked first: an
  -- UPDATE fires this trigger even when it changes no row, and the update below fires it once more, to
  -- find every copy current and stop.
  IF EXISTS (SELECT FROM new_rows n JOIN "Article" a ON a."id" = n."articleId"
             WHERE (n."articlePublished", n."articleQuoteCount") IS DISTINCT FROM (a."published", a."quoteCount")) THEN
    UPDATE "ArticleTopic" link SET ("articlePublished", "articleQuoteCount") = (a."published", a."quoteCount")
    FROM new_rows n JOIN "Article" a ON a."id" = n."articleId"
    WHERE link."articleId" = n."articleId" AND link."topicId" = n."topicId"
      AND (link."articlePublished", link."articleQuoteCount") IS DISTINCT FROM (a."published", a."quoteCount");
  END IF;
  RETURN NULL;
END $$;

-- Articles: as in migration trigger_per_table_event, but for the links' copies in place of counting topics again.
CREATE OR REPLACE FUNCTION "quotegraph_article_written"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    -- The links of an article whose quote count or publication changed take its new values; the links'
    -- trigger adds the difference to their topics. (Read from the articles as they are now, not from
    -- new_rows: a later statement of the same transaction may have changed them again.) Rows are paired
    -- by id, which no update changes.
    IF EXISTS (SELECT FROM old_rows o JOIN new_rows r ON r."id" = o."id"
               WHERE (o."published", o."quoteCount") IS DISTINCT FROM (r."published", r."quoteCount")) THEN
      UPDATE "ArticleTopic" link SET ("articlePublished", "articleQuoteCount") = (a."published", a."quoteCount")
      FROM "Article" a
      WHERE a."id" IN (SELECT "id" FROM new_rows) AND link."articleId" = a."id"
        AND (link."articlePublished", link."articleQuoteCount") IS DISTINCT FROM (a."published", a."quoteCount");
    END IF;
    -- Most updates of articles change neither whether they are published nor their source (the quote
    -- count that every stored quote updates, a revision's text, a version): nothing more is counted then.
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
  END IF;
  RETURN NULL;
END $$;

-- Quotes: as in migration trigger_per_table_event, without counting topics again (the articles' counts they
-- change reach the topics through the links).
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

-- Every counter from scratch (the backfill of migration counters, and bench:data, which loads with
-- triggers off): as before, with the links' copies set before the topics are summed from them.
CREATE OR REPLACE FUNCTION "quotegraph_recount_all"() RETURNS void LANGUAGE sql AS $$
  UPDATE "Person" p SET "quoteCount" = coalesce(c.n, 0)
  FROM "Person" p2 LEFT JOIN (SELECT "speakerId", count(*) AS n FROM "Quote" WHERE NOT "retracted" AND "articlePublished" GROUP BY 1) c
    ON c."speakerId" = p2."id"
  WHERE p."id" = p2."id" AND p."quoteCount" IS DISTINCT FROM coalesce(c.n, 0);
  UPDATE "Article" a SET "quoteCount" = coalesce(c.n, 0)
  FROM "Article" a2 LEFT JOIN (SELECT "articleId", count(*) AS n FROM "Quote" WHERE NOT "retracted" AND "articlePublished" GROUP BY 1) c
    ON c."articleId" = a2."id"
  WHERE a."id" = a2."id" AND a."quoteCount" IS DISTINCT FROM coalesce(c.n, 0);
  UPDATE "Source" s SET "articleCount" = coalesce(c.n, 0)
  FROM "Source" s2 LEFT JOIN (SELECT "sourceId", count(*) AS n FROM "Article" WHERE "published" GROUP BY 1) c
    ON c."sourceId" = s2."id"
  WHERE s."id" = s2."id" AND s."articleCount" IS DISTINCT FROM coalesce(c.n, 0);
  UPDATE "ArticleTopic" link SET ("articlePublished", "articleQuoteCount") = (a."published", a."quoteCount")
  FROM "Article" a
  WHERE a."id" = link."articleId"
    AND (link."articlePublished", link."articleQuoteCount") IS DISTINCT FROM (a."published", a."quoteCount");
  UPDATE "Topic" t SET "articleCount" = coalesce(c.articles, 0), "quoteCount" = coalesce(c.quotes, 0)
  FROM "Topic" t2
  LEFT JOIN (SELECT "topicId", count(*) FILTER (WHERE "articlePublished") AS articles, sum("articleQuoteCount") AS quotes
             FROM "ArticleTopic" GROUP BY 1) c ON c."topicId" = t2."id"
  WHERE t."id" = t2."id" AND (t."articleCount", t."quoteCount") IS DISTINCT FROM (coalesce(c.articles, 0), coalesce(c.quotes, 0));
$$;

-- What calls for a topic to be counted again from its rows now sums its links' copies.
CREATE OR REPLACE FUNCTION "quotegraph_recount_topics"(topic_ids INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Topic" t SET ("articleCount", "quoteCount") = (
    SELECT count(*) FILTER (WHERE link."articlePublished"), coalesce(sum(link."articleQuoteCount"), 0)
    FROM "ArticleTopic" link WHERE link."topicId" = t."id")
  WHERE t."id" = ANY (topic_ids);
END $$;

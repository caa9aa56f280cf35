-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "quoteCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "quoteCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "articleCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "articleCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "quoteCount" INTEGER NOT NULL DEFAULT 0;

-- Counters, kept in the transaction of every change by statement-level triggers, so that totalCount
-- reads a column instead of counting rows. A person's and an article's quote counts and a source's
-- article count follow from the changed rows alone (a delta); a topic's counts depend on two tables
-- (its article links and the articles' quotes), so the topics a change touches are counted again.

CREATE FUNCTION "quotegraph_recount_topics"(topic_ids INTEGER[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Topic" t SET
    "articleCount" = (SELECT count(*) FROM "ArticleTopic" link JOIN "Article" a ON a."id" = link."articleId"
                      WHERE link."topicId" = t."id" AND a."published"),
    "quoteCount" = (SELECT count(*) FROM "ArticleTopic" link JOIN "Quote" q ON q."articleId" = link."articleId"
                    WHERE link."topicId" = t."id" AND NOT q."retracted" AND q."articlePublished")
  WHERE t."id" = ANY (topic_ids);
$$;

-- Every counter from scratch, set-based (grouped joins, no per-row lookups): the backfill below, and bulk
-- loads that skip triggers (bench:data).
CREATE FUNCTION "quotegraph_recount_all"() RETURNS void LANGUAGE sql AS $$
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
  UPDATE "Topic" t SET "articleCount" = coalesce(articles.n, 0), "quoteCount" = coalesce(quotes.n, 0)
  FROM "Topic" t2
  LEFT JOIN (SELECT link."topicId", count(*) AS n FROM "ArticleTopic" link JOIN "Article" a ON a."id" = link."articleId"
             WHERE a."published" GROUP BY 1) articles ON articles."topicId" = t2."id"
  LEFT JOIN (SELECT link."topicId", count(*) AS n FROM "ArticleTopic" link JOIN "Quote" q ON q."articleId" = link."articleId"
             WHERE NOT q."retracted" AND q."articlePublished" GROUP BY 1) quotes ON quotes."topicId" = t2."id"
  WHERE t."id" = t2."id" AND (t."articleCount", t."quoteCount") IS DISTINCT FROM (coalesce(articles.n, 0), coalesce(quotes.n, 0));
$$;

-- Quotes: deltas for the speaker and the article; the topics of their articles counted again when a
-- quote comes, goes, or is retracted, restored, unpublished or moved to another article.
CREATE FUNCTION "quotegraph_quote_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Person" p SET "quoteCount" = p."quoteCount" + d.n
    FROM (SELECT "speakerId" AS id, count(*) AS n FROM new_rows WHERE "speakerId" IS NOT NULL AND NOT "retracted" AND "articlePublished" GROUP BY 1) d
    WHERE p."id" = d.id;
    UPDATE "Article" a SET "quoteCount" = a."quoteCount" + d.n
    FROM (SELECT "articleId" AS id, count(*) AS n FROM new_rows WHERE NOT "retracted" AND "articlePublished" GROUP BY 1) d
    WHERE a."id" = d.id;
    PERFORM "quotegraph_recount_topics"(array_agg(DISTINCT link."topicId"))
    FROM new_rows r JOIN "ArticleTopic" link ON link."articleId" = r."articleId";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "Person" p SET "quoteCount" = p."quoteCount" - d.n
    FROM (SELECT "speakerId" AS id, count(*) AS n FROM old_rows WHERE "speakerId" IS NOT NULL AND NOT "retracted" AND "articlePublished" GROUP BY 1) d
    WHERE p."id" = d.id;
    UPDATE "Article" a SET "quoteCount" = a."quoteCount" - d.n
    FROM (SELECT "articleId" AS id, count(*) AS n FROM old_rows WHERE NOT "retracted" AND "articlePublished" GROUP BY 1) d
    WHERE a."id" = d.id;
    PERFORM "quotegraph_recount_topics"(array_agg(DISTINCT link."topicId"))
    FROM old_rows r JOIN "ArticleTopic" link ON link."articleId" = r."articleId";
  ELSE
    UPDATE "Person" p SET "quoteCount" = p."quoteCount" + d.n
    FROM (SELECT id, sum(n) AS n FROM (
            SELECT "speakerId" AS id, 1 AS n FROM new_rows WHERE "speakerId" IS NOT NULL AND NOT "retracted" AND "articlePublished"
            UNION ALL
            SELECT "speakerId", -1 FROM old_rows WHERE "speakerId" IS NOT NULL AND NOT "retracted" AND "articlePublished") changes
          GROUP BY id HAVING sum(n) <> 0) d
    WHERE p."id" = d.id;
    UPDATE "Article" a SET "quoteCount" = a."quoteCount" + d.n
    FROM (SELECT id, sum(n) AS n FROM (
            SELECT "articleId" AS id, 1 AS n FROM new_rows WHERE NOT "retracted" AND "articlePublished"
            UNION ALL
            SELECT "articleId", -1 FROM old_rows WHERE NOT "retracted" AND "articlePublished") changes
          GROUP BY id HAVING sum(n) <> 0) d
    WHERE a."id" = d.id;
    PERFORM "quotegraph_recount_topics"(array_agg(DISTINCT link."topicId"))
    FROM old_rows o JOIN new_rows r ON r."id" = o."id"
    JOIN "ArticleTopic" link ON link."articleId" IN (o."articleId", r."articleId")
    WHERE o."retracted" IS DISTINCT FROM r."retracted" OR o."articlePublished" IS DISTINCT FROM r."articlePublished"
       OR o."articleId" IS DISTINCT FROM r."articleId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "quote_counts_insert" AFTER INSERT ON "Quote" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_quote_counts"();
CREATE TRIGGER "quote_counts_update" AFTER UPDATE ON "Quote" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_quote_counts"();
CREATE TRIGGER "quote_counts_delete" AFTER DELETE ON "Quote" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_quote_counts"();

-- Articles: a delta for the source; the topics of an article published, unpublished or deleted are
-- counted again (a deleted article's links go by cascade, whose own trigger counts them).
CREATE FUNCTION "quotegraph_article_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Source" s SET "articleCount" = s."articleCount" + d.n
    FROM (SELECT "sourceId" AS id, count(*) AS n FROM new_rows WHERE "sourceId" IS NOT NULL AND "published" GROUP BY 1) d
    WHERE s."id" = d.id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "Source" s SET "articleCount" = s."articleCount" - d.n
    FROM (SELECT "sourceId" AS id, count(*) AS n FROM old_rows WHERE "sourceId" IS NOT NULL AND "published" GROUP BY 1) d
    WHERE s."id" = d.id;
  ELSE
    UPDATE "Source" s SET "articleCount" = s."articleCount" + d.n
    FROM (SELECT id, sum(n) AS n FROM (
            SELECT "sourceId" AS id, 1 AS n FROM new_rows WHERE "sourceId" IS NOT NULL AND "published"
            UNION ALL
            SELECT "sourceId", -1 FROM old_rows WHERE "sourceId" IS NOT NULL AND "published") changes
          GROUP BY id HAVING sum(n) <> 0) d
    WHERE s."id" = d.id;
    PERFORM "quotegraph_recount_topics"(array_agg(DISTINCT link."topicId"))
    FROM old_rows o JOIN new_rows r ON r."id" = o."id" JOIN "ArticleTopic" link ON link."articleId" = r."id"
    WHERE o."published" IS DISTINCT FROM r."published";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "article_counts_insert" AFTER INSERT ON "Article" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_article_counts"();
CREATE TRIGGER "article_counts_update" AFTER UPDATE ON "Article" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_article_counts"();
CREATE TRIGGER "article_counts_delete" AFTER DELETE ON "Article" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_article_counts"();

-- Links between articles and topics: the topics linked or unlinked are counted again.
CREATE FUNCTION "quotegraph_topic_link_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "quotegraph_recount_topics"(array_agg(DISTINCT "topicId")) FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "quotegraph_recount_topics"(array_agg(DISTINCT "topicId")) FROM old_rows;
  ELSE
    PERFORM "quotegraph_recount_topics"(array_agg(DISTINCT id)) FROM (
      SELECT "topicId" AS id FROM old_rows UNION SELECT "topicId" FROM new_rows) touched;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "topic_link_counts_insert" AFTER INSERT ON "ArticleTopic" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_topic_link_counts"();
CREATE TRIGGER "topic_link_counts_update" AFTER UPDATE ON "ArticleTopic" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_topic_link_counts"();
CREATE TRIGGER "topic_link_counts_delete" AFTER DELETE ON "ArticleTopic" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_topic_link_counts"();

-- The counts of what is stored already.
SELECT "quotegraph_recount_all"();

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" BIGSERIAL NOT NULL,
    "transactionId" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
    "rank" SMALLINT NOT NULL,
    "type" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT timezone('UTC'::text, now()),

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEvent_transactionId_rank_id_idx" ON "OutboxEvent"("transactionId", "rank", "id");

-- Written by hand: the triggers that fill the outbox. They run in the transaction of the write they
-- report (an ingest, a revision, a correction by an editor), whichever code path made it, so an event
-- exists exactly when its change committed, and NOTIFY is delivered on commit only, so listeners never
-- hear of a rolled-back write. Statement-level, over transition tables: one INSERT per statement,
-- however many rows it wrote.

-- The slugs of the topics of an article, which subscribers filter on.
CREATE FUNCTION "outbox_article_topics"(article_id INTEGER) RETURNS JSONB LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(topic."slug" ORDER BY topic."slug"), '[]'::jsonb)
  FROM "ArticleTopic" tagged JOIN "Topic" topic ON topic."id" = tagged."topicId"
  WHERE tagged."articleId" = article_id
$$;

-- articleAdded (first revision) and articleRevised (a new text at a known url), from the revisions written.
CREATE FUNCTION "outbox_revisions"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "OutboxEvent" ("rank", "type", "objectType", "objectId", "payload")
  SELECT 0, CASE WHEN revision."number" = 1 THEN 'articleAdded' ELSE 'articleRevised' END, 'Article', article."id",
    jsonb_build_object('action', 'ingestArticle', 'article', article."slug", 'articleId', article."id", 'revision', revision."number",
      'source', source."slug", 'sourceId', source."id", 'topics', "outbox_article_topics"(article."id"), 'published', article."published")
  FROM added revision
  JOIN "Article" article ON article."id" = revision."articleId"
  LEFT JOIN "Source" source ON source."id" = article."sourceId"
  ORDER BY revision."id";
  IF FOUND THEN PERFORM pg_notify('quotegraph_outbox', ''); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "outbox_revisions" AFTER INSERT ON "ArticleRevision"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "outbox_revisions"();

-- quoteAdded, for every quote stored (by an ingest, a revision or an editor), unless stored retracted.
CREATE FUNCTION "outbox_quotes"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "OutboxEvent" ("rank", "type", "objectType", "objectId", "payload")
  SELECT 1, 'quoteAdded', 'Quote', quote."id",
    jsonb_build_object('article', article."slug", 'articleId', article."id", 'speaker', speaker."slug", 'speakerId', speaker."id",
      'source', source."slug", 'sourceId', source."id", 'topics', "outbox_article_topics"(article."id"), 'published', article."published")
  FROM added quote
  JOIN "Article" article ON article."id" = quote."articleId"
  LEFT JOIN "Person" speaker ON speaker."id" = quote."speakerId"
  LEFT JOIN "Source" source ON source."id" = article."sourceId"
  WHERE NOT quote."retracted"
  ORDER BY quote."id";
  IF FOUND THEN PERFORM pg_notify('quotegraph_outbox', ''); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "outbox_quotes" AFTER INSERT ON "Quote"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "outbox_quotes"();

-- Changes by editors, from the record of changes every editorial mutation writes: quoteCorrected,
-- quoteRetracted, articleRevised (title, date, source, publication), articleDeleted, personMerged.
CREATE FUNCTION "outbox_changes"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "OutboxEvent" ("rank", "type", "objectType", "objectId", "payload")
  SELECT 2,
    CASE
      WHEN change."action" = 'retractQuote' THEN 'quoteRetracted'
      WHEN change."objectType" = 'Quote' THEN 'quoteCorrected'
      WHEN change."action" = 'deleteArticle' THEN 'articleDeleted'
      WHEN change."action" = 'mergePeople' THEN 'personMerged'
      ELSE 'articleRevised'
    END,
    change."objectType", change."objectId",
    jsonb_build_object('action', change."action",
      'article', coalesce(article."slug", CASE WHEN change."objectType" = 'Article' THEN change."before"->>'slug' END),
      'articleId', coalesce(article."id", CASE WHEN change."objectType" = 'Article' THEN change."objectId" END),
      'speaker', speaker."slug", 'speakerId', speaker."id", 'source', source."slug", 'sourceId', source."id",
      'topics', CASE WHEN article."id" IS NULL THEN '[]'::jsonb ELSE "outbox_article_topics"(article."id") END,
      'published', article."published",
      'person', CASE WHEN change."objectType" = 'Person' THEN change."before"->>'slug' END,
      'mergedInto', merged."slug", 'mergedIntoId', merged."id")
  FROM added change
  LEFT JOIN "Quote" quote ON change."objectType" = 'Quote' AND quote."id" = change."objectId"
  LEFT JOIN "Article" article ON article."id" = CASE
    WHEN change."objectType" = 'Quote' THEN quote."articleId"
    WHEN change."objectType" = 'Article' THEN change."objectId" END
  LEFT JOIN "Person" speaker ON speaker."id" = quote."speakerId"
  LEFT JOIN "Source" source ON source."id" = article."sourceId"
  LEFT JOIN "Person" merged ON change."action" = 'mergePeople' AND merged."slug" = change."after"->'mergedInto'->>'slug'
  WHERE (change."objectType" = 'Quote' AND change."action" <> 'addQuote')
     OR (change."objectType" = 'Article' AND change."action" IN ('deleteArticle', 'updateArticle', 'publishArticle', 'unpublishArticle'))
     OR (change."action" = 'mergePeople' AND change."after" ? 'mergedInto')
  ORDER BY change."id";
  IF FOUND THEN PERFORM pg_notify('quotegraph_outbox', ''); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "outbox_changes" AFTER INSERT ON "Change"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "outbox_changes"();

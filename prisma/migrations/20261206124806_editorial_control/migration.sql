-- CreateEnum
CREATE TYPE "CorrectionKind" AS ENUM ('SPEAKER', 'SPAN', 'QUOTE_KIND', 'RETRACTION', 'ADDITION', 'TITLE', 'PUBLISHED_AT', 'SOURCE');

-- DropIndex
DROP INDEX "Article_contentHash_key";

-- DropIndex
DROP INDEX "Quote_speakerId_date_id_idx";

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "corrected" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "correctionNotices" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "published" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "titleDerived" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "url" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "anchor" TEXT,
ADD COLUMN     "articlePublished" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "attributionConfidence" DOUBLE PRECISION,
ADD COLUMN     "attributionMethod" TEXT,
ADD COLUMN     "corrected" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "correctionNotices" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "occurrence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "retracted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- Backfill (written by hand): a stored quote's anchor is its text (a null anchor), and its occurrence
-- its rank among the article's quotes with the same text: only the few repeated quotes are written,
-- not every row of the table.
UPDATE "Quote" SET "occurrence" = numbered."occurrence"
FROM (SELECT "id", (row_number() OVER (PARTITION BY "articleId", "text" ORDER BY "position") - 1)::int AS "occurrence" FROM "Quote") AS numbered
WHERE "Quote"."id" = numbered."id" AND numbered."occurrence" > 0;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ArticleRevision" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT,
    "contentHash" TEXT NOT NULL,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "keyName" TEXT,

    CONSTRAINT "ArticleRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "kind" "CorrectionKind" NOT NULL,
    "anchor" TEXT NOT NULL DEFAULT '',
    "occurrence" INTEGER NOT NULL DEFAULT 0,
    "speakerId" INTEGER,
    "speakerDescription" TEXT,
    "text" TEXT,
    "startOffset" INTEGER,
    "endOffset" INTEGER,
    "quoteKind" "QuoteKind",
    "publishedAt" TIMESTAMP(3),
    "sourceId" INTEGER,
    "note" TEXT,
    "keyName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applies" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Redirect" (
    "type" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "formerId" INTEGER,
    "targetId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Redirect_pkey" PRIMARY KEY ("type","slug")
);

-- CreateTable
CREATE TABLE "Change" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "keyName" TEXT,
    "action" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" INTEGER NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "note" TEXT,

    CONSTRAINT "Change_pkey" PRIMARY KEY ("id")
);

-- Backfill (written by hand): every article stored so far is its own revision 1, whose raw text was not kept.
INSERT INTO "ArticleRevision" ("articleId", "number", "title", "text", "contentHash", "ingestedAt")
SELECT "id", 1, "title", NULL, "contentHash", "ingestedAt" FROM "Article";

-- CreateIndex
CREATE INDEX "ArticleRevision_contentHash_idx" ON "ArticleRevision"("contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleRevision_articleId_number_key" ON "ArticleRevision"("articleId", "number");

-- CreateIndex
CREATE INDEX "Correction_speakerId_idx" ON "Correction"("speakerId");

-- CreateIndex
CREATE INDEX "Correction_sourceId_idx" ON "Correction"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Correction_articleId_kind_anchor_occurrence_key" ON "Correction"("articleId", "kind", "anchor", "occurrence");

-- CreateIndex
CREATE INDEX "Redirect_type_formerId_idx" ON "Redirect"("type", "formerId");

-- CreateIndex
CREATE INDEX "Redirect_type_targetId_idx" ON "Redirect"("type", "targetId");

-- CreateIndex
CREATE INDEX "Change_objectType_objectId_id_idx" ON "Change"("objectType", "objectId", "id");

-- CreateIndex
CREATE INDEX "Change_keyName_id_idx" ON "Change"("keyName", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Article_url_key" ON "Article"("url");

-- CreateIndex
CREATE UNIQUE INDEX "Article_externalId_key" ON "Article"("externalId");

-- CreateIndex
CREATE INDEX "Article_contentHash_idx" ON "Article"("contentHash");

-- CreateIndex
CREATE INDEX "Quote_speakerId_articlePublished_retracted_date_id_idx" ON "Quote"("speakerId", "articlePublished", "retracted", "date" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "ArticleRevision" ADD CONSTRAINT "ArticleRevision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Statistics for the new columns at once (written by hand), rather than when autovacuum next gets to
-- these tables: list statements filter on them and are planned once per connection.
ANALYZE "Quote";
ANALYZE "Article";

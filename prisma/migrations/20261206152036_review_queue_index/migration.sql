-- CreateIndex
CREATE INDEX "Quote_articlePublished_retracted_attributionConfidence_id_idx" ON "Quote"("articlePublished", "retracted", "attributionConfidence", "id");

-- The desk's queue at 100,000 articles (docs/decisions/006-queue-queries.md).

-- Filing an article under a place or topic reads state, rel and confidence:
-- a covering index answers the place/topic filters and facet counts without
-- visiting the table (whose rows carry the evidence JSON).
CREATE INDEX "ArticleTag_tagId_articleId_state_rel_confidence_idx" ON "ArticleTag"("tagId", "articleId", "state", "rel", "confidence");

-- Newest first under one status or source: read in id order, no sort.
CREATE INDEX "Article_status_id_idx" ON "Article"("status", "id");
CREATE INDEX "Article_sourceId_id_idx" ON "Article"("sourceId", "id");

-- The counts' cache is keyed by the newest change to what they count.
CREATE INDEX "Article_updatedAt_idx" ON "Article"("updatedAt");
CREATE INDEX "ArticleTag_updatedAt_idx" ON "ArticleTag"("updatedAt");
CREATE INDEX "DuplicateLink_updatedAt_idx" ON "DuplicateLink"("updatedAt");

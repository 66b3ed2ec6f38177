-- The queue sorted by publication time (sort=published): newest first, id
-- breaking ties, as a keyset cursor reads it. What it orders by is the
-- publication time, else the arrival (lib/server/articles/article-sql.ts,
-- PUBLISHED_SQL): indexed as that very expression, which the store matches to
-- the query's. Hand-written: Prisma does not model expression indexes. One per
-- way the queue is read by id today: by story or every article, under one
-- status or all.
CREATE INDEX "Article_published_id_idx" ON "Article"(coalesce("firstCreated", "ingestedAt"), "id");
CREATE INDEX "Article_status_published_id_idx" ON "Article"("status", coalesce("firstCreated", "ingestedAt"), "id");
CREATE INDEX "Article_storyLead_published_id_idx" ON "Article"("storyLead", coalesce("firstCreated", "ingestedAt"), "id");
CREATE INDEX "Article_storyLead_status_published_id_idx" ON "Article"("storyLead", "status", coalesce("firstCreated", "ingestedAt"), "id");

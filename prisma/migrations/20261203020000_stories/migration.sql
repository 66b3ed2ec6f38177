-- Stories: the articles that carry one story (copies, rewrites, updates,
-- corrections) grouped, so the queue can show one row a story. An article
-- alone has no Story row: it stands for itself (storyLead), so existing
-- stores need no backfill.
ALTER TABLE "Article" ADD COLUMN "storyId" INTEGER;
ALTER TABLE "Article" ADD COLUMN "storyKind" TEXT NOT NULL DEFAULT 'first';
ALTER TABLE "Article" ADD COLUMN "storyScore" REAL;
ALTER TABLE "Article" ADD COLUMN "storyReason" TEXT;
ALTER TABLE "Article" ADD COLUMN "storyPinned" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Article" ADD COLUMN "storyLead" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Story" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "firstId" INTEGER NOT NULL,
    "leadId" INTEGER NOT NULL,
    "copies" INTEGER NOT NULL DEFAULT 1,
    "sources" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" DATETIME NOT NULL,
    "lastUpdatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

CREATE INDEX "Story_lastUpdatedAt_idx" ON "Story"("lastUpdatedAt");
CREATE INDEX "Article_storyId_idx" ON "Article"("storyId");
CREATE INDEX "Article_storyLead_id_idx" ON "Article"("storyLead", "id");
CREATE INDEX "Article_storyLead_status_id_idx" ON "Article"("storyLead", "status", "id");

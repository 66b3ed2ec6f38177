-- Stories: the articles that carry one story (copies, rewrites, updates,
-- corrections) grouped, so the queue can show one row a story. An article
-- alone has no Story row: it stands for itself (storyLead), so existing
-- stores need no backfill.
ALTER TABLE "Article" ADD COLUMN "storyId" INTEGER;
ALTER TABLE "Article" ADD COLUMN "storyKind" TEXT NOT NULL DEFAULT 'first';
ALTER TABLE "Article" ADD COLUMN "storyScore" DOUBLE PRECISION;
ALTER TABLE "Article" ADD COLUMN "storyReason" TEXT;
ALTER TABLE "Article" ADD COLUMN "storyPinned" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Article" ADD COLUMN "storyLead" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Story" (
    "id" SERIAL NOT NULL,
    "firstId" INTEGER NOT NULL,
    "leadId" INTEGER NOT NULL,
    "copies" INTEGER NOT NULL DEFAULT 1,
    "sources" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastUpdatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Story_lastUpdatedAt_idx" ON "Story"("lastUpdatedAt");
CREATE INDEX "Article_storyId_idx" ON "Article"("storyId");
CREATE INDEX "Article_storyLead_id_idx" ON "Article"("storyLead", "id");
CREATE INDEX "Article_storyLead_status_id_idx" ON "Article"("storyLead", "status", "id");

-- Feed polling: default tags, backoff after failures, when a feed is next
-- due, and a claim so that no two workers poll one feed at once.
ALTER TABLE "Source" ADD COLUMN "lastErrorAt" DATETIME;
ALTER TABLE "Source" ADD COLUMN "defaultTags" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Source" ADD COLUMN "failureCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Source" ADD COLUMN "nextPollAt" DATETIME;
ALTER TABLE "Source" ADD COLUMN "claimedUntil" DATETIME;

CREATE INDEX "Source_enabled_nextPollAt_idx" ON "Source"("enabled", "nextPollAt");

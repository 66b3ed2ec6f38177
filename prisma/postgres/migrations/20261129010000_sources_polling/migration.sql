-- Feed polling: default tags, backoff after failures, when a feed is next
-- due, and a claim so that no two workers poll one feed at once.
ALTER TABLE "Source" ADD COLUMN "lastErrorAt" TIMESTAMP(3);
ALTER TABLE "Source" ADD COLUMN "defaultTags" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Source" ADD COLUMN "failureCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Source" ADD COLUMN "nextPollAt" TIMESTAMP(3);
ALTER TABLE "Source" ADD COLUMN "claimedUntil" TIMESTAMP(3);

CREATE INDEX "Source_enabled_nextPollAt_idx" ON "Source"("enabled", "nextPollAt");

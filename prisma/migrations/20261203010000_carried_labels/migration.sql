-- Newsroom tags that ingested copy carries but no admin has made in this desk
-- are kept on the article as labels (JSON), instead of being created as tags
-- by an editor's upload (taxonomy is an admin's). Nullable: nothing to fill.
ALTER TABLE "Article" ADD COLUMN "carriedLabels" TEXT;

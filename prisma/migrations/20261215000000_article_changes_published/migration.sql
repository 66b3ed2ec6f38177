-- A change to an article's publication time names the article too (issue 19):
-- each web process keeps the time a search's page by publication is ordered
-- by (facet-index.ts, pageByPublished), so an update of "firstCreated" must
-- be read again.
DROP TRIGGER "Article_change_update";
CREATE TRIGGER "Article_change_update" AFTER UPDATE OF "status", "storyLead", "sourceId", "ingestedAt", "headline", "bodyText", "firstCreated" ON "Article"
WHEN old."status" IS NOT new."status" OR old."storyLead" IS NOT new."storyLead" OR old."sourceId" IS NOT new."sourceId" OR old."ingestedAt" IS NOT new."ingestedAt"
  OR old."headline" IS NOT new."headline" OR old."bodyText" IS NOT new."bodyText" OR old."firstCreated" IS NOT new."firstCreated" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT new."id", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = new."id");
END;

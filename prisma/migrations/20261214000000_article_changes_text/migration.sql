-- A change to an article's text names the article too (issue 19): each web
-- process keeps the ids a search matches (facet-index.ts) and tests again
-- only the articles named since, so an update of a headline or body, which
-- can make an article match a search or stop matching it, must be named.
DROP TRIGGER "Article_change_update";
CREATE TRIGGER "Article_change_update" AFTER UPDATE OF "status", "storyLead", "sourceId", "ingestedAt", "headline", "bodyText" ON "Article"
WHEN old."status" IS NOT new."status" OR old."storyLead" IS NOT new."storyLead" OR old."sourceId" IS NOT new."sourceId" OR old."ingestedAt" IS NOT new."ingestedAt"
  OR old."headline" IS NOT new."headline" OR old."bodyText" IS NOT new."bodyText" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT new."id", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = new."id");
END;

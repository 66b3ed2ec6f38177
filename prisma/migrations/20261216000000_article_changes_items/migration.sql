-- Whatever the queue's row shows of an article names the article (issue 19,
-- decision 028): each web process keeps the rows the store wrote for the
-- queue (facet-index.ts, ItemCache) and drops those named here, so besides
-- what the counts read, a row names its article when its address, dateline,
-- language, version or story changes, a tag row's origin changes, its
-- story's figures change (every copy of the story: each row shows them), or
-- a copy of its story changes language or story (each row shows the story's
-- languages). A source renamed names article 0, as a tag renamed does: every
-- kept row is dropped.
DROP TRIGGER "Article_change_update";
CREATE TRIGGER "Article_change_update" AFTER UPDATE OF "status", "storyLead", "sourceId", "ingestedAt", "headline", "bodyText", "firstCreated",
    "uri", "dateline", "language", "version", "storyId" ON "Article"
WHEN old."status" IS NOT new."status" OR old."storyLead" IS NOT new."storyLead" OR old."sourceId" IS NOT new."sourceId" OR old."ingestedAt" IS NOT new."ingestedAt"
  OR old."headline" IS NOT new."headline" OR old."bodyText" IS NOT new."bodyText" OR old."firstCreated" IS NOT new."firstCreated"
  OR old."uri" IS NOT new."uri" OR old."dateline" IS NOT new."dateline" OR old."language" IS NOT new."language" OR old."version" IS NOT new."version"
  OR old."storyId" IS NOT new."storyId" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT new."id", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = new."id");
END;

CREATE TRIGGER "Article_change_story" AFTER UPDATE OF "language", "storyId" ON "Article"
WHEN old."language" IS NOT new."language" OR old."storyId" IS NOT new."storyId" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT c."id", unixepoch() FROM "Article" c WHERE c."storyId" IN (old."storyId", new."storyId");
END;

CREATE TRIGGER "Article_change_delete_story" AFTER DELETE ON "Article" WHEN old."storyId" IS NOT NULL BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT c."id", unixepoch() FROM "Article" c WHERE c."storyId" = old."storyId";
END;

DROP TRIGGER "ArticleTag_change_update";
CREATE TRIGGER "ArticleTag_change_update" AFTER UPDATE OF "state", "rel", "confidence", "tagId", "articleId", "origin" ON "ArticleTag"
WHEN old."state" IS NOT new."state" OR old."rel" IS NOT new."rel" OR old."confidence" IS NOT new."confidence" OR old."tagId" IS NOT new."tagId"
  OR old."articleId" IS NOT new."articleId" OR old."origin" IS NOT new."origin" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT old."articleId", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = old."articleId");
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT new."articleId", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = new."articleId");
END;

CREATE TRIGGER "Story_change_insert" AFTER INSERT ON "Story" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT c."id", unixepoch() FROM "Article" c WHERE c."storyId" = new."id";
END;

CREATE TRIGGER "Story_change_update" AFTER UPDATE OF "copies", "sources", "firstSeenAt", "lastUpdatedAt" ON "Story"
WHEN old."copies" IS NOT new."copies" OR old."sources" IS NOT new."sources" OR old."firstSeenAt" IS NOT new."firstSeenAt" OR old."lastUpdatedAt" IS NOT new."lastUpdatedAt" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT c."id", unixepoch() FROM "Article" c WHERE c."storyId" = new."id";
END;

CREATE TRIGGER "Story_change_delete" AFTER DELETE ON "Story" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT c."id", unixepoch() FROM "Article" c WHERE c."storyId" = old."id";
END;

CREATE TRIGGER "Source_change_update" AFTER UPDATE OF "name" ON "Source" WHEN old."name" IS NOT new."name" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") VALUES (0, unixepoch());
END;

-- Which articles changed what the filter bar counts (issue 19, decision 026).
-- Each web process keeps the facts it counts in memory (facet-index.ts) and
-- reads these rows to bring itself up to date before it counts: counting a
-- filter's articles in the store took seconds at 1,000,000 articles. The
-- triggers only name the article; what it now is, is read from its rows, so
-- no counting rule lives here. articleId 0: a tag's kind, name or visibility.
CREATE TABLE "ArticleChange" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "tx" BIGINT NOT NULL DEFAULT 0,
    "at" INTEGER NOT NULL
);
CREATE INDEX "ArticleChange_tx_idx" ON "ArticleChange"("tx");

-- One writer at a time: a row naming the same article as the newest row is not
-- needed, because a reader always reads the newest row again (ingest writes an
-- article and then its tag rows: one row, not one per tag).
CREATE TRIGGER "Article_change_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT new."id", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = new."id");
END;

CREATE TRIGGER "Article_change_update" AFTER UPDATE OF "status", "storyLead", "sourceId", "ingestedAt" ON "Article"
WHEN old."status" IS NOT new."status" OR old."storyLead" IS NOT new."storyLead" OR old."sourceId" IS NOT new."sourceId" OR old."ingestedAt" IS NOT new."ingestedAt" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT new."id", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = new."id");
END;

CREATE TRIGGER "Article_change_delete" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT old."id", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = old."id");
END;

CREATE TRIGGER "ArticleTag_change_insert" AFTER INSERT ON "ArticleTag" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT new."articleId", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = new."articleId");
END;

CREATE TRIGGER "ArticleTag_change_update" AFTER UPDATE OF "state", "rel", "confidence", "tagId", "articleId" ON "ArticleTag"
WHEN old."state" IS NOT new."state" OR old."rel" IS NOT new."rel" OR old."confidence" IS NOT new."confidence" OR old."tagId" IS NOT new."tagId" OR old."articleId" IS NOT new."articleId" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT old."articleId", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = old."articleId");
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT new."articleId", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = new."articleId");
END;

CREATE TRIGGER "ArticleTag_change_delete" AFTER DELETE ON "ArticleTag" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT old."articleId", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = old."articleId");
END;

-- A link's openness moves its two ends' "has duplicates".
CREATE TRIGGER "DuplicateLink_change_insert" AFTER INSERT ON "DuplicateLink" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT new."articleId", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = new."articleId");
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT new."otherId", unixepoch()
      WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max("seq") FROM "ArticleChange") AND c."articleId" = new."otherId");
END;

CREATE TRIGGER "DuplicateLink_change_update" AFTER UPDATE OF "state", "articleId", "otherId" ON "DuplicateLink"
WHEN old."state" IS NOT new."state" OR old."articleId" IS NOT new."articleId" OR old."otherId" IS NOT new."otherId" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT x.id, unixepoch() FROM (SELECT old."articleId" AS id UNION SELECT old."otherId" UNION SELECT new."articleId" UNION SELECT new."otherId") x;
END;

CREATE TRIGGER "DuplicateLink_change_delete" AFTER DELETE ON "DuplicateLink" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") SELECT x.id, unixepoch() FROM (SELECT old."articleId" AS id UNION SELECT old."otherId") x;
END;

CREATE TRIGGER "Tag_change_update" AFTER UPDATE OF "scheme", "code", "name", "parentId", "hidden" ON "Tag"
WHEN old."scheme" IS NOT new."scheme" OR old."code" IS NOT new."code" OR old."name" IS NOT new."name" OR old."parentId" IS NOT new."parentId" OR old."hidden" IS NOT new."hidden" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") VALUES (0, unixepoch());
END;

CREATE TRIGGER "Tag_change_delete" AFTER DELETE ON "Tag" BEGIN
    INSERT INTO "ArticleChange" ("articleId", "at") VALUES (0, unixepoch());
END;

-- Bulk ingest indexes a batch's articles for search in one statement (issue 15,
-- decision 016 addendum). FTS5 writes its pending terms out at every statement
-- that opens a savepoint on it, as each INSERT firing the trigger below does:
-- a batch of 500 articles made 500 small segments for FTS5 to merge again and
-- again, its largest cost at ingest. While the bulk writer's transaction holds
-- a row here, the trigger leaves the indexing to it (lib/server/ingest/bulk/
-- store-batch.ts); the row is deleted before that transaction commits, so no
-- other writer ever sees it.
CREATE TABLE "ArticleSearchDeferred" (
    "id" INTEGER NOT NULL PRIMARY KEY
);

DROP TRIGGER "Article_search_insert";
CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" WHEN NOT EXISTS (SELECT 1 FROM "ArticleSearchDeferred") BEGIN
    INSERT INTO "ArticleSearch" (rowid, "headline", "bodyText") VALUES (new."id", new."headline", new."bodyText");
END;

-- Full-text search over headlines and bodies (hand-written: Prisma does not
-- model FTS5). Diacritics are folded, so "Sanchez" finds "Sánchez".
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "headline",
    "bodyText",
    content = 'Article',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearch" (rowid, "headline", "bodyText") VALUES (new."id", new."headline", new."bodyText");
END;

CREATE TRIGGER "Article_search_delete" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", rowid, "headline", "bodyText") VALUES ('delete', old."id", old."headline", old."bodyText");
END;

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "headline", "bodyText" ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", rowid, "headline", "bodyText") VALUES ('delete', old."id", old."headline", old."bodyText");
    INSERT INTO "ArticleSearch" (rowid, "headline", "bodyText") VALUES (new."id", new."headline", new."bodyText");
END;

INSERT INTO "ArticleSearch" (rowid, "headline", "bodyText") SELECT "id", "headline", "bodyText" FROM "Article";

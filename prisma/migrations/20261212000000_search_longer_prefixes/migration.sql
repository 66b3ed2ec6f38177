-- The last word of a search is a prefix (search as you type). FTS5 answers a
-- prefix from one list, newest first, only when it has a prefix index of that
-- very length; past the 1 to 4 characters indexed so far it first merges the
-- lists of every word the prefix starts: "dollar"* 5.5 ms and "profit"* 9.6 ms
-- for a page at 1,000,000 articles, against 0.15 ms for a word. Indexes of 5
-- to 8 characters answer those at about 0.1 ms (measured on the 100,000 bench
-- store: 0.52 -> 0.08 ms for "dollar"*, 1.39 -> 0.08 for "profit"*). They cost
-- a quarter more search index (317 -> 395 MB at 100,000; the whole store 6.2 ->
-- 7.0 GB at 1,000,000) and nearly doubled the time of the search index's own
-- inserts, which are a small part of an ingest: a bulk ingest of the Reuters
-- half on SQLite ran at 614 and 710 articles a second before, 729 and 822
-- after (alternating runs, within the noise). Longer prefixes are shared by
-- few words.
-- The table is rebuilt with the option (FTS5 cannot add it in place), and its
-- triggers with it, as they stand after 20261211000000_search_deferred.
DROP TRIGGER IF EXISTS "Article_search_insert";
DROP TRIGGER IF EXISTS "Article_search_delete";
DROP TRIGGER IF EXISTS "Article_search_update";
DROP TABLE IF EXISTS "ArticleSearch";

CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "headline",
    "bodyText",
    content = 'Article',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3 4 5 6 7 8'
);

CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" WHEN NOT EXISTS (SELECT 1 FROM "ArticleSearchDeferred") BEGIN
    INSERT INTO "ArticleSearch" (rowid, "headline", "bodyText") VALUES (new."id", new."headline", new."bodyText");
END;

CREATE TRIGGER "Article_search_delete" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", rowid, "headline", "bodyText") VALUES ('delete', old."id", old."headline", old."bodyText");
END;

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "headline", "bodyText" ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", rowid, "headline", "bodyText") VALUES ('delete', old."id", old."headline", old."bodyText");
    INSERT INTO "ArticleSearch" (rowid, "headline", "bodyText") VALUES (new."id", new."headline", new."bodyText");
END;

INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('rebuild');

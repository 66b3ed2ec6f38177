-- The filter bar's counts kept at write time (issue 19, decision 022). Recounting
-- the queue's facets took 0.7-1.3 s at 100,000 articles after every change;
-- these triggers record each change to what the counts count as signed rows
-- (+1 / -1 per status, story lead, dimension and value), and a read sums them.
-- Rows are added, never updated: two writers never wait on one counter row.
-- lib/server/articles/facet-counts.ts sums them and folds them together
-- (compacts) when they pile up. The rules are the queue's own (article-sql.ts:
-- filed places and topics, open duplicate links; 0.7 is MENTION_TAG_CONFIDENCE);
-- tests/store/facet-counts.test.ts checks the sums against a recount.
CREATE TABLE "FacetCount" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "lead" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "ref" INTEGER NOT NULL,
    "n" INTEGER NOT NULL
);

CREATE TRIGGER "Article_facets_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") VALUES (new."storyLead", new."status", 'all', 0, 1);
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT new."storyLead", new."status", 'source', new."sourceId", 1 WHERE new."sourceId" IS NOT NULL;
    -- No link can name an article before it exists, nor a tag row.
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") VALUES (new."storyLead", new."status", 'dup', 0, 1);
END;

CREATE TRIGGER "Article_facets_update" AFTER UPDATE OF "status", "storyLead", "sourceId" ON "Article"
WHEN old."status" IS NOT new."status" OR old."storyLead" IS NOT new."storyLead" OR old."sourceId" IS NOT new."sourceId" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") VALUES (old."storyLead", old."status", 'all', 0, -1);
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT old."storyLead", old."status", 'source', old."sourceId", -1 WHERE old."sourceId" IS NOT NULL;
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT old."storyLead", old."status", 'dup', CASE WHEN (EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."articleId" = old."id" AND l."state" IN ('suggested', 'confirmed'))
        OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."otherId" = old."id" AND l."state" IN ('suggested', 'confirmed'))) THEN 1 ELSE 0 END, -1;
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT old."storyLead", old."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END, t."tagId", -1
      FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId" WHERE t."articleId" = old."id" AND ((g."scheme" = 'iso3166' AND (t."state" = 'accepted' OR (t."state" = 'suggested' AND (t."rel" = 'main' OR t."confidence" >= 0.7)))) OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND t."state" IN ('accepted', 'suggested')));
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") VALUES (new."storyLead", new."status", 'all', 0, 1);
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT new."storyLead", new."status", 'source', new."sourceId", 1 WHERE new."sourceId" IS NOT NULL;
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT new."storyLead", new."status", 'dup', CASE WHEN (EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."articleId" = new."id" AND l."state" IN ('suggested', 'confirmed'))
        OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."otherId" = new."id" AND l."state" IN ('suggested', 'confirmed'))) THEN 1 ELSE 0 END, 1;
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT new."storyLead", new."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END, t."tagId", 1
      FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId" WHERE t."articleId" = new."id" AND ((g."scheme" = 'iso3166' AND (t."state" = 'accepted' OR (t."state" = 'suggested' AND (t."rel" = 'main' OR t."confidence" >= 0.7)))) OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND t."state" IN ('accepted', 'suggested')));
END;

-- Before: its tag rows and links are still there to be counted out.
CREATE TRIGGER "Article_facets_delete" BEFORE DELETE ON "Article" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") VALUES (old."storyLead", old."status", 'all', 0, -1);
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT old."storyLead", old."status", 'source', old."sourceId", -1 WHERE old."sourceId" IS NOT NULL;
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT old."storyLead", old."status", 'dup', CASE WHEN (EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."articleId" = old."id" AND l."state" IN ('suggested', 'confirmed'))
        OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."otherId" = old."id" AND l."state" IN ('suggested', 'confirmed'))) THEN 1 ELSE 0 END, -1;
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT old."storyLead", old."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END, t."tagId", -1
      FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId" WHERE t."articleId" = old."id" AND ((g."scheme" = 'iso3166' AND (t."state" = 'accepted' OR (t."state" = 'suggested' AND (t."rel" = 'main' OR t."confidence" >= 0.7)))) OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND t."state" IN ('accepted', 'suggested')));
END;

CREATE TRIGGER "ArticleTag_facets_insert" AFTER INSERT ON "ArticleTag" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END, new."tagId", 1
      FROM "Article" a JOIN "Tag" g ON g."id" = new."tagId" WHERE a."id" = new."articleId" AND ((g."scheme" = 'iso3166' AND (new."state" = 'accepted' OR (new."state" = 'suggested' AND (new."rel" = 'main' OR new."confidence" >= 0.7)))) OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND new."state" IN ('accepted', 'suggested')));
END;

CREATE TRIGGER "ArticleTag_facets_update" AFTER UPDATE OF "state", "rel", "confidence", "tagId", "articleId" ON "ArticleTag"
WHEN old."state" IS NOT new."state" OR old."rel" IS NOT new."rel" OR old."confidence" IS NOT new."confidence" OR old."tagId" IS NOT new."tagId" OR old."articleId" IS NOT new."articleId" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END, old."tagId", -1
      FROM "Article" a JOIN "Tag" g ON g."id" = old."tagId" WHERE a."id" = old."articleId" AND ((g."scheme" = 'iso3166' AND (old."state" = 'accepted' OR (old."state" = 'suggested' AND (old."rel" = 'main' OR old."confidence" >= 0.7)))) OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND old."state" IN ('accepted', 'suggested')));
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END, new."tagId", 1
      FROM "Article" a JOIN "Tag" g ON g."id" = new."tagId" WHERE a."id" = new."articleId" AND ((g."scheme" = 'iso3166' AND (new."state" = 'accepted' OR (new."state" = 'suggested' AND (new."rel" = 'main' OR new."confidence" >= 0.7)))) OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND new."state" IN ('accepted', 'suggested')));
END;

-- An article's own delete has counted its tags out already (its row is gone by now).
CREATE TRIGGER "ArticleTag_facets_delete" AFTER DELETE ON "ArticleTag" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END, old."tagId", -1
      FROM "Article" a JOIN "Tag" g ON g."id" = old."tagId" WHERE a."id" = old."articleId" AND ((g."scheme" = 'iso3166' AND (old."state" = 'accepted' OR (old."state" = 'suggested' AND (old."rel" = 'main' OR old."confidence" >= 0.7)))) OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND old."state" IN ('accepted', 'suggested')));
END;

CREATE TRIGGER "DuplicateLink_facets_insert" AFTER INSERT ON "DuplicateLink" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", 'dup', v.ref, v.n FROM "Article" a,
      (SELECT CASE WHEN new."state" IN ('suggested', 'confirmed') THEN 0 ELSE 1 END AS ref, -1 AS n UNION ALL SELECT CASE WHEN new."state" IN ('suggested', 'confirmed') THEN 1 ELSE 0 END, 1) v
      WHERE a."id" = new."articleId" AND (0) <> (new."state" IN ('suggested', 'confirmed')) AND NOT (EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."articleId" = new."articleId" AND l."state" IN ('suggested', 'confirmed') AND l."id" <> new."id")
        OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."otherId" = new."articleId" AND l."state" IN ('suggested', 'confirmed') AND l."id" <> new."id"));
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", 'dup', v.ref, v.n FROM "Article" a,
      (SELECT CASE WHEN new."state" IN ('suggested', 'confirmed') THEN 0 ELSE 1 END AS ref, -1 AS n UNION ALL SELECT CASE WHEN new."state" IN ('suggested', 'confirmed') THEN 1 ELSE 0 END, 1) v
      WHERE a."id" = new."otherId" AND (0) <> (new."state" IN ('suggested', 'confirmed')) AND NOT (EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."articleId" = new."otherId" AND l."state" IN ('suggested', 'confirmed') AND l."id" <> new."id")
        OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."otherId" = new."otherId" AND l."state" IN ('suggested', 'confirmed') AND l."id" <> new."id"));
END;

-- A link's ends never move (a link is made anew instead); its state does.
CREATE TRIGGER "DuplicateLink_facets_update" AFTER UPDATE OF "state" ON "DuplicateLink" WHEN old."state" IS NOT new."state" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", 'dup', v.ref, v.n FROM "Article" a,
      (SELECT CASE WHEN new."state" IN ('suggested', 'confirmed') THEN 0 ELSE 1 END AS ref, -1 AS n UNION ALL SELECT CASE WHEN new."state" IN ('suggested', 'confirmed') THEN 1 ELSE 0 END, 1) v
      WHERE a."id" = new."articleId" AND (old."state" IN ('suggested', 'confirmed')) <> (new."state" IN ('suggested', 'confirmed')) AND NOT (EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."articleId" = new."articleId" AND l."state" IN ('suggested', 'confirmed') AND l."id" <> new."id")
        OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."otherId" = new."articleId" AND l."state" IN ('suggested', 'confirmed') AND l."id" <> new."id"));
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", 'dup', v.ref, v.n FROM "Article" a,
      (SELECT CASE WHEN new."state" IN ('suggested', 'confirmed') THEN 0 ELSE 1 END AS ref, -1 AS n UNION ALL SELECT CASE WHEN new."state" IN ('suggested', 'confirmed') THEN 1 ELSE 0 END, 1) v
      WHERE a."id" = new."otherId" AND (old."state" IN ('suggested', 'confirmed')) <> (new."state" IN ('suggested', 'confirmed')) AND NOT (EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."articleId" = new."otherId" AND l."state" IN ('suggested', 'confirmed') AND l."id" <> new."id")
        OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."otherId" = new."otherId" AND l."state" IN ('suggested', 'confirmed') AND l."id" <> new."id"));
END;

CREATE TRIGGER "DuplicateLink_facets_delete" AFTER DELETE ON "DuplicateLink" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", 'dup', v.ref, v.n FROM "Article" a,
      (SELECT CASE WHEN 0 THEN 0 ELSE 1 END AS ref, -1 AS n UNION ALL SELECT CASE WHEN 0 THEN 1 ELSE 0 END, 1) v
      WHERE a."id" = old."articleId" AND (old."state" IN ('suggested', 'confirmed')) <> (0) AND NOT (EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."articleId" = old."articleId" AND l."state" IN ('suggested', 'confirmed') AND l."id" <> old."id")
        OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."otherId" = old."articleId" AND l."state" IN ('suggested', 'confirmed') AND l."id" <> old."id"));
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", 'dup', v.ref, v.n FROM "Article" a,
      (SELECT CASE WHEN 0 THEN 0 ELSE 1 END AS ref, -1 AS n UNION ALL SELECT CASE WHEN 0 THEN 1 ELSE 0 END, 1) v
      WHERE a."id" = old."otherId" AND (old."state" IN ('suggested', 'confirmed')) <> (0) AND NOT (EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."articleId" = old."otherId" AND l."state" IN ('suggested', 'confirmed') AND l."id" <> old."id")
        OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."otherId" = old."otherId" AND l."state" IN ('suggested', 'confirmed') AND l."id" <> old."id"));
END;

-- What the store holds already.
INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
SELECT a."storyLead", a."status", 'all', 0, count(*) FROM "Article" a GROUP BY a."storyLead", a."status";
INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
SELECT a."storyLead", a."status", 'source', a."sourceId", count(*) FROM "Article" a WHERE a."sourceId" IS NOT NULL GROUP BY a."storyLead", a."status", a."sourceId";
INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
SELECT a."storyLead", a."status", 'dup', CASE WHEN (EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."articleId" = a."id" AND l."state" IN ('suggested', 'confirmed'))
        OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."otherId" = a."id" AND l."state" IN ('suggested', 'confirmed'))) THEN 1 ELSE 0 END AS d, count(*) FROM "Article" a GROUP BY a."storyLead", a."status", d;
INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
SELECT a."storyLead", a."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END AS d, t."tagId", count(*)
FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId" JOIN "Article" a ON a."id" = t."articleId"
WHERE ((g."scheme" = 'iso3166' AND (t."state" = 'accepted' OR (t."state" = 'suggested' AND (t."rel" = 'main' OR t."confidence" >= 0.7)))) OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND t."state" IN ('accepted', 'suggested'))) GROUP BY a."storyLead", a."status", d, t."tagId";

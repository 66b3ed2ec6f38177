-- The dashboard's figures kept per hour of story time (issue 19, decision 025).
-- Counting a 30-day window took 0.6 s at 100,000 articles and 7.4 s at
-- 1,000,000; an hour's figures are counted once and kept (DashboardHour, the
-- hours in DashboardHourDone; a day's are its hours' summed, span 24), and a change to what they count marks its hour
-- to be counted again (DashboardDirty). The counting stays in one place
-- (lib/server/dashboard/kept-hours.ts): these triggers only say which hour
-- changed, so they hold no counting rule that could drift from it. An hour is
-- unixepoch(story time) / 3600; the story time is the publication time, or
-- the arrival when there is none or it is later (in-range.ts).
CREATE TABLE "DashboardHour" (
    "span" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "dups" INTEGER NOT NULL,

    PRIMARY KEY ("span", "hour", "dim", "key")
);

CREATE TABLE "DashboardHourDone" (
    "span" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,

    PRIMARY KEY ("span", "hour")
);

-- hour -1: every hour (a tag changed kind). tx is PostgreSQL's (one mark per hour per transaction); 0 here.
CREATE TABLE "DashboardDirty" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "hour" INTEGER NOT NULL,
    "tx" BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX "DashboardDirty_hour_tx_idx" ON "DashboardDirty"("hour", "tx");

-- SQLite has one writer at a time and the dashboard counts an hour under the write
-- lock, so a mark already there stands for this change too: one row per hour at most.
CREATE TRIGGER "Article_dashboard_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "DashboardDirty" ("hour") SELECT h FROM (SELECT unixepoch(CASE WHEN new."firstCreated" <= new."ingestedAt" THEN new."firstCreated" ELSE new."ingestedAt" END) / 3600 AS h)
      WHERE h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = h);
END;

CREATE TRIGGER "Article_dashboard_update" AFTER UPDATE OF "firstCreated", "ingestedAt", "sourceId" ON "Article"
WHEN old."firstCreated" IS NOT new."firstCreated" OR old."ingestedAt" IS NOT new."ingestedAt" OR old."sourceId" IS NOT new."sourceId" BEGIN
    INSERT INTO "DashboardDirty" ("hour") SELECT h FROM (SELECT unixepoch(CASE WHEN old."firstCreated" <= old."ingestedAt" THEN old."firstCreated" ELSE old."ingestedAt" END) / 3600 AS h)
      WHERE h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = h);
    INSERT INTO "DashboardDirty" ("hour") SELECT h FROM (SELECT unixepoch(CASE WHEN new."firstCreated" <= new."ingestedAt" THEN new."firstCreated" ELSE new."ingestedAt" END) / 3600 AS h)
      WHERE h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = h);
END;

CREATE TRIGGER "Article_dashboard_delete" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "DashboardDirty" ("hour") SELECT h FROM (SELECT unixepoch(CASE WHEN old."firstCreated" <= old."ingestedAt" THEN old."firstCreated" ELSE old."ingestedAt" END) / 3600 AS h)
      WHERE h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = h);
END;

-- A tag row's article: gone already when the article's own delete took its tag rows (that delete marked the hour).
CREATE TRIGGER "ArticleTag_dashboard_insert" AFTER INSERT ON "ArticleTag" BEGIN
    INSERT INTO "DashboardDirty" ("hour") SELECT h FROM (SELECT unixepoch(CASE WHEN a."firstCreated" <= a."ingestedAt" THEN a."firstCreated" ELSE a."ingestedAt" END) / 3600 AS h FROM "Article" a WHERE a."id" = new."articleId")
      WHERE h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = h);
END;

CREATE TRIGGER "ArticleTag_dashboard_update" AFTER UPDATE OF "state", "rel", "confidence", "tagId", "articleId" ON "ArticleTag"
WHEN old."state" IS NOT new."state" OR old."rel" IS NOT new."rel" OR old."confidence" IS NOT new."confidence" OR old."tagId" IS NOT new."tagId" OR old."articleId" IS NOT new."articleId" BEGIN
    INSERT INTO "DashboardDirty" ("hour") SELECT DISTINCT h FROM (SELECT unixepoch(CASE WHEN a."firstCreated" <= a."ingestedAt" THEN a."firstCreated" ELSE a."ingestedAt" END) / 3600 AS h FROM "Article" a WHERE a."id" IN (old."articleId", new."articleId"))
      WHERE h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = h);
END;

CREATE TRIGGER "ArticleTag_dashboard_delete" AFTER DELETE ON "ArticleTag" BEGIN
    INSERT INTO "DashboardDirty" ("hour") SELECT h FROM (SELECT unixepoch(CASE WHEN a."firstCreated" <= a."ingestedAt" THEN a."firstCreated" ELSE a."ingestedAt" END) / 3600 AS h FROM "Article" a WHERE a."id" = old."articleId")
      WHERE h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = h);
END;

-- A link's openness moves its two ends' "has duplicates".
CREATE TRIGGER "DuplicateLink_dashboard_insert" AFTER INSERT ON "DuplicateLink" BEGIN
    INSERT INTO "DashboardDirty" ("hour") SELECT DISTINCT h FROM (SELECT unixepoch(CASE WHEN a."firstCreated" <= a."ingestedAt" THEN a."firstCreated" ELSE a."ingestedAt" END) / 3600 AS h FROM "Article" a WHERE a."id" IN (new."articleId", new."otherId"))
      WHERE h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = h);
END;

CREATE TRIGGER "DuplicateLink_dashboard_update" AFTER UPDATE OF "state", "articleId", "otherId" ON "DuplicateLink"
WHEN old."state" IS NOT new."state" OR old."articleId" IS NOT new."articleId" OR old."otherId" IS NOT new."otherId" BEGIN
    INSERT INTO "DashboardDirty" ("hour") SELECT DISTINCT h FROM (SELECT unixepoch(CASE WHEN a."firstCreated" <= a."ingestedAt" THEN a."firstCreated" ELSE a."ingestedAt" END) / 3600 AS h FROM "Article" a WHERE a."id" IN (old."articleId", old."otherId", new."articleId", new."otherId"))
      WHERE h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = h);
END;

CREATE TRIGGER "DuplicateLink_dashboard_delete" AFTER DELETE ON "DuplicateLink" BEGIN
    INSERT INTO "DashboardDirty" ("hour") SELECT DISTINCT h FROM (SELECT unixepoch(CASE WHEN a."firstCreated" <= a."ingestedAt" THEN a."firstCreated" ELSE a."ingestedAt" END) / 3600 AS h FROM "Article" a WHERE a."id" IN (old."articleId", old."otherId"))
      WHERE h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = h);
END;

-- Which tags a chart counts (topics: top level or newsroom; places) follows a tag's scheme and parent:
-- rare changes, that mark every hour. Hidden tags are left out when the figures are read.
CREATE TRIGGER "Tag_dashboard_update" AFTER UPDATE OF "scheme", "parentId" ON "Tag"
WHEN old."scheme" IS NOT new."scheme" OR old."parentId" IS NOT new."parentId" BEGIN
    INSERT INTO "DashboardDirty" ("hour") SELECT -1 WHERE NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = -1);
END;

-- What is waiting (the dashboard's suggestions on new articles, waiting.ts) kept with the filter
-- bar's counts (FacetCount, decision 022): 'sugg' +1/-1 per suggested tag row (a place only when it
-- is the story's or at 0.7, as the queue files it), 'suggart' +1/-1 per article that has one. Counting
-- them took 0.15 s at 100,000 articles, on every view.
CREATE TRIGGER "ArticleTag_waiting_insert" AFTER INSERT ON "ArticleTag" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", v.dim, 0, 1
      FROM "Article" a JOIN "Tag" g ON g."id" = new."tagId",
        (SELECT 'sugg' AS dim UNION ALL SELECT 'suggart' WHERE NOT EXISTS (SELECT 1 FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId"
          WHERE t."articleId" = new."articleId" AND t."id" <> new."id" AND t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7))) v
      WHERE a."id" = new."articleId" AND new."state" = 'suggested' AND (g."scheme" <> 'iso3166' OR new."rel" = 'main' OR new."confidence" >= 0.7);
END;

-- An article's own delete has counted its rows out already (its row is gone by now).
CREATE TRIGGER "ArticleTag_waiting_delete" AFTER DELETE ON "ArticleTag" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", v.dim, 0, -1
      FROM "Article" a JOIN "Tag" g ON g."id" = old."tagId",
        (SELECT 'sugg' AS dim UNION ALL SELECT 'suggart' WHERE NOT EXISTS (SELECT 1 FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId"
          WHERE t."articleId" = old."articleId" AND t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7))) v
      WHERE a."id" = old."articleId" AND old."state" = 'suggested' AND (g."scheme" <> 'iso3166' OR old."rel" = 'main' OR old."confidence" >= 0.7);
END;

-- A row that moves in or out: its count, and its article's (had one before: another row, or this one as it was).
CREATE TRIGGER "ArticleTag_waiting_update" AFTER UPDATE OF "state", "rel", "confidence", "tagId", "articleId" ON "ArticleTag"
WHEN old."state" IS NOT new."state" OR old."rel" IS NOT new."rel" OR old."confidence" IS NOT new."confidence" OR old."tagId" IS NOT new."tagId" OR old."articleId" IS NOT new."articleId" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", 'sugg', 0, -1
      FROM "Article" a JOIN "Tag" g ON g."id" = old."tagId"
      WHERE a."id" = old."articleId" AND old."state" = 'suggested' AND (g."scheme" <> 'iso3166' OR old."rel" = 'main' OR old."confidence" >= 0.7);
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", 'sugg', 0, 1
      FROM "Article" a JOIN "Tag" g ON g."id" = new."tagId"
      WHERE a."id" = new."articleId" AND new."state" = 'suggested' AND (g."scheme" <> 'iso3166' OR new."rel" = 'main' OR new."confidence" >= 0.7);
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", 'suggart', 0, v.n FROM "Article" a, (SELECT
        EXISTS (SELECT 1 FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" WHERE t."articleId" = old."articleId" AND t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7))
        - (EXISTS (SELECT 1 FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" WHERE t."articleId" = old."articleId" AND t."id" <> old."id" AND t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7))
          OR EXISTS (SELECT 1 FROM "Tag" h WHERE h."id" = old."tagId" AND old."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR old."rel" = 'main' OR old."confidence" >= 0.7))) AS n) v
      WHERE a."id" = old."articleId" AND v.n <> 0;
    -- Moved to another article (the app never does): that one may have gained its first.
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", 'suggart', 0, v.n FROM "Article" a, (SELECT
        EXISTS (SELECT 1 FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" WHERE t."articleId" = new."articleId" AND t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7))
        - EXISTS (SELECT 1 FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" WHERE t."articleId" = new."articleId" AND t."id" <> new."id" AND t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7)) AS n) v
      WHERE a."id" = new."articleId" AND new."articleId" IS NOT old."articleId" AND v.n <> 0;
END;

CREATE TRIGGER "Article_waiting_update" AFTER UPDATE OF "status", "storyLead" ON "Article"
WHEN old."status" IS NOT new."status" OR old."storyLead" IS NOT new."storyLead" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT x."lead", x."status", v.dim, 0, x.sign * v.n FROM
      (SELECT old."storyLead" AS "lead", old."status" AS "status", -1 AS sign UNION ALL SELECT new."storyLead", new."status", 1) x,
      (SELECT 'sugg' AS dim, count(*) AS n FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" WHERE t."articleId" = new."id" AND t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7)
       UNION ALL SELECT 'suggart', count(*) > 0 FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" WHERE t."articleId" = new."id" AND t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7)) v
      WHERE v.n > 0;
END;

-- Before: its tag rows are still there to be counted out.
CREATE TRIGGER "Article_waiting_delete" BEFORE DELETE ON "Article" BEGIN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT old."storyLead", old."status", v.dim, 0, -v.n FROM
      (SELECT 'sugg' AS dim, count(*) AS n FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" WHERE t."articleId" = old."id" AND t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7)
       UNION ALL SELECT 'suggart', count(*) > 0 FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" WHERE t."articleId" = old."id" AND t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7)) v
      WHERE v.n > 0;
END;

INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
SELECT a."storyLead", a."status", 'sugg', 0, count(*) FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" JOIN "Article" a ON a."id" = t."articleId"
WHERE t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7) GROUP BY a."storyLead", a."status";
INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
SELECT a."storyLead", a."status", 'suggart', 0, count(DISTINCT t."articleId") FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" JOIN "Article" a ON a."id" = t."articleId"
WHERE t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7) GROUP BY a."storyLead", a."status";

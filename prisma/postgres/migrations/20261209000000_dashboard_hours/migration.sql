-- The dashboard's figures kept per hour of story time: the PostgreSQL form of
-- the SQLite migration of the same name (which says why). Several writers run
-- at once here, and a count of an hour sees only what was committed when it
-- began: a mark another transaction made may be taken by a count that cannot
-- see this change. So each transaction leaves a mark of its own for each hour
-- it changes (one, however many rows), and a count deletes only the marks it saw.
CREATE TABLE "DashboardHour" (
    "span" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "dups" INTEGER NOT NULL,

    CONSTRAINT "DashboardHour_pkey" PRIMARY KEY ("span", "hour", "dim", "key")
);

CREATE TABLE "DashboardHourDone" (
    "span" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,

    CONSTRAINT "DashboardHourDone_pkey" PRIMARY KEY ("span", "hour")
);

CREATE TABLE "DashboardDirty" (
    "id" SERIAL NOT NULL,
    "hour" INTEGER NOT NULL,
    "tx" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DashboardDirty_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DashboardDirty_hour_tx_idx" ON "DashboardDirty"("hour", "tx");
-- Marks are deleted as the dashboard counts their hours: vacuum early, as for FacetCount.
ALTER TABLE "DashboardDirty" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 20000);

-- An hour is floor(epoch of the story time / 3600); timestamp(3) holds UTC without a zone.
CREATE FUNCTION wiredesk_dashboard_hour(first_created timestamp, ingested_at timestamp) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
  SELECT floor(extract(epoch FROM CASE WHEN first_created <= ingested_at THEN first_created ELSE ingested_at END) / 3600)::integer
$$;

CREATE FUNCTION wiredesk_dashboard_mark(h integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF h IS NULL OR EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = h AND d."tx" = txid_current()) THEN
    RETURN;
  END IF;
  INSERT INTO "DashboardDirty" ("hour", "tx") VALUES (h, txid_current());
END;
$$;

CREATE FUNCTION wiredesk_dashboard_mark_articles(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM wiredesk_dashboard_mark(h) FROM (SELECT DISTINCT wiredesk_dashboard_hour(a."firstCreated", a."ingestedAt") AS h FROM "Article" a WHERE a."id" = ANY(ids)) x;
END;
$$;

CREATE FUNCTION wiredesk_dashboard_article_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF TG_OP = 'UPDATE' AND (OLD."firstCreated", OLD."ingestedAt", OLD."sourceId") IS NOT DISTINCT FROM (NEW."firstCreated", NEW."ingestedAt", NEW."sourceId") THEN
      RETURN NULL;
    END IF;
    PERFORM wiredesk_dashboard_mark(wiredesk_dashboard_hour(OLD."firstCreated", OLD."ingestedAt"));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM wiredesk_dashboard_mark(wiredesk_dashboard_hour(NEW."firstCreated", NEW."ingestedAt"));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Article_dashboard_change" AFTER INSERT OR UPDATE OF "firstCreated", "ingestedAt", "sourceId" OR DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_dashboard_article_change();

-- A tag row's article: gone already when the article's own delete took its tag rows (that delete marked the hour).
CREATE FUNCTION wiredesk_dashboard_tag_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Every suggestion ingest makes: one statement, no nested calls.
    INSERT INTO "DashboardDirty" ("hour", "tx")
    SELECT x.h, txid_current() FROM (SELECT wiredesk_dashboard_hour(a."firstCreated", a."ingestedAt") AS h FROM "Article" a WHERE a."id" = NEW."articleId") x
    WHERE NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = x.h AND d."tx" = txid_current());
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM wiredesk_dashboard_mark_articles(ARRAY[OLD."articleId"]);
  ELSIF (OLD."state", OLD."rel", OLD."confidence", OLD."tagId", OLD."articleId") IS DISTINCT FROM (NEW."state", NEW."rel", NEW."confidence", NEW."tagId", NEW."articleId") THEN
    PERFORM wiredesk_dashboard_mark_articles(ARRAY[OLD."articleId", NEW."articleId"]);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "ArticleTag_dashboard_change" AFTER INSERT OR UPDATE OF "state", "rel", "confidence", "tagId", "articleId" OR DELETE ON "ArticleTag"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_dashboard_tag_change();

-- A link's openness moves its two ends' "has duplicates".
CREATE FUNCTION wiredesk_dashboard_link_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM wiredesk_dashboard_mark_articles(ARRAY[NEW."articleId", NEW."otherId"]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM wiredesk_dashboard_mark_articles(ARRAY[OLD."articleId", OLD."otherId"]);
  ELSIF (OLD."state", OLD."articleId", OLD."otherId") IS DISTINCT FROM (NEW."state", NEW."articleId", NEW."otherId") THEN
    PERFORM wiredesk_dashboard_mark_articles(ARRAY[OLD."articleId", OLD."otherId", NEW."articleId", NEW."otherId"]);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "DuplicateLink_dashboard_change" AFTER INSERT OR UPDATE OF "state", "articleId", "otherId" OR DELETE ON "DuplicateLink"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_dashboard_link_change();

-- Which tags a chart counts follows a tag's scheme and parent: rare changes, that mark every hour (-1).
-- Hidden tags are left out when the figures are read.
CREATE FUNCTION wiredesk_dashboard_tag_kind_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD."scheme", OLD."parentId") IS DISTINCT FROM (NEW."scheme", NEW."parentId") THEN
    PERFORM wiredesk_dashboard_mark(-1);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Tag_dashboard_update" AFTER UPDATE OF "scheme", "parentId" ON "Tag"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_dashboard_tag_kind_change();

-- What is waiting (the dashboard's suggestions on new articles, waiting.ts) kept with the filter
-- bar's counts (FacetCount, decision 022): 'sugg' +1/-1 per suggested tag row (a place only when it
-- is the story's or at 0.7, as the queue files it), 'suggart' +1/-1 per article that has one.
-- Updates and deletes of tag rows are counted per statement, from its transition tables: a row
-- trigger after a statement that changed several rows of one article sees them all, and would take
-- each for "another".
CREATE FUNCTION wiredesk_waiting_q(state text, rel text, confidence double precision, tag integer) RETURNS boolean STABLE LANGUAGE sql AS $$
  SELECT state = 'suggested' AND EXISTS (SELECT 1 FROM "Tag" g WHERE g."id" = tag AND (g."scheme" <> 'iso3166' OR rel = 'main' OR confidence >= 0.7))
$$;

-- Articles whose suggested rows changed by dn: their count moves by dn, and they count as having
-- one when they have one now, less when they had one before (now - dn).
CREATE FUNCTION wiredesk_waiting_moved(ids integer[], deltas integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
  SELECT a."storyLead", a."status", v.dim, 0, v.n FROM (
    SELECT x.id, x.dn, (SELECT count(*) FROM "ArticleTag" t WHERE t."articleId" = x.id AND wiredesk_waiting_q(t."state", t."rel", t."confidence", t."tagId"))::integer AS now
    FROM unnest(ids, deltas) AS x(id, dn)
  ) c JOIN "Article" a ON a."id" = c.id
  CROSS JOIN LATERAL (VALUES ('sugg', c.dn), ('suggart', (c.now > 0)::integer - ((c.now - c.dn) > 0)::integer)) AS v(dim, n)
  WHERE v.n <> 0
$$;

-- Inserts, the common case (every suggestion ingest makes), row by row: the article gains its first
-- suggestion with its row of lowest id. Rows a statement inserts take ids after those already there,
-- so within a multi-row insert only the first of an article's new rows sees none below it.
CREATE FUNCTION wiredesk_waiting_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."state" <> 'suggested' THEN
    RETURN NULL;
  END IF;
  INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
  SELECT a."storyLead", a."status", v.dim, 0, 1 FROM "Article" a JOIN "Tag" g ON g."id" = NEW."tagId"
    CROSS JOIN LATERAL (SELECT 'sugg' AS dim UNION ALL SELECT 'suggart' WHERE NOT EXISTS (
      SELECT 1 FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" WHERE t."articleId" = NEW."articleId" AND t."id" < NEW."id"
        AND t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7))) v
  WHERE a."id" = NEW."articleId" AND (g."scheme" <> 'iso3166' OR NEW."rel" = 'main' OR NEW."confidence" >= 0.7);
  RETURN NULL;
END;
$$;
CREATE TRIGGER "ArticleTag_waiting_insert" AFTER INSERT ON "ArticleTag"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_waiting_inserted();

-- An article's own delete has counted its rows out already (its row is gone by now: the join drops them).
CREATE FUNCTION wiredesk_waiting_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM wiredesk_waiting_moved(array_agg(s.id), array_agg(s.dn)) FROM (
    SELECT r."articleId" AS id, -count(*)::integer AS dn FROM old_rows r WHERE wiredesk_waiting_q(r."state", r."rel", r."confidence", r."tagId") GROUP BY r."articleId"
  ) s HAVING count(*) > 0;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "ArticleTag_waiting_delete" AFTER DELETE ON "ArticleTag" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wiredesk_waiting_deleted();

CREATE FUNCTION wiredesk_waiting_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM wiredesk_waiting_moved(array_agg(s.id), array_agg(s.dn)) FROM (
    SELECT d.id, sum(d.sign)::integer AS dn FROM (
      SELECT r."articleId" AS id, 1 AS sign FROM new_rows r WHERE wiredesk_waiting_q(r."state", r."rel", r."confidence", r."tagId")
      UNION ALL SELECT r."articleId", -1 FROM old_rows r WHERE wiredesk_waiting_q(r."state", r."rel", r."confidence", r."tagId")
    ) d GROUP BY d.id
  ) s WHERE s.dn <> 0 HAVING count(*) > 0;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "ArticleTag_waiting_update" AFTER UPDATE ON "ArticleTag" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wiredesk_waiting_updated();

-- An article's status or lead moves its suggestions; its delete (before, while its rows are there) takes them out.
CREATE FUNCTION wiredesk_waiting_article(r "Article", sign integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
  SELECT r."storyLead", r."status", v.dim, 0, sign * v.n FROM
    (SELECT count(*)::integer AS c FROM "ArticleTag" t WHERE t."articleId" = r."id" AND wiredesk_waiting_q(t."state", t."rel", t."confidence", t."tagId")) k
    CROSS JOIN LATERAL (VALUES ('sugg', k.c), ('suggart', (k.c > 0)::integer)) AS v(dim, n)
  WHERE v.n > 0
$$;

CREATE FUNCTION wiredesk_waiting_article_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (OLD."status", OLD."storyLead") IS DISTINCT FROM (NEW."status", NEW."storyLead") THEN
      PERFORM wiredesk_waiting_article(OLD, -1);
      PERFORM wiredesk_waiting_article(NEW, 1);
    END IF;
    RETURN NULL;
  END IF;
  PERFORM wiredesk_waiting_article(OLD, -1);
  RETURN OLD;
END;
$$;
CREATE TRIGGER "Article_waiting_update" AFTER UPDATE OF "status", "storyLead" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_waiting_article_change();
CREATE TRIGGER "Article_waiting_delete" BEFORE DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_waiting_article_change();

INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
SELECT a."storyLead", a."status", 'sugg', 0, count(*) FROM "ArticleTag" t JOIN "Article" a ON a."id" = t."articleId"
WHERE wiredesk_waiting_q(t."state", t."rel", t."confidence", t."tagId") GROUP BY a."storyLead", a."status";
INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
SELECT a."storyLead", a."status", 'suggart', 0, count(DISTINCT t."articleId") FROM "ArticleTag" t JOIN "Article" a ON a."id" = t."articleId"
WHERE wiredesk_waiting_q(t."state", t."rel", t."confidence", t."tagId") GROUP BY a."storyLead", a."status";

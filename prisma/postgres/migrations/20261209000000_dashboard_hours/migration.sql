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
    PERFORM wiredesk_dashboard_mark_articles(ARRAY[NEW."articleId"]);
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

-- Which articles changed what the filter bar counts (issue 19, decision 026).
-- Each web process keeps the facts it counts in memory (facet-index.ts) and
-- reads these rows to bring itself up to date before it counts: counting a
-- filter's articles in the store took seconds at 1,000,000 articles. The
-- triggers only name the article; what it now is, is read from its rows, so
-- no counting rule lives here. articleId 0: a tag's kind, name or visibility.
-- tx: the writing transaction; a reader reads again every row of a transaction
-- that was still open when it last read (ids commit out of order here).
CREATE TABLE "ArticleChange" (
    "seq" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "tx" BIGINT NOT NULL DEFAULT 0,
    "at" INTEGER NOT NULL,

    CONSTRAINT "ArticleChange_pkey" PRIMARY KEY ("seq")
);
CREATE INDEX "ArticleChange_tx_idx" ON "ArticleChange"("tx");
-- Rows are pruned once an hour old: vacuum early, as for FacetCount.
ALTER TABLE "ArticleChange" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 20000);

-- A row naming the same article as this transaction's newest row is not needed
-- (ingest writes an article and then its tag rows: one row, not one per tag).
CREATE FUNCTION wiredesk_article_changed(id integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF id IS NULL OR EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max(m."seq") FROM "ArticleChange" m) AND c."articleId" = id AND c."tx" = txid_current()) THEN
    RETURN;
  END IF;
  INSERT INTO "ArticleChange" ("articleId", "tx", "at") VALUES (id, txid_current(), extract(epoch FROM now())::integer);
END;
$$;

CREATE FUNCTION wiredesk_article_change_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM wiredesk_article_changed(OLD."id");
  ELSIF TG_OP = 'INSERT' OR (OLD."status", OLD."storyLead", OLD."sourceId", OLD."ingestedAt") IS DISTINCT FROM (NEW."status", NEW."storyLead", NEW."sourceId", NEW."ingestedAt") THEN
    PERFORM wiredesk_article_changed(NEW."id");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Article_change" AFTER INSERT OR UPDATE OF "status", "storyLead", "sourceId", "ingestedAt" OR DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_article_change_article();

CREATE FUNCTION wiredesk_article_change_tag_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM wiredesk_article_changed(NEW."articleId");
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM wiredesk_article_changed(OLD."articleId");
  ELSIF (OLD."state", OLD."rel", OLD."confidence", OLD."tagId", OLD."articleId") IS DISTINCT FROM (NEW."state", NEW."rel", NEW."confidence", NEW."tagId", NEW."articleId") THEN
    PERFORM wiredesk_article_changed(OLD."articleId");
    PERFORM wiredesk_article_changed(NEW."articleId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "ArticleTag_change" AFTER INSERT OR UPDATE OF "state", "rel", "confidence", "tagId", "articleId" OR DELETE ON "ArticleTag"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_article_change_tag_row();

-- A link's openness moves its two ends' "has duplicates".
CREATE FUNCTION wiredesk_article_change_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF TG_OP = 'UPDATE' AND (OLD."state", OLD."articleId", OLD."otherId") IS NOT DISTINCT FROM (NEW."state", NEW."articleId", NEW."otherId") THEN
      RETURN NULL;
    END IF;
    PERFORM wiredesk_article_changed(OLD."articleId");
    PERFORM wiredesk_article_changed(OLD."otherId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM wiredesk_article_changed(NEW."articleId");
    PERFORM wiredesk_article_changed(NEW."otherId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "DuplicateLink_change" AFTER INSERT OR UPDATE OF "state", "articleId", "otherId" OR DELETE ON "DuplicateLink"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_article_change_link();

CREATE FUNCTION wiredesk_article_change_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (OLD."scheme", OLD."code", OLD."name", OLD."parentId", OLD."hidden") IS DISTINCT FROM (NEW."scheme", NEW."code", NEW."name", NEW."parentId", NEW."hidden") THEN
    INSERT INTO "ArticleChange" ("articleId", "tx", "at") VALUES (0, txid_current(), extract(epoch FROM now())::integer);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Tag_change" AFTER UPDATE OF "scheme", "code", "name", "parentId", "hidden" OR DELETE ON "Tag"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_article_change_tag();

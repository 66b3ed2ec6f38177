-- The filter bar's counts kept at write time: the PostgreSQL form of the
-- SQLite migration of the same name (which says why). Rows are only ever
-- added, so concurrent writers (web instances, workers) never wait on a
-- counter row. Links are counted in BEFORE triggers: an AFTER row trigger
-- would see every row of a multi-row insert at once, and two new links of one
-- article would each take the other for the one that already held it.
CREATE TABLE "FacetCount" (
    "id" SERIAL NOT NULL,
    "lead" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "ref" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "FacetCount_pkey" PRIMARY KEY ("id")
);
-- Folding (lib/server/articles/facet-counts.ts) leaves the folded rows dead: vacuum after a few thousand,
-- not after a fifth of the table as by default, so that a read of the counts does not wade through them.
ALTER TABLE "FacetCount" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 20000);

-- Every count an article is in, with this sign.
CREATE FUNCTION wiredesk_facets_article(r "Article", sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") VALUES (r."storyLead", r."status", 'all', 0, sign);
  IF r."sourceId" IS NOT NULL THEN
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") VALUES (r."storyLead", r."status", 'source', r."sourceId", sign);
  END IF;
  INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT r."storyLead", r."status", 'dup',
    CASE WHEN EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE (l."articleId" = r."id" OR l."otherId" = r."id") AND l."state" IN ('suggested', 'confirmed')) THEN 1 ELSE 0 END, sign;
  INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT r."storyLead", r."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END, t."tagId", sign
    FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId" WHERE t."articleId" = r."id" AND ((g."scheme" = 'iso3166' AND (t."state" = 'accepted' OR (t."state" = 'suggested' AND (t."rel" = 'main' OR t."confidence" >= 0.7)))) OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND t."state" IN ('accepted', 'suggested')));
END;
$$;

CREATE FUNCTION wiredesk_facets_article_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- No link can name an article before it exists, nor a tag row.
    INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") VALUES (NEW."storyLead", NEW."status", 'all', 0, 1), (NEW."storyLead", NEW."status", 'dup', 0, 1);
    IF NEW."sourceId" IS NOT NULL THEN
      INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") VALUES (NEW."storyLead", NEW."status", 'source', NEW."sourceId", 1);
    END IF;
    RETURN NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    IF (OLD."status", OLD."storyLead", OLD."sourceId") IS DISTINCT FROM (NEW."status", NEW."storyLead", NEW."sourceId") THEN
      PERFORM wiredesk_facets_article(OLD, -1);
      PERFORM wiredesk_facets_article(NEW, 1);
    END IF;
    RETURN NULL;
  END IF;
  -- DELETE, before the row goes: its tag rows and links are still there to be counted out.
  PERFORM wiredesk_facets_article(OLD, -1);
  RETURN OLD;
END;
$$;
CREATE TRIGGER "Article_facets_change" AFTER INSERT OR UPDATE OF "status", "storyLead", "sourceId" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_facets_article_change();
CREATE TRIGGER "Article_facets_delete" BEFORE DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_facets_article_change();

-- One tag row in or out of the counts. An article's own delete has counted its tags out already (its row is gone by now).
CREATE FUNCTION wiredesk_facets_tag_row(r "ArticleTag", sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END, r."tagId", sign
    FROM "Article" a JOIN "Tag" g ON g."id" = r."tagId" WHERE a."id" = r."articleId" AND ((g."scheme" = 'iso3166' AND (r."state" = 'accepted' OR (r."state" = 'suggested' AND (r."rel" = 'main' OR r."confidence" >= 0.7)))) OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND r."state" IN ('accepted', 'suggested')));
END;
$$;

CREATE FUNCTION wiredesk_facets_tag_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF TG_OP = 'DELETE' OR (OLD."state", OLD."rel", OLD."confidence", OLD."tagId", OLD."articleId") IS DISTINCT FROM (NEW."state", NEW."rel", NEW."confidence", NEW."tagId", NEW."articleId") THEN
      PERFORM wiredesk_facets_tag_row(OLD, -1);
    ELSE
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM wiredesk_facets_tag_row(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "ArticleTag_facets_change" AFTER INSERT OR UPDATE OF "state", "rel", "confidence", "tagId", "articleId" OR DELETE ON "ArticleTag"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_facets_tag_change();

-- Article x's "has duplicates" moves when this link's openness changed and no other open link holds it.
CREATE FUNCTION wiredesk_facets_dup_move(x integer, link integer, was_open boolean, is_open boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF was_open = is_open OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE (l."articleId" = x OR l."otherId" = x) AND l."id" IS DISTINCT FROM link AND l."state" IN ('suggested', 'confirmed')) THEN
    RETURN;
  END IF;
  INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n") SELECT a."storyLead", a."status", 'dup', v.ref, v.n FROM "Article" a,
    (VALUES (CASE WHEN was_open THEN 1 ELSE 0 END, -1), (CASE WHEN is_open THEN 1 ELSE 0 END, 1)) AS v(ref, n)
    WHERE a."id" = x;
END;
$$;

CREATE FUNCTION wiredesk_facets_link_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM wiredesk_facets_dup_move(NEW."articleId", NULL, false, NEW."state" IN ('suggested', 'confirmed'));
    PERFORM wiredesk_facets_dup_move(NEW."otherId", NULL, false, NEW."state" IN ('suggested', 'confirmed'));
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    -- A link's ends never move (a link is made anew instead); its state does.
    PERFORM wiredesk_facets_dup_move(NEW."articleId", NEW."id", OLD."state" IN ('suggested', 'confirmed'), NEW."state" IN ('suggested', 'confirmed'));
    PERFORM wiredesk_facets_dup_move(NEW."otherId", NEW."id", OLD."state" IN ('suggested', 'confirmed'), NEW."state" IN ('suggested', 'confirmed'));
    RETURN NEW;
  END IF;
  PERFORM wiredesk_facets_dup_move(OLD."articleId", OLD."id", OLD."state" IN ('suggested', 'confirmed'), false);
  PERFORM wiredesk_facets_dup_move(OLD."otherId", OLD."id", OLD."state" IN ('suggested', 'confirmed'), false);
  RETURN OLD;
END;
$$;
CREATE TRIGGER "DuplicateLink_facets_change" BEFORE INSERT OR UPDATE OF "state" OR DELETE ON "DuplicateLink"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_facets_link_change();

-- What the store holds already.
INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
SELECT a."storyLead", a."status", 'all', 0, count(*) FROM "Article" a GROUP BY a."storyLead", a."status";
INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
SELECT a."storyLead", a."status", 'source', a."sourceId", count(*) FROM "Article" a WHERE a."sourceId" IS NOT NULL GROUP BY a."storyLead", a."status", a."sourceId";
INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
SELECT a."storyLead", a."status", 'dup', d, count(*) FROM (SELECT a."storyLead", a."status",
  CASE WHEN EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE (l."articleId" = a."id" OR l."otherId" = a."id") AND l."state" IN ('suggested', 'confirmed')) THEN 1 ELSE 0 END AS d FROM "Article" a) a
GROUP BY a."storyLead", a."status", d;
INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
SELECT a."storyLead", a."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END, t."tagId", count(*)
FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId" JOIN "Article" a ON a."id" = t."articleId"
WHERE ((g."scheme" = 'iso3166' AND (t."state" = 'accepted' OR (t."state" = 'suggested' AND (t."rel" = 'main' OR t."confidence" >= 0.7)))) OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND t."state" IN ('accepted', 'suggested'))) GROUP BY a."storyLead", a."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END, t."tagId";

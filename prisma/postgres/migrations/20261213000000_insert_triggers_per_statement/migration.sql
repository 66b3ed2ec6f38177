-- The figures kept at write time (facet counts, waiting counts, dashboard
-- hours, article changes) follow an insert into "Article" or "ArticleTag" by
-- one trigger a statement over its new rows, not by four PL/pgSQL triggers a
-- row. A CPU profile of a bulk ingest on PostgreSQL put 38% of the server's
-- time in the after-triggers of its statements, 26% in PL/pgSQL: a new
-- article with five suggested tags called 23 trigger functions and ran about
-- 30 statements inside them. Updates and deletes keep their row triggers
-- (decisions are one row at a time, and their rules compare OLD with NEW).
-- The rows written are the same as the row triggers wrote, but for
-- "ArticleChange", which now has a row per article a statement touches where
-- interleaved rows of several articles could give an article more than one
-- (its readers take the ids as a set).

-- "Article": inserts leave the row triggers.
DROP TRIGGER "Article_facets_change" ON "Article";
CREATE TRIGGER "Article_facets_change" AFTER UPDATE OF "status", "storyLead", "sourceId" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_facets_article_change();
DROP TRIGGER "Article_dashboard_change" ON "Article";
CREATE TRIGGER "Article_dashboard_change" AFTER UPDATE OF "firstCreated", "ingestedAt", "sourceId" OR DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_dashboard_article_change();
DROP TRIGGER "Article_change" ON "Article";
CREATE TRIGGER "Article_change" AFTER UPDATE OF "status", "storyLead", "sourceId", "ingestedAt" OR DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_article_change_article();

-- Both functions read other tables by key only, and are told so (SET enable_seqscan
-- = off): PL/pgSQL plans each statement once a session and keeps the plan, and
-- a writer that starts on a new store would keep plans made when the tables
-- were empty, which scan them whole (a bulk ingest slowed from 270 to 100
-- articles a second within 6,000 articles that way).
CREATE FUNCTION wiredesk_articles_inserted() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
  -- Facet counts: every new article counts once under "all", under "no duplicates"
  -- (no link can name an article before it exists, nor a tag row) and under its source.
  INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
  SELECT r."storyLead", r."status", d.dim, d.ref, count(*)::integer
  FROM new_rows r CROSS JOIN LATERAL (VALUES ('all', 0), ('dup', 0), ('source', r."sourceId")) AS d(dim, ref)
  WHERE d.ref IS NOT NULL
  GROUP BY r."storyLead", r."status", d.dim, d.ref;
  -- Dashboard hours to count again, once a transaction.
  INSERT INTO "DashboardDirty" ("hour", "tx")
  SELECT x.h, txid_current() FROM (SELECT DISTINCT wiredesk_dashboard_hour(r."firstCreated", r."ingestedAt") AS h FROM new_rows r) x
  WHERE x.h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = x.h AND d."tx" = txid_current());
  -- Changed articles, in id order (a new id cannot be the newest change row already).
  INSERT INTO "ArticleChange" ("articleId", "tx", "at")
  SELECT r."id", txid_current(), extract(epoch FROM now())::integer FROM new_rows r ORDER BY r."id";
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Article_inserted" AFTER INSERT ON "Article" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wiredesk_articles_inserted();

-- "ArticleTag": inserts leave the row triggers.
DROP TRIGGER "ArticleTag_facets_change" ON "ArticleTag";
CREATE TRIGGER "ArticleTag_facets_change" AFTER UPDATE OF "state", "rel", "confidence", "tagId", "articleId" OR DELETE ON "ArticleTag"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_facets_tag_change();
DROP TRIGGER "ArticleTag_dashboard_change" ON "ArticleTag";
CREATE TRIGGER "ArticleTag_dashboard_change" AFTER UPDATE OF "state", "rel", "confidence", "tagId", "articleId" OR DELETE ON "ArticleTag"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_dashboard_tag_change();
DROP TRIGGER "ArticleTag_change" ON "ArticleTag";
CREATE TRIGGER "ArticleTag_change" AFTER UPDATE OF "state", "rel", "confidence", "tagId", "articleId" OR DELETE ON "ArticleTag"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_article_change_tag_row();
DROP TRIGGER "ArticleTag_waiting_insert" ON "ArticleTag";
DROP FUNCTION wiredesk_waiting_inserted();

CREATE FUNCTION wiredesk_tag_rows_inserted() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
  -- Facet counts: a place filed (accepted, or suggested as the main place or at 0.7 and over),
  -- a top-level topic or newsroom tag accepted or suggested.
  INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
  SELECT a."storyLead", a."status", CASE WHEN g."scheme" = 'iso3166' THEN 'place' ELSE 'topic' END, r."tagId", count(*)::integer
  FROM new_rows r JOIN "Article" a ON a."id" = r."articleId" JOIN "Tag" g ON g."id" = r."tagId"
  WHERE (g."scheme" = 'iso3166' AND (r."state" = 'accepted' OR (r."state" = 'suggested' AND (r."rel" = 'main' OR r."confidence" >= 0.7))))
     OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND r."state" IN ('accepted', 'suggested'))
  GROUP BY 1, 2, 3, 4;
  -- Waiting suggestions ("sugg"), and articles with one ("suggart"): a row counts for its
  -- article when no waiting row of that article comes before it (as each row's trigger did).
  -- The article's rows are found by its key; "+ 0" keeps the id comparison off the primary
  -- key, which a plan made on an empty table would otherwise walk from the start (a generated
  -- archive's ingest slowed to a crawl that way).
  INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
  SELECT a."storyLead", a."status", v.dim, 0, v.n FROM (
    SELECT r."articleId" AS id, count(*)::integer AS sugg,
      (count(*) FILTER (WHERE NOT EXISTS (
        SELECT 1 FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" WHERE t."articleId" = r."articleId" AND t."id" + 0 < r."id"
          AND t."state" = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7))))::integer AS first
    FROM new_rows r JOIN "Tag" g ON g."id" = r."tagId"
    WHERE r."state" = 'suggested' AND (g."scheme" <> 'iso3166' OR r."rel" = 'main' OR r."confidence" >= 0.7)
    GROUP BY r."articleId"
  ) c JOIN "Article" a ON a."id" = c.id
  CROSS JOIN LATERAL (VALUES ('sugg', c.sugg), ('suggart', c.first)) AS v(dim, n)
  WHERE v.n <> 0;
  -- Dashboard hours of the articles tagged, once a transaction.
  INSERT INTO "DashboardDirty" ("hour", "tx")
  SELECT x.h, txid_current() FROM (
    SELECT DISTINCT wiredesk_dashboard_hour(a."firstCreated", a."ingestedAt") AS h FROM "Article" a WHERE a."id" IN (SELECT r."articleId" FROM new_rows r)
  ) x
  WHERE x.h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DashboardDirty" d WHERE d."hour" = x.h AND d."tx" = txid_current());
  -- Changed articles, in the order of their first new row; none that is the newest change row of this transaction already.
  INSERT INTO "ArticleChange" ("articleId", "tx", "at")
  SELECT x.id, txid_current(), extract(epoch FROM now())::integer FROM (SELECT r."articleId" AS id, min(r."id") AS first FROM new_rows r GROUP BY r."articleId") x
  WHERE NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."seq" = (SELECT max(m."seq") FROM "ArticleChange" m) AND c."articleId" = x.id AND c."tx" = txid_current())
  ORDER BY x.first;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "ArticleTag_inserted" AFTER INSERT ON "ArticleTag" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wiredesk_tag_rows_inserted();

-- The waiting-rows count of new tag rows reads an article's earlier rows by the
-- article alone. Without statistics (a fresh store filling up, before autovacuum
-- first analyses it) the planner ANDed the article's index with the index on
-- state, which reads every waiting row of the store for each new row: 74 ms for
-- 16 articles' tags at 10,000 articles, 6 ms with statistics (decision 016).
CREATE OR REPLACE FUNCTION wiredesk_tag_rows_inserted() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
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
  -- archive's ingest slowed to a crawl that way), and "|| ''" the state off its index, which
  -- a plan made on a large table without statistics ANDed with the article's (every waiting
  -- row of the store read for each new row: 1.5 ms a row at 10,000 articles).
  INSERT INTO "FacetCount" ("lead", "status", "dim", "ref", "n")
  SELECT a."storyLead", a."status", v.dim, 0, v.n FROM (
    SELECT r."articleId" AS id, count(*)::integer AS sugg,
      (count(*) FILTER (WHERE NOT EXISTS (
        SELECT 1 FROM "ArticleTag" t JOIN "Tag" h ON h."id" = t."tagId" WHERE t."articleId" = r."articleId" AND t."id" + 0 < r."id"
          AND t."state" || '' = 'suggested' AND (h."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= 0.7))))::integer AS first
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

-- A change to an article's publication time names the article too (issue 19):
-- each web process keeps the time a search's page by publication is ordered
-- by (facet-index.ts, pageByPublished), so an update of "firstCreated" must
-- be read again.
CREATE OR REPLACE FUNCTION wiredesk_article_change_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM wiredesk_article_changed(OLD."id");
  ELSIF TG_OP = 'INSERT' OR (OLD."status", OLD."storyLead", OLD."sourceId", OLD."ingestedAt", OLD."headline", OLD."bodyText", OLD."firstCreated")
      IS DISTINCT FROM (NEW."status", NEW."storyLead", NEW."sourceId", NEW."ingestedAt", NEW."headline", NEW."bodyText", NEW."firstCreated") THEN
    PERFORM wiredesk_article_changed(NEW."id");
  END IF;
  RETURN NULL;
END;
$$;
DROP TRIGGER "Article_change" ON "Article";
CREATE TRIGGER "Article_change" AFTER UPDATE OF "status", "storyLead", "sourceId", "ingestedAt", "headline", "bodyText", "firstCreated" OR DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_article_change_article();

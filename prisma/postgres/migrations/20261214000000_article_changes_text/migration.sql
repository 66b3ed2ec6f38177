-- A change to an article's text names the article too (issue 19): each web
-- process keeps the ids a search matches (facet-index.ts) and tests again
-- only the articles named since, so an update of a headline or body, which
-- can make an article match a search or stop matching it, must be named.
CREATE OR REPLACE FUNCTION wiredesk_article_change_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM wiredesk_article_changed(OLD."id");
  ELSIF TG_OP = 'INSERT' OR (OLD."status", OLD."storyLead", OLD."sourceId", OLD."ingestedAt", OLD."headline", OLD."bodyText")
      IS DISTINCT FROM (NEW."status", NEW."storyLead", NEW."sourceId", NEW."ingestedAt", NEW."headline", NEW."bodyText") THEN
    PERFORM wiredesk_article_changed(NEW."id");
  END IF;
  RETURN NULL;
END;
$$;
DROP TRIGGER "Article_change" ON "Article";
CREATE TRIGGER "Article_change" AFTER UPDATE OF "status", "storyLead", "sourceId", "ingestedAt", "headline", "bodyText" OR DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_article_change_article();

-- Whatever the queue's row shows of an article names the article (issue 19,
-- decision 028): each web process keeps the rows the store wrote for the
-- queue (facet-index.ts, ItemCache) and drops those named here, so besides
-- what the counts read, a row names its article when its address, dateline,
-- language, version or story changes, a tag row's origin changes, its
-- story's figures change (every copy of the story: each row shows them), or
-- a copy of its story changes language or story (each row shows the story's
-- languages). A source renamed names article 0, as a tag renamed does: every
-- kept row is dropped.
CREATE FUNCTION wiredesk_story_changed(story integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF story IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO "ArticleChange" ("articleId", "tx", "at")
  SELECT c."id", txid_current(), extract(epoch FROM now())::integer FROM "Article" c WHERE c."storyId" = story;
END;
$$;

CREATE OR REPLACE FUNCTION wiredesk_article_change_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM wiredesk_article_changed(OLD."id");
    PERFORM wiredesk_story_changed(OLD."storyId");
  ELSIF (OLD."status", OLD."storyLead", OLD."sourceId", OLD."ingestedAt", OLD."headline", OLD."bodyText", OLD."firstCreated",
         OLD."uri", OLD."dateline", OLD."language", OLD."version", OLD."storyId")
      IS DISTINCT FROM (NEW."status", NEW."storyLead", NEW."sourceId", NEW."ingestedAt", NEW."headline", NEW."bodyText", NEW."firstCreated",
         NEW."uri", NEW."dateline", NEW."language", NEW."version", NEW."storyId") THEN
    PERFORM wiredesk_article_changed(NEW."id");
    IF (OLD."language", OLD."storyId") IS DISTINCT FROM (NEW."language", NEW."storyId") THEN
      PERFORM wiredesk_story_changed(OLD."storyId");
      IF NEW."storyId" IS DISTINCT FROM OLD."storyId" THEN
        PERFORM wiredesk_story_changed(NEW."storyId");
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
DROP TRIGGER "Article_change" ON "Article";
CREATE TRIGGER "Article_change" AFTER UPDATE OF "status", "storyLead", "sourceId", "ingestedAt", "headline", "bodyText", "firstCreated",
    "uri", "dateline", "language", "version", "storyId" OR DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_article_change_article();

CREATE OR REPLACE FUNCTION wiredesk_article_change_tag_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM wiredesk_article_changed(NEW."articleId");
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM wiredesk_article_changed(OLD."articleId");
  ELSIF (OLD."state", OLD."rel", OLD."confidence", OLD."tagId", OLD."articleId", OLD."origin")
      IS DISTINCT FROM (NEW."state", NEW."rel", NEW."confidence", NEW."tagId", NEW."articleId", NEW."origin") THEN
    PERFORM wiredesk_article_changed(OLD."articleId");
    PERFORM wiredesk_article_changed(NEW."articleId");
  END IF;
  RETURN NULL;
END;
$$;
DROP TRIGGER "ArticleTag_change" ON "ArticleTag";
CREATE TRIGGER "ArticleTag_change" AFTER UPDATE OF "state", "rel", "confidence", "tagId", "articleId", "origin" OR DELETE ON "ArticleTag"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_article_change_tag_row();

CREATE FUNCTION wiredesk_article_change_story() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM wiredesk_story_changed(OLD."id");
  ELSIF TG_OP = 'INSERT' OR (OLD."copies", OLD."sources", OLD."firstSeenAt", OLD."lastUpdatedAt")
      IS DISTINCT FROM (NEW."copies", NEW."sources", NEW."firstSeenAt", NEW."lastUpdatedAt") THEN
    PERFORM wiredesk_story_changed(NEW."id");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Story_change" AFTER INSERT OR UPDATE OF "copies", "sources", "firstSeenAt", "lastUpdatedAt" OR DELETE ON "Story"
  FOR EACH ROW EXECUTE FUNCTION wiredesk_article_change_story();

CREATE FUNCTION wiredesk_article_change_source() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ArticleChange" ("articleId", "tx", "at") VALUES (0, txid_current(), extract(epoch FROM now())::integer);
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Source_change" AFTER UPDATE OF "name" ON "Source"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION wiredesk_article_change_source();

-- A duplicate key (about 47 an article) was checked against "Article" by its
-- foreign key as it was inserted: a third of the keys' insert time, measured
-- with the bulk path's multi-row inserts (decision 016). Keys are written only
-- with their article, in the same statement or transaction, so the check never
-- refused one. What the constraint still gave them, going when their article
-- goes, a trigger a statement on "Article" now does. The models keep the
-- relation (SQLite keeps its foreign key); the drift test lists the difference.
ALTER TABLE "DedupKey" DROP CONSTRAINT "DedupKey_articleId_fkey";

CREATE FUNCTION "article_delete_dedup_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "DedupKey" k USING gone g WHERE k."articleId" = g."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_delete_dedup_keys" AFTER DELETE ON "Article"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "article_delete_dedup_keys"();

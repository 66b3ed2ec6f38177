-- Full-text search over headlines and bodies (hand-written: Prisma does not
-- model tsvector columns). Diacritics are folded, so "Sanchez" finds "Sánchez".
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE; this wrapper names its dictionary, which makes it
-- safe to declare IMMUTABLE and so usable in a generated column.
CREATE OR REPLACE FUNCTION wiredesk_unaccent(text) RETURNS text
    AS $$ SELECT public.unaccent('public.unaccent', $1) $$
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT;

ALTER TABLE "Article" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', wiredesk_unaccent("headline")), 'A') ||
    setweight(to_tsvector('simple', wiredesk_unaccent("bodyText")), 'B')
) STORED;

CREATE INDEX "Article_search_idx" ON "Article" USING GIN ("search");

-- PostgreSQL's insert triggers on "Article" and "ArticleTag" become one a
-- statement (transition tables). SQLite has row triggers only, and they cost
-- it far less (no PL/pgSQL, no plan a statement inside them). The migration
-- is kept by name so both stores list the same history.
SELECT 1;

-- SQLite's search index gains prefix indexes in this migration (search as
-- you type). PostgreSQL needs nothing: its GIN index on "search" answers a
-- prefix query ('bank:*') from the index's sorted terms. The migration is
-- kept by name so both stores list the same history.
SELECT 1;

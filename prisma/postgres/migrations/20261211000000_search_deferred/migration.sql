-- SQLite's full-text index is written by a trigger that bulk ingest defers to
-- one statement a batch. PostgreSQL's is a generated column whose GIN index
-- takes new rows into its pending list, so it has nothing to defer. The
-- migration is kept by name so both stores list the same history.
SELECT 1;

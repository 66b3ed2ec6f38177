-- SQLite's full-text index gains prefix indexes of 5 to 8 characters (the
-- queue's last word is a prefix). PostgreSQL's GIN index over "search" needs
-- no such option. The migration is kept by name so both stores list the same
-- history.
SELECT 1;

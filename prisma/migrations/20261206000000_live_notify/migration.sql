-- PostgreSQL's web instances are told of changes by a trigger and LISTEN.
-- SQLite has no notices between processes: each web process polls once for
-- all its tabs (lib/server/live/hub.ts). The migration is kept by name so
-- both stores list the same history.
SELECT 1;

-- Live updates without polling: each web instance LISTENs on one channel
-- (lib/server/live/hub.ts) and reads the changes once when told, for all its
-- open tabs. What the desk announces comes from new Article and AuditEntry
-- rows (lib/server/live/changes.ts): one notice per statement, sent at commit
-- (PostgreSQL folds equal notices of one transaction into one).
CREATE OR REPLACE FUNCTION wiredesk_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('wiredesk_changes', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Article_notify_change" AFTER INSERT ON "Article" FOR EACH STATEMENT EXECUTE FUNCTION wiredesk_notify_change();
CREATE TRIGGER "AuditEntry_notify_change" AFTER INSERT ON "AuditEntry" FOR EACH STATEMENT EXECUTE FUNCTION wiredesk_notify_change();

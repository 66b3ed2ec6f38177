// An audit log entry as the log pages show it (lib/server/audit-log.ts reads them).

export interface AuditView {
  id: number;
  at: Date;
  actor: string;
  userId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  articleId: number | null;
  before: unknown;
  after: unknown;
  /** An editorial action that can be reversed from the log. */
  undoable: boolean;
  /** The tag the entry is about, by its name now (its code kept for a title). */
  tag: { name: string; code: string } | null;
  /** The article's headline now; null when it has none or was deleted. */
  headline: string | null;
}

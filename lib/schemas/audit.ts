// The audit log as the desk shows it: its entries (lib/server/audit-log.ts reads them) and the answers of its routes.
import { z } from "zod";

/** POST /api/audit/:id/undo: the entry whose action was undone. */
export const auditUndone = z.object({ undone: z.number().int() });

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

// The audit log: every editorial action, who, when, what, before and after.
// One way to write it, so every entry has the same shape.
import type { Db } from "./db/client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Who acted: an editor, or the process acting for nobody ("cli", "demo", "upload"). */
export interface Actor {
  name: string;
  userId?: number;
}

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | number;
  articleId?: number;
  /** Snapshots, written as JSON; null when there was nothing before (or after). */
  before?: unknown;
  after?: unknown;
}

export function recordAudit(db: Db | Tx, actor: Actor, r: AuditRecord) {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  return db.auditEntry.create({
    data: {
      actor: actor.name,
      userId: actor.userId ?? null,
      action: r.action,
      entityType: r.entityType,
      entityId: String(r.entityId),
      articleId: r.articleId ?? null,
      before: json(r.before),
      after: json(r.after),
    },
  });
}

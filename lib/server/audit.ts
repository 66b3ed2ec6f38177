// The audit log: every editorial action, who, when, what, before and after.
// One way to write it, so every entry has the same shape.
import "server-only";
import type { Db } from "./db/client";
import { can, type Permission, type Role } from "../schemas/roles";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Who acts: a signed-in user (userId and role from their session), or the
 * process acting for nobody ("cli", "demo", "worker") with role "system".
 * Every operation in lib/server that changes the store takes one and checks
 * it with `authorize`, so the data layer refuses what a role may not do
 * whichever route, page or script calls it.
 */
export interface Actor {
  name: string;
  userId?: number;
  role: Role | "system";
}

export const systemActor = (name: string): Actor => ({ name, role: "system" });

export class ForbiddenError extends Error {
  readonly status = 403;
}

/** Throws ForbiddenError unless the actor's role allows the permission. */
export function authorize(actor: Actor, p: Permission): void {
  if (!can(actor.role, p)) throw new ForbiddenError(`${actor.role} may not ${p === "read" ? "read this" : `do ${p}`}`);
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

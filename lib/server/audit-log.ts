// Reading the audit log: per article (everyone who may read the article)
// and the whole log, filtered, for admins.
import type { z } from "zod";
import type { Db, Prisma } from "./db/client";
import { authorize, type Actor } from "./audit";
import type { auditFilters } from "../schemas/users";
import { canUndo } from "./audit-undo";

const PAGE = 100;

const shape = (e: { id: number; at: Date; actor: string; userId: number | null; action: string; entityType: string; entityId: string; articleId: number | null; before: string | null; after: string | null }) => ({
  id: e.id,
  at: e.at,
  actor: e.actor,
  userId: e.userId,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  articleId: e.articleId,
  before: e.before ? (JSON.parse(e.before) as unknown) : null,
  after: e.after ? (JSON.parse(e.after) as unknown) : null,
  undoable: canUndo(e.action) && e.before !== null,
});

export type AuditView = ReturnType<typeof shape>;

export async function articleAudit(db: Db, articleId: number, actor: Actor) {
  authorize(actor, "read");
  const rows = await db.auditEntry.findMany({ where: { articleId }, orderBy: { id: "desc" }, take: 50 });
  return rows.map(shape);
}

/** The log, newest first, a page of 100 before entry `before`. */
export async function findAudit(db: Db, f: z.infer<typeof auditFilters>, actor: Actor) {
  authorize(actor, "audit");
  const where: Prisma.AuditEntryWhereInput = {};
  if (f.user) where.userId = f.user;
  if (f.action) where.action = { startsWith: f.action };
  if (f.article) where.articleId = f.article;
  if (f.from || f.to) where.at = { ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}), ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) } : {}) };
  if (f.before) where.id = { lt: f.before };
  const rows = await db.auditEntry.findMany({ where, orderBy: { id: "desc" }, take: PAGE + 1 });
  return { items: rows.slice(0, PAGE).map(shape), next: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
}

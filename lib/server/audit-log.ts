// Reading the audit log: per article (everyone who may read the article)
// and the whole log, filtered, for admins.
import "server-only";
import type { z } from "zod";
import type { Db, Prisma } from "./db/client";
import { authorize, type Actor } from "./audit";
import type { auditFilters } from "../schemas/users";
import { canUndo } from "./audit-undo";
import type { AuditView } from "../schemas/audit";

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

type Row = Parameters<typeof shape>[0];

/** Where an entry is about a tag: its scheme and code (tag decisions) or its id (taxonomy changes). */
function tagRef(e: Row): { scheme: string; code: string } | { id: number } | null {
  if (e.entityType === "articleTag") {
    // "<articleId>:<scheme>:<code>", and codes hold colons themselves ("medtop:20000574").
    const [, scheme, ...code] = e.entityId.split(":");
    return scheme && code.length ? { scheme, code: code.join(":") } : null;
  }
  if (e.entityType === "tag" && /^\d+$/.test(e.entityId)) return { id: Number(e.entityId) };
  return null;
}

/**
 * The log names what it is about: the tag's name (its code kept for a title)
 * and the article's headline, as they are now, looked up for the whole page
 * at once. A tag or article since deleted leaves the raw reference.
 */
async function named(db: Db, rows: Row[]): Promise<AuditView[]> {
  const refs = rows.map(tagRef);
  const ids = [...new Set(refs.flatMap((r) => (r && "id" in r ? [r.id] : [])))];
  const codes = [...new Set(refs.flatMap((r) => (r && "code" in r ? [r.code] : [])))];
  const articleIds = [...new Set(rows.flatMap((e) => (e.articleId ? [e.articleId] : [])))];
  const [tags, articles] = await Promise.all([
    ids.length || codes.length
      ? db.tag.findMany({ where: { OR: [{ id: { in: ids } }, { code: { in: codes } }] }, select: { id: true, scheme: true, code: true, name: true } })
      : [],
    articleIds.length ? db.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, headline: true } }) : [],
  ]);
  const byId = new Map(tags.map((t) => [t.id, t]));
  const byCode = new Map(tags.map((t) => [`${t.scheme}:${t.code}`, t]));
  const headlines = new Map(articles.map((a) => [a.id, a.headline]));
  return rows.map((e, i) => {
    const r = refs[i];
    const t = r ? ("id" in r ? byId.get(r.id) : byCode.get(`${r.scheme}:${r.code}`)) : undefined;
    const fallback = r && "code" in r ? { name: r.code, code: r.code } : null;
    return {
      ...shape(e),
      tag: t ? { name: t.name, code: t.code } : fallback,
      headline: e.articleId ? (headlines.get(e.articleId) ?? null) : null,
    };
  });
}

export type { AuditView };

export async function articleAudit(db: Db, articleId: number, actor: Actor) {
  authorize(actor, "read");
  const rows = await db.auditEntry.findMany({ where: { articleId }, orderBy: { id: "desc" }, take: 50 });
  return named(db, rows);
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
  return { items: await named(db, rows.slice(0, PAGE)), next: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
}

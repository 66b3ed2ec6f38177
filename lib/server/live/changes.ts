// What changed in the store since a client last looked: new articles and
// audit entries (every editorial action and every ingest writes one). Read
// from the store, not from memory, so it works across several web instances.
import "server-only";
import type { Db } from "../db/client";
import type { LiveEvent } from "../../schemas/live";

/** Ids can commit out of order on PostgreSQL: look back this far and skip what was already sent. */
const LOOKBACK = 200;

export type { LiveEvent };

export interface LiveCursor {
  article: number;
  audit: number;
  seenArticles: Set<number>;
  seenAudit: Set<number>;
}

/** A cursor at "now": what is already in the store is not news. */
export async function openCursor(db: Db): Promise<LiveCursor> {
  const c: LiveCursor = { article: 0, audit: 0, seenArticles: new Set(), seenAudit: new Set() };
  const [a, e] = await Promise.all([
    db.article.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
    db.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
  ]);
  c.article = a?.id ?? 0;
  c.audit = e?.id ?? 0;
  await nextChanges(db, c); // marks the look-back window as seen
  return c;
}

function trim(seen: Set<number>, floor: number) {
  for (const id of seen) if (id <= floor) seen.delete(id);
}

/** Changes after the cursor, which moves on; undefined when nothing changed. */
export async function nextChanges(db: Db, c: LiveCursor): Promise<LiveEvent | undefined> {
  const [arts, audit] = await Promise.all([
    db.article.findMany({ where: { id: { gt: Math.max(0, c.article - LOOKBACK) } }, select: { id: true }, orderBy: { id: "asc" }, take: 1000 }),
    db.auditEntry.findMany({
      where: { id: { gt: Math.max(0, c.audit - LOOKBACK) } },
      select: { id: true, articleId: true, entityType: true, action: true },
      orderBy: { id: "asc" },
      take: 1000,
    }),
  ]);
  const fresh = arts.filter((a) => a.id > c.article || !c.seenArticles.has(a.id));
  const freshAudit = audit.filter((e) => e.id > c.audit || !c.seenAudit.has(e.id));
  for (const a of arts) c.seenArticles.add(a.id);
  for (const e of audit) c.seenAudit.add(e.id);
  c.article = Math.max(c.article, ...arts.map((a) => a.id));
  c.audit = Math.max(c.audit, ...audit.map((e) => e.id));
  trim(c.seenArticles, c.article - LOOKBACK);
  trim(c.seenAudit, c.audit - LOOKBACK);
  if (!fresh.length && !freshAudit.length) return undefined;
  const created = new Set(fresh.map((a) => a.id));
  const changed = new Set<number>();
  const entities = new Set<string>();
  for (const e of freshAudit) {
    // An arrival is reported from the Article rows (now or on the next look:
    // the two reads are not one snapshot), never as a change to an article.
    if (e.articleId && e.action !== "ingest.create") changed.add(e.articleId);
    if (e.entityType !== "article") entities.add(e.entityType);
  }
  return { articles: [...created], changed: [...changed], entities: [...entities] };
}

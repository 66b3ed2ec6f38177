// Per source, the share of its articles in the window that have an open
// (suggested) or confirmed duplicate link on either side: how much of what a
// source sends the desk has already seen.
import type { Db } from "../db/client";
import type { SourceDuplicateRate } from "../../schemas/dashboard";
import type { InRange } from "./in-range";

export async function duplicateRate(db: Db, inRange: InRange): Promise<SourceDuplicateRate[]> {
  if (inRange.bucket.size === 0) return [];
  const live = { in: ["suggested", "confirmed"] };
  const links = await db.duplicateLink.findMany({
    where: { state: live, OR: [{ articleId: { gte: inRange.minId } }, { otherId: { gte: inRange.minId } }] },
    select: { articleId: true, otherId: true },
  });
  const linked = new Set(links.flatMap((l) => [l.articleId, l.otherId]));
  const counts = new Map<number | null, { articles: number; duplicates: number }>();
  for (const [id, sourceId] of inRange.source) {
    const c = counts.get(sourceId) ?? { articles: 0, duplicates: 0 };
    c.articles++;
    if (linked.has(id)) c.duplicates++;
    counts.set(sourceId, c);
  }
  const ids = [...counts.keys()].filter((k) => k !== null);
  const names = new Map((await db.source.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]));
  return [...counts.entries()]
    .map(([sourceId, c]) => ({
      sourceId,
      name: sourceId === null ? "No source" : (names.get(sourceId) ?? `Source ${sourceId}`),
      ...c,
      rate: c.duplicates / c.articles,
    }))
    .sort((a, b) => b.rate - a.rate || b.articles - a.articles || a.name.localeCompare(b.name));
}

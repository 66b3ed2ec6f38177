// The places and topics the queue can be filtered by, with how many articles each has.
import type { Db } from "../db/client";

export async function filterOptions(db: Db) {
  const counts = await db.articleTag.groupBy({
    by: ["tagId"],
    where: { state: { not: "rejected" } },
    _count: { _all: true },
  });
  const tags = await db.tag.findMany({
    where: { id: { in: counts.map((c) => c.tagId) }, hidden: false },
    select: { id: true, scheme: true, code: true, name: true, parentId: true },
  });
  const n = new Map(counts.map((c) => [c.tagId, c._count._all]));
  const opt = (t: (typeof tags)[number]) => ({ code: t.code, name: t.name, count: n.get(t.id) ?? 0 });
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    places: tags.filter((t) => t.scheme === "iso3166").map(opt).sort(byName),
    // Top-level topics and newsroom tags: the choices an editor filters by.
    topics: tags.filter((t) => (t.scheme === "medtop" && t.parentId === null) || t.scheme === "newsroom").map(opt).sort(byName),
  };
}

// Puts the IPTC Media Topics into the store's Tag table once, level by level
// so that each concept can point at its parent. Admins' renames and hidden
// flags are never overwritten.
import "server-only";
import type { Db } from "../db/client";
import { MEDTOP_CONCEPTS } from "../../tagging/taxonomy";

export async function syncTaxonomy(db: Db): Promise<number> {
  const have = await db.tag.count({ where: { scheme: "medtop" } });
  if (have >= MEDTOP_CONCEPTS.length) return 0;
  const existing = new Map(
    (await db.tag.findMany({ where: { scheme: "medtop" }, select: { id: true, code: true } })).map((t) => [t.code, t.id]),
  );
  let created = 0;
  const levels = [...new Set(MEDTOP_CONCEPTS.map((c) => c.level))].sort((a, b) => a - b);
  for (const level of levels) {
    const missing = MEDTOP_CONCEPTS.filter((c) => c.level === level && !existing.has(c.qcode));
    if (missing.length === 0) continue;
    await db.tag.createMany({
      data: missing.map((c) => ({
        scheme: "medtop",
        code: c.qcode,
        name: c.short ?? c.label,
        officialName: c.label,
        parentId: c.parent ? (existing.get(c.parent) ?? null) : null,
        retired: c.retired,
      })),
    });
    created += missing.length;
    const rows = await db.tag.findMany({
      where: { scheme: "medtop", code: { in: missing.map((c) => c.qcode) } },
      select: { id: true, code: true },
    });
    for (const r of rows) existing.set(r.code, r.id);
  }
  return created;
}

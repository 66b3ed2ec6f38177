// Per source, the share of its articles in the window that have an open
// (suggested) or confirmed duplicate link on either side: how much of what a
// source sends the desk has already seen. From the kept hours (kept-hours.ts).
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import type { Db } from "../db/client";
import { readRows } from "../db/read-rows";
import type { SourceDuplicateRate } from "../../schemas/dashboard";
import type { WindowFigures } from "./kept-hours";

export async function duplicateRate(db: Db, figures: WindowFigures): Promise<SourceDuplicateRate[]> {
  const per = new Map<number | null, { articles: number; duplicates: number }>();
  for (const r of figures.rows) {
    if (r.dim !== "source") continue;
    const sourceId = r.key === "" ? null : Number(r.key);
    const c = per.get(sourceId) ?? { articles: 0, duplicates: 0 };
    c.articles += r.n;
    c.duplicates += r.dups;
    per.set(sourceId, c);
  }
  const ids = [...per.keys()].filter((id): id is number => id !== null);
  const names = new Map(
    ids.length
      ? (await readRows<{ id: unknown; name: string }>(db, Prisma.sql`SELECT s."id", s."name" FROM "Source" s WHERE s."id" IN (${Prisma.join(ids)})`)).map((s) => [
          Number(s.id),
          s.name,
        ])
      : [],
  );
  return [...per.entries()]
    .filter(([, c]) => c.articles > 0)
    .map(([sourceId, c]) => ({ sourceId, name: sourceId === null ? "No source" : (names.get(sourceId) ?? `Source ${sourceId}`), ...c, rate: c.duplicates / c.articles }))
    .sort((a, b) => b.rate - a.rate || b.articles - a.articles || a.name.localeCompare(b.name));
}

// Articles per topic or per place over the window: the top few tags by
// articles in the range, each a series, and the rest summed as "other".
// From the hours the store keeps counted (kept-hours.ts): counting over every
// article and tag row of the window took 7.4 s for 30 days at 1,000,000 articles.
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import type { Db } from "../db/client";
import { readRows } from "../db/read-rows";
import type { OverTime, TimeSeries } from "../../schemas/dashboard";
import type { Window } from "./in-range";
import { windowFigures, type WindowFigures } from "./kept-hours";

export const TOP_SERIES = 6;

type Kind = "topic" | "place";

/** The ids of hidden tags: kept sets hold them, the charts leave them out (a tag hidden since is left out at once). */
export async function hiddenTags(db: Db): Promise<Set<number>> {
  const rows = await readRows<{ id: unknown }>(db, Prisma.sql`SELECT g."id" FROM "Tag" g WHERE g."hidden"`);
  return new Set(rows.map((r) => Number(r.id)));
}

/** The chart of one kind from the window's figures (windowFigures), without the hidden tags. */
export async function articlesOverTime(db: Db, w: Window, kind: Kind, top = TOP_SERIES, figures?: WindowFigures, hidden?: Set<number>): Promise<OverTime> {
  const f = figures ?? (await windowFigures(db, w));
  const h = hidden ?? (await hiddenTags(db));
  const sets = f.rows
    .filter((r) => r.dim === kind)
    .map((r) => ({ bucket: r.bucket, tags: r.key === "" ? [] : r.key.split(",").map(Number).filter((t) => !h.has(t)), n: r.n }));
  if (f.rows.length === 0) return { series: [], points: w.buckets.map((b) => ({ start: b.toISOString() })), untagged: 0 };
  const totals = new Map<number, number>();
  for (const s of sets) for (const t of s.tags) totals.set(t, (totals.get(t) ?? 0) + s.n);
  const names = new Map<number, { code: string; name: string }>();
  if (totals.size) {
    for (const g of await readRows<{ id: unknown; code: string; name: string }>(
      db,
      Prisma.sql`SELECT g."id", g."code", g."name" FROM "Tag" g WHERE g."id" IN (${Prisma.join([...totals.keys()])})`,
    ))
      names.set(Number(g.id), { code: g.code, name: g.name });
  }
  // Ranked here rather than in SQL: ties go by name as JavaScript compares names, not as either store collates them.
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || names.get(a[0])!.name.localeCompare(names.get(b[0])!.name));
  const chosen = ranked.slice(0, top);
  const keyOf = new Map(chosen.map(([id], i) => [id, `s${i}`]));

  const points = w.buckets.map((b) => {
    const p: { start: string } & Record<string, number | string> = { start: b.toISOString() };
    for (const k of keyOf.values()) p[k] = 0;
    if (ranked.length > top) p.other = 0;
    return p;
  });
  let other = 0;
  let untagged = 0;
  for (const s of sets) {
    if (s.tags.length === 0) {
      untagged += s.n;
      continue;
    }
    const p = points[s.bucket];
    if (!p) continue;
    const keys = s.tags.flatMap((t) => keyOf.get(t) ?? []);
    // An article with two chosen tags counts under both; one with only lesser tags, once under "other".
    for (const k of keys) p[k] = (p[k] as number) + s.n;
    if (keys.length === 0) {
      p.other = (p.other as number) + s.n;
      other += s.n;
    }
  }
  const series: TimeSeries[] = chosen.map(([id, total]) => ({ key: keyOf.get(id)!, code: names.get(id)!.code, name: names.get(id)!.name, total }));
  if (ranked.length > top) series.push({ key: "other", code: null, name: kind === "topic" ? "Other topics" : "Other places", total: other });
  return { series, points, untagged };
}

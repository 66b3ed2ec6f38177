// Articles per topic or per place over the window: the top few tags by
// articles in the range, each a series, and the rest summed as "other".
import type { Db, Prisma } from "../db/client";
import { storyTag } from "../tags/story-tag";
import type { OverTime, TimeSeries } from "../../schemas/dashboard";
import type { InRange, Window } from "./in-range";

export const TOP_SERIES = 6;
const SLICE = 500;

const kinds = {
  // Top-level IPTC topics and newsroom tags: the choices the queue filters by.
  topic: { AND: [{ hidden: false }, { OR: [{ scheme: "medtop", parentId: null }, { scheme: "newsroom" }] }] },
  place: { scheme: "iso3166", hidden: false },
} satisfies Record<string, Prisma.TagWhereInput>;

export async function articlesOverTime(
  db: Db,
  w: Window,
  inRange: InRange,
  kind: keyof typeof kinds,
  top = TOP_SERIES,
): Promise<OverTime> {
  const empty = w.buckets.map((b) => ({ start: b.toISOString() }));
  if (inRange.bucket.size === 0) return { series: [], points: empty, untagged: 0 };
  // The tags this chart counts.
  const names = new Map((await db.tag.findMany({ where: kinds[kind], select: { id: true, code: true, name: true } })).map((t) => [t.id, t]));
  // Asked by article id, in slices: the (articleId, tagId) index finds a window's
  // tags directly, and no query carries more ids than a store takes. Not also
  // "tagId in (...)": the planner then walks each tag's rows of all time.
  const ids = [...inRange.bucket.keys()];
  const rows: { articleId: number; tagId: number }[] = [];
  for (let i = 0; i < ids.length; i += SLICE) {
    rows.push(
      ...(await db.articleTag.findMany({
        where: {
          AND: [
            { articleId: { in: ids.slice(i, i + SLICE) } },
            // The rule is the same for topics and newsroom tags; places have their own.
            storyTag(kind === "place" ? "iso3166" : "medtop"),
          ],
        },
        select: { articleId: true, tagId: true },
      })),
    );
  }
  const byArticle = new Map<number, number[]>();
  const totals = new Map<number, number>();
  for (const r of rows) {
    if (!names.has(r.tagId)) continue;
    const tags = byArticle.get(r.articleId) ?? [];
    tags.push(r.tagId);
    byArticle.set(r.articleId, tags);
    totals.set(r.tagId, (totals.get(r.tagId) ?? 0) + 1);
  }
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
  for (const [articleId, tags] of byArticle) {
    const p = points[inRange.bucket.get(articleId)!]!;
    const keys = tags.map((t) => keyOf.get(t)).filter((k) => k !== undefined);
    // An article with two chosen tags counts under both; one with only lesser tags, once under "other".
    for (const k of keys) p[k] = (p[k] as number) + 1;
    if (keys.length === 0) {
      p.other = (p.other as number) + 1;
      other++;
    }
  }
  const series: TimeSeries[] = chosen.map(([id, total]) => ({ key: keyOf.get(id)!, code: names.get(id)!.code, name: names.get(id)!.name, total }));
  if (ranked.length > top) series.push({ key: "other", code: null, name: kind === "topic" ? "Other topics" : "Other places", total: other });
  return { series, points, untagged: inRange.bucket.size - byArticle.size };
}

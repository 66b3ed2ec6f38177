// The dashboard's window of time and the articles in it. An article's story
// time is when it was first published, or when it arrived if the input gave
// no date or a date after arrival (a feed's clock can run ahead): so every
// article falls in exactly one bucket, and a dated archive lands where it belongs.
import type { Db, Prisma } from "../db/client";
import type { DashboardRange } from "../../schemas/dashboard";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Window {
  range: DashboardRange;
  unit: "hour" | "day";
  /** Bucket starts, oldest first; the last bucket is the current hour or day (UTC). */
  buckets: Date[];
  from: Date;
  to: Date;
}

export function rangeWindow(range: DashboardRange, now: Date): Window {
  const unit = range === "24h" ? "hour" : "day";
  const width = unit === "hour" ? HOUR : DAY;
  const count = range === "24h" ? 24 : range === "7d" ? 7 : 30;
  const current = Math.floor(now.getTime() / width) * width;
  const buckets = Array.from({ length: count }, (_, i) => new Date(current - (count - 1 - i) * width));
  return { range, unit, buckets, from: buckets[0]!, to: new Date(current + width) };
}

/** Which bucket a time falls in, or -1 outside the window. */
export function bucketOf(w: Window, t: Date): number {
  if (t < w.from || t >= w.to) return -1;
  return Math.floor((t.getTime() - w.from.getTime()) / (w.unit === "hour" ? HOUR : DAY));
}

export function storyTime(a: { firstCreated: Date | null; ingestedAt: Date }): Date {
  return a.firstCreated && a.firstCreated <= a.ingestedAt ? a.firstCreated : a.ingestedAt;
}

/**
 * Articles that may fall in the window. A story time is never later than the
 * arrival, so every article in the window arrived after it opened: one range
 * scan of the ingestedAt index. The story time decides the rest, in TypeScript.
 */
export const candidates = (w: Window): Prisma.ArticleWhereInput => ({ ingestedAt: { gte: w.from } });

export interface InRange {
  /** Article id to its bucket. */
  bucket: Map<number, number>;
  /** Article id to its source id (null without one). */
  source: Map<number, number | null>;
  /** The smallest id among them, to bound the queries that follow (meaningless when there are none). */
  minId: number;
}

/** The articles whose story time falls in the window, fetched as ids and times only. */
export async function articlesInRange(db: Db, w: Window): Promise<InRange> {
  const rows = await db.article.findMany({
    where: candidates(w),
    select: { id: true, sourceId: true, firstCreated: true, ingestedAt: true },
  });
  const bucket = new Map<number, number>();
  const source = new Map<number, number | null>();
  let minId = Number.MAX_SAFE_INTEGER;
  for (const r of rows) {
    const b = bucketOf(w, storyTime(r));
    if (b < 0) continue;
    bucket.set(r.id, b);
    source.set(r.id, r.sourceId);
    minId = Math.min(minId, r.id);
  }
  return { bucket, source, minId };
}

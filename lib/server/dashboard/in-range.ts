// The dashboard's window of time and the articles in it. An article's story
// time is when it was first published, or when it arrived if the input gave
// no date or a date after arrival (a feed's clock can run ahead): so every
// article falls in exactly one bucket, and a dated archive lands where it belongs.
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import { dbKind, type Db } from "../db/client";
import { readRows } from "../db/read-rows";
import { instant } from "../articles/article-sql";
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

/** storyTime over "Article" a. A null firstCreated fails the comparison and takes the arrival. */
const STORY_TIME_SQL = Prisma.sql`CASE WHEN a."firstCreated" <= a."ingestedAt" THEN a."firstCreated" ELSE a."ingestedAt" END`;

/**
 * "Article" a's story time falls in the window. A story time is never later
 * than the arrival, so every such article arrived after the window opened:
 * the ingestedAt bound is one range scan of its index, the story time decides the rest.
 */
export function inWindowSql(db: Db, w: Window): Prisma.Sql {
  const from = instant(db, w.from);
  return Prisma.sql`a."ingestedAt" >= ${from} AND ${STORY_TIME_SQL} >= ${from} AND ${STORY_TIME_SQL} < ${instant(db, w.to)}`;
}

/**
 * The smallest id among the articles that arrived since the window opened
 * (null: none did), a lower bound on the ids of the window's articles. Ids
 * follow arrival, so it lets a scan of tag rows by (tagId, articleId) or of
 * links start at the window instead of walking them all. Read first, as a
 * value: as a subquery inside the statement, PostgreSQL planned the tag rows
 * without knowing it and read all of them. `+ 0` keeps PostgreSQL from
 * answering min() by walking the primary key from the oldest article.
 */
export async function firstIdSince(db: Db, w: Window): Promise<number | null> {
  const [r] = await readRows<{ id: unknown }>(db, Prisma.sql`SELECT min(m."id" + 0) AS "id" FROM "Article" m WHERE m."ingestedAt" >= ${instant(db, w.from)}`);
  return r?.id === null || r?.id === undefined ? null : Number(r.id);
}

/**
 * The bucket of "Article" a, as a key that bucketIndex reads: its story time
 * cut to the UTC hour or day. SQLite holds ISO text in UTC ("…T09:05:00.000+00:00"),
 * so a prefix is the bucket, exactly, with no date arithmetic; PostgreSQL truncates its timestamp.
 */
export function bucketKeySql(db: Db, w: Window): Prisma.Sql {
  if (dbKind(db) === "postgres") return w.unit === "hour" ? Prisma.sql`date_trunc('hour', ${STORY_TIME_SQL})` : Prisma.sql`date_trunc('day', ${STORY_TIME_SQL})`;
  return w.unit === "hour" ? Prisma.sql`substr(${STORY_TIME_SQL}, 1, 13)` : Prisma.sql`substr(${STORY_TIME_SQL}, 1, 10)`;
}

/** The bucket a key from bucketKeySql names (a Date on PostgreSQL, text on SQLite), or -1. */
export function bucketIndex(w: Window): (key: unknown) => number {
  const len = w.unit === "hour" ? 13 : 10;
  const cut = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, len);
  const index = new Map(w.buckets.map((b, i) => [cut(b), i]));
  return (key) => index.get(cut(key)) ?? -1;
}

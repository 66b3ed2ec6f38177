// The dashboard's window of time and the articles in it. An article's story
// time is when it was first published, or when it arrived if the input gave
// no date or a date after arrival (a feed's clock can run ahead): so every
// article falls in exactly one bucket, and a dated archive lands where it belongs.
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import type { DashboardRange } from "../../schemas/dashboard";

export const HOUR = 3_600_000;
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
export const STORY_TIME_SQL = Prisma.sql`CASE WHEN a."firstCreated" <= a."ingestedAt" THEN a."firstCreated" ELSE a."ingestedAt" END`;

// Shapes shared by the dashboard route, its server operations and its charts.
import { z } from "zod";

/** 24 hours by hour, 7 or 30 days by day. */
export const dashboardRange = z.enum(["24h", "7d", "30d"]);
export type DashboardRange = z.infer<typeof dashboardRange>;

export const dashboardParams = z.object({ range: dashboardRange.default("7d") });

export const RANGE_LABELS: Record<DashboardRange, string> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days" };

/** One series of a chart over time: a topic or place, or everything outside the top ones. */
export const timeSeries = z.object({
  /** The data key in each point: s0..sN, or "other". */
  key: z.string(),
  /** Tag code to filter the queue by; null for "other". */
  code: z.string().nullable(),
  name: z.string(),
  /** Articles in the whole range. */
  total: z.number().int().min(0),
});
export type TimeSeries = z.infer<typeof timeSeries>;

export const overTime = z.object({
  series: z.array(timeSeries),
  /** One point per bucket, oldest first: { start, <series key>: articles }. */
  points: z.array(z.object({ start: z.string() }).catchall(z.union([z.number(), z.string()]))),
  /** Articles in the range with none of the chart's tags. */
  untagged: z.number().int().min(0),
});
export type OverTime = z.infer<typeof overTime>;

export const sourceDuplicateRate = z.object({
  sourceId: z.number().int().nullable(),
  name: z.string(),
  articles: z.number().int().min(0),
  /** Articles with an open (suggested) or confirmed duplicate link. */
  duplicates: z.number().int().min(0),
  /** duplicates / articles, 0..1. */
  rate: z.number().min(0),
});
export type SourceDuplicateRate = z.infer<typeof sourceDuplicateRate>;

export const waiting = z.object({
  /** New (not yet reviewed) articles by how long ago they arrived. */
  newByAge: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int().min(0) })),
  newTotal: z.number().int().min(0),
  /** Duplicate links awaiting an editor, copies apart from rewrites. */
  openLinks: z.object({ copies: z.number().int().min(0), sameStory: z.number().int().min(0) }),
  /** Suggested tags (counted as the queue counts them) on new articles, and how many articles carry them. */
  suggestedTags: z.number().int().min(0),
  suggestedTagArticles: z.number().int().min(0),
});
export type Waiting = z.infer<typeof waiting>;

/** GET /api/dashboard's answer. */
export const dashboard = z.object({
  range: dashboardRange,
  /** Bucket width: an hour or a day, UTC. */
  unit: z.enum(["hour", "day"]),
  from: z.string(),
  to: z.string(),
  /** Articles whose story time falls in the range. */
  articles: z.number().int().min(0),
  topics: overTime,
  places: overTime,
  duplicateRate: z.array(sourceDuplicateRate),
  waiting,
});
export type Dashboard = z.infer<typeof dashboard>;

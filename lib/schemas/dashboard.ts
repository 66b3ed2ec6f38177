// Shapes shared by the dashboard route, its server operations and its charts.
import { z } from "zod";

/** 24 hours by hour, 7 or 30 days by day. */
export const dashboardRange = z.enum(["24h", "7d", "30d"]);
export type DashboardRange = z.infer<typeof dashboardRange>;

export const dashboardParams = z.object({ range: dashboardRange.default("7d") });

export const RANGE_LABELS: Record<DashboardRange, string> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days" };

/** One series of a chart over time: a topic or place, or everything outside the top ones. */
export interface TimeSeries {
  /** The data key in each point: s0..sN, or "other". */
  key: string;
  /** Tag code to filter the queue by; null for "other". */
  code: string | null;
  name: string;
  /** Articles in the whole range. */
  total: number;
}

export interface OverTime {
  series: TimeSeries[];
  /** One point per bucket, oldest first: { start, <series key>: articles }. */
  points: ({ start: string } & Record<string, number | string>)[];
  /** Articles in the range with none of the chart's tags. */
  untagged: number;
}

export interface SourceDuplicateRate {
  sourceId: number | null;
  name: string;
  articles: number;
  /** Articles with an open (suggested) or confirmed duplicate link. */
  duplicates: number;
  /** duplicates / articles, 0..1. */
  rate: number;
}

export interface Waiting {
  /** New (not yet reviewed) articles by how long ago they arrived. */
  newByAge: { key: string; label: string; count: number }[];
  newTotal: number;
  /** Duplicate links awaiting an editor, copies apart from rewrites. */
  openLinks: { copies: number; sameStory: number };
  /** Suggested tags (counted as the queue counts them) on new articles, and how many articles carry them. */
  suggestedTags: number;
  suggestedTagArticles: number;
}

export interface Dashboard {
  range: DashboardRange;
  /** Bucket width: an hour or a day, UTC. */
  unit: "hour" | "day";
  from: string;
  to: string;
  /** Articles whose story time falls in the range. */
  articles: number;
  topics: OverTime;
  places: OverTime;
  duplicateRate: SourceDuplicateRate[];
  waiting: Waiting;
}

// Shapes shared by the article routes, the server operations and the UI.
import { z } from "zod";
import { idNumber, queryId, queryIdOrZero } from "./ids";
import { MENTION_TAG_CONFIDENCE } from "../tagging/thresholds";
import { workflowStatus } from "./workflow";

export const timeRange = z.enum(["1h", "today", "24h", "7d", "30d"]);
export const TIME_RANGES: Record<z.infer<typeof timeRange>, string> = {
  "1h": "Last hour",
  today: "Today (UTC)",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};

/** The instant a time preset starts at, relative to now. */
export function rangeStart(range: z.infer<typeof timeRange>, now = new Date()): Date {
  if (range === "today") return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const hours = { "1h": 1, "24h": 24, "7d": 24 * 7, "30d": 24 * 30 }[range];
  return new Date(now.getTime() - hours * 3_600_000);
}

export const articleListParams = z.object({
  status: workflowStatus.optional(),
  /** Full-text search over headline and body. */
  q: z.string().trim().max(200).optional(),
  /** ISO 3166-1 alpha-2 country the story is tagged with (suggested or accepted). */
  place: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** A topic or newsroom tag code: medtop:16000000, newsroom:fan-protests. */
  topic: z.string().regex(/^(medtop:\d{8}|newsroom:[\w-]+)$/).optional(),
  /** A source by id ("12") or by exact name ("Reuters"). */
  source: z.string().trim().min(1).max(200).optional(),
  /** Arrived (ingestedAt) at or after this instant, ISO 8601. */
  since: z.iso.datetime({ offset: true }).optional(),
  /** Arrived (ingestedAt) before this instant, ISO 8601. */
  until: z.iso.datetime({ offset: true }).optional(),
  /** A time window ending now, on arrival time: the UI's quick presets. "today" starts at midnight UTC. */
  range: timeRange.optional(),
  /** Only articles with ("yes") or without ("no") an open or confirmed duplicate link, either direction. */
  duplicates: z.enum(["yes", "no"]).optional(),
  /** One row a story (the default), or every article as it arrived. */
  view: z.enum(["stories", "articles"]).optional(),
  /** Only articles that arrived after this one: the "new arrivals" count. */
  after: queryIdOrZero.optional(),
  /** Keyset cursor: the id of the last article of the previous page. */
  cursor: queryId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ArticleListParams = z.input<typeof articleListParams>;

/** The filters of the queue without paging: what the facet counts take. */
export const articleFilterParams = articleListParams.omit({ after: true, cursor: true, limit: true });
export type ArticleFilterParams = z.input<typeof articleFilterParams>;

export interface FacetCount {
  /** The value the filter takes: a status, a tag code, a source id, "yes"/"no". */
  value: string;
  label: string;
  count: number;
}

/** Counts per filter value, each dimension counted under every other active filter. */
export interface ArticleFacets {
  /** Articles matching every active filter. */
  total: number;
  status: FacetCount[];
  place: FacetCount[];
  topic: FacetCount[];
  source: FacetCount[];
  duplicates: FacetCount[];
}

export interface TagChip {
  rel: string | null;
  scheme: string;
  code: string;
  name: string;
  state: string;
  origin: string;
  confidence: number;
}

/**
 * The tags worth a glance in the queue: decided ones, the places a story is
 * about (main, or strong mentions) and the likely topics. The queue's rows
 * carry only these (an article holds many weak mentions besides).
 */
export function isQueueChip(t: Pick<TagChip, "state" | "scheme" | "rel" | "confidence">): boolean {
  if (t.state === "rejected") return false;
  return t.state === "accepted" || (t.scheme === "iso3166" ? t.rel === "main" || t.confidence >= MENTION_TAG_CONFIDENCE : t.confidence >= LIKELY_TOPIC_CONFIDENCE);
}

/** A suggested topic at least this likely shows in the queue (isQueueChip). */
export const LIKELY_TOPIC_CONFIDENCE = 0.5;

export interface ArticleListItem {
  id: number;
  uri: string;
  headline: string;
  source: string | null;
  dateline: string | null;
  status: string;
  /** Bumped on every change; a status write names the version the editor saw. */
  version: number;
  /** When the story was first published, else when it arrived. */
  publishedAt: string;
  ingestedAt: string;
  duplicates: number;
  tags: TagChip[];
  excerpt: string;
  /** The story this article stands for; null when it is alone. */
  storyId: number | null;
  /** Articles and sources carrying the story (1 and 1 for an article alone). */
  copies: number;
  sources: number;
  /** When the story was first seen, and when its newest copy arrived. */
  firstSeenAt: string;
  lastUpdatedAt: string;
}

export interface ArticlePage {
  items: ArticleListItem[];
  nextCursor: number | null;
  total: number;
}

export const statusChange = z.object({
  status: workflowStatus,
  /** The version the editor saw. */
  version: idNumber,
});

/** One status for a selection of articles, each with the version the editor saw. */
export const bulkStatusChange = z.object({
  status: workflowStatus,
  items: z
    .array(z.object({ id: idNumber, version: idNumber }))
    .min(1)
    .max(500),
  /** Each item stands for its story: every copy of it takes the status too. */
  wholeStory: z.boolean().optional(),
});
export type BulkStatusChange = z.infer<typeof bulkStatusChange>;

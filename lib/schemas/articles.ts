// Shapes shared by the article routes, the server operations and the UI.
import { z } from "zod";
import { idNumber, queryId, queryIdOrZero } from "./ids";
import { MENTION_TAG_CONFIDENCE } from "../tagging/thresholds";
import { tagOrigin, tagState, workflowStatus } from "./vocabulary";

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

/** Values a comma-separated filter may list (place=ES,FR): a bound on the query's size. */
export const MAX_FILTER_VALUES = 50;

/** A filter's values as listed: split on commas, trimmed, empty ones and repeats dropped. */
export function filterValues(raw: string | undefined): string[] {
  return raw ? [...new Set(raw.split(",").map((v) => v.trim()).filter(Boolean))] : [];
}

/**
 * One or several values, comma-separated, each checked by `valid`. The value
 * stays a string (the values joined again, cleaned), so the UI writes and
 * reads filters as strings; a bad value is named in the error.
 */
function valueList(what: string, valid: (v: string) => boolean) {
  return z
    .string()
    .max(2000)
    .transform((raw, ctx) => {
      const values = filterValues(raw);
      const bad = values.find((v) => !valid(v));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `${JSON.stringify(bad.slice(0, 60))} is not ${what}` });
        return z.NEVER;
      }
      if (values.length > MAX_FILTER_VALUES) {
        ctx.addIssue({ code: "custom", message: `at most ${MAX_FILTER_VALUES} values, not ${values.length}` });
        return z.NEVER;
      }
      return values.join(",");
    });
}

export const queueSort = z.enum(["arrived", "published"]);

/**
 * The keyset cursor of a page (opaque to the UI): the last row's id when
 * sorted by arrival ("1234", as before), its publication time and id when
 * sorted by publication ("p." and base64url JSON).
 */
export interface QueueCursor {
  id: number;
  /** The publication time as the store holds it; absent for the arrival order. */
  published?: string;
}

// base64url by hand: this module is imported by the browser too (no Buffer there); the text is ASCII.
const toBase64Url = (s: string) => btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fromBase64Url = (s: string) => atob(s.replace(/-/g, "+").replace(/_/g, "/"));

export function encodeCursor(c: QueueCursor): string {
  if (c.published === undefined) return String(c.id);
  return `p.${toBase64Url(JSON.stringify([c.published, c.id]))}`;
}

const cursorMessage = "is not a cursor from this queue (pass nextCursor as it came)";

/** An instant as the stores write it ("2026-11-02T09:30:01.123+00:00", "…Z"), and a real one: the store would fail on 2026-02-30. */
function isInstant(t: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/.exec(t);
  const d = m ? new Date(t) : undefined;
  return !!d && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === m![1];
}

const decodedCursor = z.object({ id: idNumber, published: z.string().refine(isInstant).optional() });

/** A cursor as the URL carries it, or already read (server code passes parsed parameters on). */
export const queueCursor = z.union([z.number(), z.string(), decodedCursor]).transform((raw, ctx): QueueCursor => {
  if (typeof raw === "object") return raw;
  if (typeof raw === "number" || !raw.startsWith("p.")) {
    const id = queryId.safeParse(raw);
    if (id.success) return { id: id.data };
  } else {
    try {
      const v: unknown = JSON.parse(fromBase64Url(raw.slice(2)));
      if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && isInstant(v[0])) {
        const id = idNumber.safeParse(v[1]);
        if (id.success) return { id: id.data, published: v[0] };
      }
    } catch {
      // not JSON: refused below
    }
  }
  ctx.addIssue({ code: "custom", message: `${JSON.stringify(String(raw).slice(0, 40))} ${cursorMessage}` });
  return z.NEVER;
});

const PLACE = /^[A-Z]{2}$/;
const TOPIC = /^(medtop:\d{8}|newsroom:[\w-]+)$/;
const LANGUAGE = /^-?[a-z]{2,3}$/;

/** A language filter's values: the codes wanted, and those whose copy rules a row out ("-en"). */
export function languageValues(raw: string | undefined): { wanted: string[]; unwanted: string[] } {
  const values = filterValues(raw);
  return { wanted: values.filter((v) => !v.startsWith("-")), unwanted: values.filter((v) => v.startsWith("-")).map((v) => v.slice(1)) };
}

/** The queue's parameters, each on its own (the saved views and the page check them one by one). */
export const articleQueryFields = z.object({
  /** A workflow status, or "all" (the same as none: every status). */
  status: z.union([workflowStatus, z.literal("all")]).optional(),
  /** Full-text search over headline and body, in the syntax of lib/search/query.ts. */
  q: z.string().trim().max(200).optional(),
  /** ISO 3166-1 alpha-2 countries the story is tagged with (suggested or accepted), comma-separated: any of them. */
  place: valueList("an ISO 3166-1 alpha-2 country code (two capital letters, like ES)", (v) => PLACE.test(v)).optional(),
  /** Topic or newsroom tag codes, comma-separated, any of them: medtop:16000000, newsroom:fan-protests. */
  topic: valueList("a topic code (medtop: and 8 digits, or newsroom: and a name)", (v) => TOPIC.test(v)).optional(),
  /**
   * Sources by id ("12") or by exact name ("Reuters"), comma-separated, any of
   * them. A name that itself holds a comma is still found when given alone.
   */
  source: z.string().trim().min(1).max(2000).refine((v) => filterValues(v).length > 0 && filterValues(v).length <= MAX_FILTER_VALUES, {
    message: `one to ${MAX_FILTER_VALUES} source ids or names, comma-separated`,
  }).optional(),
  /**
   * Languages (ISO 639-1 codes, lower case), comma-separated: rows with copy in
   * any of them. A code after a minus leaves rows out: by story, "-en" is the
   * stories with no English copy yet; by article, the articles not in English.
   */
  language: valueList("a language code (ISO 639-1, like es), or one after a minus (-en) to leave it out", (v) => LANGUAGE.test(v)).optional(),
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
  /** Newest arrival first (the default, by id), or newest publication time first (id breaks ties). */
  sort: queueSort.optional(),
  /** Only articles that arrived after this one (id), whatever the sort: the "new arrivals" count. */
  after: queryIdOrZero.optional(),
  /** Keyset cursor: the previous page's nextCursor. */
  cursor: queueCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A cursor holds the position in one order: it cannot page the other. */
export function cursorFitsSort(p: { cursor?: QueueCursor; sort?: z.infer<typeof queueSort> }, ctx: z.RefinementCtx) {
  if (p.cursor && (p.cursor.published !== undefined) !== (p.sort === "published")) {
    ctx.addIssue({ code: "custom", path: ["cursor"], message: `is a cursor of the ${p.cursor.published !== undefined ? "publication" : "arrival"} order, not of sort=${p.sort ?? "arrived"}` });
  }
}

export const articleListParams = articleQueryFields.superRefine(cursorFitsSort);
export type ArticleListParams = z.input<typeof articleListParams>;

/** The filters of the queue without paging: what the facet counts take (the sort is accepted and changes no count). */
export const articleFilterParams = articleQueryFields.omit({ after: true, cursor: true, limit: true });
export type ArticleFilterParams = z.input<typeof articleFilterParams>;

/**
 * True when the store keeps the filter bar's counts for these filters at write
 * time (decision 022): no filter but status and view. Such counts cost the
 * server a read of a few hundred rows, so the desk may ask for them as often as
 * copy arrives; any other filter is counted over the articles it chooses.
 */
export function countsKept(f: { q?: string; place?: string; topic?: string; source?: string; language?: string; duplicates?: string; since?: string; until?: string; range?: string }): boolean {
  return !f.q && !f.place && !f.topic && !f.source && !f.language && !f.duplicates && !f.since && !f.until && !f.range;
}

export const facetCount = z.object({
  /** The value the filter takes: a status, a tag code, a source id, "yes"/"no". */
  value: z.string(),
  label: z.string(),
  count: z.number().int().min(0),
});
export type FacetCount = z.infer<typeof facetCount>;

/** Counts per filter value, each dimension counted under every other active filter (GET /api/articles/facets). */
export const articleFacets = z.object({
  /** Articles matching every active filter. */
  total: z.number().int().min(0),
  status: z.array(facetCount),
  place: z.array(facetCount),
  topic: z.array(facetCount),
  source: z.array(facetCount),
  duplicates: z.array(facetCount),
});
export type ArticleFacets = z.infer<typeof articleFacets>;

export const tagChip = z
  .object({
    rel: z.enum(["main", "mentioned"]).nullable().describe("For a place: the story's place (main) or only named in it; null for topics"),
    scheme: z.string().describe("medtop, iso3166, region or newsroom"),
    code: z.string(),
    name: z.string(),
    state: tagState,
    origin: tagOrigin,
    confidence: z.number().min(0).max(1),
  })
  .meta({ id: "TagChip" });
export type TagChip = z.infer<typeof tagChip>;

/**
 * The tags worth a glance in the queue: decided ones, the places a story is
 * about (main, or strong mentions) and the likely topics. The queue's rows
 * carry only these (an article holds many weak mentions besides).
 */
export function isQueueChip(t: { state: string; scheme: string; rel: string | null; confidence: number }): boolean {
  if (t.state === "rejected") return false;
  return t.state === "accepted" || (t.scheme === "iso3166" ? t.rel === "main" || t.confidence >= MENTION_TAG_CONFIDENCE : t.confidence >= LIKELY_TOPIC_CONFIDENCE);
}

/** A suggested topic at least this likely shows in the queue (isQueueChip). */
export const LIKELY_TOPIC_CONFIDENCE = 0.5;

/**
 * The queue row's chips, in the order it shows them (it has room for two or
 * three): decided tags first, then what the story is about, its main place
 * and its likeliest topic, then the rest by confidence. By confidence alone a
 * place the story only mentions ("Russia" in a Ukrainian front-line story)
 * came before the topic, and the topic never showed.
 */
export function queueChips<T extends Pick<TagChip, "state" | "scheme" | "rel" | "confidence" | "name">>(tags: T[]): T[] {
  const chips = tags.filter(isQueueChip);
  const isPlace = (t: T) => t.scheme === "iso3166" || t.scheme === "region";
  const topTopic = chips.filter((t) => !isPlace(t)).reduce<T | undefined>((best, t) => (best && best.confidence >= t.confidence ? best : t), undefined);
  const about = (t: T) => t === topTopic || (t.scheme === "iso3166" && t.rel === "main");
  return chips
    .sort((x, y) => Number(y.state === "accepted") - Number(x.state === "accepted") || Number(about(y)) - Number(about(x)) || y.confidence - x.confidence)
    // A narrower topic can share its broader topic's short name ("economy"): one chip is enough.
    .filter((t, i, all) => all.findIndex((o) => o.name === t.name) === i)
    .slice(0, 4);
}

const isoTime = z.iso.datetime().describe("An instant, ISO 8601 in UTC");

export const articleListItem = z
  .object({
    id: z.number().int(),
    uri: z.string(),
    headline: z.string(),
    source: z.string().nullable(),
    dateline: z.string().nullable(),
    language: z.string().nullable().describe("The article's language, ISO 639-1 (its label checked against the text, or detected); null when unknown"),
    languages: z.array(z.string()).describe("The languages of the story's copies (the article's own when it is alone), in code order"),
    status: workflowStatus,
    version: z.number().int().describe("Bumped on every change; a status write names the version the editor saw"),
    publishedAt: isoTime.describe("When the story was first published, else when it arrived"),
    ingestedAt: isoTime,
    duplicates: z.number().int().describe("Open and confirmed duplicate links, either side"),
    tags: z.array(tagChip).describe("The tags worth a glance: decided ones, the story's places and its likely topics"),
    excerpt: z.string().describe("The body's start; with a search, the passage around the first match in the body (… where cut)"),
    storyId: z.number().int().nullable().describe("The story this article stands for; null when it is alone"),
    copies: z.number().int().describe("Articles carrying the story (1 for an article alone)"),
    sources: z.number().int().describe("Sources carrying the story (1 for an article alone)"),
    firstSeenAt: isoTime.describe("When the story was first seen"),
    lastUpdatedAt: isoTime.describe("When the story's newest copy arrived"),
  })
  .meta({ id: "QueueItem" });
export type ArticleListItem = z.infer<typeof articleListItem>;

export const articlePage = z
  .object({
    items: z.array(articleListItem),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last. Opaque: its form depends on the sort"),
    total: z.number().int().describe("Rows matching the filters, across every page"),
    newest: z
      .number()
      .int()
      .describe("The newest article id in the store when the page was read: `after` for counting what arrived since, whatever the sort"),
    highlight: z
      .array(z.string())
      .optional()
      .describe("With a search: the words, phrases and word starts it matched, its own and their other forms and names, to mark in headlines and excerpts"),
  })
  .meta({ id: "QueuePage" });
export type ArticlePage = z.infer<typeof articlePage>;

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

/** What a status write for a selection or a story did, article by article. */
export const bulkStatusResult = z
  .object({
    changed: z
      .array(z.object({ id: z.number().int(), from: workflowStatus.describe("The status before, for undo"), version: z.number().int().describe("The version to name in a later write") }))
      .describe("Changed, or already in that status"),
    refused: z
      .array(
        z.object({
          id: z.number().int(),
          reason: z.string(),
          current: z.object({ status: workflowStatus.optional(), version: z.number().int() }).optional().describe("The article as it is now, when it changed meanwhile"),
        }),
      )
      .describe("Not changed, and why"),
  })
  .meta({ id: "StatusResult" });
export type BulkStatusResult = z.infer<typeof bulkStatusResult>;

/** An article's status after a write. */
export const articleStatus = z
  .object({ id: z.number().int(), status: workflowStatus, version: z.number().int().describe("Name this version in the next write") })
  .meta({ id: "ArticleStatus" });

// Shapes shared by the source routes, the server operations and the sources page.
import { z } from "zod";

/** A default tag: an IPTC topic or newsroom tag code, or an ISO 3166-1 alpha-2 country. */
export const tagCode = z
  .string()
  .trim()
  .regex(/^(medtop:\d{8}|newsroom:[\w-]+|[A-Z]{2})$/, "expected a topic code (medtop:04000000), a newsroom tag (newsroom:x) or a country code (ES)");

export const feedUrl = z
  .string()
  .trim()
  .max(2000)
  .url("not a valid URL")
  .refine((u) => /^https?:\/\//i.test(u), "only http and https feeds can be polled");

export const sourceInput = z.object({
  name: z.string().trim().min(1, "a name is required").max(200),
  feedUrl,
  defaultTags: z.array(tagCode).max(20).default([]),
  /** Minutes between polls: 1 minute to 1 day. */
  pollMinutes: z.coerce.number().int().min(1).max(1440).default(15),
  enabled: z.boolean().default(true),
});
export type SourceInput = z.input<typeof sourceInput>;

export const sourceUpdate = sourceInput.partial();
export type SourceUpdate = z.input<typeof sourceUpdate>;

const instant = z.string().nullable().describe("ISO 8601, or null when it has not happened");

/** A polled feed with its health, as the sources page and GET /api/v1/sources show it. */
export const sourceView = z
  .object({
    id: z.number().int(),
    name: z.string(),
    feedUrl: z.string(),
    url: z.string().nullable().describe("The publisher's site, when the feed names one"),
    enabled: z.boolean(),
    pollMinutes: z.number().int().min(1),
    defaultTags: z.array(z.object({ code: z.string(), name: z.string() })).describe("Tags every item from this feed gets"),
    lastPolledAt: instant,
    lastSuccessAt: instant,
    lastError: z.string().nullable(),
    lastErrorAt: instant,
    failureCount: z.number().int().min(0).describe("Failed polls in a row"),
    nextPollAt: instant.describe("When the worker polls it next; null: at once"),
    itemsPerDay: z.number().min(0).describe("Articles from this feed per day, over the last 7 days"),
    totalItems: z.number().int().min(0),
  })
  .meta({ id: "Source" });
export type SourceView = z.infer<typeof sourceView>;

/** The feeds, as GET /api/sources and GET /api/v1/sources list them. */
export const sourceList = z.object({ items: z.array(sourceView) });

/** POST /api/sources (a feed added) and PATCH /api/sources/:id (changed; with its enabled flag). */
export const sourceSaved = z.object({ id: z.number().int(), name: z.string(), enabled: z.boolean().optional() });

/** POST /api/sources/:id/poll: the feed is due at once. */
export const pollQueued = z.object({ queued: z.literal(true) });

/** POST /api/sources/opml: what an OPML import did. */
export const opmlImportReport = z.object({
  added: z.array(z.object({ id: z.number().int(), name: z.string(), feedUrl: z.string() })),
  /** Feeds already polled, by URL. */
  existing: z.array(z.string()),
  errors: z.array(z.object({ location: z.string(), message: z.string() })),
});
export type OpmlImportReport = z.infer<typeof opmlImportReport>;

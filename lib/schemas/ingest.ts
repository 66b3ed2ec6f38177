// What an ingest run answers (the upload page, POST /api/v1/ingest and the
// CLI's report), as zod schemas: the server's types are derived from them,
// and the OpenAPI document is generated from them. Pure.
import { z } from "zod";

const count = z.number().int().min(0);

export const ingestCounts = z
  .object({
    new: count.describe("Articles stored for the first time"),
    updated: count.describe("Stored articles a newer version replaced"),
    duplicates: count.describe("Duplicate links the new articles got"),
    skipped: count.describe("Items already stored as they are"),
    failed: count.describe("Items (or whole inputs) that could not be read or stored"),
  })
  .meta({ id: "IngestCounts" });

export const ingestItemError = z
  .object({
    location: z.string().describe('Where in its input: "item 3", "line 40", or "file" for the whole input'),
    message: z.string(),
  })
  .meta({ id: "IngestItemError" });

export const ingestOutcome = z.enum(["new", "updated", "skipped", "failed"]);

export const ingestItem = z
  .object({
    location: z.string().describe('Where the item stands in its input ("item 3", "line 40", "file")'),
    headline: z.string().optional(),
    outcome: ingestOutcome,
    articleId: z.number().int().optional().describe("The stored article; for a skipped item, the one already stored"),
    storyId: z.number().int().optional().describe("The story the article belongs to, when it has one"),
    links: z.number().int().min(1).optional().describe("A new article flagged as a copy: how many duplicate links it got"),
    reason: z.string().optional().describe("Why an item was skipped, or what failed"),
  })
  .meta({ id: "IngestItem" });

/** The formats the engine reads (lib/ingest/types.ts InputFormat): a format added there and missing here fails the type check (run-ingest.ts). */
export const ingestFormat = z.enum(["aggregator-page", "text", "rss", "atom", "json-feed", "ninjs", "csv", "html"]);

export const ingestInputReport = ingestCounts
  .extend({
    input: z.string().describe("The file name or URL"),
    format: ingestFormat.optional().describe("The format it was read as; absent when it could not be read at all"),
    errors: z.array(ingestItemError),
    items: z.array(ingestItem).optional().describe("Each item's outcome: those that could not be read first, then the others in input order"),
  })
  .meta({ id: "IngestInputReport" });

export const ingestReport = z
  .object({
    runId: z.number().int().describe("The ingest run, as the ingest page lists it"),
    inputs: z.array(ingestInputReport),
    totals: ingestCounts,
  })
  .meta({ id: "IngestReport" });

export type IngestCounts = z.infer<typeof ingestCounts>;
export type IngestItem = z.infer<typeof ingestItem>;
export type IngestInputReport = z.infer<typeof ingestInputReport>;
export type IngestReport = z.infer<typeof ingestReport>;

/** A default source name for items that name none. */
export const ingestSourceName = z.string().trim().max(200, "source: at most 200 characters");

/** The multipart form of an upload: files and/or a URL. */
export const ingestForm = z
  .object({
    files: z.array(z.file()).optional().describe("Files to ingest: feeds, ninjs, CSV, HTML pages or text, each up to the input limit"),
    url: z.url({ protocol: /^https?$/, message: "url must be an http or https address" }).optional().describe("A page or feed to fetch and ingest"),
    source: ingestSourceName.optional().describe("The source to file items under when they name none"),
  })
  .refine((f) => (f.files?.length ?? 0) > 0 || f.url !== undefined, { message: "choose at least one file or give a URL", path: ["files"] });

/**
 * ninjs as a JSON body: one item or an array of them. Each item is read on
 * its own, so the body is only checked for its outer shape here: an item the
 * engine cannot read is reported in the answer and costs that item alone.
 */
export const ninjsIngestBody = z
  .union([
    z.looseObject({}).describe("One ninjs item (1.x or 2.x; see NinjsItem for the fields Wiredesk writes and reads back)"),
    z.array(z.unknown().describe("A ninjs item")).min(1, "an empty array holds nothing to ingest"),
  ])
  .describe("One ninjs item or an array of them");

// A stored article as ninjs 2.x, as the export writes it (one per NDJSON
// line) and the ingest engine reads it back: the articles, their tags, links
// and stories come back in another store. Pure.
import { z } from "zod";
import { duplicateKind, linkState, tagOrigin, workflowStatus } from "./vocabulary";

const confidence = z.number().min(0).max(1);

export const ninjsDuplicate = z.object({
  uri: z.string().describe("The other article's uri"),
  kind: duplicateKind.describe("How this article relates to the other, read from this side"),
  score: z.number(),
  status: linkState,
});

export const ninjsItem = z
  .object({
    uri: z.string(),
    type: z.literal("text"),
    version: z.string().describe("The article's version in this store, bumped on every change"),
    headline: z.string(),
    body_text: z.string(),
    body_html: z.string().optional(),
    versioncreated: z.string().optional().describe("ISO 8601"),
    firstcreated: z.string().optional().describe("ISO 8601"),
    infosources: z.array(z.object({ name: z.string(), role: z.string().optional().describe('"credit" for a photo or wire credit; absent for the source') })),
    by: z.string().optional(),
    located: z.string().optional().describe("The dateline"),
    language: z.string().optional(),
    status: workflowStatus.describe("The desk's workflow status"),
    descriptions: z.array(z.object({ role: z.string(), value: z.string() })).optional(),
    links: z.array(z.object({ rel: z.string(), href: z.string() })).optional(),
    subjects: z
      .array(z.object({ uri: z.string().describe("An IPTC media topic URI, or a newsroom:… code"), name: z.string(), creator: tagOrigin, confidence, rel: z.string().optional() }))
      .describe("Topics, most confident first (rejected ones are left out)"),
    places: z
      .array(z.object({ code: z.string().describe("ISO 3166-1 alpha-2"), name: z.string(), creator: tagOrigin, confidence, rel: z.string().optional() }))
      .describe("Places, most confident first (rejected ones are left out)"),
    duplicates: z.array(ninjsDuplicate),
    altids: z
      .array(z.object({ role: z.string(), value: z.string() }))
      .optional()
      .describe("The story it belongs to (role wiredesk-story, the uri of the story's first article): ingesting the file groups the articles again"),
  })
  .meta({ id: "NinjsItem" });

export type NinjsItem = z.infer<typeof ninjsItem>;
export type NinjsDuplicate = z.infer<typeof ninjsDuplicate>;

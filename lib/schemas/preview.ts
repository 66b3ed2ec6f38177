// The reading pane's view of one article (GET /api/articles/:id, GET /api/v1/articles/:id).
import { z } from "zod";
import { duplicateKind, linkState, tagOrigin, tagState, workflowStatus } from "./workflow";

/** A word or phrase in the text that supports a tag. */
export const tagEvidence = z
  .object({
    text: z.string(),
    field: z.enum(["headline", "body", "dateline"]),
    start: z.number().int().optional().describe("Offset of the text in its field"),
    end: z.number().int().optional(),
  })
  .meta({ id: "TagEvidence" });
export type TagEvidence = z.infer<typeof tagEvidence>;

/** A tag with its evidence, as the tag panel shows it (its TagView). */
export const previewTag = z
  .object({
    tagId: z.number().int(),
    scheme: z.string().describe("medtop, iso3166, newsroom (regions are derived, listed apart)"),
    code: z.string(),
    name: z.string(),
    officialName: z.string().nullable().optional().describe("IPTC's own label, shown when two topics share a short name"),
    origin: tagOrigin,
    state: tagState,
    confidence: z.number().min(0).max(1),
    rel: z.enum(["main", "mentioned"]).nullable(),
    version: z.number().int().describe("The version the page saw; sent back so a change made meanwhile by someone else is not overwritten"),
    evidence: z.array(tagEvidence),
  })
  .meta({ id: "ArticleTag" });
export type PreviewTag = z.infer<typeof previewTag>;

export const articlePreview = z
  .object({
    id: z.number().int(),
    headline: z.string(),
    source: z.string().nullable(),
    byline: z.string().nullable(),
    dateline: z.string().nullable(),
    status: workflowStatus,
    version: z.number().int().describe("Name it in a status write"),
    publishedAt: z.iso.datetime(),
    ingestedAt: z.iso.datetime(),
    paragraphs: z.array(z.string()).describe("The body, paragraph by paragraph"),
    url: z.string().nullable(),
    storyId: z.number().int().nullable(),
    tags: z.array(previewTag),
    regions: z.array(z.string()).describe("Regions above its places (derived, never tagged alone)"),
    duplicates: z
      .array(
        z.object({
          id: z.number().int().describe("The link's id"),
          kind: duplicateKind.describe("Read from this article's side"),
          state: linkState,
          other: z.object({ id: z.number().int(), headline: z.string(), source: z.string().nullable() }),
        }),
      )
      .describe("Open and confirmed duplicate links, either direction"),
  })
  .meta({ id: "Article" });
export type ArticlePreview = z.infer<typeof articlePreview>;

// Stories: the articles that carry one story, as the store, the routes and the desk see them.
import { z } from "zod";
import { workflowStatus } from "./vocabulary";

/** How an article joined its story. */
export const storyKind = z.enum(["first", "copy", "rewrite", "update", "correction", "translation"]);
export type StoryKind = z.infer<typeof storyKind>;

export const STORY_KIND_LABEL: Record<StoryKind, string> = {
  first: "first copy",
  copy: "copy",
  rewrite: "rewrite",
  update: "update",
  correction: "correction",
  translation: "copy in another language",
};

/** The story kind a duplicate link makes, read from the newer article's side. */
export function storyKindOf(linkKind: string): StoryKind {
  if (linkKind === "same-story") return "rewrite";
  if (linkKind === "update" || linkKind === "correction" || linkKind === "translation") return linkKind;
  return "copy";
}

/** Versions stand for their story (its headline is the newest version's); plain copies and rewrites do not. */
export const isVersionKind = (k: string) => k === "first" || k === "update" || k === "correction";

/** How strongly a link ties two articles into one story: the best link decides which story a new article joins. */
export function linkStrength(kind: string): number {
  switch (kind) {
    case "exact":
      return 6;
    case "near":
      return 5;
    case "correction":
    case "update":
      return 4;
    case "contained":
      return 3;
    case "contains":
      return 2;
    default:
      return 1; // same-story: a rewrite
  }
}

/** Links strong enough to merge two stories when one article is a copy of both. */
export const mergesStories = (kind: string) => kind === "exact" || kind === "near" || kind === "update" || kind === "correction";

export const storyMove = z.object({
  articleId: z.number().int().positive(),
  /** "alone": out of its story, into a story of its own; a number: into that story. */
  to: z.union([z.literal("alone"), z.object({ article: z.number().int().positive() })]),
});

const isoTime = z.iso.datetime().describe("An instant, ISO 8601 in UTC");

export const storyMember = z
  .object({
    id: z.number().int(),
    headline: z.string(),
    source: z.string().nullable(),
    status: workflowStatus,
    version: z.number().int().describe("Name it in a status write"),
    kind: storyKind.describe("How it joined the story"),
    score: z.number().nullable().describe("How alike it is to the article it joined by"),
    reason: z.string().nullable().describe("Why it joined, for a person to read"),
    pinned: z.boolean().describe("An editor placed it: ingest does not move it"),
    lead: z.boolean().describe("It stands for the story in the queue (the newest version)"),
    publishedAt: isoTime,
    ingestedAt: isoTime,
    url: z.string().nullable(),
  })
  .meta({ id: "StoryMember" });
export type StoryMember = z.infer<typeof storyMember>;

/** What changed from one version of a story to the next, word by word; shared text is left out but for a little context. */
export const versionChange = z
  .object({
    from: z.number().int().describe("The earlier version's article"),
    to: z.number().int().describe("The newer version's article"),
    parts: z
      .array(z.object({ op: z.enum(["same", "added", "removed"]), text: z.string() }))
      .describe("Runs of the newer text: kept (context only, shortened), added or removed"),
    added: z.number().int().describe("Words added"),
    removed: z.number().int().describe("Words removed"),
  })
  .meta({ id: "VersionChange" });
export type VersionChange = z.infer<typeof versionChange>;

export const storyDetail = z
  .object({
    id: z.number().int().nullable().describe("null: an article alone (its story is itself)"),
    headline: z.string(),
    leadId: z.number().int().describe("The article that stands for the story (its newest version)"),
    firstId: z.number().int().describe("Who ran it first"),
    copies: z.number().int(),
    sources: z.number().int(),
    firstSeenAt: isoTime,
    lastUpdatedAt: isoTime,
    members: z.array(storyMember).describe("Oldest first: who ran it first, who copied or rewrote it, each update"),
    changes: z.array(versionChange),
  })
  .meta({ id: "Story" });
export type StoryDetail = z.infer<typeof storyDetail>;

/** POST /api/stories/move: the story the article is in now (null: alone). */
export const storyMoved = z.object({ storyId: z.number().int().nullable() });

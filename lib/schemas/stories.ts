// Stories: the articles that carry one story, as the store, the routes and the desk see them.
import { z } from "zod";

/** How an article joined its story. */
export const storyKind = z.enum(["first", "copy", "rewrite", "update", "correction"]);
export type StoryKind = z.infer<typeof storyKind>;

export const STORY_KIND_LABEL: Record<StoryKind, string> = {
  first: "first copy",
  copy: "copy",
  rewrite: "rewrite",
  update: "update",
  correction: "correction",
};

/** The story kind a duplicate link makes, read from the newer article's side. */
export function storyKindOf(linkKind: string): StoryKind {
  if (linkKind === "same-story") return "rewrite";
  if (linkKind === "update" || linkKind === "correction") return linkKind;
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

export interface StoryMember {
  id: number;
  headline: string;
  source: string | null;
  status: string;
  version: number;
  kind: StoryKind;
  score: number | null;
  reason: string | null;
  pinned: boolean;
  lead: boolean;
  publishedAt: string;
  ingestedAt: string;
  url: string | null;
}

/** What changed from one version of a story to the next, word by word; shared text is left out but for a little context. */
export interface VersionChange {
  from: number;
  to: number;
  /** Runs of the newer text: kept (context only, shortened), added or removed. */
  parts: { op: "same" | "added" | "removed"; text: string }[];
  added: number;
  removed: number;
}

export interface StoryDetail {
  /** null: an article alone (its story is itself). */
  id: number | null;
  headline: string;
  leadId: number;
  firstId: number;
  copies: number;
  sources: number;
  firstSeenAt: string;
  lastUpdatedAt: string;
  /** Oldest first: who ran it first, who copied or rewrote it, each update. */
  members: StoryMember[];
  changes: VersionChange[];
}

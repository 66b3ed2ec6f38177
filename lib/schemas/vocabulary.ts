// The desk's vocabularies, each written once: the store keeps them as strings
// (SQLite has no enums); the engines, server functions, routes and pages take
// them from here, with the words the desk shows for them. Pure (zod only).
import { z } from "zod";

/** An article's place in the workflow. */
export const workflowStatus = z.enum(["new", "reviewed", "spiked"]);
export type WorkflowStatus = z.infer<typeof workflowStatus>;
export const WORKFLOW_STATUS_LABEL: Record<WorkflowStatus, string> = { new: "New", reviewed: "Reviewed", spiked: "Spiked" };

/** Who put a tag on an article: the tagger, an editor, or the source's default tags. */
export const tagOrigin = z.enum(["machine", "editor", "source"]);
export type TagOrigin = z.infer<typeof tagOrigin>;
/** Who an imported tag may say made it (ninjs "creator"); a source's tags are the desk's own doing. */
export const tagCreator = tagOrigin.exclude(["source"]);
export type TagCreator = z.infer<typeof tagCreator>;

/** A tag's decision: suggested until an editor accepts or rejects it. */
export const tagState = z.enum(["suggested", "accepted", "rejected"]);
export type TagState = z.infer<typeof tagState>;

export const tagScheme = z.enum(["medtop", "iso3166", "region", "newsroom"]);
export type TagScheme = z.infer<typeof tagScheme>;
/** The schemes a tag is given in (by an editor, a source or an input); regions follow from places. */
export const givenScheme = tagScheme.exclude(["region"]);
export type GivenScheme = z.infer<typeof givenScheme>;

/** How one article copies another, read from the first one's side. */
export const duplicateKind = z.enum(["exact", "near", "contains", "contained", "same-story", "correction", "update", "translation"]);
export type DuplicateKind = z.infer<typeof duplicateKind>;
export const DUPLICATE_KIND_TEXT: Record<DuplicateKind, string> = {
  exact: "Exact copy: the same text once case, punctuation and spacing are set aside.",
  near: "Near copy: the same text with small edits.",
  contains: "The first copy holds the second whole or nearly whole.",
  contained: "The second copy holds the first whole or nearly whole.",
  "same-story": "Same story, rewritten: shared passages with different wording around them. Lower confidence.",
  correction: "Correction: the story re-sent with a fix (see what changed).",
  update: "Update: a later version of the story with new paragraphs.",
  translation: "Same story, other language: the same names and figures in copy written in another language.",
};

/** An editor's decision on a duplicate link. */
export const linkState = z.enum(["suggested", "confirmed", "dismissed"]);
export type LinkState = z.infer<typeof linkState>;
export const LINK_STATE_LABEL: Record<LinkState, string> = { suggested: "suggested", confirmed: "confirmed", dismissed: "not duplicates" };

/** contains/contained read from the other side of a link. */
export function reverseKind(kind: DuplicateKind): DuplicateKind {
  return kind === "contains" ? "contained" : kind === "contained" ? "contains" : kind;
}

/** The languages the desk offers to filter by: those of the beat (English, Spain, Ukraine and their neighbours). */
export const BEAT_LANGUAGES = ["en", "es", "uk", "ru", "fr", "de", "pt"] as const;

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** Whether a code names a language ("es" does, "zz" does not). */
export const isLanguageCode = (code: string) => languageNames.of(code) !== undefined;

/** A language's English name ("uk" is "Ukrainian"); the code itself when it names none. */
export function languageLabel(code: string): string {
  return languageNames.of(code) ?? code;
}

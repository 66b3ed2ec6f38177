// The vocabularies the store keeps as strings (SQLite has no enums).
import { z } from "zod";

export const workflowStatus = z.enum(["new", "reviewed", "spiked"]);
/** machine: the tagger suggested it; editor: added by hand; source: a polled feed's default tag, carried at ingest. */
export const tagOrigin = z.enum(["machine", "editor", "source"]);
export const tagState = z.enum(["suggested", "accepted", "rejected"]);
export const tagScheme = z.enum(["medtop", "iso3166", "region", "newsroom"]);
export const duplicateKind = z.enum(["exact", "near", "contains", "contained", "same-story", "correction", "update"]);
export const linkState = z.enum(["suggested", "confirmed", "dismissed"]);

/** contains/contained read from the other side of a link. */
export function reverseKind(kind: z.infer<typeof duplicateKind>): z.infer<typeof duplicateKind> {
  return kind === "contains" ? "contained" : kind === "contained" ? "contains" : kind;
}

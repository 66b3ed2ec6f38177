// What an ingest run reports (lib/server/ingest/run-ingest.ts), as the upload form shows it.
import type { ItemError } from "../ingest/types";

export interface Counts {
  new: number;
  updated: number;
  duplicates: number;
  skipped: number;
  failed: number;
}

export interface ItemReport {
  /** Where the item stands in its input ("item 3", "line 40", "file"). */
  location: string;
  headline?: string;
  outcome: "new" | "updated" | "skipped" | "failed";
  /** The stored article; for a skipped item, the one already stored. */
  articleId?: number;
  /** The story the article belongs to, when it has one. */
  storyId?: number;
  /** A new article flagged as a copy: how many duplicate links it got. */
  links?: number;
  /** Why an item was skipped, or what failed. */
  reason?: string;
}

export interface InputReport extends Counts {
  input: string;
  format?: string;
  errors: ItemError[];
  /** Each item's outcome, when the run was asked for them (RunOptions.reportItems). */
  items?: ItemReport[];
}

export interface RunReport {
  runId: number;
  inputs: InputReport[];
  totals: Counts;
}

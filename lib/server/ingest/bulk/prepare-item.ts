// The engines' part of storing an item (content hash, duplicate fingerprint,
// tag suggestions): pure, so it can run ahead of the writes, on another thread.
// No "server-only" marker: loaded in the engine's worker threads (engine-worker.ts).
import type { ParsedArticle } from "../../../ingest/types";
import { contentHash } from "../../../ingest/text";
import { fingerprint, type Fingerprint } from "../../../dedup/fingerprint";
import { tagInputOf, wantedSuggestions, type SuggestionContext, type WantedTag } from "../../tags/wanted-suggestions";

/** The engines' work for one item, done before its transaction (and off the writer's thread when a pool runs them). */
export interface Prepared {
  hash: string;
  fp: Fingerprint;
  /** Machine suggestions; undefined when the run suggests none. */
  wanted?: WantedTag[];
}

/** What the engines need of an item. */
export type EngineInput = Pick<ParsedArticle, "headline" | "bodyText" | "dateline" | "language" | "credit">;

export function prepareItem(a: EngineInput, tagging: SuggestionContext | undefined): Prepared {
  const hash = contentHash(a.bodyText);
  const fp = fingerprint(a.bodyText);
  const wanted = tagging ? wantedSuggestions(tagInputOf({ ...a, headline: a.headline.trim() }), tagging) : undefined;
  return { hash, fp, wanted };
}


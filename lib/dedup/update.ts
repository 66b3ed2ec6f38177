import type { DuplicateMatch } from "./compare";

// An update is not a duplicate: a later version of the same item from the
// same source replaces it instead of being linked to it.

export interface ArticleIdentity {
  uri: string;
  /** The source's name or id: anything that is equal for the same source. */
  source?: string | number | null;
}

/** Uris Wiredesk made up from source and headline, for copy that carried no id. */
export const isDerivedUri = (uri: string) => uri.startsWith("urn:wiredesk:");

const sameSource = (a?: string | number | null, b?: string | number | null) => {
  const x = a == null ? "" : String(a).trim().toLowerCase();
  return x !== "" && x === (b == null ? "" : String(b).trim().toLowerCase());
};

/**
 * Whether incoming updates existing rather than duplicating it: the same uri
 * (guid), or a corrected text (near, or the same text re-sent) from the same
 * source when neither carried an id of its own (a scraped page whose
 * headline was fixed). Items with ids of their own are different items when
 * their ids differ: templated copy from one wire is not one story.
 */
export function isUpdate(incoming: ArticleIdentity, existing: ArticleIdentity, match: DuplicateMatch | null): boolean {
  if (incoming.uri === existing.uri) return true;
  return (
    match !== null &&
    // A correction that reads as a near copy is the page fixed in place, as before corrections were named.
    (match.kind === "exact" || match.kind === "near" || (match.kind === "correction" && Math.min(match.evidence.coverageA, match.evidence.coverageB) >= 0.8)) &&
    sameSource(incoming.source, existing.source) &&
    isDerivedUri(incoming.uri) &&
    isDerivedUri(existing.uri)
  );
}

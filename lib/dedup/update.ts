import type { DuplicateMatch } from "./compare";

// An update is not a duplicate: a later version of the same item from the
// same source replaces it instead of being linked to it.

export interface ArticleIdentity {
  uri: string;
  sourceName?: string | null;
}

const sameSource = (a?: string | null, b?: string | null) => {
  const x = a?.trim().toLowerCase();
  return !!x && x === b?.trim().toLowerCase();
};

/**
 * Whether incoming updates existing rather than duplicating it: the same uri
 * (guid), or a corrected text (near, or the same text re-sent) from the same source.
 */
export function isUpdate(incoming: ArticleIdentity, existing: ArticleIdentity, match: DuplicateMatch | null): boolean {
  if (incoming.uri === existing.uri) return true;
  return match !== null && (match.kind === "exact" || match.kind === "near") && sameSource(incoming.sourceName, existing.sourceName);
}

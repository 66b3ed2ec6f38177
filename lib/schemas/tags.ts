import { z } from "zod";
import { idNumber } from "./ids";
import { tagEvidence } from "./preview";
import { givenScheme, tagState } from "./vocabulary";

export const tagAction = z.discriminatedUnion("action", [
  z.object({
    action: z.enum(["accept", "reject", "remove"]),
    tagId: idNumber,
    /** The tag's version the editor saw; a newer one in the store refuses the write (409). */
    version: idNumber.optional(),
  }),
  z.object({ action: z.literal("add"), scheme: givenScheme, code: z.string().trim().min(1).max(100) }),
  /** Accept the confident suggestions at once (the "a" key). */
  z.object({ action: z.literal("accept-suggestions") }),
  /** Undo: put a tag back in the state it had. */
  z.object({
    action: z.literal("restore"),
    tagId: idNumber,
    state: tagState,
    /** The version the undone write produced: a later decision by someone else is not overwritten. */
    version: idNumber.optional(),
  }),
]);

export const tagSearch = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(12),
});

export const taxonomyChange = z.discriminatedUnion("action", [
  z.object({ action: z.literal("rename"), tagId: idNumber, name: z.string().trim().min(1).max(80) }),
  z.object({ action: z.literal("hide"), tagId: idNumber, hidden: z.boolean() }),
  z.object({
    action: z.literal("add"),
    parentId: idNumber,
    name: z.string().trim().min(1).max(80),
  }),
]);

/** A tag by name: what the typeahead and the tag search offer. */
export const tagRef = z
  .object({
    scheme: z.enum(["medtop", "iso3166", "newsroom"]),
    code: z.string().describe("medtop:16000000, newsroom:fan-protests, or a country: ES"),
    name: z.string(),
  })
  .meta({ id: "TagRef" });
export type TagRef = z.infer<typeof tagRef>;

export const tagSearchResult = z.object({ items: z.array(tagRef) }).meta({ id: "TagSearchResult" });

/** A text to tag: what the ingest's tagger reads of an article. */
export const tagSuggestInput = z.object({
  headline: z.string().trim().min(1, "headline: required").max(1000),
  body: z.string().max(100_000, "body: at most 100,000 characters").default(""),
  /** "PARIS, Texas": the dateline's place, when the text has one. */
  dateline: z.string().trim().max(200).optional(),
});
export type TagSuggestInput = z.infer<typeof tagSuggestInput>;

export const suggestedTag = z
  .object({
    scheme: z.enum(["medtop", "iso3166", "newsroom"]),
    code: z.string(),
    name: z.string(),
    confidence: z.number().min(0).max(1),
    rel: z.enum(["main", "mentioned"]).nullable().describe("For a place: the story's place (main) or only named in it; null for topics"),
    evidence: z.array(tagEvidence).describe("The words that support it"),
  })
  .meta({ id: "SuggestedTag" });

export const tagSuggestions = z
  .object({
    tags: z.array(suggestedTag).describe("Topics, then places, as ingest would suggest them for this text (the newsroom's lessons applied, hidden topics left out)"),
    regions: z.array(z.object({ code: z.string(), name: z.string() })).describe("Regions above the story's main places"),
  })
  .meta({ id: "TagSuggestions" });
export type TagSuggestions = z.infer<typeof tagSuggestions>;

/** An API client's decision on one of an article's tags. */
export const tagDecision = z.discriminatedUnion("action", [
  z.object({
    action: z.enum(["accept", "reject"]),
    tagId: idNumber,
    /** The tag's version the client saw; a newer one in the store refuses the write (409). */
    version: idNumber.optional(),
  }),
  z.object({ action: z.literal("add"), scheme: z.enum(["medtop", "iso3166", "newsroom"]), code: z.string().trim().min(1).max(100) }),
]);

/** POST /api/articles/:id/tags, accept, reject, add or restore: the tag as decided, with the version to name next. */
export const tagDecided = z.object({ ok: z.literal(true), tagId: z.number().int(), state: tagState, version: z.number().int() });
/** POST /api/articles/:id/tags, remove. Strict: a decision with a wrong field must not pass for a removal in the union below. */
export const tagRemoved = z.strictObject({ ok: z.literal(true) });
/** POST /api/articles/:id/tags, accept-suggestions: each tag accepted, with the version its undo names. */
export const suggestionsAccepted = z.object({ accepted: z.number().int().min(0), tags: z.array(z.object({ tagId: z.number().int(), version: z.number().int() })) });
/** Any answer of POST /api/articles/:id/tags (the fullest shape first: a union takes the first that fits). */
export const tagActionAnswer = z.union([tagDecided, suggestionsAccepted, tagRemoved]);
export type TagActionAnswer = z.infer<typeof tagActionAnswer>;

/** POST /api/taxonomy: the tag as it now is. */
export const taxonomyAnswer = z.object({ id: z.number().int(), code: z.string(), name: z.string(), hidden: z.boolean() });
export type TaxonomyAnswer = z.infer<typeof taxonomyAnswer>;

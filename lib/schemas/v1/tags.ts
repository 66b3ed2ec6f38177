// /api/v1/tags: find tags by name, suggest tags for a text, and decide an
// article's tags (accept, reject, add).
import { z } from "zod";
import { endpoint } from "../endpoint";
import { idParam } from "../ids";
import { previewTag } from "../preview";
import { tagDecision, tagSearch, tagSearchResult, tagSuggestInput, tagSuggestions } from "../tags";

export const searchTags = endpoint({
  id: "searchTags",
  method: "get",
  path: "/api/v1/tags",
  group: "Tags",
  summary: "Countries, topics and newsroom tags whose names match",
  need: "read",
  query: tagSearch,
  response: tagSearchResult,
});

export const suggestTags = endpoint({
  id: "suggestTags",
  method: "post",
  path: "/api/v1/tags/suggest",
  group: "Tags",
  summary: "Suggest topics and places for a text, with the words that support each; nothing is stored",
  description: "The tagger ingest runs, with what the newsroom's editors taught it.",
  need: "read",
  body: tagSuggestInput,
  response: tagSuggestions,
});

export const decideArticleTag = endpoint({
  id: "decideArticleTag",
  method: "post",
  path: "/api/v1/articles/{id}/tags",
  group: "Tags",
  summary: "Accept or reject one of an article's tags, or add one",
  description:
    '`{"action": "accept" | "reject", "tagId": N, "version": N}` decides a tag the article has (`version` optional: with it, a decision ' +
    'made meanwhile refuses the write with 409); `{"action": "add", "scheme": "medtop" | "iso3166" | "newsroom", "code": "…"}` tags it by hand. ' +
    "Each decision teaches the newsroom's tagger.",
  need: "triage",
  params: z.object({ id: idParam.describe("The article's id") }),
  body: tagDecision,
  response: previewTag,
  errors: [404, 409],
});

// Query keys and options for the tag typeahead (GET /api/tags?q=): topics, newsroom tags and countries by name.
import { queryOptions } from "@tanstack/react-query";
import { tagSearchResult, type TagRef } from "../schemas/tags";
import { readJson } from "./read-json";

export type FoundTag = TagRef;

export const tagKeys = {
  all: ["tags"] as const,
  search: (q: string) => [...tagKeys.all, "search", q] as const,
};

export const tagQueries = {
  /** Matching tags once at least two characters are typed. */
  search: (q: string) =>
    queryOptions({
      queryKey: tagKeys.search(q),
      queryFn: async () => {
        const res = await fetch(`/api/tags?q=${encodeURIComponent(q)}`);
        if (!res.ok) throw new Error("Could not search tags");
        return (await readJson(res, tagSearchResult)).items;
      },
      enabled: q.trim().length >= 2,
    }),
};

// Query keys and options for stories: every variable the fetch uses is in the key.
import { queryOptions } from "@tanstack/react-query";
import { storyDetail, type StoryDetail } from "../schemas/stories";
import { readJson } from "./read-json";

export const storyKeys = {
  all: ["stories"] as const,
  detail: (id: number) => [...storyKeys.all, id] as const,
};

export const storyQueries = {
  /** A story's articles, oldest first, and what its updates changed (GET /api/stories/:id). */
  detail: (id: number) =>
    queryOptions({
      queryKey: storyKeys.detail(id),
      queryFn: async (): Promise<StoryDetail> => {
        const res = await fetch(`/api/stories/${id}`);
        if (!res.ok) throw new Error(`Could not load the story (HTTP ${res.status})`);
        return readJson(res, storyDetail);
      },
    }),
};

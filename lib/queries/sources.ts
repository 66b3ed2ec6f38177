// Query keys and options for the polled feeds.
import { queryOptions } from "@tanstack/react-query";
import { sourceList } from "../schemas/sources";
import { readJson } from "./read-json";

export const sourceKeys = {
  all: ["sources"] as const,
  list: () => [...sourceKeys.all, "list"] as const,
};

export const sourceQueries = {
  /** The feeds with their health; refreshed often, since workers change it all the time. */
  list: () =>
    queryOptions({
      queryKey: sourceKeys.list(),
      queryFn: async () => {
        const res = await fetch("/api/sources");
        if (!res.ok) throw new Error(`Could not load the sources (HTTP ${res.status})`);
        return (await readJson(res, sourceList)).items;
      },
      refetchInterval: 5_000,
    }),
};

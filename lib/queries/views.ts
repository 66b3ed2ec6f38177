// Query keys and options for saved views.
import { queryOptions } from "@tanstack/react-query";
import { savedViewList } from "../schemas/views";
import { readJson } from "./read-json";

export const viewKeys = {
  all: ["views"] as const,
  list: () => [...viewKeys.all, "list"] as const,
};

export const viewQueries = {
  list: () =>
    queryOptions({
      queryKey: viewKeys.list(),
      queryFn: async () => {
        const res = await fetch("/api/views");
        if (!res.ok) throw new Error(`Could not load saved views (HTTP ${res.status})`);
        return (await readJson(res, savedViewList)).items;
      },
    }),
};

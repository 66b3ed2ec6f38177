// Query keys and options for articles: every variable the fetch uses is in the key.
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { ArticlePage } from "../schemas/articles";

export interface ArticleFilters {
  status?: "new" | "reviewed" | "spiked";
  q?: string;
  place?: string;
  topic?: string;
}

/** The filters as URL parameters, for the route and for links to a filtered queue. */
export function filterParams(f: ArticleFilters): URLSearchParams {
  const qs = new URLSearchParams();
  for (const k of ["status", "q", "place", "topic"] as const) if (f[k]) qs.set(k, f[k]);
  return qs;
}

export const articleKeys = {
  all: ["articles"] as const,
  lists: () => [...articleKeys.all, "list"] as const,
  list: (f: ArticleFilters) => [...articleKeys.lists(), f] as const,
  arrivals: (f: ArticleFilters, after: number) => [...articleKeys.all, "arrivals", f, after] as const,
};

async function fetchPage(f: ArticleFilters, cursor: number | null): Promise<ArticlePage> {
  const qs = filterParams(f);
  if (cursor) qs.set("cursor", String(cursor));
  const res = await fetch(`/api/articles?${qs}`);
  if (!res.ok) throw new Error(`Could not load articles (HTTP ${res.status})`);
  return res.json() as Promise<ArticlePage>;
}

export const articleQueries = {
  /** How many articles matching the filters arrived after the newest one shown; polled. */
  arrivals: (f: ArticleFilters, after: number) =>
    queryOptions({
      queryKey: articleKeys.arrivals(f, after),
      queryFn: async () => {
        const qs = filterParams(f);
        qs.set("after", String(after));
        qs.set("limit", "1");
        const res = await fetch(`/api/articles?${qs}`);
        if (!res.ok) throw new Error(`Could not check for new articles (HTTP ${res.status})`);
        return ((await res.json()) as ArticlePage).total;
      },
      refetchInterval: 5_000,
    }),
  list: (f: ArticleFilters) =>
    infiniteQueryOptions({
      queryKey: articleKeys.list(f),
      queryFn: ({ pageParam }) => fetchPage(f, pageParam),
      initialPageParam: null as number | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};

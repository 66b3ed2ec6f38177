// Query keys and options for articles: every variable the fetch uses is in the key.
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { articleFacets, articlePage, type ArticleFacets, type ArticlePage } from "../schemas/articles";
import { readJson } from "./read-json";
import type { WorkflowStatus } from "../schemas/vocabulary";

export interface ArticleFilters {
  /** "all" is every status, as leaving it out is. */
  status?: WorkflowStatus | "all";
  /** Search: words, "phrases", -excluded, a OR b (lib/search/query.ts). */
  q?: string;
  /** Comma-separated values match any of them: "ES,FR"; "medtop:02000000,medtop:16000000". */
  place?: string;
  topic?: string;
  /** Source ids or exact names, comma-separated. */
  source?: string;
  /** Language codes, comma-separated, any of them; "-en" leaves out rows with English copy. */
  language?: string;
  /** ISO 8601 instants bounding the arrival time (ingestedAt). */
  since?: string;
  until?: string;
  /** A preset window ending now: 1h | today | 24h | 7d | 30d. */
  range?: "1h" | "today" | "24h" | "7d" | "30d";
  duplicates?: "yes" | "no";
  /** One row a story (unset, the default) or every article. */
  view?: "stories" | "articles";
  /** Newest arrival first (unset, the default) or newest publication time first. */
  sort?: "arrived" | "published";
}

/** Every filter key, in the order the URL carries them. */
export const FILTER_KEYS = ["status", "q", "place", "topic", "source", "language", "since", "until", "range", "duplicates", "view", "sort"] as const satisfies readonly (keyof ArticleFilters)[];

/** The filters as URL parameters, for the route and for links to a filtered queue. */
export function filterParams(f: ArticleFilters): URLSearchParams {
  const qs = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) qs.set(k, f[k]);
  return qs;
}

export const articleKeys = {
  all: ["articles"] as const,
  lists: () => [...articleKeys.all, "list"] as const,
  list: (f: ArticleFilters) => [...articleKeys.lists(), f] as const,
  arrivals: (f: ArticleFilters, after: number) => [...articleKeys.all, "arrivals", f, after] as const,
  facets: (f: ArticleFilters) => [...articleKeys.all, "facets", f] as const,
};

async function fetchPage(f: ArticleFilters, cursor: string | null): Promise<ArticlePage> {
  const qs = filterParams(f);
  if (cursor) qs.set("cursor", cursor);
  const res = await fetch(`/api/articles?${qs}`);
  if (!res.ok) throw new Error(`Could not load articles (HTTP ${res.status})`);
  return readJson(res, articlePage);
}

export const articleQueries = {
  /** How many articles matching the filters arrived since the list was read (`after`: the first page's `newest`); polled. */
  arrivals: (f: ArticleFilters, after: number) =>
    queryOptions({
      queryKey: articleKeys.arrivals(f, after),
      queryFn: async () => {
        const qs = filterParams(f);
        qs.set("after", String(after));
        qs.set("limit", "1");
        const res = await fetch(`/api/articles?${qs}`);
        if (!res.ok) throw new Error(`Could not check for new articles (HTTP ${res.status})`);
        return (await readJson(res, articlePage)).total;
      },
      refetchInterval: 5_000,
    }),
  /** Counts per filter value under the other active filters (GET /api/articles/facets). */
  facets: (f: ArticleFilters) =>
    queryOptions({
      queryKey: articleKeys.facets(f),
      queryFn: async (): Promise<ArticleFacets> => {
        const res = await fetch(`/api/articles/facets?${filterParams(f)}`);
        if (!res.ok) throw new Error(`Could not count the filters (HTTP ${res.status})`);
        return readJson(res, articleFacets);
      },
      staleTime: 30_000,
    }),
  list: (f: ArticleFilters) =>
    infiniteQueryOptions({
      queryKey: articleKeys.list(f),
      queryFn: ({ pageParam }) => fetchPage(f, pageParam),
      // Opaque: the page's nextCursor, whose form depends on the sort.
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};

import Link from "next/link";
import { requirePageUser } from "@/lib/server/auth/page";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { ArticleList } from "@/components/articles/article-list";
import { articleQueries, FILTER_KEYS, filterParams, type ArticleFilters } from "@/lib/queries/articles";
import { FilterBar } from "@/components/articles/filter-bar";
import { SavedViews } from "@/components/articles/saved-views";
import { listViews } from "@/lib/server/views/saved-views";
import { viewQueries } from "@/lib/queries/views";
import { articleFacets } from "@/lib/server/articles/article-facets";
import { articleListParams } from "@/lib/schemas/articles";
import { db } from "@/lib/server/db/client";
import { findArticles } from "@/lib/server/articles/find-articles";

export const dynamic = "force-dynamic";

const tabs = [
  { label: "All", status: undefined },
  { label: "New", status: "new" },
  { label: "Reviewed", status: "reviewed" },
  { label: "Spiked", status: "spiked" },
] as const;

export default async function QueuePage({ searchParams }: PageProps<"/">) {
  const user = await requirePageUser("read", "/");
  const sp = await searchParams;
  // Each filter is taken when valid and dropped when not: a bad link still shows a queue.
  const filters: ArticleFilters = {};
  for (const key of FILTER_KEYS) {
    const one = articleListParams.shape[key].safeParse(typeof sp[key] === "string" && sp[key] ? sp[key] : undefined);
    if (one.success && one.data) (filters as Record<string, string>)[key] = one.data;
  }
  const qc = new QueryClient();
  const current = filterParams(filters);
  current.sort();
  // The server reads the store directly; the client refetches through /api/articles and /api/articles/facets.
  const [, facets] = await Promise.all([
    qc.prefetchInfiniteQuery({
      ...articleQueries.list(filters),
      queryFn: ({ pageParam }) => findArticles(db(), { ...filters, cursor: pageParam ?? undefined }),
    }),
    qc.fetchQuery({ ...articleQueries.facets(filters), queryFn: () => articleFacets(db(), filters) }),
    qc.prefetchQuery({ ...viewQueries.list(), queryFn: () => listViews(db(), user.actor) }),
  ]);
  const statusCount = (s: string | undefined) => (s ? facets.status.find((x) => x.value === s)?.count : facets.status.reduce((n, x) => n + x.count, 0)) ?? 0;
  return (
    <>
      <div className="mb-4 flex items-center justify-between">
        <div className="flex items-center gap-3">
          <h1 className="text-xl font-semibold">Queue</h1>
          <nav aria-label="Rows" className="flex rounded border border-stone-300 text-xs dark:border-stone-700">
            {([
              { label: "Stories", view: undefined, title: "One row a story, its copies grouped under it" },
              { label: "Articles", view: "articles", title: "Every article as it arrived" },
            ] as const).map((v) => (
              <Link
                key={v.label}
                href={`/?${filterParams({ ...filters, view: v.view })}`}
                title={v.title}
                aria-current={filters.view === v.view ? "page" : undefined}
                className={`px-2 py-0.5 focus-visible:outline-2 focus-visible:outline-blue-600 ${filters.view === v.view ? "bg-stone-200 font-medium dark:bg-stone-800" : "text-stone-600 dark:text-stone-300"}`}
              >
                {v.label}
              </Link>
            ))}
          </nav>
        </div>
        <nav aria-label="Status" className="flex gap-1 text-sm">
          {tabs.map((t) => {
            const active = t.status === filters.status;
            return (
              <Link
                key={t.label}
                href={`/?${filterParams({ ...filters, status: t.status })}`}
                aria-current={active ? "page" : undefined}
                className={`rounded px-2.5 py-1 focus-visible:outline-2 focus-visible:outline-blue-600 ${active ? "bg-stone-900 text-white dark:bg-stone-100 dark:text-stone-900" : "text-stone-600 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800"}`}
              >
                {t.label} <span className="tabular-nums font-normal">{statusCount(t.status).toLocaleString("en")}</span>
              </Link>
            );
          })}
        </nav>
      </div>
      <HydrationBoundary state={dehydrate(qc)}>
        <SavedViews current={current.toString()} />
        <FilterBar filters={filters} />
        <ArticleList filters={filters} />
      </HydrationBoundary>
    </>
  );
}

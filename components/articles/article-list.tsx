"use client";

import Link from "next/link";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { articleKeys, articleQueries, type ArticleFilters } from "@/lib/queries/articles";
import { ArticleRow } from "./article-row";

/** j/k move through the queue, Enter opens, ? lists the keys. */
function useQueueKeys(list: React.RefObject<HTMLUListElement | null>, toggleHelp: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest("input, textarea, select, [contenteditable]") || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === "?") {
        toggleHelp();
        return;
      }
      if (e.key !== "j" && e.key !== "k") return;
      const links = [...(list.current?.querySelectorAll<HTMLAnchorElement>("[data-testid=article-row] a[data-headline]") ?? [])];
      if (links.length === 0) return;
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      const next = at === -1 ? 0 : Math.min(links.length - 1, Math.max(0, at + (e.key === "j" ? 1 : -1)));
      links[next]!.focus();
      links[next]!.scrollIntoView({ block: "nearest" });
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [list, toggleHelp]);
}

const KEYS = [
  ["j / k", "next / previous article"],
  ["Enter", "open the article"],
  ["e", "mark reviewed (article page)"],
  ["#", "spike (article page)"],
  ["?", "show or hide these keys"],
];

export function ArticleList({ filters }: { filters: ArticleFilters }) {
  const q = useInfiniteQuery(articleQueries.list(filters));
  const list = useRef<HTMLUListElement>(null);
  const qc = useQueryClient();
  const newest = q.data?.pages[0]?.items[0]?.id ?? 0;
  const arrivals = useQuery({ ...articleQueries.arrivals(filters, newest), enabled: q.isSuccess });
  const [help, setHelp] = useState(false);
  useQueueKeys(list, () => setHelp((h) => !h));
  if (q.isError) {
    return (
      <p role="alert" className="rounded border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900">
        {q.error.message}. Check that the server is running, then{" "}
        <button className="underline" onClick={() => q.refetch()}>try again</button>.
      </p>
    );
  }
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const total = q.data?.pages[0]?.total ?? 0;
  if (!q.isPending && items.length === 0 && Object.values(filters).some(Boolean)) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
        No articles match these filters. <Link className="underline" href="/">Clear them</Link> to see the whole queue.
      </p>
    );
  }
  if (!q.isPending && items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
        <p className="font-medium text-stone-800 dark:text-stone-200">No articles here yet.</p>
        <p className="mt-1">
          Bring copy in from the <Link className="underline" href="/ingest">Ingest</Link> page, or run{" "}
          <code className="font-mono">npm run ingest -- FILE</code>.
        </p>
      </div>
    );
  }
  return (
    <section aria-label="Articles">
      {(arrivals.data ?? 0) > 0 && (
        <button
          className="mb-2 w-full rounded-lg border border-sky-300 bg-sky-50 py-2 text-sm font-medium text-sky-900 hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100"
          onClick={() => void qc.resetQueries({ queryKey: articleKeys.list(filters) })}
        >
          {arrivals.data} new article{arrivals.data === 1 ? "" : "s"}: show
        </button>
      )}
      <p className="mb-2 text-sm text-stone-600 dark:text-stone-400" data-testid="article-count">
        {total} article{total === 1 ? "" : "s"} <span className="text-xs text-stone-500">· press ? for keys</span>
      </p>
      {help && (
        <div role="dialog" aria-label="Keyboard shortcuts" className="mb-3 rounded-lg border border-stone-300 bg-white p-3 text-sm shadow dark:border-stone-700 dark:bg-stone-900">
          <dl className="grid grid-cols-[6rem_1fr] gap-1">
            {KEYS.map(([k, what]) => (
              <div key={k} className="contents">
                <dt><kbd className="rounded border border-stone-300 px-1 font-mono text-xs dark:border-stone-600">{k}</kbd></dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      <ul ref={list} className="rounded-lg border border-stone-200 bg-white shadow-sm dark:border-stone-800 dark:bg-stone-900">
        {items.map((a) => (
          <ArticleRow key={a.id} a={a} />
        ))}
      </ul>
      {q.hasNextPage && (
        <button
          onClick={() => q.fetchNextPage()}
          disabled={q.isFetchingNextPage}
          className="mt-3 rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-stone-700 dark:bg-stone-900"
        >
          {q.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </section>
  );
}

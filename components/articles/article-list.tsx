"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { articleKeys, articleQueries, type ArticleFilters } from "@/lib/queries/articles";
import { useSetStatuses, type Status, type Target } from "@/lib/queries/article-mutations";
import { postJson, useKeys } from "@/lib/ui/keys";
import type { ArticleListItem } from "@/lib/schemas/articles";
import { ArticleRow } from "./article-row";
import { StoryCopies } from "@/components/stories/story-copies";

const button =
  "rounded border border-stone-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800";

/** The queue: a virtualized list (only the rows on screen are in the page), loaded page by page as it scrolls. */
export function ArticleList({ filters }: { filters: ArticleFilters }) {
  const q = useInfiniteQuery(articleQueries.list(filters));
  const qc = useQueryClient();
  const router = useRouter();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const total = q.data?.pages[0]?.total ?? 0;
  const newest = q.data?.pages[0]?.items[0]?.id ?? 0;
  const arrivals = useQuery({ ...articleQueries.arrivals(filters, newest), enabled: q.isSuccess });
  const [focus, setFocus] = useState(-1);
  const [selected, setSelected] = useState<Set<number>>(() => new Set());
  // By story unless the editor asked for single articles: a row's status and expansion cover its copies.
  const byStory = filters.view !== "articles";
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set());
  const toggleStory = (storyId: number | null) =>
    storyId !== null &&
    setExpanded((s) => {
      const n = new Set(s);
      if (n.has(storyId)) n.delete(storyId);
      else n.add(storyId);
      return n;
    });
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => setOffset(listRef.current?.offsetTop ?? 0), []);

  const virtual = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => 112,
    overscan: 8,
    scrollMargin: offset,
    getItemKey: (i) => items[i]?.id ?? i,
  });
  const rows = virtual.getVirtualItems();
  const last = rows[rows.length - 1];

  // Load the next page before the editor reaches the end of what is loaded.
  useEffect(() => {
    if (last && last.index >= items.length - 15 && q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
  }, [last, items.length, q]);

  // Keep the focused row focused when it scrolls back into view or its data changes.
  useEffect(() => {
    if (focus < 0) return;
    const el = listRef.current?.querySelector<HTMLAnchorElement>(`[data-index="${focus}"] a[data-headline]`);
    const active = document.activeElement;
    // Only when focus is lost with an unmounted row, or already in the list: never pull it out of a field or toolbar.
    if (el && active !== el && (active === document.body || (listRef.current?.contains(active) && !active?.matches("input")))) {
      el.focus({ preventScroll: true });
    }
  });

  const statuses = useSetStatuses(() => setSelected(new Set()));
  const move = (by: number) => {
    if (items.length === 0) return;
    const next = focus < 0 ? 0 : Math.min(items.length - 1, Math.max(0, focus + by));
    setFocus(next);
    virtual.scrollToIndex(next, { align: "auto" });
  };
  const targets = (): ArticleListItem[] =>
    selected.size > 0 ? items.filter((a) => selected.has(a.id)) : focus >= 0 && items[focus] ? [items[focus]!] : [];
  const setStatus = (status: Status) => {
    const t = targets().filter((a) => a.status !== status);
    if (t.length === 0) {
      toast.info(selected.size || focus >= 0 ? `Already ${status}.` : "Select articles with x, or move to one with j/k, first.");
      return;
    }
    statuses.mutate({ status, items: t.map((a): Target => ({ id: a.id, version: a.version })), wholeStory: byStory });
  };
  const toggle = (id: number) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const current = focus >= 0 ? items[focus] : undefined;

  useKeys({
    j: () => move(1),
    k: () => move(-1),
    ArrowDown: () => move(1),
    ArrowUp: () => move(-1),
    x: () => current && toggle(current.id),
    o: () => byStory && current && current.copies > 1 && toggleStory(current.storyId),
    ArrowRight: () => byStory && current && current.copies > 1 && !expanded.has(current.storyId ?? -1) && toggleStory(current.storyId),
    ArrowLeft: () => byStory && current && expanded.has(current.storyId ?? -1) && toggleStory(current.storyId),
    e: () => setStatus("reviewed"),
    "#": () => setStatus("spiked"),
    u: () => setStatus("new"),
    Escape: () => setSelected(new Set()),
    t: () => current && router.push(`/articles/${current.id}?focus=tag`),
    d: () => current && router.push(`/duplicates/for/${current.id}`),
    a: () => {
      const t = targets();
      if (t.length === 0) return;
      void Promise.all(t.map((a) => postJson<{ accepted: number }>(`/api/articles/${a.id}/tags`, { action: "accept-suggestions" })))
        .then((r) => {
          const n = r.reduce((s, x) => s + x.accepted, 0);
          toast.success(`Accepted ${n} suggested tag${n === 1 ? "" : "s"} on ${t.length} article${t.length === 1 ? "" : "s"}.`);
          void qc.invalidateQueries({ queryKey: articleKeys.all });
        })
        .catch((e: Error) => toast.error(e.message));
    },
  });

  if (q.isError) {
    return (
      <p role="alert" className="rounded border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
        {q.error.message}. Check that the server is running, then{" "}
        <button className="underline" onClick={() => q.refetch()}>try again</button>.
      </p>
    );
  }
  const filtered = Object.values(filters).some(Boolean);
  if (!q.isPending && items.length === 0) {
    return filtered ? (
      <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
        No articles match these filters. <Link className="underline" href="/">Clear them</Link> to see the whole queue.
      </p>
    ) : (
      <div className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
        <p className="font-medium text-stone-800 dark:text-stone-200">No articles here yet.</p>
        <p className="mt-1">
          Bring copy in from the <Link className="underline" href="/ingest">Ingest</Link> page, or run{" "}
          <code className="font-mono">npm run ingest -- FILE</code>.
        </p>
      </div>
    );
  }
  const allLoadedSelected = items.length > 0 && items.every((a) => selected.has(a.id));
  return (
    <section aria-label="Articles">
      {(arrivals.data ?? 0) > 0 && (
        <button
          className="mb-2 w-full rounded-lg border border-sky-300 bg-sky-50 py-2 text-sm font-medium text-sky-900 hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100"
          onClick={() => {
            setFocus(-1);
            void qc.resetQueries({ queryKey: articleKeys.list(filters) });
          }}
        >
          {arrivals.data} new article{arrivals.data === 1 ? "" : "s"}: show
        </button>
      )}
      <div className="sticky top-0 z-10 mb-2 flex min-h-9 flex-wrap items-center gap-2 bg-stone-50/95 py-1 text-sm dark:bg-stone-950/95">
        <input
          type="checkbox"
          aria-label="Select all loaded articles"
          className="size-4 accent-stone-800"
          checked={allLoadedSelected}
          onChange={() => setSelected(allLoadedSelected ? new Set() : new Set(items.map((a) => a.id)))}
        />
        {selected.size > 0 ? (
          <div role="toolbar" aria-label="Selected articles" className="flex flex-wrap items-center gap-2" data-testid="bulk-bar">
            <span className="font-medium">{selected.size} selected</span>
            <button className={button} disabled={statuses.isPending} onClick={() => setStatus("reviewed")}>Mark reviewed <kbd className="text-xs text-stone-600 dark:text-stone-400">e</kbd></button>
            <button className={button} disabled={statuses.isPending} onClick={() => setStatus("spiked")}>Spike <kbd className="text-xs text-stone-600 dark:text-stone-400">#</kbd></button>
            <button className={button} disabled={statuses.isPending} onClick={() => setStatus("new")}>Reopen <kbd className="text-xs text-stone-600 dark:text-stone-400">u</kbd></button>
            <button className="text-sm underline" onClick={() => setSelected(new Set())}>Clear <kbd className="text-xs text-stone-600 dark:text-stone-400">Esc</kbd></button>
          </div>
        ) : (
          <p className="text-stone-600 dark:text-stone-400" data-testid="article-count">
            {byStory ? `${total} ${total === 1 ? "story" : "stories"}` : `${total} article${total === 1 ? "" : "s"}`}
            <span className="text-xs text-stone-600 dark:text-stone-400"> · j/k move · {byStory ? "o copies · " : ""}x select · e reviewed · ? all keys · Ctrl+K commands</span>
          </p>
        )}
      </div>
      <div
        ref={listRef}
        role="list"
        aria-label={byStory ? `Stories, ${total} in all` : `Articles, ${total} in all`}
        className="relative rounded-lg border border-stone-200 bg-white shadow-sm dark:border-stone-800 dark:bg-stone-900"
        style={{ height: virtual.getTotalSize() }}
      >
        {rows.map((r) => {
          const a = items[r.index]!;
          return (
            <div
              key={r.key}
              role="listitem"
              data-index={r.index}
              ref={virtual.measureElement}
              className="absolute left-0 top-0 w-full"
              style={{ transform: `translateY(${r.start - virtual.options.scrollMargin}px)` }}
            >
              <ArticleRow
                a={a}
                focused={r.index === focus}
                selected={selected.has(a.id)}
                onSelect={() => toggle(a.id)}
                onFocus={() => setFocus(r.index)}
                story={byStory ? { expanded: a.storyId !== null && expanded.has(a.storyId), onToggle: () => toggleStory(a.storyId) } : undefined}
              />
              {byStory && a.storyId !== null && expanded.has(a.storyId) && <StoryCopies storyId={a.storyId} />}
            </div>
          );
        })}
      </div>
      <p className="mt-3 text-center text-sm text-stone-600 dark:text-stone-400" aria-live="polite">
        {q.isFetchingNextPage ? "Loading more…" : q.hasNextPage ? (
          <button className={button} onClick={() => q.fetchNextPage()}>Load more</button>
        ) : items.length > 20 ? `All ${items.length} loaded.` : null}
      </p>
    </section>
  );
}

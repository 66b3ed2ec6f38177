"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { articleKeys, articleQueries, type ArticleFilters } from "@/lib/queries/articles";
import { useSetStatuses, type Status, type Target } from "@/lib/queries/article-mutations";
import { postJson, useKeys } from "@/lib/ui/keys";
import { narrowing, queueHref } from "@/lib/ui/queue-url";
import { saveQueueContext, useMedia, useQueueContext } from "@/lib/ui/queue-context";
import { highlightTerms } from "@/lib/search/query";
import { setPageState } from "@/lib/ui/page-state";
import { countsKept, type ArticleListItem } from "@/lib/schemas/articles";
import { suggestionsAccepted } from "@/lib/schemas/tags";
import { ArticleRow } from "./article-row";
import { ReadingPane, previewQuery } from "./reading-pane";
import { StoryCopies } from "@/components/stories/story-copies";

const button =
  "rounded border border-stone-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800";

/** A compact row's height before it is measured; rows are one or two lines. */
const ROW = 52;

function RowsSkeleton() {
  return (
    <div aria-hidden className="animate-pulse" data-testid="rows-skeleton">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="space-y-1.5 border-b border-stone-200 px-3 py-2.5 dark:border-stone-800">
          <div className="h-3.5 w-3/4 rounded bg-stone-200 dark:bg-stone-800" />
          <div className="h-2.5 w-1/2 rounded bg-stone-200 dark:bg-stone-800" />
        </div>
      ))}
    </div>
  );
}

/**
 * The queue: a compact virtualized list (only the rows on screen are in the page), loaded page
 * by page as it scrolls, with a reading pane beside it on wide screens. j/k move, the pane shows
 * the current story; Enter opens the full page, and the article page keeps the list's order.
 */
export function ArticleList({ filters, canEdit }: { filters: ArticleFilters; canEdit: boolean }) {
  const q = useInfiniteQuery(articleQueries.list(filters));
  const qc = useQueryClient();
  const router = useRouter();
  const wide = useMedia("(min-width: 1024px)");
  const items = useMemo(() => q.data?.pages.flatMap((p) => p.items) ?? [], [q.data]);
  const total = q.data?.pages[0]?.total ?? 0;
  const newest = q.data?.pages[0]?.newest ?? 0;
  // The same counts the toolbar shows (one cached query): they tell an empty store from a cleared queue.
  const facets = useQuery(articleQueries.facets(filters));
  const arrivals = useQuery({ ...articleQueries.arrivals(filters, newest), enabled: q.isSuccess });
  // An empty list has nothing to shift under the editor: arrivals show at once (the "N new" bar is for a list being read),
  // with the counts that changed with them.
  const emptyList = q.isSuccess && items.length === 0;
  const arrived = arrivals.data ?? 0;
  useEffect(() => {
    if (!emptyList || arrived === 0) return;
    void qc.invalidateQueries({ queryKey: articleKeys.facets(filters) });
    void qc.resetQueries({ queryKey: articleKeys.list(filters) });
  }, [emptyList, arrived, qc, filters]);
  // In a list being read the rows wait for "show", but the tabs' counts follow arrivals at once
  // when the store keeps them (a read of a few hundred rows); a filtered count waits for "show".
  useEffect(() => {
    if (emptyList || arrived === 0 || !countsKept(filters)) return;
    void qc.invalidateQueries({ queryKey: articleKeys.facets(filters) });
  }, [emptyList, arrived, qc, filters]);
  const href = queueHref(filters);
  const [focus, setFocus] = useState(-1);
  const [selected, setSelected] = useState<Set<number>>(() => new Set());
  // A new filter is a new list: the place and the selection belong to the old one.
  const [shownHref, setShownHref] = useState(href);
  if (shownHref !== href) {
    setShownHref(href);
    setFocus(-1);
    setSelected(new Set());
  }
  // A decided story leaves a status tab: the cursor stays at its place, on the story that moved up (or the last).
  if (focus >= items.length && focus >= 0) setFocus(items.length - 1);
  // By story unless the editor asked for single articles: a row's status and expansion cover its copies.
  const byStory = filters.view !== "articles";
  const sort = filters.sort ?? "arrived";
  // The server says which forms the search matched ("detenidos" also marks "deten…", "Kyiv" marks "Києві"); the typed words until it has.
  const terms = filters.q ? (q.data?.pages[0]?.highlight ?? highlightTerms(filters.q)) : [];
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
  useLayoutEffect(() => setOffset(listRef.current?.offsetTop ?? 0), [q.isPending]);

  const virtual = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => ROW,
    overscan: 8,
    scrollMargin: offset,
    getItemKey: (i) => items[i]?.id ?? i,
    // The server renders the first screen of rows (no window there): slow networks see copy, not an empty box.
    initialRect: { width: 1280, height: 900 },
  });
  const rows = virtual.getVirtualItems();
  const last = rows[rows.length - 1];

  // Load the next page before the editor reaches the end of what is loaded.
  useEffect(() => {
    if (last && last.index >= items.length - 15 && q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
  }, [last, items.length, q]);

  // Back from an article: the same list, at the same row (the tab's saved context names it).
  const saved = useQueueContext();
  const [restored, setRestored] = useState(false);
  if (!restored && saved && items.length > 0) {
    setRestored(true);
    const i = saved.href === href && saved.focusId !== null ? items.findIndex((a) => a.id === saved.focusId) : -1;
    if (i >= 0 && focus < 0) setFocus(i);
  }
  const scrolledBack = useRef(false);
  useEffect(() => {
    if (!restored || scrolledBack.current || focus < 0) return;
    scrolledBack.current = true;
    virtual.scrollToIndex(focus, { align: "center" });
  }, [restored, focus, virtual]);

  // Remember the list and the place in it, for the article page's flow and the way back.
  const current = focus >= 0 ? items[focus] : undefined;
  useEffect(() => {
    if (items.length === 0) return;
    saveQueueContext({ href, ids: items.map((a) => a.id), focusId: current?.id ?? null });
  }, [items, href, current?.id]);

  // The palette offers the actions that apply to the current story or the selection.
  useEffect(() => setPageState({ status: current?.status, selected: selected.size }), [current?.status, selected.size]);
  useEffect(() => () => setPageState({}), []);

  // Keep the focused row focused when it scrolls back into view or its data changes.
  useEffect(() => {
    if (focus < 0) return;
    const el = listRef.current?.querySelector<HTMLAnchorElement>(`[data-index="${focus}"] a[data-headline]`);
    const active = document.activeElement;
    // Only when focus is lost with an unmounted row, or already in the list: never pull it out of a field, the pane or a toolbar.
    if (el && active !== el && (active === document.body || active === null || listRef.current?.contains(active))) {
      el.focus({ preventScroll: true });
    }
  });

  // The next story's text is fetched while the editor reads this one.
  useEffect(() => {
    const next = focus >= 0 ? items[focus + 1] : undefined;
    if (wide && next) void qc.prefetchQuery(previewQuery(next.id));
  }, [focus, items, wide, qc]);

  const statuses = useSetStatuses(() => setSelected(new Set()));
  const move = (by: number) => {
    if (items.length === 0) return;
    const next = focus < 0 ? 0 : Math.min(items.length - 1, Math.max(0, focus + by));
    setFocus(next);
    virtual.scrollToIndex(next, { align: "auto" });
  };
  const pick = (i: number) => {
    setFocus(i);
    // The row's headline takes focus, so the keys act on the row that was clicked.
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLAnchorElement>(`[data-index="${i}"] a[data-headline]`)?.focus({ preventScroll: true }));
  };
  const targets = (): ArticleListItem[] =>
    selected.size > 0 ? items.filter((a) => selected.has(a.id)) : current ? [current] : [];
  const setStatus = (status: Status, only?: ArticleListItem) => {
    if (!canEdit) return;
    const t = (only ? [only] : targets()).filter((a) => a.status !== status);
    if (t.length === 0) {
      toast.info(selected.size || current ? `Already ${status}.` : "Select stories with x, or move to one with j/k, first.");
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

  // With the reading pane showing, t and a are the pane's tag panel's, for the current story; with a selection, a is the selection's.
  const paneTags = wide && selected.size === 0;
  useKeys({
    j: () => move(1),
    k: () => move(-1),
    ArrowDown: () => move(1),
    ArrowUp: () => move(-1),
    Enter: () => current && router.push(`/articles/${current.id}`),
    x: () => canEdit && current && toggle(current.id),
    o: () => byStory && current && current.copies > 1 && toggleStory(current.storyId),
    ArrowRight: () => byStory && current && current.copies > 1 && !expanded.has(current.storyId ?? -1) && toggleStory(current.storyId),
    ArrowLeft: () => byStory && current && expanded.has(current.storyId ?? -1) && toggleStory(current.storyId),
    e: () => setStatus("reviewed"),
    "#": () => setStatus("spiked"),
    u: () => setStatus("new"),
    Escape: () => setSelected(new Set()),
    d: () => current && router.push(`/duplicates/for/${current.id}`),
    ...(paneTags
      ? {}
      : {
          t: () => current && router.push(`/articles/${current.id}?focus=tag`),
          a: () => {
            const t = targets();
            if (!canEdit || t.length === 0) return;
            void Promise.all(t.map((a) => postJson(`/api/articles/${a.id}/tags`, suggestionsAccepted, { action: "accept-suggestions" })))
              .then((r) => {
                const n = r.reduce((s, x) => s + x.accepted, 0);
                toast.success(`Accepted ${n} suggested tag${n === 1 ? "" : "s"} on ${t.length} stor${t.length === 1 ? "y" : "ies"}.`);
                void qc.invalidateQueries({ queryKey: articleKeys.all });
              })
              .catch((e: Error) => toast.error(e.message));
          },
        }),
  });

  if (q.isError) {
    return (
      <p role="alert" className="rounded border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
        {q.error.message}. Check that the server is running, then{" "}
        <button className="underline" onClick={() => q.refetch()}>try again</button>.
      </p>
    );
  }
  const statusWord = filters.status ? `${filters.status} ` : "";
  const storeEmpty = facets.data !== undefined && facets.data.status.every((s) => s.count === 0);
  if (!q.isPending && items.length === 0) {
    return narrowing(filters) ? (
      <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
        No articles match these filters.{filters.status && ` (${filters.status[0]!.toUpperCase()}${filters.status.slice(1)} tab.)`} <Link className="underline" href={queueHref({ status: filters.status, view: filters.view })}>Clear them</Link> to see the whole queue.
      </p>
    ) : (
      <div className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
        {storeEmpty ? (
          <>
            <p className="font-medium text-stone-800 dark:text-stone-200">No articles here yet.</p>
            <p className="mt-1">
              Bring copy in from the <Link className="underline" href="/ingest">Ingest</Link> page, or run <code className="font-mono">npm run ingest -- FILE</code>.
            </p>
          </>
        ) : (
          <>
            <p className="font-medium text-stone-800 dark:text-stone-200">{filters.status === "new" ? "Nothing new: the queue is clear." : `No ${statusWord}stories here.`}</p>
            <p className="mt-1">
              <Link className="underline" href={queueHref({ ...filters, status: undefined })}>See all stories</Link>.
            </p>
          </>
        )}
      </div>
    );
  }
  const allLoadedSelected = items.length > 0 && items.every((a) => selected.has(a.id));
  const noun = byStory ? (total === 1 ? "story" : "stories") : total === 1 ? "article" : "articles";
  const list = (
    <section aria-label={byStory ? "Stories" : "Articles"} className="min-w-0">
      {(arrivals.data ?? 0) > 0 && (
        <button
          className="mb-2 w-full rounded-lg border border-sky-300 bg-sky-50 py-1.5 text-sm font-medium text-sky-900 hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100"
          onClick={() => {
            setFocus(-1);
            void qc.resetQueries({ queryKey: articleKeys.list(filters) });
            // The counts over the rows now shown (the list's own total comes with its first page).
            void qc.invalidateQueries({ queryKey: articleKeys.facets(filters) });
          }}
        >
          {arrivals.data} new article{arrivals.data === 1 ? "" : "s"}: show
        </button>
      )}
      <div className="sticky top-0 z-10 flex min-h-8 items-center gap-2 bg-stone-50/95 py-1 text-sm dark:bg-stone-950/95">
        {canEdit && (
          <input
            type="checkbox"
            aria-label="Select all loaded stories"
            className="ml-3 size-4 accent-stone-800"
            checked={allLoadedSelected}
            onChange={() => setSelected(allLoadedSelected ? new Set() : new Set(items.map((a) => a.id)))}
          />
        )}
        {selected.size > 0 ? (
          <div role="toolbar" aria-label="Selected stories" className="flex flex-wrap items-center gap-2" data-testid="bulk-bar">
            <span className="font-medium">{selected.size} selected</span>
            <button className={button} disabled={statuses.isPending} onClick={() => setStatus("reviewed")}>Mark reviewed <kbd className="text-xs text-stone-600 pointer-coarse:hidden dark:text-stone-400">e</kbd></button>
            <button className={button} disabled={statuses.isPending} onClick={() => setStatus("spiked")}>Spike <kbd className="text-xs text-stone-600 pointer-coarse:hidden dark:text-stone-400">#</kbd></button>
            {targets().some((a) => a.status !== "new") && (
              <button className={button} disabled={statuses.isPending} onClick={() => setStatus("new")}>Reopen <kbd className="text-xs text-stone-600 pointer-coarse:hidden dark:text-stone-400">u</kbd></button>
            )}
            <button className="text-sm underline" onClick={() => setSelected(new Set())}>Clear <kbd className="text-xs text-stone-600 pointer-coarse:hidden dark:text-stone-400">Esc</kbd></button>
          </div>
        ) : (
          <p className="truncate px-1 text-stone-600 dark:text-stone-400" data-testid="article-count">
            {q.isPending ? "Loading…" : `${total.toLocaleString("en")} ${noun}`}
            <span className="text-xs"> · newest {sort === "published" ? "published" : "arrival"} first</span>
            <span className="text-xs pointer-coarse:hidden">
              {" "}· j/k move · Enter open{canEdit ? " · x select · e reviewed · # spike" : ""} · ? all keys
            </span>
          </p>
        )}
      </div>
      <div
        ref={listRef}
        role="list"
        aria-label={byStory ? `Stories, ${total} in all` : `Articles, ${total} in all`}
        className="relative rounded-lg border border-stone-200 bg-white shadow-sm dark:border-stone-800 dark:bg-stone-900"
        style={q.isPending ? undefined : { height: virtual.getTotalSize() }}
      >
        {q.isPending && <RowsSkeleton />}
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
                canEdit={canEdit}
                onSelect={() => toggle(a.id)}
                onPick={() => (r.index === focus ? undefined : pick(r.index))}
                onStatus={(s) => setStatus(s, a)}
                sort={sort}
                terms={terms}
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
  if (!wide) return list;
  return (
    <div className="grid grid-cols-[minmax(0,5fr)_minmax(0,6fr)] gap-4">
      {list}
      <aside
        aria-label="Current story"
        className="sticky top-2 max-h-[calc(100vh-1rem)] self-start overflow-y-auto rounded-lg border border-stone-200 bg-white shadow-sm dark:border-stone-800 dark:bg-stone-900"
      >
        <ReadingPane item={current} canEdit={canEdit} terms={terms} tagKeys={paneTags} />
      </aside>
    </div>
  );
}

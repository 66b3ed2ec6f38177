"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { articleQueries, type ArticleFilters } from "@/lib/queries/articles";
import { useKeys } from "@/lib/ui/keys";
import { narrowing, queueHref } from "@/lib/ui/queue-url";
import { TIME_RANGES, type ArticleFacets, type FacetCount } from "@/lib/schemas/articles";
import { BEAT_LANGUAGES, languageLabel, WORKFLOW_STATUS_LABEL, workflowStatus } from "@/lib/schemas/vocabulary";
import { SavedViews } from "./saved-views";

const field = "h-8 rounded border border-stone-300 bg-white px-2 text-sm dark:border-stone-700 dark:bg-stone-950 focus-visible:outline-2 focus-visible:outline-blue-600";
const caption = "text-xs font-medium text-stone-600 dark:text-stone-400";

const tabs = [...workflowStatus.options.map((status) => ({ label: WORKFLOW_STATUS_LABEL[status], status })), { label: "All", status: undefined }];

/** Several values of one facet travel as a comma-separated list: place=ES,FR is Spain or France. */
const values = (v: string | undefined) => (v ? v.split(",").filter(Boolean) : []);

function statusCount(facets: ArticleFacets | undefined, s: string | undefined): number | undefined {
  if (!facets) return undefined;
  return s ? (facets.status.find((x) => x.value === s)?.count ?? 0) : facets.status.reduce((n, x) => n + x.count, 0);
}

/** One facet as a menu of checkboxes with counts: tick several for "any of them". */
function FacetMenu(props: { label: string; any: string; selected: string[]; options: FacetCount[]; onChange: (v: string[]) => void }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const typed = useRef("");
  const typedAt = useRef(0);
  // While the menu is open its choices keep the order they were opened in: new counts (a filter
  // just chosen, an arrival) would reorder them by count, and a moved checkbox loses the focus,
  // so the Space meant for "Crime" would fall on nothing.
  const [openOrder, setOpenOrder] = useState<string[] | null>(null);
  // The selected values stay on offer even when no article has them under the other filters.
  const offered = [...props.selected.filter((s) => !props.options.some((o) => o.value === s)).map((s) => ({ value: s, label: s, count: 0 })), ...props.options];
  // Choices new since it opened go last, in their own order (sort is stable).
  const at = new Map(openOrder?.map((v, i) => [v, i]));
  const rank = (v: string) => at.get(v) ?? Number.MAX_SAFE_INTEGER;
  const options = openOrder ? [...offered].sort((a, b) => rank(a.value) - rank(b.value)) : offered;
  const names = props.selected.map((s) => options.find((o) => o.value === s)?.label ?? s);
  const summary = names.length === 0 ? props.any : names.length === 1 ? names[0] : `${names[0]} +${names.length - 1}`;
  return (
    <details
      ref={ref}
      className="group relative"
      onToggle={(e) => {
        if (!e.currentTarget.open) setOpenOrder(null);
        else if (!openOrder) setOpenOrder(offered.map((o) => o.value));
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && ref.current?.open) {
          e.preventDefault();
          e.stopPropagation();
          ref.current.open = false;
          ref.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary
        // The click that opens the menu fixes its order at once; the toggle event comes a task later.
        onClick={() => setOpenOrder(ref.current?.open ? null : offered.map((o) => o.value))}
        className={`${field} flex cursor-pointer list-none items-center gap-1 whitespace-nowrap [&::-webkit-details-marker]:hidden ${props.selected.length ? "border-blue-600 font-medium dark:border-blue-400" : ""}`}
        aria-label={`${props.label}: ${names.length ? names.join(" or ") : props.any}`}
      >
        <span className="text-stone-600 dark:text-stone-400">{props.label}</span> <span className="max-w-36 truncate">{summary}</span> <span aria-hidden>▾</span>
      </summary>
      <fieldset
        onKeyDown={(e) => {
          // Type-ahead, as a native select has it: letters move to the first choice starting with them.
          // The keys stay here: "e" typed to reach "Egypt" must not mark a story reviewed.
          if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey || e.key === " ") return;
          e.preventDefault();
          const now = Date.now();
          typed.current = now - typedAt.current < 800 ? typed.current + e.key.toLowerCase() : e.key.toLowerCase();
          typedAt.current = now;
          const boxes = [...e.currentTarget.querySelectorAll<HTMLLabelElement>("label")];
          const hit = boxes.find((l) => l.textContent?.toLowerCase().startsWith(typed.current));
          hit?.querySelector("input")?.focus();
        }}
        className="absolute left-0 z-30 mt-1 max-h-80 w-64 overflow-y-auto rounded-md border border-stone-300 bg-white p-1 shadow-lg dark:border-stone-700 dark:bg-stone-900">
        <legend className="sr-only">{props.label}: any of</legend>
        {options.length === 0 && <p className="px-2 py-1 text-sm text-stone-600 dark:text-stone-400">Nothing to choose under these filters.</p>}
        {options.map((o) => {
          const on = props.selected.includes(o.value);
          return (
            <label key={o.value} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-stone-100 dark:hover:bg-stone-800">
              <input
                type="checkbox"
                checked={on}
                className="size-4 accent-stone-800"
                onChange={() => props.onChange(on ? props.selected.filter((s) => s !== o.value) : [...props.selected, o.value])}
              />
              <span className="flex-1 truncate">{o.label}</span>
              <span className="tabular-nums text-xs text-stone-600 dark:text-stone-400">{o.count.toLocaleString("en")}</span>
            </label>
          );
        })}
        {props.selected.length > 0 && (
          <button type="button" className="mt-1 w-full rounded px-2 py-1 text-left text-xs underline" onClick={() => props.onChange([])}>
            {props.any}
          </button>
        )}
      </fieldset>
    </details>
  );
}

/**
 * The queue's tabs, view switch and filters. Every control shows the URL's filters and
 * writes its change back to the URL at once (no Filter button): the URL is the one source of
 * truth, so links, back and forward, the palette and saved views all show the same filter.
 * It is still a GET form, so a search works before scripts load.
 */
export function QueueToolbar({ filters, canEdit }: { filters: ArticleFilters; canEdit: boolean }) {
  // One count query: each facet, the status tabs too, is counted under the other filters.
  // The last counts stay on screen while the new ones load: a menu never empties under the editor's keys.
  const counts = useQuery({ ...articleQueries.facets(filters), placeholderData: keepPreviousData });
  const f = counts.data;
  const search = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(filters.q ?? "");
  const [shownQ, setShownQ] = useState(filters.q);
  // The box follows the URL when another control (back, a saved view, the palette) changes the search.
  if (shownQ !== filters.q) {
    setShownQ(filters.q);
    setText(filters.q ?? "");
  }
  const [sheet, setSheet] = useState(false);
  useKeys({ "/": () => search.current?.focus() });

  // The browser's own history calls: Next.js syncs useSearchParams with them, so a filter change
  // updates the controls at once and the list refetches through the API, with no server render between.
  const go = (next: ArticleFilters, how: "push" | "replace" = "push") =>
    how === "push" ? window.history.pushState(null, "", queueHref(next)) : window.history.replaceState(null, "", queueHref(next));
  const set = (patch: Partial<ArticleFilters>) => go({ ...filters, ...patch });

  // Search as you type, once the editor pauses; Enter applies at once.
  useEffect(() => {
    const q = text.trim() || undefined;
    if (q === filters.q) return;
    const t = setTimeout(() => go({ ...filters, q }, "replace"), 500);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text starts the wait
  }, [text]);

  const active = narrowing(filters);
  const nFilters = [filters.place, filters.topic, filters.source, filters.language, filters.range, filters.duplicates, filters.since || filters.until].filter(Boolean).length;
  const byStory = filters.view !== "articles";
  // A value a link named that the menu does not offer (another language, a list) stays shown as chosen.
  const otherLanguage = filters.language && filters.language !== "-en" && !(BEAT_LANGUAGES as readonly string[]).includes(filters.language) ? filters.language : undefined;
  const dup = (v: "yes" | "no") => f?.duplicates.find((d) => d.value === v)?.count;
  const filterControls = (
    <>
      <FacetMenu label="Place" any="Any place" selected={values(filters.place)} options={f?.place ?? []} onChange={(v) => set({ place: v.join(",") || undefined })} />
      <FacetMenu label="Topic" any="Any topic" selected={values(filters.topic)} options={f?.topic ?? []} onChange={(v) => set({ topic: v.join(",") || undefined })} />
      <FacetMenu label="Source" any="Any source" selected={values(filters.source)} options={f?.source ?? []} onChange={(v) => set({ source: v.join(",") || undefined })} />
      <label className="flex items-center gap-1">
        <span className={caption}>Language</span>
        <select name="language" value={filters.language ?? ""} onChange={(e) => set({ language: e.target.value || undefined })} className={field}>
          <option value="">Any language</option>
          {/* Short labels: the select is as wide as its longest, and at 1280 px a longer one pushed Sort to a line of its own. */}
          {BEAT_LANGUAGES.map((code) => <option key={code} value={code}>{languageLabel(code)}</option>)}
          <option value="-en">{byStory ? "No English yet" : "Not English"}</option>
          {otherLanguage && <option value={otherLanguage}>{/^[a-z]+$/.test(otherLanguage) ? languageLabel(otherLanguage) : otherLanguage}</option>}
        </select>
      </label>
      <label className="flex items-center gap-1">
        <span className={caption}>Arrived</span>
        <select name="range" value={filters.range ?? ""} onChange={(e) => set({ range: (e.target.value || undefined) as ArticleFilters["range"] })} className={field}>
          <option value="">Any time</option>
          {Object.entries(TIME_RANGES).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </label>
      <label className="flex items-center gap-1">
        <span className={caption}>Duplicates</span>
        <select name="duplicates" value={filters.duplicates ?? ""} onChange={(e) => set({ duplicates: (e.target.value || undefined) as ArticleFilters["duplicates"] })} className={field}>
          <option value="">With or without</option>
          <option value="yes">Has duplicates{dup("yes") !== undefined ? ` (${dup("yes")!.toLocaleString("en")})` : ""}</option>
          <option value="no">No duplicates{dup("no") !== undefined ? ` (${dup("no")!.toLocaleString("en")})` : ""}</option>
        </select>
      </label>
      <label className="flex items-center gap-1">
        <span className={caption}>Sort</span>
        <select name="sort" value={filters.sort ?? "arrived"} onChange={(e) => set({ sort: e.target.value === "published" ? "published" : undefined })} className={field}>
          <option value="arrived">Newest arrival</option>
          <option value="published">Newest publication</option>
        </select>
      </label>
      {active && (
        <Link href={queueHref({ status: filters.status, view: filters.view, sort: filters.sort })} className="text-sm underline">
          Clear filters
        </Link>
      )}
    </>
  );
  return (
    <div className="mb-2 space-y-2" data-testid="queue-toolbar">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-lg font-semibold">Queue</h1>
        <nav aria-label="Status" className="flex gap-0.5 text-sm">
          {tabs.map((t) => {
            const on = t.status === filters.status;
            const n = statusCount(f, t.status);
            return (
              <Link
                key={t.label}
                href={queueHref({ ...filters, status: t.status })}
                scroll={false}
                aria-current={on ? "page" : undefined}
                className={`rounded px-2 py-0.5 focus-visible:outline-2 focus-visible:outline-blue-600 ${on ? "bg-stone-900 text-white dark:bg-stone-100 dark:text-stone-900" : "text-stone-700 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800"}`}
              >
                {t.label} <span className="tabular-nums font-normal" data-testid={`count-${t.label.toLowerCase()}`}>{n === undefined ? "…" : n.toLocaleString("en")}</span>
              </Link>
            );
          })}
        </nav>
        <nav aria-label="Rows" className="flex rounded border border-stone-300 text-xs dark:border-stone-700">
          {([
            { label: "Stories", view: undefined, title: "One row a story, its copies grouped under it" },
            { label: "Articles", view: "articles", title: "Every article as it arrived" },
          ] as const).map((v) => (
            <Link
              key={v.label}
              href={queueHref({ ...filters, view: v.view })}
              scroll={false}
              title={v.title}
              aria-current={filters.view === v.view ? "page" : undefined}
              className={`px-2 py-0.5 focus-visible:outline-2 focus-visible:outline-blue-600 ${filters.view === v.view ? "bg-stone-200 font-medium dark:bg-stone-800" : "text-stone-700 dark:text-stone-300"}`}
            >
              {v.label}
            </Link>
          ))}
        </nav>
        <form
          method="get"
          action="/"
          role="search"
          className="flex min-w-48 flex-1 items-center"
          onSubmit={(e) => {
            e.preventDefault();
            go({ ...filters, q: text.trim() || undefined });
          }}
        >
          {filters.status !== "new" && <input type="hidden" name="status" value={filters.status ?? "all"} />}
          {filters.view && <input type="hidden" name="view" value={filters.view} />}
          <label className="sr-only" htmlFor="queue-search">Search headlines and text</label>
          <input
            id="queue-search"
            ref={search}
            name="q"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Esc leaves the box (and clears it first if it holds words not yet searched).
              if (e.key === "Escape") {
                e.preventDefault();
                e.currentTarget.blur();
              }
            }}
            placeholder={'Search ( / ): words, "a phrase", -exclude, OR'}
            className={`${field} w-full`}
          />
        </form>
        <button
          type="button"
          className={`${field} md:hidden`}
          aria-expanded={sheet}
          aria-controls="queue-filters"
          onClick={() => setSheet(!sheet)}
        >
          Filters{nFilters ? ` (${nFilters})` : ""}
        </button>
      </div>
      <div
        id="queue-filters"
        role="group"
        aria-label="Filters"
        className={`${sheet ? "fixed inset-x-0 bottom-0 z-40 flex max-h-[70vh] flex-col gap-3 overflow-y-auto rounded-t-xl border-t border-stone-300 bg-white p-4 shadow-2xl dark:border-stone-700 dark:bg-stone-900" : "hidden"} md:static md:flex md:max-h-none md:flex-row md:flex-wrap md:items-center md:gap-2 md:overflow-visible md:rounded-none md:border-0 md:bg-transparent md:p-0 md:shadow-none md:dark:bg-transparent`}
      >
        {sheet && (
          <div className="flex items-center justify-between md:hidden">
            <h2 className="font-semibold">Filters</h2>
            <button type="button" className="rounded border border-stone-300 px-3 py-1 text-sm dark:border-stone-700" onClick={() => setSheet(false)}>
              Done
            </button>
          </div>
        )}
        {filterControls}
        {(filters.since || filters.until) && (
          <p className="text-xs text-stone-600 dark:text-stone-400">
            Arrived {filters.since && <>from {new Date(filters.since).toLocaleString("en-GB", { timeZone: "UTC" })} UTC </>}
            {filters.until && <>until {new Date(filters.until).toLocaleString("en-GB", { timeZone: "UTC" })} UTC</>}
          </p>
        )}
        {counts.isError && <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">Counts unavailable: {counts.error.message}</p>}
      </div>
      <SavedViews filters={filters} canSave={canEdit} />
    </div>
  );
}

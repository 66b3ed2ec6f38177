"use client";

import { useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { articleQueries, type ArticleFilters } from "@/lib/queries/articles";
import { useKeys } from "@/lib/ui/keys";
import { TIME_RANGES, type FacetCount } from "@/lib/schemas/articles";

/** The selected value stays on offer even when no article has it under the other filters. */
function withSelected(options: FacetCount[], selected: string | undefined, label = selected): FacetCount[] {
  if (!selected || options.some((o) => o.value === selected)) return options;
  return [{ value: selected, label: label ?? selected, count: 0 }, ...options];
}

const field = "rounded border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-950";
const label = "grid gap-1 text-xs font-medium text-stone-600 dark:text-stone-400";

/** One filter whose choices carry their counts: place, topic, source. */
function FacetSelect(props: { name: string; label: string; any: string; value: string | undefined; options: FacetCount[]; width: string }) {
  return (
    <label className={label}>
      {props.label}
      <select name={props.name} defaultValue={props.value ?? ""} className={`${field} ${props.width}`}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{`${o.label} (${o.count.toLocaleString("en")})`}</option>
        ))}
      </select>
    </label>
  );
}

/**
 * Search and filters as a plain GET form: shareable URLs, and it works before scripts load. "/" focuses search.
 * Each choice shows how many articles it would leave, under the other filters (GET /api/articles/facets).
 */
export function FilterBar({ filters }: { filters: ArticleFilters }) {
  const search = useRef<HTMLInputElement>(null);
  const facets = useQuery(articleQueries.facets(filters));
  useKeys({ "/": () => search.current?.focus() });
  const f = facets.data;
  const dup = (v: "yes" | "no") => f?.duplicates.find((d) => d.value === v)?.count;
  const active = filters.q || filters.place || filters.topic || filters.source || filters.range || filters.since || filters.until || filters.duplicates;
  return (
    <form method="get" action="/" role="search" className="mb-4 flex flex-wrap items-end gap-2">
      {filters.status && <input type="hidden" name="status" value={filters.status} />}
      {filters.view && <input type="hidden" name="view" value={filters.view} />}
      {filters.since && <input type="hidden" name="since" value={filters.since} />}
      {filters.until && <input type="hidden" name="until" value={filters.until} />}
      <label className={`${label} flex-1`}>
        Search <span className="sr-only">headlines and text</span>
        <input ref={search} name="q" type="search" defaultValue={filters.q} placeholder="Search headlines and text ( / )" className={`${field} min-w-56`} />
      </label>
      <FacetSelect name="place" label="Place" any="Any place" value={filters.place} options={withSelected(f?.place ?? [], filters.place)} width="max-w-48" />
      <FacetSelect name="topic" label="Topic" any="Any topic" value={filters.topic} options={withSelected(f?.topic ?? [], filters.topic)} width="max-w-48" />
      <FacetSelect name="source" label="Source" any="Any source" value={filters.source} options={withSelected(f?.source ?? [], filters.source)} width="max-w-44" />
      <label className={label}>
        Arrived
        <select name="range" defaultValue={filters.range ?? ""} className={field}>
          <option value="">Any time</option>
          {Object.entries(TIME_RANGES).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </label>
      <label className={label}>
        Duplicates
        <select name="duplicates" defaultValue={filters.duplicates ?? ""} className={field}>
          <option value="">With or without</option>
          <option value="yes">Has duplicates{dup("yes") !== undefined ? ` (${dup("yes")!.toLocaleString("en")})` : ""}</option>
          <option value="no">No duplicates{dup("no") !== undefined ? ` (${dup("no")!.toLocaleString("en")})` : ""}</option>
        </select>
      </label>
      <button className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-stone-100 dark:text-stone-900">
        Filter
      </button>
      {active && (
        <a href={filters.status ? `/?status=${filters.status}` : "/"} className="py-1.5 text-sm underline">Clear</a>
      )}
      {(filters.since || filters.until) && (
        <p className="w-full text-xs text-stone-600 dark:text-stone-400">
          Arrived {filters.since && <>from {new Date(filters.since).toLocaleString("en-GB", { timeZone: "UTC" })} UTC </>}
          {filters.until && <>until {new Date(filters.until).toLocaleString("en-GB", { timeZone: "UTC" })} UTC</>}
        </p>
      )}
      {facets.isError && <p role="alert" className="w-full text-xs text-rose-700">Counts unavailable: {facets.error.message}</p>}
    </form>
  );
}

"use client";

import { useEffect, useRef } from "react";
import type { ArticleFilters } from "@/lib/queries/articles";

interface Option {
  code: string;
  name: string;
  count: number;
}

/** Search and filters as a plain GET form: shareable URLs, and it works before scripts load. "/" focuses search. */
export function FilterBar({ filters, places, topics }: { filters: ArticleFilters; places: Option[]; topics: Option[] }) {
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || (e.target as HTMLElement).closest("input, textarea, select")) return;
      e.preventDefault();
      search.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const field = "rounded border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-950";
  return (
    <form method="get" action="/" role="search" className="mb-4 flex flex-wrap items-end gap-2">
      {filters.status && <input type="hidden" name="status" value={filters.status} />}
      <label className="grid flex-1 gap-1 text-xs font-medium text-stone-600 dark:text-stone-400">
        Search <span className="sr-only">headlines and text</span>
        <input ref={search} name="q" type="search" defaultValue={filters.q} placeholder="Search headlines and text ( / )" className={`${field} min-w-56`} />
      </label>
      <label className="grid gap-1 text-xs font-medium text-stone-600 dark:text-stone-400">
        Place
        <select name="place" defaultValue={filters.place ?? ""} className={field}>
          <option value="">Any place</option>
          {places.map((p) => <option key={p.code} value={p.code}>{p.name} ({p.count})</option>)}
        </select>
      </label>
      <label className="grid gap-1 text-xs font-medium text-stone-600 dark:text-stone-400">
        Topic
        <select name="topic" defaultValue={filters.topic ?? ""} className={field}>
          <option value="">Any topic</option>
          {topics.map((t) => <option key={t.code} value={t.code}>{t.name} ({t.count})</option>)}
        </select>
      </label>
      <button className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-stone-100 dark:text-stone-900">
        Filter
      </button>
      {(filters.q || filters.place || filters.topic) && (
        <a href={filters.status ? `/?status=${filters.status}` : "/"} className="py-1.5 text-sm underline">Clear</a>
      )}
    </form>
  );
}

"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { viewKeys, viewQueries } from "@/lib/queries/views";
import { postJson } from "@/lib/ui/keys";
import { savedViewItem, type SavedViewItem } from "@/lib/schemas/views";
import type { ArticleFilters } from "@/lib/queries/articles";
import { queueParams } from "@/lib/ui/queue-url";

const chip =
  "rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

/** Saved views above the queue: one click (or the command palette) back to a set of filters. */
export function SavedViews({ filters, canSave }: { filters: ArticleFilters; canSave: boolean }) {
  const current = queueParams(filters).toString();
  const qc = useQueryClient();
  const views = useQuery(viewQueries.list());
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const refresh = () => qc.invalidateQueries({ queryKey: viewKeys.all });
  const save = useMutation({
    mutationFn: (v: { name: string; query: string }) => postJson("/api/views", savedViewItem, v),
    onSuccess: (v) => {
      void refresh();
      setNaming(false);
      setName("");
      toast.success(`Saved the view “${v.name}”.`);
    },
    onError: (e) => toast.error(e.message),
  });
  const remove = useMutation({
    mutationFn: (v: SavedViewItem) => postJson(`/api/views/${v.id}`, savedViewItem, undefined, "DELETE"),
    onSuccess: (v) => {
      void refresh();
      toast.success(`Deleted the view “${v.name}”.`, { action: { label: "Undo", onClick: () => save.mutate({ name: v.name, query: v.query }) } });
    },
    onError: (e) => toast.error(e.message),
  });
  const items = views.data ?? [];
  const isSaved = items.some((v) => v.query === current);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="Saved views" role="group">
      <span className="text-xs font-medium text-stone-600 dark:text-stone-400">Views</span>
      {views.isError && <span className="text-xs text-rose-700 dark:text-rose-300">{views.error.message}</span>}
      {items.length === 0 && !views.isPending && !naming && canSave && (
        <span className="text-xs text-stone-600 dark:text-stone-400">none saved yet: filter the queue, then save it</span>
      )}
      {items.map((v) => (
        <span key={v.id} className="inline-flex items-center gap-0.5">
          <Link
            href={v.query ? `/?${v.query}` : "/"}
            aria-current={v.query === current ? "page" : undefined}
            className={`${chip} ${v.query === current ? "bg-stone-900 text-white ring-stone-900 dark:bg-stone-100 dark:text-stone-900" : "bg-white ring-stone-300 hover:bg-stone-100 dark:bg-stone-900 dark:ring-stone-700 dark:hover:bg-stone-800"}`}
          >
            {v.name}
          </Link>
          <button aria-label={`Delete the view “${v.name}”`} className="rounded px-1 text-xs text-stone-600 dark:text-stone-400 hover:text-rose-700" onClick={() => remove.mutate(v)}>
            ×
          </button>
        </span>
      ))}
      {naming ? (
        <form
          className="inline-flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ name, query: current });
          }}
        >
          <label className="sr-only" htmlFor="view-name">Name of the view</label>
          <input
            id="view-name"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && setNaming(false)}
            placeholder="e.g. Spain, new"
            className="w-40 rounded border border-stone-300 bg-white px-2 py-0.5 text-xs dark:border-stone-700 dark:bg-stone-950"
          />
          <button className={`${chip} bg-stone-900 text-white ring-stone-900 dark:bg-stone-100 dark:text-stone-900`} disabled={save.isPending}>Save</button>
          <button type="button" className="text-xs underline" onClick={() => setNaming(false)}>Cancel</button>
        </form>
      ) : (
        canSave &&
        !isSaved &&
        current && (
          <button className={`${chip} bg-white ring-stone-300 ring-dashed hover:bg-stone-100 dark:bg-stone-900 dark:ring-stone-700`} onClick={() => setNaming(true)}>
            + Save this view
          </button>
        )
      )}
    </div>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { SourceView } from "@/lib/schemas/sources";
import { sourceSaved } from "@/lib/schemas/sources";
import { readJson } from "@/lib/queries/read-json";
import { sourceKeys } from "@/lib/queries/sources";
import { TagPicker, type PickedTag } from "./tag-picker";

async function save(id: number | undefined, body: unknown) {
  const res = await fetch(id ? `/api/sources/${id}` : "/api/sources", {
    method: id ? "PATCH" : "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return readJson(res, sourceSaved, `Could not save the source (HTTP ${res.status})`);
}

const input = "mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950";
const button = "rounded border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";

/** Add a feed, or edit one (given `source`). */
export function SourceForm({ source, onDone }: { source?: SourceView; onDone?: () => void }) {
  const qc = useQueryClient();
  const id = useId();
  const [name, setName] = useState(source?.name ?? "");
  const [feedUrl, setFeedUrl] = useState(source?.feedUrl ?? "");
  const [pollMinutes, setPollMinutes] = useState(String(source?.pollMinutes ?? 15));
  const [enabled, setEnabled] = useState(source?.enabled ?? true);
  const [tags, setTags] = useState<PickedTag[]>(source?.defaultTags ?? []);
  const m = useMutation({
    mutationFn: () => save(source?.id, { name, feedUrl, pollMinutes: Number(pollMinutes), enabled, defaultTags: tags.map((t) => t.code) }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: sourceKeys.all });
      if (!source) {
        setName("");
        setFeedUrl("");
        setTags([]);
      }
      onDone?.();
    },
  });
  return (
    <form
      aria-label={source ? `Edit ${source.name}` : "Add a feed"}
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <div>
        <label htmlFor={`${id}-name`} className="text-sm font-medium">Name</label>
        <input id={`${id}-name`} className={input} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </div>
      <div>
        <label htmlFor={`${id}-url`} className="text-sm font-medium">Feed URL</label>
        <input id={`${id}-url`} className={input} value={feedUrl} onChange={(e) => setFeedUrl(e.target.value)} required type="url" placeholder="https://example.org/feed.xml" />
        <p className="text-xs text-stone-600 dark:text-stone-400">RSS, Atom or JSON Feed.</p>
      </div>
      <div>
        <label htmlFor={`${id}-interval`} className="text-sm font-medium">Poll every (minutes)</label>
        <input id={`${id}-interval`} className={`${input} w-28`} value={pollMinutes} onChange={(e) => setPollMinutes(e.target.value)} type="number" min={1} max={1440} required />
      </div>
      <div className="flex items-center gap-2 pt-6">
        <input id={`${id}-enabled`} type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <label htmlFor={`${id}-enabled`} className="text-sm font-medium">Enabled</label>
      </div>
      <div className="sm:col-span-2">
        <TagPicker value={tags} onChange={setTags} />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button className={`${button} bg-stone-900 text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900`} disabled={m.isPending}>
          {source ? "Save" : "Add feed"}
        </button>
        {onDone && source && (
          <button type="button" className={button} onClick={onDone}>Cancel</button>
        )}
        {m.isError && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{m.error.message}</p>}
      </div>
    </form>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { SourceView } from "@/lib/schemas/sources";
import { z } from "zod";
import { opmlImportReport, pollQueued, sourceSaved } from "@/lib/schemas/sources";
import { readJson } from "@/lib/queries/read-json";
import { sourceKeys, sourceQueries } from "@/lib/queries/sources";
import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { SourceForm } from "./source-form";

const button = "rounded border border-stone-300 px-2 py-1 text-xs font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";

async function call<S extends z.ZodType>(url: string, init: RequestInit, schema: S): Promise<z.output<S>> {
  return readJson(await fetch(url, init), schema);
}

/** A DELETE answers 204, with no body. */
const noContent = z.undefined();

function until(iso: string | null): string {
  if (!iso) return "now";
  const s = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  if (s <= 0) return "now";
  if (s < 60) return `in ${s} s`;
  if (s < 3600) return `in ${Math.round(s / 60)} min`;
  return `in ${Math.round(s / 3600)} h`;
}

function Health({ s }: { s: SourceView }) {
  if (!s.enabled) return <Badge>disabled</Badge>;
  if (s.failureCount > 0) return <Badge tone="spiked" title={s.lastError ?? undefined}>failing ×{s.failureCount}</Badge>;
  if (!s.lastSuccessAt) return <Badge tone="warn">not polled yet</Badge>;
  return <Badge tone="done">ok</Badge>;
}

function Row({ s }: { s: SourceView }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const m = useMutation({
    // The answers are checked and then not needed: the list is read again.
    mutationFn: async (a: { kind: "toggle" } | { kind: "poll" } | { kind: "delete" }): Promise<void> => {
      await (a.kind === "poll"
        ? call(`/api/sources/${s.id}/poll`, { method: "POST" }, pollQueued)
        : a.kind === "delete"
          ? call(`/api/sources/${s.id}`, { method: "DELETE" }, noContent)
          : call(`/api/sources/${s.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ enabled: !s.enabled }) }, sourceSaved));
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: sourceKeys.all }),
  });
  return (
    <>
      <tr className="border-t border-stone-200 align-top dark:border-stone-800" data-testid="source-row">
        <td className="px-3 py-2">
          <div className="font-medium">{s.name}</div>
          <div className="max-w-xs truncate font-mono text-xs text-stone-600 dark:text-stone-400" title={s.feedUrl}>{s.feedUrl}</div>
          {s.defaultTags.length > 0 && (
            <div className="mt-1 flex flex-wrap gap-1">
              {s.defaultTags.map((t) => (
                <Badge key={t.code} tone={/^[A-Z]{2}$/.test(t.code) ? "place" : "topic"}>{t.name}</Badge>
              ))}
            </div>
          )}
        </td>
        <td className="whitespace-nowrap px-3 py-2"><Health s={s} /></td>
        <td className="px-3 py-2 text-sm">{s.lastSuccessAt ? <TimeAgo iso={s.lastSuccessAt} /> : "never"}</td>
        <td className="max-w-[16rem] px-3 py-2 text-sm">
          {s.lastError ? (
            <span className="text-rose-800 dark:text-rose-300">
              <span className="break-words">{s.lastError}</span>
              {s.lastErrorAt && <span className="block text-xs text-stone-600 dark:text-stone-400"><TimeAgo iso={s.lastErrorAt} /></span>}
            </span>
          ) : (
            <span className="text-stone-600 dark:text-stone-400">none</span>
          )}
        </td>
        <td className="px-3 py-2 text-right text-sm tabular-nums">{s.itemsPerDay}<div className="text-xs text-stone-600 dark:text-stone-400">{s.totalItems} total</div></td>
        <td className="whitespace-nowrap px-3 py-2 text-sm">every {s.pollMinutes} min<div className="text-xs text-stone-600 dark:text-stone-400">{s.enabled ? `next ${until(s.nextPollAt)}` : "paused"}</div></td>
        <td className="px-3 py-2">
          <div className="flex flex-wrap gap-1">
            <button className={button} disabled={m.isPending || !s.enabled} onClick={() => m.mutate({ kind: "poll" })} aria-label={`Poll ${s.name} now`}>Poll now</button>
            <button className={button} disabled={m.isPending} onClick={() => m.mutate({ kind: "toggle" })} aria-label={`${s.enabled ? "Disable" : "Enable"} ${s.name}`}>{s.enabled ? "Disable" : "Enable"}</button>
            <button className={button} onClick={() => setEditing((e) => !e)} aria-expanded={editing} aria-label={`Edit ${s.name}`}>Edit</button>
            <button
              className={`${button} text-rose-800 dark:text-rose-300`}
              disabled={m.isPending}
              aria-label={`Remove ${s.name}`}
              onClick={() => {
                if (window.confirm(`Stop polling ${s.name}? Its articles stay.`)) m.mutate({ kind: "delete" });
              }}
            >
              Remove
            </button>
          </div>
          {m.isError && <p role="alert" className="mt-1 text-xs text-rose-700 dark:text-rose-300">{m.error.message}</p>}
        </td>
      </tr>
      {editing && (
        <tr className="bg-stone-50 dark:bg-stone-950">
          <td colSpan={7} className="px-3 py-3">
            <SourceForm source={s} onDone={() => setEditing(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

function Opml() {
  const qc = useQueryClient();
  const file = useRef<HTMLInputElement>(null);
  const m = useMutation({
    mutationFn: async (f: File) =>
      call("/api/sources/opml", { method: "POST", headers: { "content-type": "text/x-opml" }, body: await f.text() }, opmlImportReport),
    onSuccess: () => void qc.invalidateQueries({ queryKey: sourceKeys.all }),
  });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <a className={button} href="/api/sources/opml" download>Export OPML</a>
      <label className={`${button} cursor-pointer`}>
        Import OPML…
        <input
          ref={file}
          type="file"
          accept=".opml,.xml,text/xml,text/x-opml"
          className="sr-only"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) m.mutate(f);
            e.target.value = "";
          }}
        />
      </label>
      {m.isPending && <span>Importing…</span>}
      {m.isError && <span role="alert" className="text-rose-700 dark:text-rose-300">{m.error.message}</span>}
      {m.data && (
        <span role="status">
          Added {m.data.added.length}, already polled {m.data.existing.length}
          {m.data.errors.length > 0 && `, ${m.data.errors.length} not read (${m.data.errors.map((e) => `${e.location}: ${e.message}`).join("; ")})`}.
        </span>
      )}
    </div>
  );
}

export function SourcesDesk() {
  const q = useQuery(sourceQueries.list());
  const items = q.data ?? [];
  return (
    <div className="space-y-6">
      <section aria-labelledby="feeds-heading" className="rounded-lg border border-stone-200 bg-white shadow-sm dark:border-stone-800 dark:bg-stone-900">
        <div className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
          <h2 id="feeds-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Feeds ({items.length})</h2>
          <Opml />
        </div>
        {q.isError && <p role="alert" className="px-3 pb-3 text-sm text-rose-700 dark:text-rose-300">{q.error.message}</p>}
        {items.length === 0 && !q.isPending ? (
          <p className="border-t border-stone-200 px-3 py-6 text-center text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400">No feeds yet. Add one below, or import an OPML file from your feed reader.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <thead className="text-xs uppercase tracking-wide text-stone-600 dark:text-stone-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Feed</th>
                  <th scope="col" className="px-3 py-2 font-medium">Health</th>
                  <th scope="col" className="px-3 py-2 font-medium">Last success</th>
                  <th scope="col" className="px-3 py-2 font-medium">Last error</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">Items/day</th>
                  <th scope="col" className="px-3 py-2 font-medium">Polling</th>
                  <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <Row key={s.id} s={s} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="add-heading" className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900">
        <h2 id="add-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Add a feed</h2>
        <SourceForm />
      </section>
    </div>
  );
}

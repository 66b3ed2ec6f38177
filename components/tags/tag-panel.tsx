"use client";

import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";

export interface TagView {
  tagId: number;
  scheme: string;
  code: string;
  name: string;
  origin: string;
  state: string;
  confidence: number;
  rel: string | null;
  /** The version the page saw; sent back so a change made meanwhile by someone else is not overwritten. */
  version: number;
  evidence: { text: string; field: string }[];
}

type Action = { action: "accept" | "reject" | "remove"; tagId: number; version: number } | { action: "add"; scheme: string; code: string };

async function act(articleId: number, body: Action) {
  const res = await fetch(`/api/articles/${articleId}/tags`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(json.error ?? `Could not change the tag (HTTP ${res.status})`);
}

const chipTone = (t: TagView) =>
  t.state === "rejected"
    ? "bg-stone-100 text-stone-500 line-through ring-stone-300 dark:bg-stone-800 dark:text-stone-400"
    : t.scheme === "iso3166"
      ? "bg-emerald-50 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-700"
      : "bg-sky-50 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-700";

function TagChip({ t, onAct, busy, canEdit }: { t: TagView; onAct: (a: Action) => void; busy: boolean; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const small = "rounded px-1.5 text-xs font-semibold hover:bg-white/70 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-40 dark:hover:bg-black/30";
  return (
    <li className={`rounded-md px-2 py-1 text-sm ring-1 ring-inset ${chipTone(t)} ${t.state === "suggested" ? "ring-dashed [border-style:dashed]" : ""}`} data-testid="tag-chip" data-state={t.state} data-tag-id={t.tagId} data-version={t.version}>
      <div className="flex items-center gap-1">
        <button className="font-medium hover:underline" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {t.name}
        </button>
        <span className="text-xs opacity-70">
          {t.state === "suggested" ? `${Math.round(t.confidence * 100)}%` : t.state}
          {t.rel === "main" && " · main"}
        </span>
        {canEdit && t.state !== "accepted" && (
          <button className={small} disabled={busy} aria-label={`Accept ${t.name}`} onClick={() => onAct({ action: "accept", tagId: t.tagId, version: t.version })}>✓</button>
        )}
        {canEdit && t.state !== "rejected" && (
          <button className={small} disabled={busy} aria-label={`${t.origin === "editor" ? "Remove" : "Reject"} ${t.name}`} onClick={() => onAct({ action: t.origin === "editor" ? "remove" : "reject", tagId: t.tagId, version: t.version })}>✗</button>
        )}
      </div>
      {open && (
        <p id={id} className="mt-1 max-w-xs text-xs opacity-80">
          {t.evidence.length ? <>Because of: {t.evidence.slice(0, 6).map((e) => `“${e.text}”`).join(", ")}</> : t.origin === "editor" ? "Tagged by an editor." : "No evidence recorded."}
        </p>
      )}
    </li>
  );
}

function AddTag({ onAdd, busy }: { onAdd: (scheme: string, code: string) => void; busy: boolean }) {
  const [q, setQ] = useState("");
  const listId = useId();
  const found = useQuery({
    queryKey: ["tags", "search", q],
    queryFn: async () => {
      const res = await fetch(`/api/tags?q=${encodeURIComponent(q)}`);
      if (!res.ok) throw new Error("Could not search tags");
      return ((await res.json()) as { items: { scheme: string; code: string; name: string }[] }).items;
    },
    enabled: q.trim().length >= 2,
  });
  return (
    <div className="mt-3">
      <label className="text-xs font-medium text-stone-600 dark:text-stone-400" htmlFor={`${listId}-input`}>Add a tag</label>
      <input
        id={`${listId}-input`}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="topic or country…"
        role="combobox"
        aria-expanded={Boolean(found.data?.length)}
        aria-controls={listId}
        className="mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950"
      />
      {found.data && found.data.length > 0 && q.trim().length >= 2 && (
        <ul id={listId} role="listbox" className="mt-1 max-h-48 overflow-auto rounded border border-stone-200 bg-white text-sm shadow dark:border-stone-700 dark:bg-stone-900">
          {found.data.map((t) => (
            <li key={`${t.scheme}:${t.code}`} role="option" aria-selected={false}>
              <button
                className="w-full px-2 py-1 text-left hover:bg-stone-100 disabled:opacity-50 dark:hover:bg-stone-800"
                disabled={busy}
                onClick={() => {
                  onAdd(t.scheme, t.code);
                  setQ("");
                }}
              >
                {t.name} <span className="text-xs text-stone-500">{t.scheme === "iso3166" ? t.code : t.scheme === "newsroom" ? "newsroom" : "topic"}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function TagPanel({ articleId, tags, regions, canEdit }: { articleId: number; tags: TagView[]; regions: string[]; canEdit: boolean }) {
  const router = useRouter();
  // Refreshed after a refusal too: a stale write (409) shows the tags as they are now.
  const m = useMutation({ mutationFn: (a: Action) => act(articleId, a), onSettled: () => router.refresh() });
  const groups = [
    { title: "Topics", items: tags.filter((t) => t.scheme !== "iso3166") },
    { title: "Places", items: tags.filter((t) => t.scheme === "iso3166") },
  ];
  return (
    <div>
      {groups.map((g) => (
        <div key={g.title} className="mb-2">
          <h3 className="mb-1 text-xs font-medium text-stone-500">{g.title}</h3>
          {g.items.length === 0 ? (
            <p className="text-sm text-stone-500">None yet.</p>
          ) : (
            <ul className="flex flex-wrap gap-1">{g.items.map((t) => <TagChip key={t.tagId} t={t} busy={m.isPending} canEdit={canEdit} onAct={(a) => m.mutate(a)} />)}</ul>
          )}
        </div>
      ))}
      {regions.length > 0 && <p className="text-xs text-stone-500">Regions: {regions.join(", ")}</p>}
      {m.isError && <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">{m.error.message}</p>}
      {canEdit && <AddTag busy={m.isPending} onAdd={(scheme, code) => m.mutate({ action: "add", scheme, code })} />}
    </div>
  );
}

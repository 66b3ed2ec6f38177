"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { tagQueries } from "@/lib/queries/tags";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { postJson, useKeys } from "@/lib/ui/keys";
import { toastWithUndo } from "@/lib/ui/undo";
import { useEvidence } from "@/components/articles/evidence";
import { isQueueChip } from "@/lib/schemas/articles";
import type { PreviewTag } from "@/lib/schemas/preview";
import { tagActionAnswer, type TagActionAnswer } from "@/lib/schemas/tags";
import type { TagState } from "@/lib/schemas/vocabulary";

/** A tag as the panel shows it: the article page and the reading pane give the same view. */
export type TagView = PreviewTag;

type Action =
  | { action: "accept" | "reject" | "remove"; tagId: number; version: number }
  | { action: "add"; scheme: string; code: string; name?: string }
  | { action: "restore"; tagId: number; state: TagState; version?: number }
  | { action: "accept-suggestions" };

const act = (articleId: number, body: Action) => postJson(`/api/articles/${articleId}/tags`, tagActionAnswer, body);

/** Same rule as the server's: the suggestions a queue row shows. */
const confident = (t: TagView) => t.state === "suggested" && isQueueChip(t);

const chipTone = (t: TagView) =>
  t.state === "rejected"
    ? "bg-stone-100 text-stone-600 dark:text-stone-400 line-through ring-stone-300 dark:bg-stone-800 dark:text-stone-400"
    : t.scheme === "iso3166"
      ? "bg-emerald-50 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-700"
      : "bg-sky-50 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-700";

function TagChip({ t, onAct, busy, label, canEdit }: { t: TagView; onAct: (a: Action) => void; busy: boolean; label: string; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const { show } = useEvidence();
  const terms = t.evidence.map((e) => e.text);
  const small = "rounded px-1.5 text-xs font-semibold hover:bg-white/70 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-40 dark:hover:bg-black/30";
  return (
    <li
      className={`rounded-md px-2 py-1 text-sm ring-1 ring-inset ${chipTone(t)} ${t.state === "suggested" ? "[border-style:dashed]" : ""}`}
      data-testid="tag-chip"
      data-state={t.state}
      data-tag-id={t.tagId}
      data-version={t.version}
      onFocus={() => show(terms)}
      onMouseEnter={() => show(terms)}
      onMouseLeave={() => !open && show([])}
      onBlur={(e) => !open && !e.currentTarget.contains(e.relatedTarget) && show([])}
    >
      <div className="flex items-center gap-1">
        <button
          className="font-medium hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => {
            setOpen(!open);
            show(open ? [] : terms);
          }}
          title={t.officialName && t.officialName !== label ? t.officialName : undefined}
        >
          {label}
        </button>
        <span className="text-xs opacity-80">
          {t.state === "suggested" ? `${Math.round(t.confidence * 100)}%` : t.state}
          {t.rel === "main" && " · main"}
        </span>
        {canEdit && t.state !== "accepted" && (
          <button className={small} disabled={busy} aria-label={`Accept ${t.name}`} onClick={() => onAct({ action: "accept", tagId: t.tagId, version: t.version })}>✓</button>
        )}
        {canEdit && t.state !== "rejected" && (
          <button
            className={small}
            disabled={busy}
            aria-label={`${t.origin === "editor" ? "Remove" : "Reject"} ${t.name}`}
            onClick={() => onAct({ action: t.origin === "editor" ? "remove" : "reject", tagId: t.tagId, version: t.version })}
          >
            ✗
          </button>
        )}
      </div>
      {open && (
        <p id={id} className="mt-1 max-w-xs text-xs opacity-90">
          {t.evidence.length ? <>Because of: {t.evidence.slice(0, 6).map((e) => `“${e.text}”`).join(", ")}</> : t.origin === "editor" ? "Tagged by an editor." : "No evidence recorded."}
        </p>
      )}
    </li>
  );
}

function AddTag({ onAdd, busy, inputRef }: { onAdd: (scheme: string, code: string, name: string) => void; busy: boolean; inputRef: React.RefObject<HTMLInputElement | null> }) {
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const found = useQuery(tagQueries.search(q));
  const options = q.trim().length >= 2 ? (found.data ?? []) : [];
  const choose = (t: { scheme: string; code: string; name: string }) => {
    onAdd(t.scheme, t.code, t.name);
    setQ("");
    setActive(0);
  };
  return (
    <div className="mt-3">
      <label className="text-xs font-medium text-stone-600 dark:text-stone-400" htmlFor={`${listId}-input`}>
        Add a tag <kbd className="text-stone-600 dark:text-stone-400">t</kbd>
      </label>
      <input
        ref={inputRef}
        id={`${listId}-input`}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((i) => Math.min(options.length - 1, i + 1));
          else if (e.key === "ArrowUp") setActive((i) => Math.max(0, i - 1));
          else if (e.key === "Enter" && options[active]) choose(options[active]);
          else if (e.key === "Escape") {
            setQ("");
            e.currentTarget.blur();
          } else return;
          e.preventDefault();
        }}
        placeholder="topic or country…"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-activedescendant={options[active] ? `${listId}-${active}` : undefined}
        className="mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-stone-700 dark:bg-stone-950"
      />
      {options.length > 0 && (
        <ul id={listId} role="listbox" aria-label="Matching tags" className="mt-1 max-h-48 overflow-auto rounded border border-stone-200 bg-white text-sm shadow dark:border-stone-700 dark:bg-stone-900">
          {options.map((t, i) => (
            <li
              key={`${t.scheme}:${t.code}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-2 py-1 ${i === active ? "bg-stone-100 dark:bg-stone-800" : ""} ${busy ? "opacity-50" : ""}`}
              onMouseDown={(e) => {
                e.preventDefault();
                if (!busy) choose(t);
              }}
            >
              {t.name} <span className="text-xs text-stone-600 dark:text-stone-400">{t.scheme === "iso3166" ? t.code : t.scheme === "newsroom" ? "newsroom" : "topic"}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A topic's short name, or IPTC's label when another topic on the article has the same short name ("economy"). */
const labelOf = (t: TagView, all: TagView[]) =>
  all.some((o) => o !== t && o.name === t.name) && t.officialName ? t.officialName : t.name;

/** What undoes an action, given the tag as it was before and the server's answer (the version our write made). */
function inverse(a: Action, before: TagView | undefined, answer: TagActionAnswer): Action | null {
  // Only a decision answers with the tag and its new version (a removal and accept-suggestions do not).
  const r = "tagId" in answer ? answer : { tagId: undefined, version: undefined };
  if (a.action === "add") {
    if (before) return { action: "restore", tagId: before.tagId, state: before.state as TagState, version: r.version };
    return r.tagId && r.version ? { action: "remove", tagId: r.tagId, version: r.version } : null;
  }
  if (a.action === "remove" && before?.origin === "editor") return { action: "add", scheme: before.scheme, code: before.code };
  if ((a.action === "accept" || a.action === "reject" || a.action === "remove") && before) {
    return { action: "restore", tagId: before.tagId, state: before.state as TagState, version: r.version };
  }
  return null;
}

const done = (a: Action, name: string) =>
  a.action === "accept" ? `Accepted ${name}` : a.action === "reject" ? `Rejected ${name}` : a.action === "remove" ? `Removed ${name}` : a.action === "add" ? `Added ${name}` : `Restored ${name}`;

export function TagPanel({
  articleId,
  tags,
  regions,
  canEdit,
  onChanged,
  keys = true,
}: {
  articleId: number;
  tags: TagView[];
  regions: string[];
  canEdit: boolean;
  /** Brings the stored tags back after a write; the article page refreshes itself, the queue's reading pane refetches. */
  onChanged?: () => void;
  /** Whether t and a are this panel's (the queue gives them to its selection while there is one). */
  keys?: boolean;
}) {
  const router = useRouter();
  const refresh = onChanged ?? (() => router.refresh());
  const params = useSearchParams();
  const input = useRef<HTMLInputElement>(null);
  // Optimistic states by tag, shown until the refreshed page brings the stored ones.
  const [pending, setPending] = useState<Record<number, TagState | "removed">>({});
  const [shown, setShown] = useState(tags);
  if (shown !== tags) {
    setShown(tags);
    setPending({});
  }
  useEffect(() => {
    if (params.get("focus") === "tag") input.current?.focus();
  }, [params]);
  const view = tags
    .map((t) => (pending[t.tagId] ? { ...t, state: pending[t.tagId]! } : t))
    .filter((t) => t.state !== "removed") as TagView[];

  const m = useMutation({
    mutationFn: ({ a }: { a: Action; undoing?: boolean }) => act(articleId, a),
    onMutate: ({ a }) => {
      const optimistic: Record<number, TagState | "removed"> = {};
      if (a.action === "accept") optimistic[a.tagId] = "accepted";
      if (a.action === "reject") optimistic[a.tagId] = "rejected";
      if (a.action === "restore") optimistic[a.tagId] = a.state;
      if (a.action === "remove") optimistic[a.tagId] = "removed";
      if (a.action === "accept-suggestions") for (const t of view.filter(confident)) optimistic[t.tagId] = "accepted";
      const saved = pending;
      setPending((p) => ({ ...p, ...optimistic }));
      return { saved };
    },
    onError: (e, _v, ctx) => {
      setPending(ctx?.saved ?? {});
      // A stale write (someone else decided first): the refreshed page shows the tags as they are now.
      refresh();
      toast.error(e.message);
    },
    onSuccess: (r, { a, undoing }) => {
      refresh();
      if (undoing) {
        toast.success("Undone.");
        return;
      }
      if (a.action === "accept-suggestions") {
        const done = "tags" in r ? r.tags : [];
        toast.success(done.length ? `Accepted ${done.length} suggested tag${done.length === 1 ? "" : "s"}.` : "No confident suggestions to accept.", {
          action: done.length
            ? { label: "Undo", onClick: () => done.forEach((t) => m.mutate({ a: { action: "restore", tagId: t.tagId, state: "suggested", version: t.version }, undoing: true })) }
            : undefined,
        });
        return;
      }
      const before = "tagId" in a ? tags.find((t) => t.tagId === a.tagId) : tags.find((t) => a.action === "add" && t.scheme === a.scheme && t.code === a.code);
      const back = inverse(a, before, r);
      const name = before?.name ?? (a.action === "add" ? (a.name ?? a.code) : "the tag");
      if (back) toastWithUndo(`${done(a, name)}.`, () => m.mutate({ a: back, undoing: true }));
      else toast.success(`${done(a, name)}.`);
    },
  });
  useKeys(
    {
      t: () => input.current?.focus(),
      a: () => m.mutate({ a: { action: "accept-suggestions" } }),
    },
    canEdit && keys,
  );
  // Only the chips a pending write is about wait for it: disabling every chip skipped the
  // others' buttons when an editor tabbed on while the last decision was being saved.
  const writing = (tagId: number) => {
    const a = m.isPending ? m.variables?.a : undefined;
    return a !== undefined && (a.action === "accept-suggestions" || ("tagId" in a && a.tagId === tagId));
  };
  const groups = [
    { title: "Topics", items: view.filter((t) => t.scheme !== "iso3166") },
    { title: "Places", items: view.filter((t) => t.scheme === "iso3166") },
  ];
  const suggestions = view.filter(confident).length;
  return (
    <div>
      {groups.map((g) => (
        <div key={g.title} className="mb-2">
          <h3 className="mb-1 text-xs font-medium text-stone-600 dark:text-stone-400">{g.title}</h3>
          {g.items.length === 0 ? (
            <p className="text-sm text-stone-600 dark:text-stone-400">None yet.</p>
          ) : (
            <ul className="flex flex-wrap gap-1">{g.items.map((t) => <TagChip key={t.tagId} t={t} label={labelOf(t, g.items)} canEdit={canEdit} busy={writing(t.tagId)} onAct={(a) => m.mutate({ a })} />)}</ul>
          )}
        </div>
      ))}
      {regions.length > 0 && <p className="text-xs text-stone-600 dark:text-stone-400">Regions: {regions.join(", ")}</p>}
      {canEdit && suggestions > 0 && (
        <button
          className="mt-2 rounded border border-stone-300 px-2 py-1 text-xs font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800"
          disabled={m.isPending}
          onClick={() => m.mutate({ a: { action: "accept-suggestions" } })}
        >
          Accept {suggestions} suggestion{suggestions === 1 ? "" : "s"} <kbd className="text-stone-600 dark:text-stone-400">a</kbd>
        </button>
      )}
      {canEdit && <AddTag inputRef={input} busy={m.isPending} onAdd={(scheme, code, name) => m.mutate({ a: { action: "add", scheme, code, name } })} />}
    </div>
  );
}

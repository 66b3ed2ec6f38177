"use client";

import Link from "next/link";
import { Command, defaultFilter } from "cmdk";
import { usePathname, useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { viewQueries } from "@/lib/queries/views";
import { usePageState } from "@/lib/ui/page-state";
import { Highlight } from "@/components/ui/highlight";
import { pressKey, shortcutsFor } from "@/lib/ui/shortcuts";
import { useKeys } from "@/lib/ui/keys";
import { undoLast } from "@/lib/ui/undo";
import { toast } from "sonner";
import { articlePage } from "@/lib/schemas/articles";
import { readJson } from "@/lib/queries/read-json";

/**
 * cmdk's ranking, with the searches for the words typed (the queue search and
 * the articles it found, which match them by construction) below any page,
 * action or saved view that matches too: typing a view's name and Enter opens
 * the view, not a search for its name.
 */
function rank(value: string, search: string, keywords?: string[]): number {
  const score = defaultFilter(value, search, keywords);
  return value.startsWith("Search for ") || value.startsWith("Story ") ? score / 2 : score;
}

export interface PalettePage {
  label: string;
  href: string;
}

const item =
  "flex cursor-pointer items-center justify-between gap-3 rounded px-3 py-2 text-sm data-[selected=true]:bg-stone-100 dark:data-[selected=true]:bg-stone-800";
const heading =
  "[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-stone-600 dark:[&_[cmdk-group-heading]]:text-stone-400";

function useDebounced<T>(value: T, ms: number) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/**
 * Ctrl+K (⌘K): the pages this user may open, saved views, the page's actions that apply, and
 * stories by headline as the editor types, from the keyboard. "?" lists the keys.
 */
export function CommandPalette({ pages, canEdit }: { pages: PalettePage[]; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  const [help, setHelp] = useState(false);
  const [search, setSearch] = useState("");
  // The chosen option, held here: cmdk chooses the top one when the words change, but not when
  // options arrive later (saved views still loading, stories found), so Enter would run whatever
  // was on top before they came.
  const [chosen, setChosen] = useState("");
  const moved = useRef(false);
  const list = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const pathname = usePathname();
  const { page, keys: all } = shortcutsFor(pathname);
  const state = usePageState();
  // A viewer is offered no edits; "reopen" only on a story that is not new, and so on (with a selection, its statuses vary).
  const keys = all.filter((k) => (canEdit || !k.edits) && (!k.unless || state.selected || state.status === undefined || state.status !== k.unless));
  // Loaded with the page, so saved views are there the moment the palette opens.
  const views = useQuery(viewQueries.list());
  const q = useDebounced(search.trim(), 150);
  const found = useQuery({
    queryKey: ["palette", "stories", q],
    enabled: open && q.length >= 2,
    queryFn: async () => {
      const res = await fetch(`/api/articles?${new URLSearchParams({ q, limit: "8", status: "all" })}`);
      if (!res.ok) throw new Error(`Search failed (HTTP ${res.status})`);
      return (await readJson(res, articlePage)).items;
    },
  });

  // Options arrived: the best of them becomes the chosen one, unless the editor has moved the choice.
  useEffect(() => {
    if (!open) {
      moved.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      if (moved.current) return;
      const top = list.current?.querySelector('[cmdk-item]:not([aria-disabled="true"])');
      const value = top?.getAttribute("data-value");
      if (value) setChosen(value);
    });
    return () => cancelAnimationFrame(frame);
  }, [open, views.data, found.data]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  useKeys({ "?": () => setHelp((h) => !h), z: () => undoLast() || toast.info("Nothing to undo.") });
  // Esc closes the key list whatever has focus (its own listener: the page's Esc, clearing a selection, may run first).
  useEffect(() => {
    if (!help) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setHelp(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [help]);

  const run = (f: () => void) => {
    setOpen(false);
    setSearch("");
    // After the dialog has closed and focus is back on the page.
    setTimeout(f, 0);
  };
  return (
    <>
      <button
        onClick={() => setOpen(true)}
        className="ml-auto rounded border border-stone-300 px-2 py-1 text-xs text-stone-600 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800"
      >
        Commands <kbd className="font-mono pointer-coarse:hidden">Ctrl K</kbd>
      </button>
      <Command.Dialog
        open={open}
        onOpenChange={setOpen}
        label="Command palette"
        filter={rank}
        value={chosen}
        onValueChange={setChosen}
        onKeyDown={(e) => {
          if (["ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"].includes(e.key) || (e.ctrlKey && ["j", "k", "n", "p"].includes(e.key))) moved.current = true;
        }}
        overlayClassName="fixed inset-0 z-40 bg-stone-950/40"
        contentClassName="fixed left-1/2 top-24 z-50 w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-lg border border-stone-200 bg-white shadow-xl dark:border-stone-700 dark:bg-stone-900"
        className={heading}
      >
        <Command.Input
          value={search}
          onValueChange={(v) => {
            moved.current = false;
            setSearch(v);
          }}
          placeholder="Go to, run an action, or find a story…"
          className="w-full border-b border-stone-200 bg-transparent px-4 py-3 text-sm outline-none dark:border-stone-700"
        />
        <Command.List ref={list} onPointerMove={() => (moved.current = true)} className="max-h-96 overflow-y-auto p-1">
          {search.trim().length < 2 && (
            <Command.Empty className="px-3 py-6 text-center text-sm text-stone-600 dark:text-stone-400">Nothing matches. Try a page name, an action or words from a headline.</Command.Empty>
          )}
          {keys.some((k) => !k.helpOnly) && (
            <Command.Group heading={`${page} actions`}>
              {keys.filter((k) => !k.helpOnly).map((k) => (
                <Command.Item key={k.key} value={`${page} ${k.label}`} className={item} onSelect={() => run(() => pressKey(k.key))}>
                  <span className="first-letter:uppercase">{k.label}</span>
                  <kbd className="font-mono text-xs text-stone-600 dark:text-stone-400">{k.key}</kbd>
                </Command.Item>
              ))}
            </Command.Group>
          )}
          <Command.Group heading="Go to">
            {pages.map((p) => (
              <Command.Item key={p.href} value={`Go to ${p.label}`} className={item} onSelect={() => run(() => router.push(p.href))}>
                {p.label}
              </Command.Item>
            ))}
            <Command.Item value="Show keyboard shortcuts" className={item} onSelect={() => run(() => setHelp(true))}>
              Keyboard shortcuts <kbd className="font-mono text-xs text-stone-600 dark:text-stone-400">?</kbd>
            </Command.Item>
          </Command.Group>
          {(views.data?.length ?? 0) > 0 && (
            <Command.Group heading="Saved views">
              {views.data!.map((v) => (
                <Command.Item key={v.id} value={`View ${v.name}`} className={item} onSelect={() => run(() => router.push(v.query ? `/?${v.query}` : "/"))}>
                  {v.name}
                </Command.Item>
              ))}
            </Command.Group>
          )}
          {search.trim().length >= 2 && (
            // Forced: cmdk would hide the group (found by the server, not by its own filter) and show "Nothing matches".
            <Command.Group heading="Stories" forceMount>
              {(found.data ?? []).map((a) => (
                <Command.Item key={a.id} value={`Story ${a.id} ${a.headline}`} keywords={[search]} forceMount className={item} onSelect={() => run(() => router.push(`/articles/${a.id}`))}>
                  <span className="truncate"><Highlight text={a.headline} terms={[search.trim().split(/\s+/).pop() ?? ""]} /></span>
                  <span className="shrink-0 text-xs text-stone-600 dark:text-stone-400">{a.source ?? ""}</span>
                </Command.Item>
              ))}
              {(found.isPending || q !== search.trim()) && (
                <Command.Loading>
                  <p className="px-3 py-2 text-xs text-stone-600 dark:text-stone-400">Looking for stories…</p>
                </Command.Loading>
              )}
              {found.isSuccess && q === search.trim() && found.data.length === 0 && (
                <p className="px-3 py-2 text-xs text-stone-600 dark:text-stone-400">No story has these words.</p>
              )}
              {found.isError && <p role="alert" className="px-3 py-2 text-xs text-rose-700 dark:text-rose-300">{found.error.message}</p>}
              <Command.Item value={`Search for ${search}`} forceMount className={item} onSelect={() => run(() => router.push(`/?q=${encodeURIComponent(search.trim())}&status=all`))}>
                Search the queue for “{search.trim()}”
                <kbd className="font-mono text-xs text-stone-600 dark:text-stone-400">all statuses</kbd>
              </Command.Item>
            </Command.Group>
          )}
        </Command.List>
      </Command.Dialog>
      {help && (
        <div role="dialog" aria-modal="false" aria-label="Keyboard shortcuts" className="fixed bottom-4 right-4 z-30 w-80 rounded-lg border border-stone-300 bg-white p-4 text-sm shadow-lg dark:border-stone-700 dark:bg-stone-900">
          <div className="mb-2 flex items-center justify-between">
            <h2 className="font-semibold">Keys: {page}</h2>
            <button className="text-xs underline" onClick={() => setHelp(false)}>Close</button>
          </div>
          <dl className="grid grid-cols-[5rem_1fr] gap-1">
            {keys.map((k) => (
              <div key={k.key} className="contents">
                <dt><kbd className="rounded border border-stone-300 px-1 font-mono text-xs dark:border-stone-600">{k.key}</kbd></dt>
                <dd>{k.label}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 border-t border-stone-200 pt-2 text-xs text-stone-600 dark:border-stone-700 dark:text-stone-400">
            Wiring another system to the desk? See the <Link href="/api-docs" className="underline" onClick={() => setHelp(false)}>API reference</Link>.
          </p>
        </div>
      )}
    </>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { readJson } from "@/lib/queries/read-json";
import { taxonomyAnswer } from "@/lib/schemas/tags";

type Change =
  | { action: "rename"; tagId: number; name: string }
  | { action: "hide"; tagId: number; hidden: boolean }
  | { action: "add"; parentId: number; name: string };

async function change(body: Change) {
  const res = await fetch("/api/taxonomy", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return readJson(res, taxonomyAnswer, `Could not change the taxonomy (HTTP ${res.status})`);
}

export interface TopicRow {
  id: number;
  code: string;
  scheme: string;
  name: string;
  officialName: string | null;
  hidden: boolean;
  articles: number;
  children: { id: number; code: string; scheme: string; name: string; hidden: boolean; articles: number }[];
}

export function TopicEditor({ topic }: { topic: TopicRow }) {
  const router = useRouter();
  const [name, setName] = useState(topic.name);
  const [newTag, setNewTag] = useState("");
  const m = useMutation({
    mutationFn: ({ c }: { c: Change; undo?: Change | null; done: string }) => change(c),
    onSuccess: (r, { c, undo, done }) => {
      router.refresh();
      // An added newsroom tag is undone by hiding it: tags already used on articles are never deleted.
      const back = c.action === "add" && r.id ? { action: "hide" as const, tagId: r.id, hidden: true } : undo;
      toast.success(done, { action: back ? { label: "Undo", onClick: () => m.mutate({ c: back, done: "Undone." }) } : undefined });
    },
    onError: (e) => toast.error(e.message),
  });
  const input = "rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950";
  const button = "rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";
  return (
    <li className={`rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900 ${topic.hidden ? "opacity-60" : ""}`} data-testid="topic">
      <div className="flex flex-wrap items-center gap-2">
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            m.mutate({ c: { action: "rename", tagId: topic.id, name }, undo: { action: "rename", tagId: topic.id, name: topic.name }, done: `Renamed “${topic.name}” to “${name}”.` });
          }}
        >
          <label className="sr-only" htmlFor={`name-${topic.id}`}>Name of {topic.officialName ?? topic.code}</label>
          <input id={`name-${topic.id}`} className={`${input} w-56 font-medium`} value={name} onChange={(e) => setName(e.target.value)} />
          <button className={button} disabled={m.isPending || name === topic.name}>Rename</button>
        </form>
        <button className={button} disabled={m.isPending} onClick={() =>
            m.mutate({
              c: { action: "hide", tagId: topic.id, hidden: !topic.hidden },
              undo: { action: "hide", tagId: topic.id, hidden: topic.hidden },
              done: `${topic.hidden ? "Showing" : "Hid"} “${topic.name}”${topic.hidden ? " again" : ": it is no longer suggested"}.`,
            })
          }>
          {topic.hidden ? "Show" : "Hide"}
        </button>
        <span className="text-xs text-stone-600 dark:text-stone-400">{topic.code} · IPTC “{topic.officialName}” · {topic.articles} articles</span>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-stone-600 dark:text-stone-400">{topic.children.length} narrower topics and newsroom tags</summary>
        <ul className="mt-2 flex flex-wrap gap-1">
          {topic.children.map((c) => (
            <li key={c.id} className={`rounded px-2 py-0.5 text-xs ring-1 ring-inset ${c.scheme === "newsroom" ? "bg-violet-50 text-violet-900 ring-violet-300 dark:bg-violet-950 dark:text-violet-100" : "ring-stone-300"}`}>
              {c.name}
            </li>
          ))}
        </ul>
        <form
          className="mt-2 flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            m.mutate({ c: { action: "add", parentId: topic.id, name: newTag }, done: `Added the newsroom tag “${newTag}”.` }, { onSuccess: () => setNewTag("") });
          }}
        >
          <label className="text-xs" htmlFor={`new-${topic.id}`}>New newsroom tag</label>
          <input id={`new-${topic.id}`} className={input} value={newTag} onChange={(e) => setNewTag(e.target.value)} />
          <button className={button} disabled={m.isPending || !newTag.trim()}>Add</button>
        </form>
      </details>
      {m.isError && <p role="alert" className="mt-1 text-sm text-rose-700 dark:text-rose-300">{m.error.message}</p>}
    </li>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { articleKeys } from "@/lib/queries/articles";

type Status = "new" | "reviewed" | "spiked";

async function post(id: number, status: Status, version: number) {
  const res = await fetch(`/api/articles/${id}/status`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ status, version }),
  });
  const json = (await res.json().catch(() => ({}))) as { error?: string; status?: Status; version?: number };
  if (!res.ok) throw new Error(json.error ?? `Could not change the status (HTTP ${res.status})`);
  return json as { status: Status; version: number };
}

const button =
  "rounded border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";

/** Mark reviewed (e), spike (#), reopen; with undo, from the keyboard too. */
export function StatusActions({ articleId, status, version, canEdit = true }: { articleId: number; status: Status; version: number; canEdit?: boolean }) {
  const router = useRouter();
  const qc = useQueryClient();
  const [undo, setUndo] = useState<{ from: Status; version: number } | null>(null);
  const m = useMutation({
    mutationFn: ({ to, v }: { to: Status; v: number }) => post(articleId, to, v),
    onSuccess: (r, { to }) => {
      setUndo(to === status ? null : { from: status, version: r.version });
      void qc.invalidateQueries({ queryKey: articleKeys.all });
      router.refresh();
    },
    // A refused stale write: the page reloads what is current while the message says why.
    onError: () => router.refresh(),
  });
  useEffect(() => {
    if (!canEdit) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable]") || e.metaKey || e.ctrlKey || e.altKey || m.isPending) return;
      if (e.key === "e" && status !== "reviewed") m.mutate({ to: "reviewed", v: version });
      else if (e.key === "#" && status !== "spiked") m.mutate({ to: "spiked", v: version });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [m, status, version, canEdit]);
  if (!canEdit) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status !== "reviewed" && (
        <button className={button} disabled={m.isPending} onClick={() => m.mutate({ to: "reviewed", v: version })}>
          Mark reviewed <kbd className="ml-1 text-xs text-stone-500">e</kbd>
        </button>
      )}
      {status !== "spiked" && (
        <button className={button} disabled={m.isPending} onClick={() => m.mutate({ to: "spiked", v: version })}>
          Spike <kbd className="ml-1 text-xs text-stone-500">#</kbd>
        </button>
      )}
      {status !== "new" && (
        <button className={button} disabled={m.isPending} onClick={() => m.mutate({ to: "new", v: version })}>Reopen</button>
      )}
      <span role="status" className="text-sm text-stone-600 dark:text-stone-400">
        {m.isError && <span className="text-rose-700 dark:text-rose-300">{m.error.message}</span>}
        {undo && !m.isPending && !m.isError && (
          <>
            Marked {status}.{" "}
            <button className="underline" onClick={() => m.mutate({ to: undo.from, v: undo.version })}>Undo</button>
          </>
        )}
      </span>
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

type State = "suggested" | "confirmed" | "dismissed";

async function post(url: string, body?: unknown) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(json.error ?? `Request failed (HTTP ${res.status})`);
  return json;
}

const button =
  "rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50";

export function LinkActions({ linkId, state }: { linkId: number; state: State }) {
  const router = useRouter();
  const [last, setLast] = useState<{ from: State; to: State } | null>(null);
  const decide = useMutation({
    mutationFn: (to: State) => post(`/api/duplicates/${linkId}`, { state: to }),
    onSuccess: (_d, to) => {
      setLast((prev) => (prev && prev.to !== to ? { from: prev.to, to } : { from: state, to }));
      router.refresh();
    },
  });
  const label = (s: State) => (s === "confirmed" ? "confirmed" : s === "dismissed" ? "marked not a duplicate" : "reopened");
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button className={`${button} bg-stone-900 text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900`} disabled={decide.isPending || state === "confirmed"} onClick={() => decide.mutate("confirmed")}>
        Confirm duplicate
      </button>
      <button className={`${button} border border-stone-300 bg-white hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900`} disabled={decide.isPending || state === "dismissed"} onClick={() => decide.mutate("dismissed")}>
        Not a duplicate
      </button>
      {state !== "suggested" && (
        <button className={`${button} text-stone-600 hover:underline dark:text-stone-300`} disabled={decide.isPending} onClick={() => decide.mutate("suggested")}>
          Reopen
        </button>
      )}
      <span role="status" className="text-sm text-stone-600 dark:text-stone-400">
        {decide.isError && <span className="text-rose-700 dark:text-rose-300">{decide.error.message}</span>}
        {last && !decide.isPending && (
          <>
            Link {label(last.to)}.{" "}
            <button className="underline" onClick={() => decide.mutate(last.from)}>Undo</button>
          </>
        )}
      </span>
    </div>
  );
}

export function KeepThisCopy({ articleId, isCanonical }: { articleId: number; isCanonical: boolean }) {
  const router = useRouter();
  const m = useMutation({ mutationFn: () => post(`/api/articles/${articleId}/canonical`), onSuccess: () => router.refresh() });
  if (isCanonical) return <span className="text-xs font-medium text-lime-700 dark:text-lime-300">The copy this group keeps</span>;
  return (
    <button className="text-xs underline hover:no-underline disabled:opacity-50" disabled={m.isPending} onClick={() => m.mutate()}>
      {m.isError ? m.error.message : "Keep this copy instead"}
    </button>
  );
}

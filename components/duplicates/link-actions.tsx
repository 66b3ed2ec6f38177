"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { toastWithUndo } from "@/lib/ui/undo";
import { postJson, useKeys } from "@/lib/ui/keys";
import { articleKeys } from "@/lib/queries/articles";
import { postStatuses, type Status, type Target } from "@/lib/queries/article-mutations";
import { canonicalChosen, clusterResult, linkDecided, type ClusterResult } from "@/lib/schemas/duplicates";
import { auditUndone } from "@/lib/schemas/audit";
import type { LinkState as State } from "@/lib/schemas/vocabulary";

const button =
  "rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50";
const label = (s: State) => (s === "confirmed" ? "Confirmed as a duplicate" : s === "dismissed" ? "Marked not a duplicate" : "Reopened");

/**
 * Confirm (c), not a duplicate (n), reopen (u); each undone from its toast.
 * A confirm or dismiss moves on to the next open pair, and says so when none is left.
 */
export function LinkActions({ linkId, state, nextOpen }: { linkId: number; state: State; nextOpen: number | null }) {
  const router = useRouter();
  const qc = useQueryClient();
  const [noneLeft, setNoneLeft] = useState(false);
  const refresh = () => {
    router.refresh();
    void qc.invalidateQueries({ queryKey: articleKeys.all });
  };
  // Undo goes back to the pair it undoes, wherever the editor has moved on to.
  const undo = (id: number, to: State) =>
    postJson(`/api/duplicates/${id}`, linkDecided, { state: to }).then(
      () => {
        router.push(`/duplicates/${id}`);
        refresh();
        toast.success("Undone.");
      },
      (e: Error) => toast.error(`${e.message}. The link is as it was.`),
    );
  const decide = useMutation({
    mutationFn: ({ id, to }: { id: number; to: State; from: State }) => postJson(`/api/duplicates/${id}`, linkDecided, { state: to }),
    onSuccess: (_d, { id, to, from }) => {
      const moveOn = to !== "suggested";
      // Undo from the toast or with z, as every decision on the desk.
      const back = () => void undo(id, from);
      if (moveOn && nextOpen !== null) {
        router.push(`/duplicates/${nextOpen}`);
        void qc.invalidateQueries({ queryKey: articleKeys.all });
        toastWithUndo(`${label(to)}. This is the next open pair.`, back);
        return;
      }
      refresh();
      setNoneLeft(moveOn);
      toastWithUndo(`${label(to)}.${moveOn ? " No open pairs are left." : ""}`, back);
    },
    onError: (e) => toast.error(`${e.message}. The link is as it was.`),
  });
  const go = (to: State) => state !== to && !decide.isPending && decide.mutate({ id: linkId, to, from: state });
  useKeys({ c: () => go("confirmed"), n: () => go("dismissed"), u: () => go("suggested") });
  return (
    <div className="grid justify-items-end gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <button className={`${button} bg-stone-900 text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900 dark:hover:bg-stone-300`} disabled={decide.isPending || state === "confirmed"} onClick={() => go("confirmed")}>
          Confirm duplicate <kbd className="ml-1 text-xs opacity-70">c</kbd>
        </button>
        <button className={`${button} border border-stone-300 bg-white hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900`} disabled={decide.isPending || state === "dismissed"} onClick={() => go("dismissed")}>
          Not a duplicate <kbd className="ml-1 text-xs text-stone-600 dark:text-stone-400">n</kbd>
        </button>
        {state !== "suggested" && (
          <button className={`${button} text-stone-700 hover:underline dark:text-stone-300`} disabled={decide.isPending} onClick={() => go("suggested")}>
            Reopen <kbd className="ml-1 text-xs text-stone-600 dark:text-stone-400">u</kbd>
          </button>
        )}
      </div>
      <p role="status" className="text-sm">
        {noneLeft && state !== "suggested" && (
          <span className="font-medium" data-testid="none-left">
            That was the last open pair. <Link href="/duplicates" className="underline">Back to the duplicates</Link>
          </span>
        )}
      </p>
    </div>
  );
}

export function KeepThisCopy({ articleId, isCanonical }: { articleId: number; isCanonical: boolean }) {
  const router = useRouter();
  const m = useMutation({
    mutationFn: () => postJson(`/api/articles/${articleId}/canonical`, canonicalChosen),
    onSuccess: (r) => {
      router.refresh();
      const undo = r.auditId;
      toast.success("This copy is now the one the group keeps.", {
        action: undo ? { label: "Undo", onClick: () => void postJson(`/api/audit/${undo}/undo`, auditUndone).then(() => { router.refresh(); toast.success("Undone."); }, (e: Error) => toast.error(e.message)) } : undefined,
      });
    },
    onError: (e) => toast.error(e.message),
  });
  if (isCanonical) return <span className="text-xs font-medium text-lime-800 dark:text-lime-300">The copy this group keeps</span>;
  return (
    <button className="text-xs underline hover:no-underline disabled:opacity-50" disabled={m.isPending} onClick={() => m.mutate()}>
      Keep this copy instead
    </button>
  );
}

/** Undoes a cluster decision: statuses back, links reopened, the canonical choice reversed. */
async function undoCluster(r: ClusterResult) {
  const byFrom = new Map<Status, Target[]>();
  for (const c of r.reviewed) byFrom.set(c.from, [...(byFrom.get(c.from) ?? []), { id: c.id, version: c.version }]);
  for (const [status, items] of byFrom) await postStatuses(status, items);
  for (const id of r.confirmed) await postJson(`/api/duplicates/${id}`, linkDecided, { state: "suggested" });
  if (r.canonicalAuditId) await postJson(`/api/audit/${r.canonicalAuditId}/undo`, auditUndone);
}

/** "Keep the original, mark the rest reviewed", for a whole cluster of copies. */
export function ResolveCluster({ keep, label: text = "Keep this, mark the rest reviewed" }: { keep: number; label?: string }) {
  const router = useRouter();
  const qc = useQueryClient();
  const refresh = () => {
    router.refresh();
    void qc.invalidateQueries({ queryKey: articleKeys.all });
  };
  const m = useMutation({
    mutationFn: () => postJson("/api/duplicates/cluster", clusterResult, { keep }),
    onSuccess: (r) => {
      refresh();
      const n = r.reviewed.length;
      toast.success(`Kept one copy; ${r.confirmed.length} link${r.confirmed.length === 1 ? "" : "s"} confirmed, ${n} cop${n === 1 ? "y" : "ies"} marked reviewed.`, {
        action: { label: "Undo", onClick: () => void undoCluster(r).then(() => { refresh(); toast.success("Undone."); }, (e: Error) => toast.error(e.message)) },
        duration: 10_000,
      });
      if (r.refused.length) toast.warning(`${r.refused.length} cop${r.refused.length === 1 ? "y" : "ies"} changed meanwhile and were left as they are.`);
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <button
      className="rounded border border-stone-300 px-2 py-1 text-xs font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800"
      disabled={m.isPending}
      onClick={() => m.mutate()}
    >
      {text}
    </button>
  );
}

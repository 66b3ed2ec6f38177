"use client";

import { useRouter } from "next/navigation";
import { useSetStatuses, type Status } from "@/lib/queries/article-mutations";
import { useKeys } from "@/lib/ui/keys";
import { useEffect } from "react";
import { setPageState } from "@/lib/ui/page-state";
import { useNextAfterDecision } from "./article-flow";

const button =
  "rounded border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";

/** Mark reviewed (e), spike (#), reopen (u), see the duplicates (d); each undone from its toast. */
export function StatusActions({
  articleId,
  status,
  version,
  duplicatesHref,
  canEdit = true,
}: {
  articleId: number;
  status: Status;
  version: number;
  duplicatesHref: string;
  canEdit?: boolean;
}) {
  const router = useRouter();
  const onward = useNextAfterDecision(articleId);
  // A refused (stale) write shows the article as it now is.
  const m = useSetStatuses(() => router.refresh());
  // A decision moves on to the next story of the queue (unless the editor chose to stay); reopening stays.
  const set = (to: Status) =>
    status !== to && !m.isPending && m.mutate({ status: to, items: [{ id: articleId, version }] }, { onSuccess: (r) => to !== "new" && r.changed.length > 0 && onward() });
  useEffect(() => {
    setPageState({ status });
    return () => setPageState({});
  }, [status]);
  useKeys({ d: () => router.push(duplicatesHref) });
  useKeys({ e: () => set("reviewed"), "#": () => set("spiked"), u: () => set("new") }, canEdit);
  if (!canEdit) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status !== "reviewed" && (
        <button className={button} disabled={m.isPending} onClick={() => set("reviewed")}>
          Mark reviewed <kbd className="ml-1 text-xs text-stone-600 dark:text-stone-400">e</kbd>
        </button>
      )}
      {status !== "spiked" && (
        <button className={button} disabled={m.isPending} onClick={() => set("spiked")}>
          Spike <kbd className="ml-1 text-xs text-stone-600 dark:text-stone-400">#</kbd>
        </button>
      )}
      {status !== "new" && (
        <button className={button} disabled={m.isPending} onClick={() => set("new")}>
          Reopen <kbd className="ml-1 text-xs text-stone-600 dark:text-stone-400">u</kbd>
        </button>
      )}
    </div>
  );
}

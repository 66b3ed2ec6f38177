"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useKeys } from "@/lib/ui/keys";
import { neighbours, readQueueContext, saveQueueContext, setAfterDecision, useAfterDecision, useQueueContext } from "@/lib/ui/queue-context";
import { useEffect } from "react";

/**
 * The article page inside the queue's flow: j/k (and ]/[) go to the next or previous story of
 * the list the editor came from, Esc and "← Queue" go back to that list at the same row, and the
 * choice of what follows a decision (the next story, or stay) is one click away.
 */
export function ArticleFlow({ articleId }: { articleId: number }) {
  const router = useRouter();
  const ctx = useQueueContext();
  const after = useAfterDecision();
  const { prev, next } = neighbours(ctx, articleId);
  // The editor's place in the list follows them from story to story: Back returns to this row.
  useEffect(() => {
    if (ctx && ctx.ids.includes(articleId) && ctx.focusId !== articleId) saveQueueContext({ ...ctx, focusId: articleId });
  }, [ctx, articleId]);
  const back = ctx?.href ?? "/";
  const go = (id: number | null) => id !== null && router.push(`/articles/${id}`);
  useKeys({ j: () => go(next), "]": () => go(next), k: () => go(prev), "[": () => go(prev), Escape: () => router.push(back) });
  const nav = "rounded px-1.5 py-0.5 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-stone-800";
  return (
    <nav aria-label="Queue" className="mb-2 flex flex-wrap items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
      <Link href={back} className={nav} data-testid="back-to-queue">
        ← Queue <kbd className="font-mono text-xs pointer-coarse:hidden">Esc</kbd>
      </Link>
      {prev !== null && (
        <Link href={`/articles/${prev}`} className={nav} rel="prev">
          ↑ Previous <kbd className="font-mono text-xs pointer-coarse:hidden">k</kbd>
        </Link>
      )}
      {next !== null && (
        <Link href={`/articles/${next}`} className={nav} rel="next">
          ↓ Next <kbd className="font-mono text-xs pointer-coarse:hidden">j</kbd>
        </Link>
      )}
      <label className="ml-auto flex items-center gap-1 text-xs">
        After a decision
        <select
          value={after}
          onChange={(e) => setAfterDecision(e.target.value === "stay" ? "stay" : "next")}
          className="rounded border border-stone-300 bg-white px-1 py-0.5 text-xs dark:border-stone-700 dark:bg-stone-950"
        >
          <option value="next">go to the next story</option>
          <option value="stay">stay here</option>
        </select>
      </label>
    </nav>
  );
}

/** Where a decision on this article leads: the next story of the queue, or nowhere. */
export function useNextAfterDecision(articleId: number): () => void {
  const router = useRouter();
  const after = useAfterDecision();
  return () => {
    if (after !== "next") return;
    const ctx = readQueueContext();
    const { next } = neighbours(ctx, articleId);
    router.push(next !== null ? `/articles/${next}` : (ctx?.href ?? "/"));
  };
}

"use client";
// Status changes from the queue and the article page: optimistic, rolled back
// on error, and undone from the toast that reports them.
import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { toast } from "sonner";
import { articleKeys } from "./articles";
import { postJson } from "../ui/keys";
import { toastWithUndo } from "../ui/undo";
import { bulkStatusResult, type ArticlePage, type BulkStatusResult } from "../schemas/articles";
import type { WorkflowStatus } from "../schemas/vocabulary";

export type Status = WorkflowStatus;
export interface Target {
  id: number;
  version: number;
}

const verb: Record<Status, string> = { new: "Reopened", reviewed: "Marked reviewed", spiked: "Spiked" };

export const postStatuses = (status: Status, items: Target[], wholeStory = false) =>
  postJson("/api/articles/status", bulkStatusResult, { status, items, ...(wholeStory ? { wholeStory } : {}) });

type Lists = [readonly unknown[], InfiniteData<ArticlePage> | undefined][];

/** Marks articles in every cached queue page, returning what was there for a rollback. */
function patchLists(qc: ReturnType<typeof useQueryClient>, ids: Set<number>, status: Status): Lists {
  const saved = qc.getQueriesData<InfiniteData<ArticlePage>>({ queryKey: articleKeys.lists() });
  for (const [key, data] of saved) {
    if (!data?.pages) continue;
    qc.setQueryData<InfiniteData<ArticlePage>>(key, {
      ...data,
      pages: data.pages.map((p) => ({ ...p, items: p.items.map((a) => (ids.has(a.id) ? { ...a, status } : a)) })),
    });
  }
  return saved;
}

/** One status for several articles (or one), with an undo in the toast. */
export function useSetStatuses(onDone?: () => void) {
  const qc = useQueryClient();
  const m = useMutation({
    // wholeStory: each item stands for its story, and every copy takes the status.
    mutationFn: ({ status, items, wholeStory }: { status: Status; items: Target[]; undoing?: boolean; wholeStory?: boolean }) =>
      postStatuses(status, items, wholeStory),
    onMutate: async ({ status, items }) => {
      await qc.cancelQueries({ queryKey: articleKeys.lists() });
      return { saved: patchLists(qc, new Set(items.map((i) => i.id)), status) };
    },
    onError: (e, _v, ctx) => {
      for (const [key, data] of ctx?.saved ?? []) qc.setQueryData(key, data);
      toast.error(`${e.message}. Nothing was changed.`);
    },
    onSuccess: (r, { status, undoing }) => {
      const n = r.changed.length;
      if (r.refused.length) {
        toast.warning(`${r.refused.length} article${r.refused.length === 1 ? " was" : "s were"} not changed: ${r.refused[0]!.reason}`);
      }
      if (n === 0) return;
      if (undoing) {
        toast.success(`Undone for ${n} article${n === 1 ? "" : "s"}.`);
        return;
      }
      toastWithUndo(`${verb[status]}: ${n} article${n === 1 ? "" : "s"}.`, () => undo(r));
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: articleKeys.all });
      onDone?.();
    },
  });
  // Undo puts each article back to the status it had, naming the version our own write produced.
  const undo = (r: BulkStatusResult) => {
    const byFrom = new Map<Status, Target[]>();
    for (const c of r.changed) {
      const list = byFrom.get(c.from) ?? [];
      list.push({ id: c.id, version: c.version });
      byFrom.set(c.from, list);
    }
    for (const [status, items] of byFrom) m.mutate({ status, items, undoing: true });
  };
  return m;
}

"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useSetStatuses, type Status } from "@/lib/queries/article-mutations";
import { postJson, useKeys } from "@/lib/ui/keys";
import { workflowStatus } from "@/lib/schemas/vocabulary";
import { storyMoved } from "@/lib/schemas/stories";

const button =
  "rounded border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";
const small =
  "rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";

/** The whole story at once: every copy takes the status (e, #, u), undone from the toast. */
export function StoryStatus({ leadId, version, status }: { leadId: number; version: number; status: Status }) {
  const router = useRouter();
  const m = useSetStatuses(() => router.refresh());
  const set = (to: Status) => !m.isPending && m.mutate({ status: to, items: [{ id: leadId, version }], wholeStory: true });
  useKeys({ e: () => set("reviewed"), "#": () => set("spiked"), u: () => set("new") });
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="The whole story">
      <button className={button} disabled={m.isPending} onClick={() => set("reviewed")}>
        Mark story reviewed <kbd className="ml-1 text-xs text-stone-600 dark:text-stone-400">e</kbd>
      </button>
      <button className={button} disabled={m.isPending} onClick={() => set("spiked")}>
        Spike story <kbd className="ml-1 text-xs text-stone-600 dark:text-stone-400">#</kbd>
      </button>
      {status !== "new" && (
        <button className={button} disabled={m.isPending} onClick={() => set("new")}>
          Reopen story <kbd className="ml-1 text-xs text-stone-600 dark:text-stone-400">u</kbd>
        </button>
      )}
    </div>
  );
}

/** One copy on its own: a status of its own (overriding the story's), or out of the story. */
export function CopyControls({ id, version, status, headline, canMoveOut }: { id: number; version: number; status: Status; headline: string; canMoveOut: boolean }) {
  const router = useRouter();
  const statuses = useSetStatuses(() => router.refresh());
  const move = useMutation({
    mutationFn: () => postJson("/api/stories/move", storyMoved, { articleId: id, to: "alone" }),
    onSuccess: () => {
      toast.success("Moved out of the story. Later copy will not bring it back.");
      router.refresh();
    },
    onError: (e: Error) => toast.error(e.message),
  });
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <label className="sr-only" htmlFor={`copy-status-${id}`}>Status of “{headline}” alone</label>
      <select
        id={`copy-status-${id}`}
        value={status}
        disabled={statuses.isPending}
        onChange={(e) => statuses.mutate({ status: e.target.value as Status, items: [{ id, version }] })}
        className="rounded border border-stone-300 bg-white px-1 py-0.5 text-xs dark:border-stone-700 dark:bg-stone-950"
      >
        {workflowStatus.options.map((s) => (
          <option key={s} value={s}>{s}</option>
        ))}
      </select>
      {canMoveOut && (
        <button type="button" className={small} disabled={move.isPending} onClick={() => move.mutate()}>
          Not this story: move out
        </button>
      )}
    </span>
  );
}

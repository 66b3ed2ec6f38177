"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { storyQueries } from "@/lib/queries/stories";
import { STORY_KIND_LABEL } from "@/lib/schemas/stories";
import { Badge, statusTone } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";

/** A story's articles under its queue row: who ran it, how each copy joined, and each copy's own status. */
export function StoryCopies({ storyId }: { storyId: number }) {
  const q = useQuery(storyQueries.detail(storyId));
  if (q.isPending) return <p className="px-4 py-2 text-xs text-stone-600 dark:text-stone-400">Loading the copies…</p>;
  if (q.isError) return <p role="alert" className="px-4 py-2 text-xs text-rose-700">{q.error.message}</p>;
  const s = q.data;
  return (
    <div className="border-b border-stone-200 bg-stone-50 px-4 py-2 dark:border-stone-800 dark:bg-stone-950" data-testid="story-copies">
      <ol aria-label={`Copies of “${s.headline}”`} className="space-y-1 text-sm">
        {s.members.map((m) => (
          <li key={m.id} data-testid="story-copy" data-status={m.status} className="flex flex-wrap items-baseline gap-x-2">
            <Badge tone={m.kind === "first" ? "topic" : m.kind === "copy" ? "neutral" : "warn"}>{m.id === s.firstId ? "ran it first" : STORY_KIND_LABEL[m.kind]}</Badge>
            <Link href={`/articles/${m.id}`} className="hover:underline">{m.headline}</Link>
            <span className="text-xs text-stone-600 dark:text-stone-400">
              {m.source ?? "Unknown source"} · <TimeAgo iso={m.publishedAt} />
              {m.reason && m.id !== s.firstId && <> · {m.reason}</>}
            </span>
            {m.status !== "new" && <Badge tone={statusTone(m.status)}>{m.status}</Badge>}
          </li>
        ))}
      </ol>
      <p className="mt-1 text-xs">
        <Link href={`/stories/${storyId}`} className="underline">The story: timeline and changes</Link>
      </p>
    </div>
  );
}

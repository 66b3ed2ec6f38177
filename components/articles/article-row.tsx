import Link from "next/link";
import { isQueueChip, type ArticleListItem } from "@/lib/schemas/articles";
import { Badge, statusTone } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";

/** The tags worth a glance in the queue: decided ones, then confident suggestions. */
function queueChips(tags: ArticleListItem["tags"]) {
  return tags
    .filter(isQueueChip)
    .sort((x, y) => Number(y.state === "accepted") - Number(x.state === "accepted") || y.confidence - x.confidence)
    // A narrower topic can share its broader topic's short name ("economy"): one chip is enough.
    .filter((t, i, all) => all.findIndex((o) => o.name === t.name) === i)
    .slice(0, 6);
}

interface RowProps {
  a: ArticleListItem;
  focused?: boolean;
  selected?: boolean;
  onSelect?: () => void;
  onFocus?: () => void;
  /** The row stands for a story: its copies, and a toggle that shows them. */
  story?: { expanded: boolean; onToggle: () => void };
}

export function ArticleRow({ a, focused, selected, onSelect, onFocus, story }: RowProps) {
  const chips = queueChips(a.tags);
  const grouped = story && a.copies > 1;
  return (
    <div
      className={`flex gap-3 border-b border-stone-200 px-4 py-3 dark:border-stone-800 ${selected ? "bg-sky-50 dark:bg-sky-950/50" : ""} ${focused ? "shadow-[inset_3px_0_0_0] shadow-blue-600" : ""}`}
      data-testid="article-row"
      data-status={a.status}
      aria-current={focused ? "true" : undefined}
    >
      {onSelect && (
        <input
          type="checkbox"
          checked={Boolean(selected)}
          onChange={onSelect}
          aria-label={`Select “${a.headline}”`}
          className="mt-1 size-4 shrink-0 accent-stone-800"
        />
      )}
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline justify-between gap-4">
          <Link
            href={`/articles/${a.id}`}
            data-headline
            onFocus={onFocus}
            className="font-medium leading-snug hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            {a.headline}
          </Link>
          <div className="flex shrink-0 items-center gap-2 text-xs text-stone-600 dark:text-stone-400">
            {grouped && (
              <button
                type="button"
                onClick={story.onToggle}
                aria-expanded={story.expanded}
                data-testid="story-toggle"
                title="Show the copies of this story (o)"
                className="rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-900 ring-1 ring-inset ring-violet-300 hover:bg-violet-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:bg-violet-950 dark:text-violet-100 dark:ring-violet-700"
              >
                {story.expanded ? "▾" : "▸"} {a.copies} copies{a.sources > 1 ? ` · ${a.sources} sources` : ""}
              </button>
            )}
            {!grouped && a.duplicates > 0 && (
              <Badge tone="warn" title="Flagged as a copy of another article">
                {a.duplicates} duplicate{a.duplicates > 1 ? "s" : ""}
              </Badge>
            )}
            {a.status !== "new" && <Badge tone={statusTone(a.status)}>{a.status}</Badge>}
          </div>
        </div>
        <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          <span className="font-medium text-stone-700 dark:text-stone-300">{a.source ?? "Unknown source"}</span>
          {" · "}
          <TimeAgo iso={a.publishedAt} />
          {grouped && a.lastUpdatedAt !== a.ingestedAt && <> · first seen <TimeAgo iso={a.firstSeenAt} /></>}
          {grouped && <> · updated <TimeAgo iso={a.lastUpdatedAt} /></>}
          {a.dateline && <> · {a.dateline}</>}
        </p>
        <p className="mt-1 line-clamp-2 text-sm text-stone-700 dark:text-stone-300">{a.excerpt}</p>
        {chips.length > 0 && (
          <div className="mt-2 flex flex-wrap gap-1">
            {chips.map((t) => (
              <Badge
                key={`${t.scheme}:${t.code}`}
                tone={t.scheme === "iso3166" ? "place" : "topic"}
                dashed={t.state === "suggested"}
                title={t.state === "suggested" ? `Suggested (${Math.round(t.confidence * 100)}%)` : "Accepted"}
              >
                {t.name}
              </Badge>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

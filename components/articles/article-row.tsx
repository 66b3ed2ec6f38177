import Link from "next/link";
import { queueChips, type ArticleListItem } from "@/lib/schemas/articles";
import { Badge, statusTone } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { Highlight } from "@/components/ui/highlight";
import type { Status } from "@/lib/queries/article-mutations";
import { languageLabel } from "@/lib/schemas/vocabulary";

/** The row's languages as codes: the story's copies' when it has several, else the article's own. */
function LanguageCodes({ a }: { a: ArticleListItem }) {
  const codes = a.languages.length > 0 ? a.languages : a.language ? [a.language] : [];
  if (codes.length === 0) return null;
  const names = codes.map(languageLabel);
  return (
    <span className="shrink-0 font-mono text-[11px] tracking-wide" title={codes.length > 1 ? `Copies in ${names.join(", ")}` : names[0]} data-testid="row-languages">
      <span aria-hidden>{codes.map((c) => c.toUpperCase()).join(" · ")}</span>
      <span className="sr-only">{codes.length > 1 ? `Copies in ${names.join(", ")}` : `In ${names[0]}`}</span>
    </span>
  );
}

/** Publication and arrival more than an hour apart: the row shows both, so an old story arriving now reads as old. */
const HOUR = 3_600_000;
const differ = (a: string, b: string) => Math.abs(new Date(a).getTime() - new Date(b).getTime()) > HOUR;

interface RowProps {
  a: ArticleListItem;
  focused?: boolean;
  selected?: boolean;
  /** Editors tick rows and act on them; viewers only read. */
  canEdit: boolean;
  onSelect?: () => void;
  /** The row became the current one (a click anywhere on it, or focus). */
  onPick: () => void;
  /** Reviewed/spiked from buttons, for touch screens without keys. */
  onStatus?: (s: Status) => void;
  /** What the list is sorted by: that time leads, the other follows when it differs. */
  sort: "arrived" | "published";
  /** Searched words to mark. */
  terms: string[];
  /** The row stands for a story: its copies, and a toggle that shows them. */
  story?: { expanded: boolean; onToggle: () => void };
}

const touchButton =
  "rounded border border-stone-300 px-3 py-1.5 text-sm font-medium active:bg-stone-200 dark:border-stone-700 dark:active:bg-stone-800";

/** One story (or article) in one or two lines, as mail and issue trackers list them. */
export function ArticleRow({ a, focused, selected, canEdit, onSelect, onPick, onStatus, sort, terms, story }: RowProps) {
  const chips = queueChips(a.tags);
  const grouped = story && a.copies > 1;
  const lead = sort === "published" ? a.publishedAt : a.ingestedAt;
  const other = sort === "published" ? a.ingestedAt : a.publishedAt;
  return (
    <div
      className={`group flex cursor-default gap-2 border-b border-stone-200 px-3 py-1.5 dark:border-stone-800 ${selected ? "bg-sky-50 dark:bg-sky-950/50" : focused ? "bg-stone-100 dark:bg-stone-800/60" : "hover:bg-stone-50 dark:hover:bg-stone-800/30"} ${focused ? "shadow-[inset_3px_0_0_0] shadow-blue-600" : ""}`}
      data-testid="article-row"
      data-status={a.status}
      aria-current={focused ? "true" : undefined}
      onClick={(e) => {
        // A click anywhere on the row makes it the current one; links and controls keep their own click.
        if ((e.target as HTMLElement).closest("a, button, input, label")) return;
        onPick();
      }}
    >
      {canEdit && onSelect && (
        <input
          type="checkbox"
          checked={Boolean(selected)}
          onChange={onSelect}
          onClick={onPick}
          aria-label={`Select “${a.headline}”`}
          className="mt-1 size-4 shrink-0 accent-stone-800"
        />
      )}
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <Link
            href={`/articles/${a.id}`}
            data-headline
            onFocus={onPick}
            className={`min-w-0 flex-1 text-sm leading-snug hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 sm:truncate ${a.status === "new" ? "font-semibold" : "font-medium text-stone-700 dark:text-stone-300"}`}
          >
            <Highlight text={a.headline} terms={terms} />
          </Link>
          {(grouped || a.duplicates > 0 || a.status !== "new") && (
            <span className="flex shrink-0 items-center gap-1">
              {grouped && (
                <button
                  type="button"
                  onClick={story.onToggle}
                  aria-expanded={story.expanded}
                  data-testid="story-toggle"
                  title="Show the copies of this story (o)"
                  className="rounded-full bg-violet-50 px-1.5 text-xs font-medium text-violet-900 ring-1 ring-inset ring-violet-300 hover:bg-violet-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:bg-violet-950 dark:text-violet-100 dark:ring-violet-700"
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
            </span>
          )}
        </div>
        <div className="mt-0.5 flex items-center gap-2 text-xs text-stone-600 dark:text-stone-400">
          <span className="max-w-40 shrink-0 truncate font-medium text-stone-700 dark:text-stone-300">{a.source ?? "Unknown source"}</span>
          <LanguageCodes a={a} />
          <span className="shrink-0 whitespace-nowrap tabular-nums" data-testid="row-time">
            <span className="sr-only">{sort === "published" ? "Published" : "Arrived"} </span>
            <TimeAgo iso={lead} />
            {differ(lead, other) && (
              <>
                {" "}· {sort === "published" ? "arrived" : "pub."} <TimeAgo iso={other} />
              </>
            )}
          </span>
          <Link
            href={`/articles/${a.id}`}
            tabIndex={-1}
            data-testid="row-excerpt"
            className="hidden min-w-0 flex-1 truncate hover:text-stone-900 sm:block dark:hover:text-stone-100"
          >
            {a.dateline && <span className="font-medium">{a.dateline} — </span>}
            <Highlight text={a.excerpt} terms={terms} />
          </Link>
          {chips.length > 0 && (
            // As many whole chips as the row has room for: the ones that do not fit wrap to a second
            // line, which the one-chip height hides (they ran past the row into the reading pane).
            <span className="ml-auto hidden max-h-5 min-w-0 flex-wrap justify-end gap-1 overflow-hidden xl:flex" data-testid="row-chips">
              {chips.slice(0, 3).map((t) => (
                <Badge
                  key={`${t.scheme}:${t.code}`}
                  tone={t.scheme === "iso3166" ? "place" : "topic"}
                  dashed={t.state === "suggested"}
                  title={t.state === "suggested" ? `Suggested (${Math.round(t.confidence * 100)}%)` : "Accepted"}
                >
                  {t.name}
                </Badge>
              ))}
            </span>
          )}
        </div>
        {canEdit && onStatus && (
          // Touch screens have no keys: the two everyday decisions as buttons under the row.
          <div className="mt-1 hidden gap-2 pointer-coarse:flex">
            {a.status !== "reviewed" && (
              <button type="button" className={touchButton} onClick={() => onStatus("reviewed")}>
                Reviewed
              </button>
            )}
            {a.status !== "spiked" && (
              <button type="button" className={touchButton} onClick={() => onStatus("spiked")}>
                Spike
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

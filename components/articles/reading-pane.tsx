"use client";

import Link from "next/link";
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { articlePreview, type ArticlePreview } from "@/lib/schemas/preview";
import { readJson } from "@/lib/queries/read-json";
import type { ArticleListItem } from "@/lib/schemas/articles";
import { articleKeys } from "@/lib/queries/articles";
import { TagPanel } from "@/components/tags/tag-panel";
import { EvidenceBody, EvidenceProvider } from "@/components/articles/evidence";
import { StoryCopies } from "@/components/stories/story-copies";
import { Badge, statusTone } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { Highlight } from "@/components/ui/highlight";
import { languageLabel } from "@/lib/schemas/vocabulary";

export const previewQuery = (id: number) =>
  queryOptions({
    queryKey: [...articleKeys.all, "preview", id] as const,
    queryFn: async (): Promise<ArticlePreview> => {
      const res = await fetch(`/api/articles/${id}`);
      if (!res.ok) throw new Error(`Could not load the article (HTTP ${res.status})`);
      return readJson(res, articlePreview);
    },
    staleTime: 10_000,
  });

function Skeleton() {
  return (
    <div aria-hidden className="animate-pulse space-y-3" data-testid="pane-skeleton">
      <div className="h-6 w-4/5 rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-3 w-1/3 rounded bg-stone-200 dark:bg-stone-800" />
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="h-3 rounded bg-stone-200 dark:bg-stone-800" />
      ))}
    </div>
  );
}

/**
 * The current story beside the list: its text, its tags (accept, reject, add: t, a) and its
 * copies, so an editor reads and decides without leaving the queue. Enter opens the full page.
 */
export function ReadingPane({ item, canEdit, terms, tagKeys }: { item: ArticleListItem | undefined; canEdit: boolean; terms: string[]; tagKeys: boolean }) {
  const qc = useQueryClient();
  const q = useQuery({ ...previewQuery(item?.id ?? 0), enabled: Boolean(item) });
  if (!item) {
    return <p className="p-6 text-sm text-stone-600 dark:text-stone-400">Move to a story with j and k, or click one, to read it here.</p>;
  }
  const a = q.data;
  return (
    <article aria-label="Reading pane" className="space-y-4 p-5" data-testid="reading-pane">
      <header>
        <h2 className="text-xl font-semibold leading-tight">
          <Link href={`/articles/${item.id}`} className="hover:underline">
            <Highlight text={item.headline} terms={terms} />
          </Link>
        </h2>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
          <span className="font-medium text-stone-800 dark:text-stone-200">{item.source ?? "Unknown source"}</span>
          {a?.byline && <span>· {a.byline}</span>}
          {item.language && <span data-testid="article-language">· {languageLabel(item.language)}</span>}
          <span>
            · arrived <TimeAgo iso={item.ingestedAt} />, published <TimeAgo iso={item.publishedAt} />
          </span>
          {item.status !== "new" && <Badge tone={statusTone(item.status)}>{item.status}</Badge>}
          <Link href={`/articles/${item.id}`} className="ml-auto text-xs underline">
            Full page <kbd className="font-mono pointer-coarse:hidden">Enter</kbd>
          </Link>
        </p>
      </header>
      {q.isError && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{q.error.message}</p>}
      {!a ? (
        <Skeleton />
      ) : (
        <EvidenceProvider>
          <section aria-label="Tags" className="rounded-md border border-stone-200 p-3 dark:border-stone-800">
            <TagPanel
              key={a.id}
              articleId={a.id}
              tags={a.tags}
              regions={a.regions}
              canEdit={canEdit}
              keys={tagKeys}
              onChanged={() => void qc.invalidateQueries({ queryKey: articleKeys.all })}
            />
          </section>
          <EvidenceBody>
            <div className="space-y-3 text-[0.95rem] leading-relaxed">
              {a.paragraphs.slice(0, 12).map((p, i) => (
                <p key={i}>
                  {i === 0 && a.dateline && <strong className="font-semibold">{a.dateline} — </strong>}
                  <Highlight text={p} terms={terms} />
                </p>
              ))}
              {a.paragraphs.length > 12 && (
                <p className="text-sm">
                  <Link href={`/articles/${a.id}`} className="underline">
                    {a.paragraphs.length - 12} more paragraphs on the full page
                  </Link>
                </p>
              )}
            </div>
          </EvidenceBody>
        </EvidenceProvider>
      )}
      {item.storyId !== null && item.copies > 1 && (
        <section aria-label="Copies of the story">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
            {item.copies} copies · {item.sources} source{item.sources === 1 ? "" : "s"}
          </h3>
          <StoryCopies storyId={item.storyId} />
        </section>
      )}
      {a && a.duplicates.length > 0 && (item.storyId === null || item.copies <= 1) && (
        <section aria-label="Duplicates">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Duplicates</h3>
          <ul className="space-y-1 text-sm">
            {a.duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/duplicates/${d.id}`} className="hover:underline">
                  <Badge tone="warn">{d.kind}</Badge> {d.other.headline}
                </Link>{" "}
                <span className="text-xs text-stone-600 dark:text-stone-400">{d.other.source ?? "Unknown source"} · {d.state}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

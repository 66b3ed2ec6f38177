import Link from "next/link";
import { requirePageUser } from "@/lib/server/auth/page";
import { db } from "@/lib/server/db/client";
import { findLinkQueue } from "@/lib/server/duplicates/find-links";
import { Badge } from "@/components/ui/badge";
import { LINK_STATE_LABEL, linkState } from "@/lib/schemas/vocabulary";
import { ResolveCluster } from "@/components/duplicates/link-actions";
import { PairListKeys } from "@/components/duplicates/pair-list-keys";

export const dynamic = "force-dynamic";

type Queue = Awaited<ReturnType<typeof findLinkQueue>>;

function Groups({ groups, empty, resolve }: { groups: Queue["copies"]; empty: string; resolve?: boolean }) {
  if (groups.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">{empty}</p>;
  return (
    <ul className="space-y-3">
      {groups.map((g) => (
        <li key={g.links[0]!.id} className="rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900">
          <div className="mb-1 flex items-center justify-between gap-2">
            <p className="text-xs text-stone-600 dark:text-stone-400">{g.size} articles</p>
            {resolve && g.links.some((l) => l.kind !== "same-story" && l.state === "suggested") && (
              <ResolveCluster keep={g.original} label={`Keep the original (${g.links.flatMap((l) => [l.article, l.other]).find((a) => a.id === g.original)?.source ?? "earliest"}), mark the rest reviewed`} />
            )}
          </div>
          <ul className="space-y-1 text-sm">
            {g.links.map((l) => (
              <li key={l.id}>
                <Link href={`/duplicates/${l.id}`} className="-mx-1 block rounded px-1 py-0.5 hover:underline focus-visible:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:focus-visible:bg-stone-800" data-testid="link-row">
                  <Badge tone="warn">{l.kind}</Badge> {Math.round(l.score * 100)}% · <span className="font-medium">{l.article.source ?? "?"}</span> “{l.article.headline}” ↔{" "}
                  <span className="font-medium">{l.other.source ?? "?"}</span> “{l.other.headline}”
                </Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export default async function DuplicatesPage({ searchParams }: PageProps<"/duplicates">) {
  const user = await requirePageUser("read", "/duplicates");
  const parsed = linkState.safeParse((await searchParams).state);
  const state = parsed.success ? parsed.data : "suggested";
  const queue = await findLinkQueue(db(), user.actor, state);
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <div>
          <h1 className="text-xl font-semibold">Duplicates</h1>
          <p className="text-sm text-stone-600 dark:text-stone-400"><kbd>j</kbd>/<kbd>k</kbd> move through the pairs, <kbd>Enter</kbd> opens one.</p>
        </div>
        <PairListKeys />
        <nav aria-label="Link state" className="flex gap-1 text-sm">
          {linkState.options.map((t) => (
            <Link key={t} href={`/duplicates?state=${t}`} aria-current={t === state ? "page" : undefined}
              className={`rounded px-2.5 py-1 ${t === state ? "bg-stone-900 text-white dark:bg-stone-100 dark:text-stone-900" : "text-stone-600 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800"}`}>
              {LINK_STATE_LABEL[t]}
            </Link>
          ))}
        </nav>
      </div>
      <section aria-labelledby="copies">
        <h2 id="copies" className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Copies</h2>
        <Groups groups={queue.copies} empty="No copies here." resolve />
      </section>
      <section aria-labelledby="rewrites">
        <h2 id="rewrites" className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Same story, rewritten or in another language (lower confidence)</h2>
        <Groups groups={queue.sameStory} empty="No rewrites here." />
      </section>
    </div>
  );
}

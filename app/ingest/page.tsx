import { db } from "@/lib/server/db/client";
import { requirePageUser } from "@/lib/server/auth/page";
import { findRecentRuns } from "@/lib/server/ingest/find-runs";
import { findSourceNames } from "@/lib/server/ingest/source-names";
import { IngestForm } from "@/components/ingest/ingest-form";
import { TimeAgo } from "@/components/ui/time-ago";

export const dynamic = "force-dynamic";

export default async function IngestPage() {
  const user = await requirePageUser("ingest", "/ingest");
  const [runs, sources] = await Promise.all([findRecentRuns(db(), user.actor), findSourceNames(db(), user.actor)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Ingest</h1>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Pages, RSS, Atom and JSON Feed, ninjs (JSON or NDJSON), HTML articles and Wiredesk exports. Each broken item is reported; the rest go in.
        </p>
      </div>
      <IngestForm sources={sources} />
      <section aria-labelledby="runs">
        <h2 id="runs" className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Recent runs</h2>
        {runs.length === 0 ? (
          <p className="text-sm text-stone-600 dark:text-stone-400">No runs yet.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
            {runs.map((r) => (
              <li key={r.id} className="px-4 py-3">
                <p className="flex justify-between gap-4">
                  <span className="truncate font-medium" title={r.input}>#{r.id} {r.input}</span>
                  <span className="shrink-0 text-stone-600 dark:text-stone-400">{r.origin} · <TimeAgo iso={r.startedAt} /></span>
                </p>
                <p className="text-stone-600 dark:text-stone-400">
                  {r.counts.new} new · {r.counts.updated} updated · {r.counts.duplicates} duplicate{r.counts.duplicates === 1 ? "" : "s"} · {r.counts.skipped} skipped ·{" "}
                  <span className={r.counts.failed ? "font-medium text-rose-700 dark:text-rose-300" : ""}>{r.counts.failed} failed</span>
                </p>
                {r.errors.length > 0 && (
                  <ul className="mt-1 list-disc pl-5 text-xs text-stone-600 dark:text-stone-400">
                    {r.errors.map((e, i) => <li key={i}>{e.input}: {e.location}: {e.message}</li>)}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

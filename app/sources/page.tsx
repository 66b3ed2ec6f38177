import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { db } from "@/lib/server/db/client";
import { listSources } from "@/lib/server/sources/list-sources";
import { sourceQueries } from "@/lib/queries/sources";
import { SourcesDesk } from "@/components/sources/sources-desk";
import { requirePageUser } from "@/lib/server/auth/page";

export const dynamic = "force-dynamic";

export default async function SourcesPage() {
  const user = await requirePageUser("sources", "/sources");
  const qc = new QueryClient();
  await qc.prefetchQuery({ ...sourceQueries.list(), queryFn: () => listSources(db(), user.actor) });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Sources</h1>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Feeds the desk polls by itself. A failing feed is retried less and less often (doubling its interval each time, at most daily) and never holds up the others.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(qc)}>
        <SourcesDesk />
      </HydrationBoundary>
    </div>
  );
}

import { requirePageUser } from "@/lib/server/auth/page";
import { can } from "@/lib/schemas/roles";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { articleQueries } from "@/lib/queries/articles";
import { listViews } from "@/lib/server/views/saved-views";
import { viewQueries } from "@/lib/queries/views";
import { articleFacets } from "@/lib/server/articles/article-facets";
import { db } from "@/lib/server/db/client";
import { findArticles } from "@/lib/server/articles/find-articles";
import { filtersFromParams } from "@/lib/ui/queue-url";
import { QueueDesk } from "@/components/articles/queue-desk";

export const dynamic = "force-dynamic";

export default async function QueuePage({ searchParams }: PageProps<"/">) {
  const user = await requirePageUser("read", "/");
  const filters = filtersFromParams(await searchParams);
  const qc = new QueryClient();
  // The first page of rows, the counts and the views come with the page (the server reads the
  // store directly); the client refetches through /api/articles and /api/articles/facets.
  await Promise.all([
    qc.prefetchInfiniteQuery({
      ...articleQueries.list(filters),
      queryFn: ({ pageParam }) => findArticles(db(), { ...filters, cursor: pageParam ?? undefined }, user.actor),
    }),
    qc.prefetchQuery({ ...articleQueries.facets(filters), queryFn: () => articleFacets(db(), filters, user.actor) }),
    qc.prefetchQuery({ ...viewQueries.list(), queryFn: () => listViews(db(), user.actor) }),
  ]);
  return (
    <div data-wide>
      <HydrationBoundary state={dehydrate(qc)}>
        <QueueDesk canEdit={can(user.role, "triage")} />
      </HydrationBoundary>
    </div>
  );
}

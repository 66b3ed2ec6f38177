import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { dashboardQueries } from "@/lib/queries/dashboard";
import { dashboardRange } from "@/lib/schemas/dashboard";
import { db } from "@/lib/server/db/client";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { requirePageUser } from "@/lib/server/auth/page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dashboard · Wiredesk" };

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const user = await requirePageUser("read", "/dashboard");
  // A bad ?range= shows the default view rather than an error.
  const parsed = dashboardRange.safeParse((await searchParams).range);
  const range = parsed.success ? parsed.data : "7d";
  const qc = new QueryClient();
  // The server reads the store directly; the client refetches through /api/dashboard.
  await qc.prefetchQuery({ ...dashboardQueries.range(range), queryFn: () => getDashboard(db(), { range }, user.actor) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <DashboardView initialRange={range} />
    </HydrationBoundary>
  );
}

import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { db } from "@/lib/server/db/client";
import { requirePageUser } from "@/lib/server/auth/page";
import { listTokens } from "@/lib/server/auth/tokens";
import { tokenQueries } from "@/lib/queries/tokens";
import { TokenAdmin } from "@/components/tokens/token-admin";

export const metadata = { title: "API tokens · Wiredesk" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const user = await requirePageUser("users", "/admin/tokens");
  const qc = new QueryClient();
  await qc.prefetchQuery({ ...tokenQueries.list(), queryFn: () => listTokens(db(), user.actor) });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">API tokens</h1>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Other systems (the CMS, a chat bot, scripts) call the desk&apos;s API with a token: <code className="font-mono text-xs">Authorization: Bearer wd_…</code>, sent from a server, never from a browser.
          Every use is rate-limited and counted on the token (last used, uses); every change it makes is written to the audit log under its name (token:name).
        </p>
      </div>
      <HydrationBoundary state={dehydrate(qc)}>
        <TokenAdmin />
      </HydrationBoundary>
    </div>
  );
}

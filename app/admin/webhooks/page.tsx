import { db } from "@/lib/server/db/client";
import { requirePageUser } from "@/lib/server/auth/page";
import { listWebhooks } from "@/lib/server/webhooks/hooks";
import { listViews } from "@/lib/server/views/saved-views";
import { webhookLimits } from "@/lib/server/env";
import { WebhookAdmin } from "@/components/webhooks/webhook-admin";

export const metadata = { title: "Webhooks · Wiredesk" };

export default async function WebhooksPage() {
  const user = await requirePageUser("users", "/admin/webhooks");
  const [hooks, views] = await Promise.all([listWebhooks(db(), user.actor), listViews(db(), user.actor)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Webhooks</h1>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        The desk POSTs a signed JSON message to each URL when its events happen (header Wiredesk-Signature: t=…,v1=HMAC-SHA256 of
        &ldquo;t.body&rdquo; with the hook&rsquo;s secret). A receiver that does not answer 2xx is tried again with growing waits; the answers are
        kept below.
      </p>
      <WebhookAdmin hooks={hooks} views={views.map((v) => ({ id: v.id, name: v.name }))} privateAllowed={webhookLimits().allowPrivate} />
    </div>
  );
}

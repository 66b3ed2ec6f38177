// GET /api/v1/webhooks/:id/deliveries - a webhook's deliveries (signed-in admins)
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { listDeliveries } from "@/lib/server/webhooks/hooks";
import * as api from "@/lib/schemas/v1/webhooks";

export const GET = v1Route(api.listWebhookDeliveries, async ({ actor, params, query }) => ({ deliveries: await listDeliveries(db(), actor, params.id, query.limit) }));

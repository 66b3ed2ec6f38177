// POST /api/v1/webhooks/:id/deliveries/:deliveryId/redeliver - queue a delivery again (signed-in admins)
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { redeliver } from "@/lib/server/webhooks/hooks";
import * as api from "@/lib/schemas/v1/webhooks";

export const POST = v1Route(api.redeliverWebhook, async ({ actor, params }) => redeliver(db(), actor, params.id, params.deliveryId));

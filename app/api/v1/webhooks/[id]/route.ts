// PATCH, DELETE /api/v1/webhooks/:id - change or delete a webhook (signed-in admins)
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { deleteWebhook, updateWebhook } from "@/lib/server/webhooks/hooks";
import * as api from "@/lib/schemas/v1/webhooks";

export const PATCH = v1Route(api.updateWebhook, async ({ actor, params, body }) => updateWebhook(db(), actor, params.id, body));
export const DELETE = v1Route(api.deleteWebhook, async ({ actor, params }) => deleteWebhook(db(), actor, params.id));

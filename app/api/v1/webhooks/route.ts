// GET, POST /api/v1/webhooks - list and subscribe webhooks (signed-in admins)
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { createWebhook, listWebhooks } from "@/lib/server/webhooks/hooks";
import * as api from "@/lib/schemas/v1/webhooks";

export const GET = v1Route(api.listWebhooks, async ({ actor }) => ({ webhooks: await listWebhooks(db(), actor) }));
export const POST = v1Route(api.createWebhook, async ({ actor, body }) => createWebhook(db(), actor, body));

// /api/v1/webhooks: an admin's webhooks (decision 021). Sessions only, as
// tokens are: a hook made with a leaked token would go on sending the desk's
// copy after the token is revoked.
import { z } from "zod";
import { endpoint } from "../endpoint";
import { idParam } from "../ids";
import { deliveryList, deliveryView, webhookCreate, webhookCreated, webhookList, webhookUpdate, webhookView } from "../webhooks";

const idPath = z.object({ id: idParam.describe("The webhook's id") });
const deliveryPath = z.object({ id: idParam.describe("The webhook's id"), deliveryId: idParam.describe("The delivery's id") });

export const listWebhooks = endpoint({
  id: "listWebhooks",
  method: "get",
  path: "/api/v1/webhooks",
  group: "Webhooks",
  summary: "List webhooks (never their secrets), each with its newest delivery",
  need: "users",
  sessionOnly: true,
  response: webhookList,
});

export const createWebhook = endpoint({
  id: "createWebhook",
  method: "post",
  path: "/api/v1/webhooks",
  group: "Webhooks",
  summary: "Subscribe a URL to desk events; the answer holds the signing secret, shown this once",
  description:
    "Deliveries are POSTed as JSON with the headers Wiredesk-Event, Wiredesk-Delivery (its id) and " +
    "Wiredesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the secret>. " +
    "Refuse a timestamp more than 5 minutes old. Failed deliveries are retried with backoff.",
  need: "users",
  sessionOnly: true,
  body: webhookCreate,
  response: webhookCreated,
  status: 201,
});

export const updateWebhook = endpoint({
  id: "updateWebhook",
  method: "patch",
  path: "/api/v1/webhooks/{id}",
  group: "Webhooks",
  summary: "Change a webhook: its URL, events, saved view, or pause it (active: false)",
  need: "users",
  sessionOnly: true,
  params: idPath,
  body: webhookUpdate,
  response: webhookView,
  errors: [404],
});

export const deleteWebhook = endpoint({
  id: "deleteWebhook",
  method: "delete",
  path: "/api/v1/webhooks/{id}",
  group: "Webhooks",
  summary: "Delete a webhook and its deliveries; queued ones are not sent",
  need: "users",
  sessionOnly: true,
  params: idPath,
  response: webhookView,
  errors: [404],
});

export const listWebhookDeliveries = endpoint({
  id: "listWebhookDeliveries",
  method: "get",
  path: "/api/v1/webhooks/{id}/deliveries",
  group: "Webhooks",
  summary: "A webhook's deliveries, newest first, with the receiver's last answer",
  need: "users",
  sessionOnly: true,
  params: idPath,
  query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50).describe("At most this many (1-200)") }),
  response: deliveryList,
  errors: [404],
});

export const redeliverWebhook = endpoint({
  id: "redeliverWebhook",
  method: "post",
  path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
  group: "Webhooks",
  summary: "Send a delivered or failed delivery again (same id and body, from a first attempt)",
  need: "users",
  sessionOnly: true,
  params: deliveryPath,
  response: deliveryView,
  errors: [404, 409],
});

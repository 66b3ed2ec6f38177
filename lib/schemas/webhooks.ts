// Webhooks as the admin page and /api/v1 show them (decision 021): the
// secret only once, in the answer that makes the hook.
import { z } from "zod";
import { idNumber } from "./ids";

export const webhookEvents = ["story.reviewed", "story.spiked", "story.arrived", "duplicate.confirmed"] as const;
export const webhookEvent = z.enum(webhookEvents);
export type WebhookEvent = z.infer<typeof webhookEvent>;

export const WEBHOOK_EVENT_LABEL: Record<WebhookEvent, string> = {
  "story.reviewed": "A story is marked reviewed",
  "story.spiked": "A story is spiked",
  "story.arrived": "A new story arrives (matching the saved view, if one is chosen)",
  "duplicate.confirmed": "A duplicate is confirmed",
};

export const webhookCreate = z.object({
  name: z.string().trim().min(1, "name: required").max(100, "name: at most 100 characters"),
  url: z
    .url({ protocol: /^https?$/, error: "url: an http or https URL" })
    .max(2000, "url: at most 2000 characters"),
  events: z.array(webhookEvent).min(1, "events: at least one"),
  /** story.arrived only for stories this saved view finds; null: every new story. */
  savedViewId: idNumber.nullable().default(null),
  /** Deliveries may go to private, loopback and link-local addresses (needs WIREDESK_WEBHOOKS_ALLOW_PRIVATE=1). */
  allowPrivate: z.boolean().default(false),
});
export type WebhookCreate = z.input<typeof webhookCreate>;

export const webhookUpdate = z
  .object({
    name: webhookCreate.shape.name,
    url: webhookCreate.shape.url,
    events: webhookCreate.shape.events,
    savedViewId: idNumber.nullable(),
    allowPrivate: z.boolean(),
    active: z.boolean(),
  })
  .partial();
export type WebhookUpdate = z.infer<typeof webhookUpdate>;

export const deliveryStatus = z.enum(["pending", "delivered", "failed"]);

export const deliveryView = z
  .object({
    id: z.number().int(),
    webhookId: z.number().int(),
    event: z.string(),
    status: deliveryStatus,
    attempts: z.number().int(),
    nextAttemptAt: z.string().describe("When it is (or was) next tried"),
    lastAttemptAt: z.string().nullable(),
    responseStatus: z.number().int().nullable().describe("The receiver's last HTTP status; null when it did not answer"),
    responseBody: z.string().nullable().describe("The start of the receiver's last answer, or why there was none"),
    createdAt: z.string(),
  })
  .meta({ id: "WebhookDelivery" });
export type DeliveryView = z.infer<typeof deliveryView>;

export const webhookView = z
  .object({
    id: z.number().int(),
    name: z.string(),
    url: z.string(),
    events: z.array(webhookEvent),
    savedView: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    allowPrivate: z.boolean(),
    active: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
    /** The newest delivery, to see at a glance whether the receiver answers. */
    lastDelivery: deliveryView.nullable(),
  })
  .meta({ id: "Webhook" });
export type WebhookView = z.infer<typeof webhookView>;

export const webhookCreated = webhookView
  .extend({ secret: z.string().describe("Signs every delivery (Wiredesk-Signature): shown this once, never again") })
  .meta({ id: "WebhookCreated" });

/** GET /api/v1/webhooks. */
export const webhookList = z.object({ webhooks: z.array(webhookView) });
/** GET /api/v1/webhooks/{id}/deliveries. */
export const deliveryList = z.object({ deliveries: z.array(deliveryView) });

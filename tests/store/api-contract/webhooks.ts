import type { Db } from "../../../lib/server/db/client";
import type { Samples } from "./samples";
import { createWebhook } from "../../../lib/server/webhooks/hooks";
import { systemActor } from "../../../lib/server/audit";

let n = 0;
// A public address literal: checked without DNS (the tests run offline); nothing is sent, no worker runs here.
const url = "https://93.184.215.14/wiredesk-hook";
const hook = (db: Db) => createWebhook(db, systemActor("test"), { name: `sample hook ${++n}`, url, events: ["story.reviewed"] });

export const samples: Samples = {
  listWebhooks: async () => ({}),
  createWebhook: async () => ({ json: { name: `sample hook ${++n}`, url, events: ["story.reviewed", "story.arrived"] } }),
  updateWebhook: async (db) => ({ params: { id: String((await hook(db)).id) }, json: { active: false, events: ["story.spiked"] } }),
  deleteWebhook: async (db) => ({ params: { id: String((await hook(db)).id) } }),
  listWebhookDeliveries: async (db) => {
    const h = await hook(db);
    await db.webhookDelivery.create({ data: { webhookId: h.id, event: "story.reviewed", payload: "{}", status: "failed", attempts: 6, responseStatus: 500, responseBody: "down" } });
    return { params: { id: String(h.id) }, query: "limit=10" };
  },
  redeliverWebhook: async (db) => {
    const h = await hook(db);
    const d = await db.webhookDelivery.create({ data: { webhookId: h.id, event: "story.reviewed", payload: "{}", status: "failed", attempts: 6, responseStatus: 500 } });
    return { params: { id: String(h.id), deliveryId: String(d.id) } };
  },
};

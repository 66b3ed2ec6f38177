// Webhooks (decision 021): an admin subscribes a URL to desk events, sees the
// signing secret once, pauses or deletes the hook, reads its deliveries with
// the receiver's last answer, and sends one again. Every change is audited.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { authorize, recordAudit, type Actor } from "../audit";
import { ApiError } from "../http/problem";
import { privateAddressProblem } from "../fetch-url";
import { webhookLimits } from "../env";
import {
  deliveryStatus,
  webhookCreate,
  webhookEvent,
  type DeliveryView,
  type WebhookCreate,
  type WebhookEvent,
  type WebhookUpdate,
  type WebhookView,
} from "../../schemas/webhooks";

export const SECRET_PREFIX = "whsec_";

type HookRow = { id: number; name: string; url: string; events: string; savedViewId: number | null; allowPrivate: boolean; active: boolean; createdBy: string; createdAt: Date };
type DeliveryRow = {
  id: number;
  webhookId: number;
  event: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  responseStatus: number | null;
  responseBody: string | null;
  createdAt: Date;
};

export const deliveryView = (d: DeliveryRow): DeliveryView => ({
  id: d.id,
  webhookId: d.webhookId,
  event: d.event,
  status: deliveryStatus.catch("pending").parse(d.status),
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt.toISOString(),
  lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
  responseStatus: d.responseStatus,
  responseBody: d.responseBody,
  createdAt: d.createdAt.toISOString(),
});

const parseEvents = (s: string): WebhookEvent[] => s.split(",").filter((e): e is WebhookEvent => webhookEvent.safeParse(e).success);

async function views(db: Db, rows: HookRow[]): Promise<WebhookView[]> {
  const viewIds = [...new Set(rows.map((r) => r.savedViewId).filter((v): v is number => v !== null))];
  const named = new Map((await db.savedView.findMany({ where: { id: { in: viewIds } }, select: { id: true, name: true } })).map((v) => [v.id, v.name]));
  const out: WebhookView[] = [];
  for (const r of rows) {
    const last = await db.webhookDelivery.findFirst({ where: { webhookId: r.id }, orderBy: { id: "desc" } });
    out.push({
      id: r.id,
      name: r.name,
      url: r.url,
      events: parseEvents(r.events),
      // A view deleted since: named so, and it finds nothing (enqueue.ts), rather than everything.
      savedView: r.savedViewId === null ? null : { id: r.savedViewId, name: named.get(r.savedViewId) ?? "(deleted view: matches nothing)" },
      allowPrivate: r.allowPrivate,
      active: r.active,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      lastDelivery: last ? deliveryView(last) : null,
    });
  }
  return out;
}

const invalid = (path: string, message: string) => new ApiError(422, `${path}: ${message}`, { kind: "validation", errors: [{ path, message }] });

export interface HookPolicy {
  /** The operator allows allowPrivate hooks (WIREDESK_WEBHOOKS_ALLOW_PRIVATE=1). */
  allowPrivateHooks?: boolean;
}

/** Refuses what a hook may not be: a private target without leave, a saved view the desk does not share. */
async function check(db: Db, actor: Actor, h: { url: string; allowPrivate: boolean; savedViewId: number | null }, policy: HookPolicy) {
  const allowPrivateHooks = policy.allowPrivateHooks ?? webhookLimits().allowPrivate;
  if (h.allowPrivate && !allowPrivateHooks) {
    throw invalid("allowPrivate", "this desk does not send webhooks to private addresses (the operator sets WIREDESK_WEBHOOKS_ALLOW_PRIVATE=1 to allow it)");
  }
  if (!h.allowPrivate) {
    // Said now, to whoever types it; the sender checks every connection again.
    const problem = await privateAddressProblem(h.url);
    if (problem) throw invalid("url", problem.replace("the desk only fetches public addresses", "webhooks go only to public addresses"));
  }
  if (h.savedViewId !== null) {
    // The desk's shared views, or the admin's own: a hook outlives its maker's session, not their views.
    const v = await db.savedView.findFirst({ where: { id: h.savedViewId, OR: [{ userId: null }, { userId: actor.userId ?? -1 }] } });
    if (!v) throw invalid("savedViewId", `no saved view ${h.savedViewId} shared with the desk or yours`);
  }
}

export async function createWebhook(db: Db, actor: Actor, input: WebhookCreate, policy: HookPolicy = {}): Promise<WebhookView & { secret: string }> {
  authorize(actor, "users");
  const h = webhookCreate.parse(input);
  await check(db, actor, h, policy);
  const secret = SECRET_PREFIX + randomBytes(24).toString("base64url");
  const events = [...new Set(h.events)];
  const row = await db.$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: { name: h.name, url: h.url, events: events.join(","), secret, savedViewId: h.savedViewId, allowPrivate: h.allowPrivate, createdBy: actor.name },
    });
    await recordAudit(tx, actor, {
      action: "webhook.create",
      entityType: "webhook",
      entityId: created.id,
      after: { name: h.name, url: h.url, events, savedViewId: h.savedViewId, allowPrivate: h.allowPrivate },
    });
    return created;
  });
  const [view] = await views(db, [row]);
  return { ...view!, secret };
}

export async function listWebhooks(db: Db, actor: Actor): Promise<WebhookView[]> {
  authorize(actor, "users");
  return views(db, await db.webhook.findMany({ orderBy: { id: "asc" } }));
}

async function hookOrThrow(db: Db, id: number) {
  const row = await db.webhook.findUnique({ where: { id } });
  if (!row) throw new ApiError(404, `no webhook ${id}`, { kind: "not-found" });
  return row;
}

const auditable = (r: HookRow) => ({ name: r.name, url: r.url, events: parseEvents(r.events), savedViewId: r.savedViewId, allowPrivate: r.allowPrivate, active: r.active });

export async function updateWebhook(db: Db, actor: Actor, id: number, patch: WebhookUpdate, policy: HookPolicy = {}): Promise<WebhookView> {
  authorize(actor, "users");
  const row = await hookOrThrow(db, id);
  const next = {
    url: patch.url ?? row.url,
    allowPrivate: patch.allowPrivate ?? row.allowPrivate,
    savedViewId: patch.savedViewId === undefined ? row.savedViewId : patch.savedViewId,
  };
  if (patch.url !== undefined || patch.allowPrivate !== undefined || patch.savedViewId !== undefined) await check(db, actor, next, policy);
  const updated = await db.$transaction(async (tx) => {
    const u = await tx.webhook.update({
      where: { id },
      data: {
        ...next,
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.events !== undefined ? { events: [...new Set(patch.events)].join(",") } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      },
    });
    await recordAudit(tx, actor, { action: "webhook.update", entityType: "webhook", entityId: id, before: auditable(row), after: auditable(u) });
    return u;
  });
  return (await views(db, [updated]))[0]!;
}

/** Deletes a hook and its deliveries (queued ones are not sent). */
export async function deleteWebhook(db: Db, actor: Actor, id: number): Promise<WebhookView> {
  authorize(actor, "users");
  const row = await hookOrThrow(db, id);
  const [view] = await views(db, [row]);
  await db.$transaction(async (tx) => {
    await tx.webhook.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "webhook.delete", entityType: "webhook", entityId: id, before: auditable(row) });
  });
  return view!;
}

/** A hook's deliveries, newest first. */
export async function listDeliveries(db: Db, actor: Actor, webhookId: number, limit = 50): Promise<DeliveryView[]> {
  authorize(actor, "users");
  await hookOrThrow(db, webhookId);
  const rows = await db.webhookDelivery.findMany({ where: { webhookId }, orderBy: { id: "desc" }, take: Math.min(Math.max(limit, 1), 200) });
  return rows.map(deliveryView);
}

/**
 * Sends a delivered or failed delivery again: the same id and body (a
 * receiver that keeps ids sees it is the same event), from a first attempt.
 * One still queued is refused: it will be sent anyway.
 */
export async function redeliver(db: Db, actor: Actor, webhookId: number, deliveryId: number): Promise<DeliveryView> {
  authorize(actor, "users");
  const d = await db.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId } });
  if (!d) throw new ApiError(404, `no delivery ${deliveryId} of webhook ${webhookId}`, { kind: "not-found" });
  if (d.status === "pending") throw new ApiError(409, `delivery ${deliveryId} is queued already (attempt ${d.attempts + 1} at ${d.nextAttemptAt.toISOString()})`);
  const updated = await db.$transaction(async (tx) => {
    // Conditional on the status read: two admins pressing at once queue it once.
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, status: d.status },
      data: { status: "pending", attempts: 0, nextAttemptAt: new Date() },
    });
    if (count !== 1) throw new ApiError(409, `delivery ${deliveryId} is queued already`);
    await recordAudit(tx, actor, { action: "webhook.redeliver", entityType: "webhook", entityId: webhookId, before: { delivery: deliveryId, status: d.status }, after: { delivery: deliveryId, status: "pending" } });
    return tx.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
  });
  return deliveryView(updated);
}

// Webhooks end to end, on each store: events queued in the transaction of
// the change, sent signed to a real receiver on a local port, retried with a
// growing backoff and shown failed with the receiver's last answer, refused
// replays, refused private addresses, and two workers draining one queue
// without sending anything twice.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { createDb, type Db } from "../../lib/server/db/client";
import { systemActor } from "../../lib/server/audit";
import { runIngest, type IngestInput } from "../../lib/server/ingest/run-ingest";
import { setStatus } from "../../lib/server/articles/set-status";
import { decideLink } from "../../lib/server/duplicates/decide-link";
import { deleteView, saveView } from "../../lib/server/views/saved-views";
import { startWorker } from "../../lib/server/worker/run-worker";
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, redeliver, updateWebhook } from "../../lib/server/webhooks/hooks";
import { backoffMs, deliverDue, pruneDeliveries } from "../../lib/server/webhooks/deliver";
import { signatureHeader, verifySignature } from "../../lib/server/webhooks/signature";
import { ApiError } from "../../lib/server/http/problem";
import type { WebhookCreate } from "../../lib/schemas/webhooks";

interface Received {
  path: string;
  at: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on a local port: answers each path as told, keeps every request. */
async function receiver() {
  const got: Received[] = [];
  const answers = new Map<string, { status: number; body: string; delayMs?: number }>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      got.push({ path: req.url ?? "", at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const a = answers.get(req.url ?? "") ?? { status: 200, body: "ok" };
      setTimeout(() => res.writeHead(a.status, { "content-type": "text/plain" }).end(a.body), a.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    got,
    answer: (path: string, a: { status: number; body: string; delayMs?: number }) => answers.set(path, a),
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const admin = { name: "test admin", role: "admin" as const };
const editor = { name: "test editor", role: "editor" as const };
/** The test's receiver is on loopback: the operator allows such hooks here, as WIREDESK_WEBHOOKS_ALLOW_PRIVATE=1 would. */
const allowed = { allowPrivateHooks: true };
const bytes = (s: string) => new TextEncoder().encode(s);
const ndjson = (name: string, items: object[]): IngestInput => ({ name, read: async () => bytes(items.map((i) => JSON.stringify(i)).join("\n")) });
const ingest = (db: Db, input: IngestInput, bulk: boolean) => runIngest(db, [input], { origin: "cli", actor: "test", role: "system", bulk, suggestTags: false });

let serial = 0;
const story = (source: string, topic: string) => {
  const n = ++serial;
  return {
    uri: `story-${n}`,
    headline: `${topic} story ${n}`,
    body_text: `Story ${n} about ${topic}: the harbour council met ${n} times this year and approved ${n * 7} new berths for ${topic} ferries, the mayor said on Monday.`,
    infosources: [{ name: source }],
  };
};

async function until(what: string, check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(storeKinds())("webhooks on %s", (kind) => {
  let store: TestStore;
  let rx: Awaited<ReturnType<typeof receiver>>;
  const hook = (input: WebhookCreate) => createWebhook(store.db, admin, input, allowed);
  const pending = () => store.db.webhookDelivery.findMany({ where: { status: "pending" }, orderBy: { id: "asc" } });

  beforeAll(async () => {
    store = await openStore(kind);
    rx = await receiver();
  }, 120_000);
  afterAll(async () => {
    await rx?.close();
    await store?.drop();
  });

  /** Deletes every hook (and its deliveries), so each test sees only its own. */
  const clean = async () => {
    for (const h of await listWebhooks(store.db, admin)) await deleteWebhook(store.db, admin, h.id);
  };

  it("sends a signed story.reviewed to a local receiver through the worker, and the signature verifies", async () => {
    await clean();
    const h = await hook({ name: "CMS", url: rx.url("/cms"), events: ["story.reviewed"], allowPrivate: true });
    expect(h.secret).toMatch(/^whsec_/);
    // The secret is shown once: the list never has it.
    expect(JSON.stringify(await listWebhooks(store.db, admin))).not.toContain(h.secret);

    await ingest(store.db, ndjson("one.ndjson", [story("Port Wire", "ferry")]), false);
    const a = await store.db.article.findFirstOrThrow({ orderBy: { id: "desc" } });
    await setStatus(store.db, a.id, "reviewed", a.version, editor);
    // Queued by the write itself, before any worker ran.
    const queued = await pending();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ webhookId: h.id, event: "story.reviewed", attempts: 0 });

    const before = rx.got.length;
    const worker = await startWorker(store.db, store.url, { tickMs: 100, webhooks: { allowPrivate: true } });
    try {
      await until("the delivery", async () => (await store.db.webhookDelivery.findUniqueOrThrow({ where: { id: queued[0]!.id } })).status === "delivered");
    } finally {
      await worker.stop();
    }
    const got = rx.got.slice(before);
    expect(got).toHaveLength(1);
    const r = got[0]!;
    expect(r.path).toBe("/cms");
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.headers["wiredesk-event"]).toBe("story.reviewed");
    expect(r.headers["wiredesk-delivery"]).toBe(String(queued[0]!.id));
    const verdict = verifySignature(r.body, r.headers["wiredesk-signature"] as string, h.secret);
    expect(verdict).toEqual({ ok: true, timestamp: expect.any(Number) });
    expect(Math.abs(verdict.ok ? verdict.timestamp - Date.now() / 1000 : Infinity)).toBeLessThan(60);
    const payload = JSON.parse(r.body) as { event: string; data: { article: { id: number; status: string; source: string }; actor: string } };
    expect(payload).toMatchObject({ event: "story.reviewed", data: { article: { id: a.id, status: "reviewed", source: "Port Wire" }, actor: "test editor" } });
    // Another secret, or another body, does not verify.
    expect(verifySignature(r.body, r.headers["wiredesk-signature"] as string, "whsec_other").ok).toBe(false);
    expect(verifySignature(r.body.replace("reviewed", "spiked"), r.headers["wiredesk-signature"] as string, h.secret).ok).toBe(false);

    const [d] = await listDeliveries(store.db, admin, h.id);
    expect(d).toMatchObject({ status: "delivered", attempts: 1, responseStatus: 200, responseBody: "ok" });
  }, 60_000);

  it("refuses a replayed delivery by its timestamp, however well it is signed", () => {
    const secret = "whsec_test";
    const body = JSON.stringify({ id: "x", event: "story.reviewed", data: {} });
    const now = Math.floor(Date.now() / 1000);
    const old = signatureHeader(secret, body, now - 301);
    expect(verifySignature(body, old, secret)).toEqual({ ok: false, reason: expect.stringMatching(/timestamp outside the 300 s tolerance/) });
    // The same delivery captured now and replayed 10 minutes later.
    const fresh = signatureHeader(secret, body, now);
    expect(verifySignature(body, fresh, secret).ok).toBe(true);
    expect(verifySignature(body, fresh, secret, { now: now + 600 }).ok).toBe(false);
    expect(verifySignature(body, fresh, secret, { now: now + 600, toleranceSeconds: 900 }).ok).toBe(true);
    // A timestamp cannot be moved forward without the secret: it is signed with the body.
    const moved = fresh.replace(/t=\d+/, `t=${now + 600}`);
    expect(verifySignature(body, moved, secret, { now: now + 600 })).toEqual({ ok: false, reason: "signature does not match" });
    expect(verifySignature(body, undefined, secret).ok).toBe(false);
  });

  it("retries a failing receiver with a growing backoff, then shows the delivery failed with its last answer", async () => {
    await clean();
    rx.answer("/down", { status: 500, body: "down for maintenance" });
    const h = await hook({ name: "Broken", url: rx.url("/down"), events: ["story.spiked"], allowPrivate: true });
    await ingest(store.db, ndjson("two.ndjson", [story("Port Wire", "tram")]), false);
    const a = await store.db.article.findFirstOrThrow({ orderBy: { id: "desc" } });
    await setStatus(store.db, a.id, "spiked", a.version, editor);
    const [queued] = await pending();

    const opts = { allowPrivate: true, backoffMs: 60, maxAttempts: 4 };
    const gaps: number[] = [];
    const before = rx.got.length;
    await until(
      "the last try",
      async () => {
        for (const o of await deliverDue(store.db, opts)) {
          const row = await store.db.webhookDelivery.findUniqueOrThrow({ where: { id: o.id } });
          if (row.status === "pending") gaps.push(row.nextAttemptAt.getTime() - row.lastAttemptAt!.getTime());
        }
        return (await store.db.webhookDelivery.findUniqueOrThrow({ where: { id: queued!.id } })).status === "failed";
      },
      30_000,
    );
    // Three waits (after tries 1-3), each the schedule's step or a little more, and each longer than the one before.
    expect(gaps).toHaveLength(3);
    gaps.forEach((g, i) => {
      expect(g).toBeGreaterThanOrEqual(backoffMs(i + 1, 60));
      expect(g).toBeLessThan(backoffMs(i + 1, 60) + 1000);
    });
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!);
    expect(gaps[2]!).toBeGreaterThan(gaps[1]!);
    // The receiver saw the tries spaced out as scheduled.
    const tries = rx.got.slice(before).filter((r) => r.path === "/down");
    expect(tries).toHaveLength(4);
    expect(new Set(tries.map((t) => t.headers["wiredesk-delivery"]))).toEqual(new Set([String(queued!.id)]));
    const spacing = tries.slice(1).map((t, i) => t.at - tries[i]!.at);
    spacing.forEach((s, i) => expect(s).toBeGreaterThanOrEqual(backoffMs(i + 1, 60) - 5));

    const [d] = await listDeliveries(store.db, admin, h.id);
    expect(d).toMatchObject({ id: queued!.id, status: "failed", attempts: 4, responseStatus: 500, responseBody: "down for maintenance" });
    expect((await listWebhooks(store.db, admin))[0]!.lastDelivery).toMatchObject({ status: "failed", responseStatus: 500 });
    // Nothing more is tried.
    expect(await deliverDue(store.db, opts)).toEqual([]);

    // Sent again on request, once the receiver is back: same id, a first attempt.
    rx.answer("/down", { status: 204, body: "" });
    expect(await redeliver(store.db, admin, h.id, queued!.id)).toMatchObject({ status: "pending", attempts: 0 });
    await expect(redeliver(store.db, admin, h.id, queued!.id)).rejects.toMatchObject({ status: 409 });
    expect(await deliverDue(store.db, opts)).toEqual([expect.objectContaining({ id: queued!.id, status: "delivered", responseStatus: 204 })]);
    expect(await store.db.auditEntry.count({ where: { action: "webhook.redeliver" } })).toBe(1);
  }, 60_000);

  it("refuses private addresses unless the operator and the admin both allow them", async () => {
    await clean();
    const url = rx.url("/private");
    const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
    const noLeave = await refusal(createWebhook(store.db, admin, { name: "Intranet", url, events: ["story.reviewed"] }, allowed));
    expect(noLeave).toBeInstanceOf(ApiError);
    expect(noLeave).toMatchObject({ status: 422, message: expect.stringMatching(/127\.0\.0\.1 is a private or local address/) });
    const noOperator = await refusal(createWebhook(store.db, admin, { name: "Intranet", url, events: ["story.reviewed"], allowPrivate: true }, { allowPrivateHooks: false }));
    expect(noOperator).toMatchObject({ status: 422, message: expect.stringMatching(/WIREDESK_WEBHOOKS_ALLOW_PRIVATE/) });
    await expect(createWebhook(store.db, editor, { name: "x", url: "https://93.184.215.14/", events: ["story.reviewed"] })).rejects.toMatchObject({ status: 403 });

    // A hook allowed then, when the operator no longer allows it: nothing is sent, and the delivery says why.
    const h = await hook({ name: "Intranet", url, events: ["story.reviewed"], allowPrivate: true });
    await ingest(store.db, ndjson("three.ndjson", [story("Port Wire", "bus")]), false);
    const a = await store.db.article.findFirstOrThrow({ orderBy: { id: "desc" } });
    await setStatus(store.db, a.id, "reviewed", a.version, editor);
    const before = rx.got.length;
    const [o] = await deliverDue(store.db, { allowPrivate: false, backoffMs: 60, maxAttempts: 1 });
    expect(o).toMatchObject({ webhookId: h.id, status: "failed", responseStatus: null });
    expect(rx.got.length).toBe(before);
    const [d] = await listDeliveries(store.db, admin, h.id);
    expect(d!.responseBody).toMatch(/refused: 127\.0\.0\.1 is a private or local address/);
  }, 60_000);

  it("queues story.arrived for new stories its saved view finds, on both ingest paths, and duplicate.confirmed", async () => {
    await clean();
    const view = await saveView(store.db, { name: "Port Wire", query: "source=Port Wire" }, systemActor("test"));
    const port = await hook({ name: "Port desk", url: rx.url("/port"), events: ["story.arrived"], savedViewId: view.id, allowPrivate: true });
    const all = await hook({ name: "Everything", url: rx.url("/all"), events: ["story.arrived", "duplicate.confirmed"], allowPrivate: true });
    const perItem = [story("Port Wire", "ferry"), story("Other Wire", "ferry")];
    const bulk = [story("Port Wire", "rail"), story("Other Wire", "rail")];
    await ingest(store.db, ndjson("per-item.ndjson", perItem), false);
    await ingest(store.db, ndjson("bulk.ndjson", bulk), true);
    const arrived = async (webhookId: number) =>
      (await store.db.webhookDelivery.findMany({ where: { webhookId, event: "story.arrived" }, orderBy: { id: "asc" } })).map(
        (d) => (JSON.parse(d.payload) as { data: { article: { uri: string } } }).data.article.uri,
      );
    expect(await arrived(port.id)).toEqual([perItem[0]!.uri, bulk[0]!.uri]);
    expect(await arrived(all.id)).toEqual([...perItem, ...bulk].map((s) => s.uri));
    const first = JSON.parse((await store.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: port.id } })).payload) as { data: { view: unknown } };
    expect(first.data.view).toEqual({ id: view.id, name: "Port Wire" });

    // A copy of a stored story from another wire joins that story: no new story arrives.
    const copy = { ...perItem[0]!, uri: "copy-of-ferry", infosources: [{ name: "Third Wire" }] };
    await ingest(store.db, ndjson("copy.ndjson", [copy]), true);
    expect(await arrived(all.id)).toHaveLength(4);

    const link = await store.db.duplicateLink.findFirstOrThrow({ where: { article: { uri: "copy-of-ferry" } } });
    await decideLink(store.db, link.id, "confirmed", editor);
    const confirmed = await store.db.webhookDelivery.findMany({ where: { event: "duplicate.confirmed" } });
    expect(confirmed.map((d) => d.webhookId)).toEqual([all.id]);
    expect(JSON.parse(confirmed[0]!.payload)).toMatchObject({ event: "duplicate.confirmed", data: { link: { id: link.id }, actor: "test editor" } });

    // The view deleted: its hook hears of nothing more (not of everything), and says why.
    await deleteView(store.db, view.id, systemActor("test"));
    const late = story("Port Wire", "canal");
    await ingest(store.db, ndjson("late.ndjson", [late]), false);
    expect(await arrived(port.id)).toHaveLength(2);
    expect((await arrived(all.id)).at(-1)).toBe(late.uri);
    expect((await listWebhooks(store.db, admin)).find((h) => h.id === port.id)!.savedView).toEqual({ id: view.id, name: expect.stringMatching(/deleted view/) });
  }, 60_000);

  it("holds a paused hook's queued deliveries, queues it no new events, and sends them when it is resumed", async () => {
    await clean();
    const h = await hook({ name: "Paused", url: rx.url("/paused"), events: ["story.reviewed"], allowPrivate: true });
    await ingest(store.db, ndjson("four.ndjson", [story("Port Wire", "pier"), story("Port Wire", "quay")]), false);
    const [a, b] = await store.db.article.findMany({ orderBy: { id: "desc" }, take: 2 });
    await setStatus(store.db, a!.id, "reviewed", a!.version, editor);
    await updateWebhook(store.db, admin, h.id, { active: false });
    await setStatus(store.db, b!.id, "reviewed", b!.version, editor);
    expect(await pending()).toHaveLength(1);
    expect(await deliverDue(store.db, { allowPrivate: true })).toEqual([]);
    await updateWebhook(store.db, admin, h.id, { active: true });
    expect(await deliverDue(store.db, { allowPrivate: true })).toEqual([expect.objectContaining({ webhookId: h.id, status: "delivered" })]);
    expect(await store.db.auditEntry.count({ where: { action: "webhook.update", entityId: String(h.id) } })).toBe(2);
  }, 60_000);

  it("deletes delivered and failed deliveries once kept their days, through the worker, and keeps queued ones however old", async () => {
    await clean();
    const h = await hook({ name: "Archive", url: rx.url("/archive"), events: ["story.reviewed"], allowPrivate: true });
    const day = 86_400_000;
    const now = Date.now();
    const row = (name: string, status: string, ageDays: number | null) => ({
      webhookId: h.id,
      event: "story.reviewed",
      payload: JSON.stringify({ name }),
      status,
      attempts: ageDays === null ? 0 : 1,
      lastAttemptAt: ageDays === null ? null : new Date(now - ageDays * day),
      // Queued rows are not due yet, so the worker below does not send them.
      nextAttemptAt: new Date(now + day),
    });
    await store.db.webhookDelivery.createMany({
      data: [
        row("old delivered", "delivered", 40),
        row("old failed", "failed", 31),
        row("recent delivered", "delivered", 29),
        row("recent failed", "failed", 1),
        row("old queued, retrying", "pending", 60),
        row("never tried", "pending", null),
      ],
    });
    const names = async () =>
      (await store.db.webhookDelivery.findMany({ where: { webhookId: h.id }, orderBy: { id: "asc" } })).map((d) => (JSON.parse(d.payload) as { name: string }).name);

    expect(await pruneDeliveries(store.db, 30, new Date(now))).toBe(2);
    expect(await names()).toEqual(["recent delivered", "recent failed", "old queued, retrying", "never tried"]);
    // A shorter keep, as WIREDESK_WEBHOOK_KEEP_DAYS sets it: the worker prunes as it starts.
    const worker = await startWorker(store.db, store.url, { tickMs: 100, webhooks: { allowPrivate: true, keepDays: 7 } });
    try {
      await until("the worker's prune", async () => (await names()).length === 3);
    } finally {
      await worker.stop();
    }
    expect(await names()).toEqual(["recent failed", "old queued, retrying", "never tried"]);
  }, 60_000);

  it("sends each delivery once when two workers drain the same queue", async () => {
    await clean();
    rx.answer("/busy", { status: 200, body: "ok", delayMs: 15 });
    const h = await hook({ name: "Busy", url: rx.url("/busy"), events: ["story.reviewed"], allowPrivate: true });
    const N = 40;
    await store.db.webhookDelivery.createMany({ data: Array.from({ length: N }, (_, i) => ({ webhookId: h.id, event: "story.reviewed", payload: JSON.stringify({ n: i }) })) });
    const before = rx.got.length;
    // Two clients of their own: two workers, each claiming from the same due rows.
    const dbs = [createDb(store.url), createDb(store.url)];
    const drain = async (db: Db) => {
      let sent = 0;
      for (let round = 0; round < 50; round++) {
        const out = await deliverDue(db, { allowPrivate: true, batch: N, concurrency: 4 });
        sent += out.filter((o) => o.status === "delivered").length;
        if ((await db.webhookDelivery.count({ where: { status: "pending" } })) === 0) break;
      }
      return sent;
    };
    try {
      const sent = await Promise.all(dbs.map(drain));
      expect(sent[0]! + sent[1]!).toBe(N);
    } finally {
      await Promise.all(dbs.map((d) => d.$disconnect()));
    }
    const got = rx.got.slice(before).filter((r) => r.path === "/busy");
    const ids = got.map((r) => r.headers["wiredesk-delivery"]);
    expect(ids).toHaveLength(N);
    expect(new Set(ids).size).toBe(N);
    expect(await store.db.webhookDelivery.count({ where: { webhookId: h.id, status: "delivered", attempts: 1 } })).toBe(N);
  }, 120_000);
});

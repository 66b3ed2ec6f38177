// Sending deliveries from the store's queue (decision 021). Any number of
// workers may drain it: a delivery is claimed by one conditional UPDATE that
// moves its nextAttemptAt forward by a lease and counts the attempt, so of
// two workers reading the same due row only one claims it (the other's
// UPDATE finds it no longer due), on SQLite and PostgreSQL alike. A worker
// that dies mid-send leaves the row due again when the lease ends. The
// outcome is written only by the claim's holder (its attempt number).
import "server-only";
import type { Db } from "../db/client";
import { FetchError, postUrl } from "../fetch-url";
import { signatureHeader } from "./signature";

/** Delays after the 1st, 2nd, ... failed try, in units of the base (30 s: 30 s, 2 min, 10 min, 1 h, 6 h). */
export const BACKOFF_STEPS = [1, 4, 20, 120, 720] as const;

/** The wait after `attempts` failed tries; past the table, the last step again. */
export const backoffMs = (attempts: number, baseMs: number) => baseMs * BACKOFF_STEPS[Math.min(Math.max(attempts, 1), BACKOFF_STEPS.length) - 1]!;

/** How much of a receiver's answer is kept. */
export const RESPONSE_KEEP = 1000;

export interface DeliverOptions {
  /** The first retry's delay (default 30 s). */
  backoffMs?: number;
  /** Tries before a delivery is failed (default 6). */
  maxAttempts?: number;
  /** A receiver's time to answer (default 10 s). */
  timeoutMs?: number;
  /** The operator allows allowPrivate hooks (WIREDESK_WEBHOOKS_ALLOW_PRIVATE=1); without it every hook is public-only. */
  allowPrivate?: boolean;
  /** Deliveries sent at once by this worker (default 4). */
  concurrency?: number;
  /** Deliveries claimed per round (default 20). */
  batch?: number;
  /** Days a delivered or failed delivery is kept before pruneDeliveries deletes it (default 30). */
  keepDays?: number;
  onError?: (e: Error) => void;
}

export interface DeliveryOutcome {
  id: number;
  webhookId: number;
  status: "delivered" | "pending" | "failed" | "lost";
  responseStatus: number | null;
}

type Claimed = { id: number; attempts: number; claimedAt: Date };

/** Takes one due delivery for this worker; null when another has it (or it is not due). */
async function claim(db: Db, id: number, leaseMs: number): Promise<Claimed | null> {
  const now = new Date();
  const { count } = await db.webhookDelivery.updateMany({
    where: { id, status: "pending", nextAttemptAt: { lte: now } },
    data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + leaseMs), lastAttemptAt: now },
  });
  if (count !== 1) return null;
  const row = await db.webhookDelivery.findUnique({ where: { id }, select: { attempts: true } });
  return row ? { id, attempts: row.attempts, claimedAt: now } : null;
}

/** Sends one claimed delivery and writes what happened, if the claim still holds. */
async function send(db: Db, c: Claimed, opts: Required<Omit<DeliverOptions, "onError">>): Promise<DeliveryOutcome> {
  const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id: c.id }, include: { webhook: true } });
  const hook = d.webhook;
  let responseStatus: number | null = null;
  let responseBody: string;
  let ok = false;
  if (!hook.active) {
    responseBody = "not sent: the hook was paused as this try began";
  } else {
    try {
      const r = await postUrl(
        hook.url,
        d.payload,
        {
          "content-type": "application/json",
          "Wiredesk-Event": d.event,
          "Wiredesk-Delivery": String(d.id),
          // Signed at each try: the timestamp is when it was sent, so a receiver's tolerance applies to this try.
          "Wiredesk-Signature": signatureHeader(hook.secret, d.payload),
        },
        { timeoutMs: opts.timeoutMs, allowPrivate: hook.allowPrivate && opts.allowPrivate, maxBytes: RESPONSE_KEEP },
      );
      responseStatus = r.status;
      responseBody = r.body;
      ok = r.status >= 200 && r.status < 300;
    } catch (e) {
      responseBody = e instanceof FetchError ? e.message : `not sent: ${(e as Error).message}`;
    }
  }
  const last = c.attempts >= opts.maxAttempts;
  const status = ok ? "delivered" : last ? "failed" : "pending";
  const now = new Date();
  const { count } = await db.webhookDelivery.updateMany({
    // Only the holder of this attempt writes its outcome (a slower worker whose lease ran out does not).
    where: { id: c.id, status: "pending", attempts: c.attempts },
    data: {
      status,
      responseStatus,
      responseBody: responseBody.slice(0, RESPONSE_KEEP),
      nextAttemptAt: status === "pending" ? new Date(now.getTime() + backoffMs(c.attempts, opts.backoffMs)) : now,
    },
  });
  return { id: c.id, webhookId: hook.id, status: count === 1 ? status : "lost", responseStatus };
}

const defaults = (o: DeliverOptions) => ({
  backoffMs: o.backoffMs ?? 30_000,
  maxAttempts: o.maxAttempts ?? 6,
  timeoutMs: o.timeoutMs ?? 10_000,
  allowPrivate: o.allowPrivate ?? false,
  concurrency: o.concurrency ?? 4,
  batch: o.batch ?? 20,
  keepDays: o.keepDays ?? 30,
});

/** One round: claims the due deliveries it can (oldest first) and sends them; returns what happened to each. */
export async function deliverDue(db: Db, o: DeliverOptions = {}): Promise<DeliveryOutcome[]> {
  const opts = defaults(o);
  // The lease outlasts a send (its timeout) with room to write the outcome.
  const leaseMs = opts.timeoutMs + 30_000;
  const due = await db.webhookDelivery.findMany({
    // A paused hook's queued deliveries wait, untried, until it is resumed.
    where: { status: "pending", nextAttemptAt: { lte: new Date() }, webhook: { active: true } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: opts.batch,
    select: { id: true },
  });
  const outcomes: DeliveryOutcome[] = [];
  let next = 0;
  const lane = async () => {
    while (next < due.length) {
      const { id } = due[next++]!;
      try {
        const c = await claim(db, id, leaseMs);
        if (c) outcomes.push(await send(db, c, opts));
      } catch (e) {
        o.onError?.(e as Error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, due.length)) }, lane));
  return outcomes;
}

/**
 * Deletes delivered and failed deliveries whose last try is older than
 * keepDays, so a hook on every arrival does not grow the table without end.
 * Queued deliveries stay whatever their age: they are still owed. Workers
 * may prune at the same time; a row deleted twice is deleted once.
 */
export async function pruneDeliveries(db: Db, keepDays: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 86_400_000);
  const { count } = await db.webhookDelivery.deleteMany({
    where: { status: { in: ["delivered", "failed"] }, lastAttemptAt: { lt: before } },
  });
  return count;
}

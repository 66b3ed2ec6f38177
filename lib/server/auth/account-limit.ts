// Sign-in attempts per account, counted in the store (every web process and
// instance sees the same count), beside better-auth's per-address limit.
//
// The count lives in better-auth's RateLimit table under its own key
// ("account:<email>"). That table's rows are pruned once `lastRequest` is
// older than the longest configured window (a minute), so for these rows
// `lastRequest` holds the END of the account's window: the row is kept for
// as long as the window runs, and a new window starts once it has passed.
import "server-only";
import type { Db } from "../db/client";

/** The per-account window: 15 minutes. */
export const ACCOUNT_WINDOW_S = 15 * 60;

export type Verdict = { allowed: true } | { allowed: false; retryAfter: number };

const keyFor = (email: string) => `account:${email.trim().toLowerCase()}|/sign-in/email`;

/** Counts one attempt on the account; refuses it once `max` were made in the current window. */
export function consumeAccountAttempt(db: Db, email: string, max: number, windowS = ACCOUNT_WINDOW_S): Promise<Verdict> {
  return consumeInWindow(db, keyFor(email), max, windowS);
}

/** Counts one use under `key`; refuses it once `max` were counted in the current window of `windowS` seconds. */
export async function consumeInWindow(db: Db, key: string, max: number, windowS: number): Promise<Verdict> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const now = Date.now();
    const end = BigInt(now + windowS * 1000);
    const row = await db.rateLimit.findUnique({ where: { key } });
    if (!row) {
      try {
        await db.rateLimit.create({ data: { key, count: 1, lastRequest: end } });
        return { allowed: true };
      } catch {
        continue; // another attempt created it first: count against that row
      }
    }
    if (Number(row.lastRequest) <= now) {
      // The window ended: this attempt opens the next one (unless another attempt just did).
      const { count } = await db.rateLimit.updateMany({ where: { key, lastRequest: row.lastRequest }, data: { count: 1, lastRequest: end } });
      if (count === 1) return { allowed: true };
      continue;
    }
    if (row.count >= max) return { allowed: false, retryAfter: Math.max(1, Math.ceil((Number(row.lastRequest) - now) / 1000)) };
    const { count } = await db.rateLimit.updateMany({ where: { key, lastRequest: row.lastRequest, count: { lt: max } }, data: { count: { increment: 1 } } });
    if (count === 1) return { allowed: true };
  }
  // Contended past reason: refuse rather than let attempts through uncounted.
  return { allowed: false, retryAfter: 1 };
}

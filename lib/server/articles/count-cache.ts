import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
// Counts over the whole store (the queue's total, the filter bar's facets)
// cost tens to hundreds of milliseconds at 100,000 articles, far more than a
// page of the queue. They are kept per filter and reused while the store has
// not changed: the key includes a stamp of the newest change to what they
// count (new or updated articles, tag and link changes, every editorial action
// on record), read from indexes in one round trip. WIREDESK_COUNTS_MAX_LAG_MS
// lets counts lag that long behind a busy store instead of recounting on
// every arrival (default 0: always exact).
import { env } from "../env";
import type { Db } from "../db/client";
import { readRows } from "../db/read-rows";
import { nextReadFor } from "../db/next-read";

interface Entry {
  stamp: string;
  at: number;
  value: Promise<unknown>;
}

const MAX_ENTRIES = 500;
const caches = new WeakMap<Db, Map<string, Entry>>();

/** The newest change to what the counts read; equal stamps mean equal counts. Requests asking at once share a read (NextRead). */
const storeStamp = nextReadFor(readStamp);

async function readStamp(db: Db): Promise<string> {
  const rows = await readRows<Record<string, unknown>>(db, Prisma.sql`SELECT
    (SELECT max("id") FROM "Article") AS a,
    (SELECT max("updatedAt") FROM "Article") AS b,
    (SELECT max("updatedAt") FROM "ArticleTag") AS c,
    (SELECT max("id") FROM "ArticleTag") AS d,
    (SELECT max("updatedAt") FROM "DuplicateLink") AS e,
    (SELECT max("id") FROM "AuditEntry") AS f,
    (SELECT max("id") FROM "DuplicateLink") AS g`, { prepared: true });
  return Object.values(rows[0] ?? {})
    .map((v) => (v instanceof Date ? v.toISOString() : String(v)))
    .join("|");
}

/** `compute()` for this key, or its earlier result while the store is unchanged; concurrent callers share one computation. */
export async function cachedCount<T>(db: Db, key: string, compute: () => Promise<T>, maxLagMs = env().WIREDESK_COUNTS_MAX_LAG_MS): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < maxLagMs) return hit.value as Promise<T>;
  const stamp = await storeStamp(db);
  const again = cache.get(key);
  if (again && again.stamp === stamp) return again.value as Promise<T>;
  const value = compute();
  const entry = { stamp, at: Date.now(), value };
  cache.delete(key);
  cache.set(key, entry);
  // A failed count is not kept.
  value.catch(() => cache.get(key) === entry && cache.delete(key));
  // Oldest first in a Map: drop it when full.
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}

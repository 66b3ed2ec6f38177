import { describe, expect, it } from "vitest";
import { envSchema, webhookLimits } from "../../../lib/server/env";
import { DEFAULT_THRESHOLDS } from "../../../lib/dedup/config";

describe("the environment", () => {
  it("defaults to the SQLite store on port 3000 with the demo copy", () => {
    const e = envSchema.parse({});
    expect(e).toMatchObject({ DATABASE_URL: "file:./data/wiredesk.db", PORT: 3000, WIREDESK_DEMO: "1", WIREDESK_ALLOW_PRIVATE_FETCH: "0" });
    expect(e.WIREDESK_DEDUP_THRESHOLDS).toEqual(DEFAULT_THRESHOLDS);
    // Ingest's own SQLite connection: 512 MiB of page cache (decision 016).
    expect(e.WIREDESK_INGEST_CACHE_MB).toBe(512);
    expect(envSchema.parse({ WIREDESK_INGEST_CACHE_MB: "64" }).WIREDESK_INGEST_CACHE_MB).toBe(64);
    expect(envSchema.safeParse({ WIREDESK_INGEST_CACHE_MB: "0" }).success).toBe(false);
    // Webhooks: public addresses only, retries from 30 s, six tries, kept 30 days once sent or failed.
    expect(webhookLimits(e)).toEqual({ allowPrivate: false, backoffMs: 30_000, maxAttempts: 6, timeoutMs: 10_000, keepDays: 30 });
  });

  it("refuses a store URL it cannot use, and says which variable", () => {
    const r = envSchema.safeParse({ DATABASE_URL: "mysql://x", PORT: "abc" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["DATABASE_URL", "PORT"]));
  });

  it("takes duplicate thresholds per kind, keeping defaults for the rest", () => {
    const e = envSchema.parse({ WIREDESK_DEDUP_THRESHOLDS: '{"near": {"minCoverage": 0.9}}' });
    expect(e.WIREDESK_DEDUP_THRESHOLDS.near.minCoverage).toBe(0.9);
    expect(e.WIREDESK_DEDUP_THRESHOLDS.contains).toEqual(DEFAULT_THRESHOLDS.contains);
    const bad = envSchema.safeParse({ WIREDESK_DEDUP_THRESHOLDS: '{"near": {"minCoverage": 2}}' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["WIREDESK_DEDUP_THRESHOLDS"]);
  });
});

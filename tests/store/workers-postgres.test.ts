// Workers as they are deployed: separate `scripts/worker.ts` processes
// against one store, polling real feeds served over HTTP. On PostgreSQL two
// workers share a pg-boss queue and every item must be ingested exactly once;
// on SQLite (one machine) the single worker `npm start` runs does the same job.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { startFeedServer, type FeedServer } from "../support/feed-server";
import { rss, type FeedItem } from "../support/feeds";
import { createSource, requestPoll } from "../../lib/server/sources/save-source";

const root = path.resolve(import.meta.dirname, "../..");
const FEEDS = 12;
const PER_FEED = 6;
const SHARED = 3;

const words = ["harbour", "council", "rail", "budget", "school", "river", "bridge", "market", "hospital", "museum", "airport", "stadium", "library", "forest", "festival"];
function story(feed: number, i: number): FeedItem {
  const a = words[(feed * 7 + i) % words.length]!;
  const b = words[(feed * 3 + i * 5 + 1) % words.length]!;
  return {
    guid: `feed-${feed}-item-${i}`,
    title: `Feed ${feed} story ${i}: ${a} and ${b}`,
    body: `Story ${i} of feed ${feed}. Officials said on day ${feed * 10 + i} that the ${a} plan and the ${b} review would go ahead; ${feed * 97 + i * 13} residents signed the petition.`,
  };
}
// The same wire story carried by several feeds: workers race to store one uri.
const shared = (i: number): FeedItem => ({
  guid: `wire-shared-${i}`,
  title: `Shared wire story ${i}`,
  body: `A wire story number ${i} that every syndicating feed carries word for word, about ${words[i]} funding agreed at ${i + 3} in the morning.`,
});

function startWorker(url: string, label: string): { proc: ChildProcess; out: string[]; exit: Promise<number | null> } {
  const proc = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(root, "scripts/worker.ts")], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      WIREDESK_ALLOW_PRIVATE_FETCH: "1",
      WIREDESK_WORKER_TICK_MS: "300",
      WIREDESK_WORKER_CONCURRENCY: "3",
      WIREDESK_FETCH_TIMEOUT_MS: "20000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: string[] = [];
  const take = (d: Buffer) => out.push(...d.toString().split("\n").filter(Boolean).map((l) => `${label} ${l}`));
  proc.stdout!.on("data", take);
  proc.stderr!.on("data", take);
  const exit = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, out, exit };
}

async function until(what: string, check: () => Promise<boolean>, log: () => string[], limitMs = 90_000) {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gave up waiting for ${what}; worker output:\n${log().join("\n")}`);
}

describe.each(storeKinds())("feed workers (%s)", (kind) => {
  const workerCount = kind === "postgres" ? 2 : 1;
  let store: TestStore;
  let server: FeedServer;
  const workers: ReturnType<typeof startWorker>[] = [];
  const output = () => workers.flatMap((w) => w.out);

  beforeAll(async () => {
    store = await openStore(kind);
    server = await startFeedServer();
  });
  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill("SIGKILL");
    await server.close();
    await store.drop();
  });

  it(`${workerCount === 2 ? "two worker processes ingest" : "the worker ingests"} every item of every feed exactly once, through a second round of changes`, async () => {
    const feedItems = (f: number, round: number) => [
      ...Array.from({ length: PER_FEED + round }, (_, i) => story(f, i)),
      ...Array.from({ length: SHARED }, (_, i) => shared(i)),
    ];
    const ids: number[] = [];
    for (let f = 0; f < FEEDS; f++) {
      // Slow enough that one worker cannot take every feed before the other looks.
      server.set(`/feed-${f}.xml`, { body: rss(`Feed ${f}`, feedItems(f, 0)), etag: `"f${f}-r0"`, delayMs: 400 });
      ids.push((await createSource(store.db, { name: `Feed ${f}`, feedUrl: server.url(`/feed-${f}.xml`), pollMinutes: 60 }, { name: "admin", role: "admin" }, { allowPrivate: true })).id);
    }
    for (let i = 0; i < workerCount; i++) workers.push(startWorker(store.url, `[worker ${i + 1}]`));

    const allPolledSince = async (since: Date) =>
      (await store.db.source.count({ where: { id: { in: ids }, lastSuccessAt: { gte: since } } })) === FEEDS;
    await until("the first round", () => allPolledSince(new Date(0)), output);

    // Round two: every feed gains an item; "poll now" makes them due at once.
    const round2 = new Date();
    for (let f = 0; f < FEEDS; f++) {
      server.set(`/feed-${f}.xml`, { body: rss(`Feed ${f}`, feedItems(f, 1)), etag: `"f${f}-r1"`, delayMs: 400 });
      await requestPoll(store.db, ids[f]!, { name: "admin", role: "admin" });
    }
    await until("the second round", () => allPolledSince(round2), output);

    for (const w of workers) w.proc.kill("SIGTERM");
    const codes = await Promise.all(workers.map((w) => w.exit));
    expect(codes, output().join("\n")).toEqual(workers.map(() => 0));

    expect(await store.db.ingestError.findMany({ select: { location: true, message: true } })).toEqual([]);
    const expectedUris = FEEDS * (PER_FEED + 1) + SHARED;
    const articles = await store.db.article.findMany({ select: { uri: true } });
    expect(articles).toHaveLength(expectedUris);
    expect(new Set(articles.map((a) => a.uri)).size).toBe(expectedUris);

    // Each feed fetched exactly once per round: nobody polled a feed twice.
    for (let f = 0; f < FEEDS; f++) {
      expect(server.seenAt(`/feed-${f}.xml`).map((r) => [r.ifNoneMatch, r.status])).toEqual([
        [undefined, 200],
        [`"f${f}-r0"`, 200],
      ]);
    }
    // The runs add up: every item created once, seen again only as unchanged, never failed.
    const runs = await store.db.ingestRun.findMany({ where: { origin: "feed" } });
    expect(runs).toHaveLength(FEEDS * 2);
    const sum = (k: "newCount" | "updatedCount" | "skippedCount" | "failedCount") => runs.reduce((s, r) => s + r[k], 0);
    expect(sum("newCount")).toBe(expectedUris);
    expect(sum("updatedCount")).toBe(0);
    expect(sum("failedCount")).toBe(0);
    expect(sum("newCount") + sum("skippedCount")).toBe(FEEDS * (PER_FEED + SHARED) + FEEDS * (PER_FEED + 1 + SHARED));
    expect(await store.db.source.count({ where: { OR: [{ lastError: { not: null } }, { claimedUntil: { not: null } }] } })).toBe(0);
    expect(await store.db.auditEntry.count({ where: { action: "ingest.create" } })).toBe(expectedUris);
    if (workerCount === 2) {
      // Both workers took part: the queue shared the feeds out.
      for (const label of ["[worker 1]", "[worker 2]"]) {
        expect(output().filter((l) => l.startsWith(label) && / new, /.test(l)).length, output().join("\n")).toBeGreaterThan(0);
      }
      expect(output().some((l) => l.includes("pg-boss queue"))).toBe(true);
    }
  }, 240_000);
});

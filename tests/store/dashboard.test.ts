// The dashboard's figures over a store seeded at known times, with known
// tags, sources and duplicate links: exact buckets, rates and waiting counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { getDashboard } from "../../lib/server/dashboard/get-dashboard";
import { rangeWindow } from "../../lib/server/dashboard/in-range";
import { articlesOverTime } from "../../lib/server/dashboard/articles-over-time";
import { dashboardParams } from "../../lib/schemas/dashboard";
import { viewer } from "../support/actors";
import { startWorker } from "../../lib/server/worker/run-worker";

const now = new Date("2026-11-20T10:30:00Z");
const t = (iso: string) => new Date(iso);

describe.each(storeKinds())("dashboard on %s", (kind) => {
  let store: TestStore;
  const id: Record<string, number> = {};
  beforeAll(async () => {
    store = await openStore(kind);
    const { db } = store;
    const wire = await db.source.create({ data: { name: "Wire" } });
    const post = await db.source.create({ data: { name: "Post" } });
    const seed: [string, number | null, string | null, string, string][] = [
      // name, source, firstCreated, ingestedAt, status
      ["a1", wire.id, "2026-11-20T09:00:00Z", "2026-11-20T09:05:00Z", "new"],
      ["a2", wire.id, "2026-11-18T12:00:00Z", "2026-11-20T10:00:00Z", "reviewed"],
      ["a3", post.id, null, "2026-11-19T23:59:00Z", "new"],
      // Published "after" it arrived: a clock ahead; the arrival counts.
      ["a4", post.id, "2026-11-25T00:00:00Z", "2026-11-14T00:00:00Z", "new"],
      // Arrived in the window, published before it: outside.
      ["a5", wire.id, "2026-11-13T23:59:00Z", "2026-11-20T10:00:00Z", "new"],
      ["a6", null, null, "2026-11-20T10:29:00Z", "spiked"],
      ["a7", post.id, null, "2026-11-12T08:00:00Z", "new"],
    ];
    for (const [name, sourceId, first, ingested, status] of seed) {
      const a = await db.article.create({
        data: { uri: name, headline: name, bodyText: name, contentHash: name, sourceId, firstCreated: first ? t(first) : null, ingestedAt: t(ingested), status },
      });
      id[name] = a.id;
    }
    const tag = async (scheme: string, code: string) =>
      (await db.tag.upsert({ where: { scheme_code: { scheme, code } }, create: { scheme, code, name: code }, update: {} })).id;
    const economy = await tag("medtop", "medtop:04000000");
    const economyChild = await tag("medtop", "medtop:20000344");
    const war = await tag("medtop", "medtop:16000000");
    const weather = await tag("medtop", "medtop:17000000");
    const crime = await tag("medtop", "medtop:02000000");
    const [tr, es, fr] = [await tag("iso3166", "TR"), await tag("iso3166", "ES"), await tag("iso3166", "FR")];
    const on = (a: string, tagId: number, extra: { state?: string; rel?: string; confidence?: number } = {}) => ({ articleId: id[a]!, tagId, origin: "machine", ...extra });
    await db.articleTag.createMany({
      data: [
        on("a1", economy),
        on("a1", tr, { rel: "main", confidence: 0.95 }),
        on("a2", economy, { state: "accepted" }),
        on("a2", war, { state: "rejected" }),
        on("a2", fr, { rel: "mentioned", confidence: 0.5 }),
        on("a2", es, { rel: "mentioned", confidence: 0.8 }),
        on("a3", war),
        on("a3", economyChild),
        on("a3", tr, { state: "accepted", rel: "mentioned", confidence: 0.2 }),
        on("a3", fr, { rel: "mentioned", confidence: 0.5 }),
        on("a5", crime),
        on("a5", tr, { rel: "main" }),
        on("a6", weather),
      ],
    });
    await db.duplicateLink.createMany({
      data: [
        { articleId: id.a1!, otherId: id.a5!, kind: "exact", score: 1, state: "suggested" },
        { articleId: id.a2!, otherId: id.a3!, kind: "near", score: 0.9, state: "dismissed" },
        { articleId: id.a3!, otherId: id.a4!, kind: "same-story", score: 0.6, state: "confirmed" },
        { articleId: id.a5!, otherId: id.a7!, kind: "same-story", score: 0.6, state: "suggested" },
      ],
    });
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("counts articles per top topic and place by day over 7 days, by story time", async () => {
    const d = await getDashboard(store.db, {}, viewer, now);
    expect(d.range).toBe("7d");
    expect(d.unit).toBe("day");
    expect([d.from, d.to]).toEqual(["2026-11-14T00:00:00.000Z", "2026-11-21T00:00:00.000Z"]);
    expect(d.articles).toBe(5);
    // Ties go by name; a rejected tag and a child topic are not series.
    expect(d.topics.series.map((s) => [s.key, s.code, s.name, s.total])).toEqual([
      ["s0", "medtop:04000000", "economy", 2],
      ["s1", "medtop:16000000", "war and conflict", 1],
      ["s2", "medtop:17000000", "weather", 1],
    ]);
    expect(d.topics.points.map((p) => p.start)).toEqual(
      ["14", "15", "16", "17", "18", "19", "20"].map((day) => `2026-11-${day}T00:00:00.000Z`),
    );
    expect(d.topics.points.map((p) => [p.s0, p.s1, p.s2])).toEqual([
      [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 0, 1],
    ]);
    expect(d.topics.untagged).toBe(1);
    // A weak mention is not the story's place; an accepted one is, whatever its confidence.
    expect(d.places.series.map((s) => [s.key, s.code, s.total])).toEqual([["s0", "TR", 2], ["s1", "ES", 1]]);
    expect(d.places.points.map((p) => [p.s0, p.s1])).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [0, 1], [1, 0], [1, 0]]);
    expect(d.places.untagged).toBe(2);
  });

  it("sums the tags outside the top ones as other, each article once", async () => {
    const w = rangeWindow("7d", now);
    const o = await articlesOverTime(store.db, w, "topic", 1);
    expect(o.series.map((s) => [s.key, s.code, s.total])).toEqual([["s0", "medtop:04000000", 2], ["other", null, 2]]);
    expect(o.points.map((p) => [p.s0, p.other])).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [1, 0], [0, 1], [1, 1]]);
  });

  it("buckets 24 hours by hour, up to the current hour", async () => {
    const d = await getDashboard(store.db, { range: "24h" }, viewer, now);
    expect(d.unit).toBe("hour");
    expect([d.from, d.to]).toEqual(["2026-11-19T11:00:00.000Z", "2026-11-20T11:00:00.000Z"]);
    expect(d.topics.points).toHaveLength(24);
    expect(d.articles).toBe(3);
    const perHour = d.topics.points.map((p) => d.topics.series.reduce((s, x) => s + (p[x.key] as number), 0));
    // a3 at 23:59 (hour 12 of the window), a1 at 09:00 (22) and a6 at 10:29 (23).
    expect(perHour.flatMap((n, i) => (n ? [[i, n]] : []))).toEqual([[12, 1], [22, 1], [23, 1]]);
    const thirty = await getDashboard(store.db, { range: "30d" }, viewer, now);
    expect(thirty.topics.points).toHaveLength(30);
    expect(thirty.articles).toBe(7);
  });

  it("rates each source by its articles with an open or confirmed duplicate link", async () => {
    const d = await getDashboard(store.db, { range: "7d" }, viewer, now);
    // a1's link is open (its copy is outside the window); a2's was dismissed; a3-a4 confirmed.
    expect(d.duplicateRate.map((s) => [s.name, s.articles, s.duplicates, s.rate])).toEqual([
      ["Post", 2, 2, 1],
      ["Wire", 2, 1, 0.5],
      ["No source", 1, 0, 0],
    ]);
  });

  it("says what is waiting: new articles by age, open links, undecided tags", async () => {
    const { waiting } = await getDashboard(store.db, {}, viewer, now);
    expect(waiting.newByAge.map((b) => [b.key, b.count])).toEqual([["1h", 1], ["6h", 1], ["24h", 1], ["3d", 0], ["older", 2]]);
    expect(waiting.newTotal).toBe(5);
    expect(waiting.openLinks).toEqual({ copies: 1, sameStory: 1 });
    // On new articles: a1, a topic and its main place; a3, two topics (not its weak mention); a5, a topic and a place.
    // a2 (reviewed, with a strong mention suggested) and a6 (spiked) are not waiting.
    expect(waiting.suggestedTags).toBe(6);
    expect(waiting.suggestedTagArticles).toBe(3);
  });

  it("gives empty series, not an error, for a range with no articles", async () => {
    const d = await getDashboard(store.db, { range: "24h" }, viewer, new Date("2025-01-01T00:00:00Z"));
    expect(d.articles).toBe(0);
    expect(d.topics).toEqual({ series: [], points: expect.any(Array), untagged: 0 });
    expect(d.topics.points).toHaveLength(24);
    expect(d.duplicateRate).toEqual([]);
  });

  it("has its hours counted ahead by the worker, so a view finds them kept", async () => {
    // One article of the real present, for the views of it here and below: the fixed days above fall out of its 30 days as the calendar moves on.
    await store.db.article.create({
      data: { uri: "a8", headline: "a8", bodyText: "a8", contentHash: "a8", sourceId: (await store.db.source.findFirstOrThrow({ where: { name: "Wire" } })).id, ingestedAt: new Date(Date.now() - 2 * 86_400_000), status: "new" },
    });
    const w = rangeWindow("30d", new Date());
    const [from, to] = [w.from.getTime() / 3_600_000, w.to.getTime() / 3_600_000];
    const kept = async () => ({
      hours: await store.db.dashboardHourDone.count({ where: { span: 1, hour: { gte: from, lt: to } } }),
      days: await store.db.dashboardHourDone.count({ where: { span: 24, hour: { gte: from, lt: to } } }),
    });
    // The views above were of other windows (a fixed now): this one is not all kept yet.
    expect((await kept()).days).toBeLessThan(30);
    const errors: Error[] = [];
    const worker = await startWorker(store.db, store.url, { tickMs: 100, webhooks: false, dashboardEveryMs: 200, onError: (e) => errors.push(e) });
    try {
      const until = Date.now() + 20_000;
      while ((await kept()).days < 30 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await worker.stop();
    }
    expect(errors).toEqual([]);
    expect(await kept()).toEqual({ hours: 720, days: 30 });
  });

  it("keeps the present's answer while the store is unchanged, and counts again after a change", async () => {
    const { db } = store;
    const minute = () => Math.floor(Date.now() / 60_000);
    // The answer is kept within its minute: an attempt that crosses one is made again.
    for (let attempt = 0; ; attempt++) {
      const at = minute();
      const first = await getDashboard(db, { range: "30d" }, viewer);
      expect(first.articles).toBeGreaterThan(0);
      // Kept figures altered behind the dashboard's back, which the store's stamp does not see: the kept answer stands.
      await db.$executeRawUnsafe(`UPDATE "DashboardHour" SET "n" = "n" + 100 WHERE "dim" = 'source'`);
      const again = await getDashboard(db, { range: "30d" }, viewer);
      if (minute() !== at && attempt < 3) continue;
      expect(again.articles).toBe(first.articles);
      // An editor's decision changes the store: the answer is made again, and the altered rows show.
      const row = await db.articleTag.findFirst({ where: { articleId: id.a1! }, orderBy: { id: "asc" } });
      await db.articleTag.update({ where: { id: row!.id }, data: { state: row!.state === "accepted" ? "suggested" : "accepted" } });
      expect((await getDashboard(db, { range: "30d" }, viewer)).articles).toBeGreaterThan(first.articles);
      await db.articleTag.update({ where: { id: row!.id }, data: { state: row!.state } });
      break;
    }
    // Every hour counted afresh for what follows.
    await db.$executeRawUnsafe(`DELETE FROM "DashboardHourDone"`);
    await db.$executeRawUnsafe(`DELETE FROM "DashboardHour"`);
  });

  it("refuses a range it does not know", () => {
    expect(dashboardParams.safeParse({ range: "1y" }).success).toBe(false);
    expect(dashboardParams.parse({})).toEqual({ range: "7d" });
  });
});

// The dashboard's figures against a plain count in TypeScript over every
// row of the store, on a store full of edge cases: story times on bucket
// boundaries and a millisecond either side, publication after arrival, no
// publication date, articles under two top tags or only lesser ones, hidden,
// child and rejected tags, places mentioned below the confidence that counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import type { Db } from "../../lib/server/db/client";
import { getDashboard } from "../../lib/server/dashboard/get-dashboard";
import { facetIndex } from "../../lib/server/articles/facet-index";
import { articlesOverTime } from "../../lib/server/dashboard/articles-over-time";
import { bucketOf, rangeWindow, storyTime, type Window } from "../../lib/server/dashboard/in-range";
import { MENTION_TAG_CONFIDENCE } from "../../lib/tagging/thresholds";
import type { OverTime, SourceDuplicateRate, TimeSeries } from "../../lib/schemas/dashboard";
import { viewer } from "../support/actors";

const now = new Date("2026-11-20T10:30:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The reference: the rules as the guide (docs/guide.md, "Dashboard") states them, applied row by row. */
async function reference(db: Db, w: Window, top: number) {
  const articles = await db.article.findMany({ select: { id: true, sourceId: true, firstCreated: true, ingestedAt: true } });
  const bucket = new Map<number, number>();
  const source = new Map<number, number | null>();
  for (const a of articles) {
    const b = bucketOf(w, storyTime(a));
    if (b >= 0) {
      bucket.set(a.id, b);
      source.set(a.id, a.sourceId);
    }
  }
  const tagRows = await db.articleTag.findMany({ include: { tag: true } });
  const counts = (r: (typeof tagRows)[number]) =>
    r.state === "accepted" || (r.state === "suggested" && (r.tag.scheme !== "iso3166" || r.rel === "main" || r.confidence >= MENTION_TAG_CONFIDENCE));
  const ofKind = (kind: "topic" | "place", g: (typeof tagRows)[number]["tag"]) =>
    !g.hidden && (kind === "place" ? g.scheme === "iso3166" : g.scheme === "newsroom" || (g.scheme === "medtop" && g.parentId === null));

  const overTime = (kind: "topic" | "place"): OverTime => {
    const byArticle = new Map<number, number[]>();
    const totals = new Map<number, number>();
    const names = new Map<number, { code: string; name: string }>();
    for (const r of tagRows) {
      if (!bucket.has(r.articleId) || !counts(r) || !ofKind(kind, r.tag)) continue;
      byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), r.tagId]);
      totals.set(r.tagId, (totals.get(r.tagId) ?? 0) + 1);
      names.set(r.tagId, r.tag);
    }
    const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || names.get(a[0])!.name.localeCompare(names.get(b[0])!.name));
    const chosen = ranked.slice(0, top);
    const keyOf = new Map(chosen.map(([id], i) => [id, `s${i}`]));
    const points = w.buckets.map((b) => {
      const p: { start: string } & Record<string, number | string> = { start: b.toISOString() };
      for (const k of keyOf.values()) p[k] = 0;
      if (ranked.length > top) p.other = 0;
      return p;
    });
    let other = 0;
    for (const [id, tags] of byArticle) {
      const p = points[bucket.get(id)!]!;
      const keys = tags.flatMap((t) => keyOf.get(t) ?? []);
      for (const k of keys) p[k] = (p[k] as number) + 1;
      if (keys.length === 0) {
        p.other = (p.other as number) + 1;
        other++;
      }
    }
    const series: TimeSeries[] = chosen.map(([id, total]) => ({ key: keyOf.get(id)!, code: names.get(id)!.code, name: names.get(id)!.name, total }));
    if (ranked.length > top) series.push({ key: "other", code: null, name: kind === "topic" ? "Other topics" : "Other places", total: other });
    return { series, points, untagged: bucket.size - byArticle.size };
  };

  const links = await db.duplicateLink.findMany({ where: { state: { in: ["suggested", "confirmed"] } } });
  const linked = new Set(links.flatMap((l) => [l.articleId, l.otherId]));
  const sourceNames = new Map((await db.source.findMany()).map((s) => [s.id, s.name]));
  const perSource = new Map<number | null, { articles: number; duplicates: number }>();
  for (const [id, s] of source) {
    const c = perSource.get(s) ?? { articles: 0, duplicates: 0 };
    c.articles++;
    if (linked.has(id)) c.duplicates++;
    perSource.set(s, c);
  }
  const rates: SourceDuplicateRate[] = [...perSource.entries()]
    .map(([sourceId, c]) => ({ sourceId, name: sourceId === null ? "No source" : sourceNames.get(sourceId)!, ...c, rate: c.duplicates / c.articles }))
    .sort((a, b) => b.rate - a.rate || b.articles - a.articles || a.name.localeCompare(b.name));
  return { articles: bucket.size, topics: overTime("topic"), places: overTime("place"), rates };
}

describe.each(storeKinds())("dashboard SQL against a reference count on %s", (kind) => {
  let store: TestStore;
  let counts = { articles: 0, tags: 0 };

  beforeAll(async () => {
    store = await openStore(kind);
    const { db } = store;
    const sources = await Promise.all(["Wire", "Post", "Gazette"].map((name) => db.source.create({ data: { name } })));
    const tag = async (scheme: string, code: string, extra: { hidden?: boolean; parentId?: number } = {}) =>
      (await db.tag.upsert({ where: { scheme_code: { scheme, code } }, create: { scheme, code, name: code, ...extra }, update: extra })).id;
    // Nine top-level topics (more than the six series), a child, a hidden one and a newsroom tag.
    const topics = await Promise.all(
      ["01000000", "02000000", "03000000", "04000000", "05000000", "06000000", "07000000", "08000000", "09000000"].map((c) => tag("medtop", `medtop:${c}`)),
    );
    const child = await tag("medtop", "medtop:20000344");
    const hiddenTopic = await tag("medtop", "medtop:10000000", { hidden: true });
    const newsroom = await tag("newsroom", "newsroom:local");
    const places = await Promise.all(["ES", "FR", "DE", "IT", "UA", "RU", "US", "GB"].map((c) => tag("iso3166", c)));
    const hiddenPlace = await tag("iso3166", "XX", { hidden: true });
    const allTopics = [...topics, child, hiddenTopic, newsroom];
    const allPlaces = [...places, hiddenPlace];

    // Story times on and around every boundary any range has, and times spread over 40 days.
    const w24 = rangeWindow("24h", now);
    const w30 = rangeWindow("30d", now);
    const edges = [w24.from, w24.to, rangeWindow("7d", now).from, w30.from, w30.to, ...w24.buckets.slice(1, 4), ...w30.buckets.slice(20, 23)].flatMap((d) => [
      new Date(d.getTime() - 1),
      d,
      new Date(d.getTime() + 1),
    ]);
    let seed = 7;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const times = [...edges, ...Array.from({ length: 150 }, () => new Date(now.getTime() + HOUR - rand() * 40 * DAY))];
    const data = times.flatMap((at, i) => {
      const shape = i % 5;
      // The story time is `at`, reached each way an article gets one.
      const row = (firstCreated: Date | null, ingestedAt: Date, copy = 0) => ({
        uri: `r${i}-${copy}`,
        headline: `r${i}`,
        bodyText: "b",
        contentHash: `h${i}`,
        sourceId: rand() < 0.15 ? null : pick(sources).id,
        firstCreated,
        ingestedAt,
      });
      if (shape === 0) return [row(null, at)];
      if (shape === 1) return [row(at, new Date(at.getTime() + rand() * 3 * DAY))];
      // Published after it arrived (a clock ahead): the arrival counts.
      if (shape === 2) return [row(new Date(at.getTime() + 1 + rand() * 5 * DAY), at)];
      if (shape === 3) return [row(at, at)];
      // Two of them: published a millisecond after arrival, and arrived in the window, published just before it.
      return [row(new Date(at.getTime() + 1), at), row(new Date(w30.from.getTime() - 1), at, 1)];
    });
    await db.article.createMany({ data });
    const ids = (await db.article.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id);
    const states = ["suggested", "suggested", "accepted", "rejected"];
    const tagRows = ids.flatMap((articleId, i) => {
      const rows = new Map<number, { articleId: number; tagId: number; origin: string; state: string; rel?: string; confidence: number }>();
      // Some articles have no tags at all; most have one to three topics (two top tags, or only lesser ones, come of it).
      if (i % 11 === 0) return [];
      for (let n = Math.floor(rand() * 4); n > 0; n--) {
        const t = rand() < 0.6 ? pick(topics.slice(0, 3)) : pick(allTopics);
        rows.set(t, { articleId, tagId: t, origin: "machine", state: pick(states), confidence: rand() });
      }
      for (let n = Math.floor(rand() * 3); n > 0; n--) {
        const t = pick(allPlaces);
        // A mention below, at and above the confidence that makes it the story's place.
        const confidence = pick([0.2, MENTION_TAG_CONFIDENCE - 0.01, MENTION_TAG_CONFIDENCE, 0.95]);
        rows.set(t, { articleId, tagId: t, origin: "machine", state: pick(states), rel: pick(["main", "mentioned", "mentioned"]), confidence });
      }
      return [...rows.values()];
    });
    await db.articleTag.createMany({ data: tagRows });
    const linkRows = new Map<string, { articleId: number; otherId: number; kind: string; score: number; state: string }>();
    for (let n = 0; n < 80; n++) {
      const [a, b] = [pick(ids), pick(ids)];
      if (a !== b) linkRows.set(`${a}-${b}`, { articleId: a, otherId: b, kind: "near", score: 0.9, state: pick(["suggested", "confirmed", "dismissed"]) });
    }
    await db.duplicateLink.createMany({ data: [...linkRows.values()] });
    counts = { articles: ids.length, tags: tagRows.length };
  });
  afterAll(async () => {
    await store?.drop();
  });

  /** The store's kept hours (decision 025), and each process's figures kept in memory by its index (decision 029). */
  const paths = [
    ["store", undefined],
    ["index", { min: 0, wait: true }],
  ] as const;

  it.each(paths.flatMap(([name, index]) => (["24h", "7d", "30d"] as const).map((range) => [range, name, index] as const)))("gives the reference's figures over %s from the %s", async (range, _, index) => {
    expect(counts.articles).toBeGreaterThan(150);
    const w = rangeWindow(range, now);
    const [d, ref] = await Promise.all([getDashboard(store.db, { range }, viewer, now, index), reference(store.db, w, 6)]);
    expect(d.articles).toBeGreaterThan(0);
    expect(d.articles).toBe(ref.articles);
    expect(d.topics).toEqual(ref.topics);
    expect(d.places).toEqual(ref.places);
    expect(d.duplicateRate).toEqual(ref.rates);
    // The store is built so that every chart has an "other" and untagged articles.
    if (range === "30d") {
      expect(d.topics.series.at(-1)?.key).toBe("other");
      expect(d.topics.untagged).toBeGreaterThan(0);
    }
  });

  it.each([1, 2, 3])("gives the reference's series with the top %i and the rest as other", async (top) => {
    const w = rangeWindow("30d", now);
    const ref = await reference(store.db, w, top);
    expect(await articlesOverTime(store.db, w, "topic", top)).toEqual(ref.topics);
    expect(await articlesOverTime(store.db, w, "place", top)).toEqual(ref.places);
  });

  // The figures are kept per hour once counted (kept-hours.ts); these change the store every way
  // the dashboard's figures can move, after a read has kept every hour, and read again.
  const sameAsReference = async () => {
    for (const [path, index] of paths) {
      for (const range of ["24h", "7d", "30d"] as const) {
        const [d, ref] = await Promise.all([getDashboard(store.db, { range }, viewer, now, index), reference(store.db, rangeWindow(range, now), 6)]);
        expect({ path, range, articles: d.articles, topics: d.topics, places: d.places, rates: d.duplicateRate }).toEqual({
          path,
          range,
          articles: ref.articles,
          topics: ref.topics,
          places: ref.places,
          rates: ref.rates,
        });
      }
      // The index's figures answered, kept from the first read and brought up to date by its syncs since.
      if (index) expect((await facetIndex(store.db, index))!.figures.ready).toBe(true);
    }
  };

  it("reads the hours and days it counted from what it kept", async () => {
    await sameAsReference();
    const { db } = store;
    const w30 = rangeWindow("30d", now);
    const w24 = rangeWindow("24h", now);
    // Marks left are of hours outside every window (the seed spans 40 days, and a little after now).
    const marksInWindow = () => db.dashboardDirty.count({ where: { hour: { gte: w30.from.getTime() / HOUR, lt: w30.to.getTime() / HOUR } } });
    expect(await marksInWindow()).toBe(0);
    // A window by day reads the days' sums; a window by hour, the hours. A kept row changed behind
    // the dashboard's back shows: it is read, not counted again.
    const day = await db.dashboardHour.findFirst({ where: { span: 24, dim: "source", n: { gt: 0 } }, orderBy: { hour: "desc" } });
    const hour = await db.dashboardHour.findFirst({ where: { span: 1, dim: "source", n: { gt: 0 }, hour: { gte: w24.from.getTime() / HOUR, lt: w24.to.getTime() / HOUR } }, orderBy: { hour: "desc" } });
    expect(day && hour).toBeTruthy();
    const before = { d30: (await getDashboard(db, { range: "30d" }, viewer, now)).articles, d24: (await getDashboard(db, { range: "24h" }, viewer, now)).articles };
    const bump = (r: NonNullable<typeof day>, by: number) =>
      db.dashboardHour.update({ where: { span_hour_dim_key: { span: r.span, hour: r.hour, dim: "source", key: r.key } }, data: { n: r.n + by } });
    await bump(day!, 1000);
    await bump(hour!, 100);
    expect((await getDashboard(db, { range: "30d" }, viewer, now)).articles).toBe(before.d30 + 1000);
    expect((await getDashboard(db, { range: "24h" }, viewer, now)).articles).toBe(before.d24 + 100);
    // A change that moves nothing marks nothing.
    const any = await db.article.findFirstOrThrow();
    await db.article.update({ where: { id: any.id }, data: { sourceId: any.sourceId } });
    expect(await marksInWindow()).toBe(0);
    // A mark on an hour makes the next read count that hour again and sum its day again.
    await db.$executeRawUnsafe(`INSERT INTO "DashboardDirty" ("hour") VALUES (${hour!.hour})`);
    expect((await getDashboard(db, { range: "24h" }, viewer, now)).articles).toBe(before.d24);
    await db.$executeRawUnsafe(`INSERT INTO "DashboardDirty" ("hour") VALUES (${day!.hour + 5})`);
    expect((await getDashboard(db, { range: "30d" }, viewer, now)).articles).toBe(before.d30);
    await sameAsReference();
  });

  it("stays exact through every kind of change after its hours were kept", async () => {
    const { db } = store;
    await sameAsReference();
    const ids = (await db.article.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id);
    const rows = await db.articleTag.findMany({ orderBy: [{ articleId: "asc" }, { tagId: "asc" }] });
    const w30 = rangeWindow("30d", now);
    // Editors decide: suggestions accepted and rejected, a place made the story's main one, a re-score.
    for (const r of rows.filter((_, i) => i % 7 === 0)) {
      await db.articleTag.update({ where: { id: r.id }, data: { state: r.state === "rejected" ? "accepted" : "rejected" } });
    }
    for (const r of rows.filter((_, i) => i % 11 === 3)) {
      await db.articleTag.update({ where: { id: r.id }, data: { rel: "main", confidence: 0.99 } });
    }
    await sameAsReference();
    // Tags added and removed; a topic hidden by an admin; a tag moved under a parent (it stops being top level).
    const topTopics = await db.tag.findMany({ where: { scheme: "medtop", parentId: null, hidden: false }, orderBy: { id: "asc" } });
    await db.articleTag.deleteMany({ where: { id: { in: rows.filter((_, i) => i % 9 === 5).map((r) => r.id) } } });
    await db.articleTag.createMany({
      data: ids
        .filter((id, i) => i % 13 === 1 && !rows.some((r) => r.articleId === id && r.tagId === topTopics.at(-1)!.id))
        .map((articleId) => ({ articleId, tagId: topTopics.at(-1)!.id, origin: "editor", state: "accepted", confidence: 1 })),
    });
    await db.tag.update({ where: { id: topTopics[0]!.id }, data: { hidden: true } });
    await sameAsReference();
    await db.tag.update({ where: { id: topTopics[1]!.id }, data: { parentId: topTopics[2]!.id } });
    await sameAsReference();
    // Links confirmed, dismissed, made and deleted.
    const links = await db.duplicateLink.findMany({ orderBy: { id: "asc" } });
    for (const l of links.filter((_, i) => i % 3 === 0)) {
      await db.duplicateLink.update({ where: { id: l.id }, data: { state: l.state === "dismissed" ? "confirmed" : "dismissed" } });
    }
    await db.duplicateLink.delete({ where: { id: links[1]!.id } });
    await db.duplicateLink.create({ data: { articleId: ids[3]!, otherId: ids.at(-3)!, kind: "near", score: 0.9, state: "suggested" } });
    await sameAsReference();
    // Articles moved in time (a correction of the publication time, across buckets and out of the window),
    // moved to another source, deleted with their tags and links, and new ones arriving.
    const sources = await db.source.findMany();
    await db.article.update({ where: { id: ids[5]! }, data: { firstCreated: new Date(now.getTime() - 2 * HOUR) } });
    await db.article.update({ where: { id: ids[6]! }, data: { firstCreated: new Date(w30.from.getTime() - 1) } });
    await db.article.update({ where: { id: ids[7]! }, data: { sourceId: sources[0]!.id } });
    await db.article.update({ where: { id: ids[8]! }, data: { sourceId: null } });
    await db.article.delete({ where: { id: ids[9]! } });
    const made = await db.article.create({
      data: { uri: "late", headline: "late", bodyText: "b", contentHash: "late", sourceId: sources[1]!.id, firstCreated: new Date(now.getTime() - 5 * DAY), ingestedAt: now },
    });
    await db.articleTag.create({ data: { articleId: made.id, tagId: topTopics.at(-1)!.id, origin: "machine", state: "suggested", confidence: 0.9 } });
    await db.duplicateLink.create({ data: { articleId: made.id, otherId: ids[10]!, kind: "near", score: 0.9, state: "suggested" } });
    await sameAsReference();
    // Rows changed outside the app: the triggers see them too.
    await db.$executeRawUnsafe(`UPDATE "ArticleTag" SET "state" = 'suggested', "confidence" = 0.75 WHERE "articleId" IN (${ids.slice(20, 40).join(",")})`);
    await db.$executeRawUnsafe(`DELETE FROM "DuplicateLink" WHERE "articleId" IN (${ids.slice(0, 60).join(",")})`);
    await sameAsReference();
  });

  it("gives the same figures to reads racing writes", async () => {
    const { db } = store;
    const ids = (await db.article.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id);
    const rows = await db.articleTag.findMany({ orderBy: { id: "asc" }, take: 60 });
    const writes = (async () => {
      for (const [i, r] of rows.entries()) {
        await db.articleTag.update({ where: { id: r.id }, data: { state: i % 2 ? "accepted" : "rejected" } });
        if (i % 10 === 0) await db.duplicateLink.create({ data: { articleId: ids[i]!, otherId: ids.at(-1 - i)!, kind: "near", score: 0.9, state: "suggested" } });
      }
    })();
    const reads = Array.from({ length: 6 }, async (_, i) => {
      for (let n = 0; n < 4; n++) await getDashboard(db, { range: (["24h", "7d", "30d"] as const)[(i + n) % 3] }, viewer, now);
    });
    await Promise.all([writes, ...reads]);
    await sameAsReference();
  });
});

// The same story across languages in the store: after an ingest run, a
// Spanish copy of the seed's English rally story joins that story as
// "translation", whichever path stored it; another Spanish rally story does
// not; an editor's "not the same story" stands.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { runIngest, type IngestInput } from "../../lib/server/ingest/run-ingest";
import { findArticles } from "../../lib/server/articles/find-articles";
import { linkAcrossLanguages } from "../../lib/server/stories/across-languages";
import { viewer } from "../support/actors";

const fixture = (p: string) => path.join(import.meta.dirname, "../fixtures", p);
const input = (p: string, name = path.basename(p)): IngestInput => ({ name, read: async () => readFileSync(fixture(p)) });
// The run's clock is the wall clock's current hour, not a fixed day: a copy with
// no date of its own is placed by when it was stored (the wall clock), and
// the rule joins copies at most two days apart. A fixed day made the test
// fail two days after it was written.
const T = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const opts = (hours: number, source: string, bulk: boolean) =>
  ({ origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: new Date(T.getTime() + hours * 3_600_000), defaultSource: source, bulk });

// The seed's English rally story's body, and the Spanish agency's copy of it (headline, body), as ninjs items take them.
const rallyEn = () => readFileSync(fixture("pages/seed-aggregator.txt"), "utf8").split("\n").find((l) => l.startsWith("People take part in a demonstration"))!;
const rallyEs = () => {
  const [headline, ...body] = readFileSync(fixture("languages/rally-es.txt"), "utf8").split("\n");
  return { headline: headline!, body: body.join("\n") };
};
const ndjson = (items: object[]): IngestInput => ({ name: "x.ndjson", read: async () => Buffer.from(items.map((i) => JSON.stringify(i)).join("\n")) });

describe.each(storeKinds().flatMap((kind) => [[kind, true] as const, [kind, false] as const]))("the same story across languages on %s (bulk path: %s)", (kind, bulk) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
    await runIngest(store.db, [input("pages/seed-aggregator.txt")], opts(0, "Daily8", bulk));
  });
  afterAll(async () => {
    await store?.drop();
  });

  const byUri = async (like: string) => store.db.article.findFirstOrThrow({ where: { headline: { contains: like } }, select: { id: true, storyId: true, storyKind: true, storyReason: true } });

  it("joins a Spanish copy of the rally story to the English story, as a copy in another language", async () => {
    const r = await runIngest(store.db, [input("languages/rally-es.txt")], opts(1, "Agencia Sur", bulk));
    expect(r.totals.new).toBe(1);
    expect(r.totals.duplicates).toBe(1);
    const en = await byUri("rally in Spain");
    const es = await byUri("piden en Madrid");
    expect(es.storyId).not.toBeNull();
    expect(es.storyId).toBe(en.storyId);
    expect(es.storyKind).toBe("translation");
    expect(es.storyReason).toMatch(/^same story in Spanish as the English copy: \d+ names in common; the figures 100,000, 50,000, 45,000, 46 \(against Express Tribune's copy\)$/);
    const link = await store.db.duplicateLink.findFirstOrThrow({ where: { articleId: es.id, otherId: en.id } });
    expect(link).toMatchObject({ kind: "translation", state: "suggested" });
    expect(JSON.parse(link.evidence!).figures).toEqual(expect.arrayContaining(["100000", "45000", "50000"]));

    // The queue: one row for the story, in both languages.
    const page = await findArticles(store.db, { q: "Sanchez", status: "all" }, viewer);
    const row = page.items.find((i) => i.storyId === en.storyId)!;
    expect(row.languages).toEqual(["en", "es"]);
    expect(row.copies).toBe(2);
  });

  it("leaves another rally story alone: the same politicians, other figures", async () => {
    const r = await runIngest(store.db, [input("languages/rally-es-other-day.txt")], opts(2, "Agencia Sur", bulk));
    expect(r.totals).toMatchObject({ new: 1, duplicates: 0 });
    expect((await byUri("vuelve a llenar Madrid")).storyId).toBeNull();
  });

  it("does nothing again on a run that repeats the copy, and keeps an editor's dismissal", async () => {
    const link = await store.db.duplicateLink.findFirstOrThrow({ where: { kind: "translation" } });
    await store.db.duplicateLink.update({ where: { id: link.id }, data: { state: "dismissed" } });
    const again = await runIngest(store.db, [input("languages/rally-es.txt", "rally-es-again.txt")], opts(3, "Agencia Sur", bulk));
    expect(again.totals.duplicates).toBe(0);
    expect(await store.db.duplicateLink.count({ where: { kind: "translation" } })).toBe(1);
    expect((await store.db.duplicateLink.findUniqueOrThrow({ where: { id: link.id } })).state).toBe("dismissed");
  });
});

describe.each(storeKinds())("two stories, one in each language, become one on %s", (kind) => {
  let store: TestStore;
  afterAll(async () => {
    await store?.drop();
  });

  it("merges a Spanish story of two copies into the English story of two copies", async () => {
    store = await openStore(kind);
    const rally = rallyEn();
    // Another masthead's copy of each, lightly edited: a copy of the story in its own language.
    const edited = (t: string) => t.replace(" gathered ", " massed ").replace(" declared:", " said:").replace(" se concentraron ", " se reunieron ").replace(" acusó ", " criticó ");
    await runIngest(store.db, [input("pages/seed-aggregator.txt"), ndjson([{ uri: "en-2", headline: "Spain rally against Sanchez draws tens of thousands", body_text: edited(rally), infosources: [{ name: "Harbour Post" }] }])], opts(0, "Daily8", true));
    const es = rallyEs();
    const r = await runIngest(
      store.db,
      [ndjson([
        { uri: "es-1", headline: es.headline, body_text: es.body, infosources: [{ name: "Agencia Sur" }] },
        { uri: "es-2", headline: es.headline, body_text: edited(es.body), infosources: [{ name: "Agencia Norte" }] },
      ])],
      opts(1, "Agencia Sur", true),
    );
    expect(r.totals.new).toBe(2);
    const rows = await store.db.article.findMany({ where: { OR: [{ uri: { in: ["en-2", "es-1", "es-2"] } }, { headline: { contains: "rally in Spain" } }] }, select: { uri: true, storyId: true, language: true } });
    expect(rows).toHaveLength(4);
    // One story, both languages, its four copies.
    expect(new Set(rows.map((x) => x.storyId)).size).toBe(1);
    expect(rows[0]!.storyId).not.toBeNull();
    expect(new Set(rows.map((x) => x.language))).toEqual(new Set(["en", "es"]));
    const story = await store.db.story.findUniqueOrThrow({ where: { id: rows[0]!.storyId! } });
    expect(story.copies).toBe(4);
    // The Spanish story's row is gone, not left empty.
    const storyIds = new Set((await store.db.article.findMany({ where: { storyId: { not: null } }, select: { storyId: true } })).map((x) => x.storyId));
    expect(await store.db.story.count()).toBe(storyIds.size);
    expect(await store.db.article.count({ where: { storyId: story.id } })).toBe(4);
  });
});

describe.each(storeKinds())("copies published together, stored days apart, on %s", (kind) => {
  let store: TestStore;
  afterAll(async () => {
    await store?.drop();
  });

  it("links an English copy delivered days late with a backlog to the Spanish copy published beside it", async () => {
    store = await openStore(kind);
    const es = rallyEs();
    const day = (d: number, h = 0) => new Date(T.getTime() + d * 86_400_000 + h * 3_600_000);
    const at = (d: Date) => ({ firstcreated: d.toISOString(), versioncreated: d.toISOString() });
    const run = (d: Date) => ({ origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: d, bulk: true });
    // The Spanish agency's copy, stored as it was published.
    await runIngest(store.db, [ndjson([{ uri: "es-1", headline: es.headline, body_text: es.body, ...at(day(-10)), infosources: [{ name: "Agencia Sur" }] }])], run(day(-10)));
    // Stored ten days ago (a store keeps the wall clock's time of arrival).
    await store.db.article.update({ where: { uri: "es-1" }, data: { ingestedAt: day(-10) } });
    // The wire's English copy of the next hour, stored three days later: what is compared is when each was published.
    const late = await runIngest(
      store.db,
      [ndjson([{ uri: "en-late", headline: "Tens of thousands rally in Spain against Sanchez", body_text: rallyEn(), ...at(day(-10, 1)), infosources: [{ name: "Wire" }] }])],
      run(day(-7)),
    );
    expect(late.totals).toMatchObject({ new: 1, duplicates: 1 });
    const [en, sp] = await Promise.all(["en-late", "es-1"].map((uri) => store.db.article.findUniqueOrThrow({ where: { uri }, select: { id: true, storyId: true } })));
    expect(await store.db.duplicateLink.findFirst({ where: { articleId: en!.id, otherId: sp!.id, kind: "translation" } })).not.toBeNull();
    expect(en!.storyId).not.toBeNull();
    expect(en!.storyId).toBe(sp!.storyId);
  });

  it("compares an English page with the other languages' copy of its days, however much English copy came after", async () => {
    store = await openStore(kind);
    const es = rallyEs();
    const at = (h: number) => new Date(T.getTime() + h * 3_600_000).toISOString();
    const run = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: T, bulk: true };
    await runIngest(store.db, [ndjson([{ uri: "es-1", headline: es.headline, body_text: es.body, firstcreated: at(0), infosources: [{ name: "Agencia Sur" }] }])], run);
    // The English copy, then twelve other English stories of the same hours: stored after the Spanish copy, so newer by id.
    const other = (i: number) => ({
      uri: `en-other-${i}`,
      headline: `Harbour ${i} reopens`,
      body_text: `The harbour of Port ${i} reopened on Tuesday after ${100 + i} days, the Harbour Board said, with ${2000 + i} ships waiting.`,
      firstcreated: at(1),
      infosources: [{ name: "Wire" }],
    });
    const en = { uri: "en-1", headline: "Tens of thousands rally in Spain against Sanchez", body_text: rallyEn(), firstcreated: at(1), infosources: [{ name: "Wire" }] };
    await runIngest(store.db, [ndjson([en, ...Array.from({ length: 12 }, (_, i) => other(i))])], run);
    const ids = await store.db.article.findMany({ where: { language: "en" }, select: { id: true } });
    // Found again with fewer candidates than the English copy of those hours: only the Spanish copy need be one.
    await store.db.duplicateLink.deleteMany({ where: { kind: "translation" } });
    const written = await linkAcrossLanguages(
      store.db,
      ids.map((r) => r.id),
      { maxCandidates: 5 },
    );
    expect(written).toBe(1);
    const [e, s] = await Promise.all(["en-1", "es-1"].map((uri) => store.db.article.findUniqueOrThrow({ where: { uri }, select: { id: true } })));
    expect(await store.db.duplicateLink.findFirst({ where: { articleId: e!.id, otherId: s!.id, kind: "translation" } })).not.toBeNull();
  });
});

// Workflow status with optimistic concurrency: a stale write is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { setStatus, StaleWriteError } from "../../lib/server/articles/set-status";
import { findArticles } from "../../lib/server/articles/find-articles";
import { viewer } from "../support/actors";

describe.each(storeKinds())("workflow on %s", (kind) => {
  let store: TestStore;
  let id: number;
  beforeAll(async () => {
    store = await openStore(kind);
    for (let i = 1; i <= 5; i++) {
      const a = await store.db.article.create({ data: { uri: `s-${i}`, headline: `Story ${i}`, bodyText: `Body of story ${i}.`, contentHash: `h${i}` } });
      id = a.id;
    }
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("marks reviewed, spikes and reopens, each on record", async () => {
    const r = await setStatus(store.db, id, "reviewed", 1, { name: "ed", role: "editor" as const });
    expect(r).toEqual({ status: "reviewed", version: 2 });
    await setStatus(store.db, id, "spiked", 2, { name: "ed", role: "editor" as const });
    await setStatus(store.db, id, "new", 3, { name: "ed", role: "editor" as const });
    const audit = await store.db.auditEntry.findMany({ where: { articleId: id, action: "article.status" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => JSON.parse(e.after!).status)).toEqual(["reviewed", "spiked", "new"]);
  });

  it("refuses a write made from a stale copy and says what is current", async () => {
    const current = await store.db.article.findUniqueOrThrow({ where: { id } });
    await setStatus(store.db, id, "reviewed", current.version, { name: "first editor", role: "editor" });
    const stale = setStatus(store.db, id, "spiked", current.version, { name: "second editor", role: "editor" });
    await expect(stale).rejects.toBeInstanceOf(StaleWriteError);
    await expect(stale).rejects.toThrow(/changed since you opened it .*reviewed/);
    expect((await store.db.article.findUniqueOrThrow({ where: { id } })).status).toBe("reviewed");
  });

  it("lists the queue newest first, a page at a time, filtered by status", async () => {
    const first = await findArticles(store.db, { limit: 2 }, viewer);
    expect(first.total).toBe(5);
    expect(first.items.map((a) => a.uri)).toEqual(["s-5", "s-4"]);
    const second = await findArticles(store.db, { limit: 2, cursor: first.nextCursor! }, viewer);
    expect(second.items.map((a) => a.uri)).toEqual(["s-3", "s-2"]);
    const last = await findArticles(store.db, { limit: 2, cursor: second.nextCursor! }, viewer);
    expect(last.items.map((a) => a.uri)).toEqual(["s-1"]);
    expect(last.nextCursor).toBeNull();
    const reviewed = await findArticles(store.db, { status: "reviewed" }, viewer);
    expect(reviewed.items.map((a) => a.uri)).toEqual(["s-5"]);
  });

  it("finds articles by words of their text, accents folded, and by place and topic", async () => {
    await store.db.article.create({
      data: { uri: "rally", headline: "Tens of thousands rally in Madrid", bodyText: "Protesters chanted 'Pedro Sánchez, resign!' in the Plaza de España.", contentHash: "r" },
    });
    const front = await store.db.article.create({
      data: { uri: "front", headline: "Soldiers wait near the front", bodyText: "Peace talks feel far away in Druzhkivka, Ukraine.", contentHash: "f" },
    });
    const ua = await store.db.tag.upsert({ where: { scheme_code: { scheme: "iso3166", code: "UA" } }, create: { scheme: "iso3166", code: "UA", name: "Ukraine" }, update: {} });
    const war = await store.db.tag.findUniqueOrThrow({ where: { scheme_code: { scheme: "medtop", code: "medtop:16000000" } } });
    await store.db.articleTag.createMany({ data: [{ articleId: front.id, tagId: ua.id, origin: "machine" }, { articleId: front.id, tagId: war.id, origin: "machine" }] });

    expect((await findArticles(store.db, { q: "Sanchez" }, viewer)).items.map((a) => a.uri)).toEqual(["rally"]);
    expect((await findArticles(store.db, { q: "sánchez resign" }, viewer)).items.map((a) => a.uri)).toEqual(["rally"]);
    expect((await findArticles(store.db, { q: "drushk" }, viewer)).items).toEqual([]);
    expect((await findArticles(store.db, { q: "Druzh" }, viewer)).items.map((a) => a.uri)).toEqual(["front"]);
    // The stores' own operators are plain punctuation here; the queue's (quotes, -, OR) are lib/search/query.ts's.
    expect((await findArticles(store.db, { q: '"peace" -war* ( & | :' }, viewer)).items.map((a) => a.uri)).toEqual(["front"]);
    expect((await findArticles(store.db, { q: '"peace" -talks*' }, viewer)).items).toEqual([]);
    expect((await findArticles(store.db, { place: "UA" }, viewer)).items.map((a) => a.uri)).toEqual(["front"]);
    expect((await findArticles(store.db, { topic: "medtop:16000000", q: "peace" }, viewer)).items.map((a) => a.uri)).toEqual(["front"]);
    // A place named only in passing is listed on the article but does not file it under that place.
    const es = await store.db.tag.upsert({ where: { scheme_code: { scheme: "iso3166", code: "ES" } }, create: { scheme: "iso3166", code: "ES", name: "Spain" }, update: {} });
    await store.db.articleTag.create({ data: { articleId: front.id, tagId: es.id, origin: "machine", rel: "mentioned", confidence: 0.4 } });
    expect((await findArticles(store.db, { place: "ES" }, viewer)).items).toEqual([]);
    await store.db.articleTag.updateMany({ where: { articleId: front.id, tagId: es.id }, data: { state: "accepted" } });
    expect((await findArticles(store.db, { place: "ES" }, viewer)).items.map((a) => a.uri)).toEqual(["front"]);
    await store.db.articleTag.updateMany({ where: { articleId: front.id, tagId: ua.id }, data: { state: "rejected" } });
    expect((await findArticles(store.db, { place: "UA" }, viewer)).items).toEqual([]);
    // An edited text is searched as it now reads.
    await store.db.article.update({ where: { id: front.id }, data: { bodyText: "Ceasefire talks resume in Istanbul." } });
    expect((await findArticles(store.db, { q: "Istanbul" }, viewer)).items.map((a) => a.uri)).toEqual(["front"]);
    expect((await findArticles(store.db, { q: "Druzhkivka" }, viewer)).items).toEqual([]);
  });
});

// Tag suggestions in the store: made at ingest with evidence, decided by
// editors, learnt from, hidden by admins, re-scored, exported.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { addTag, decideTag, removeTag, restoreTag } from "../../lib/server/tags/decide-tag";
import { undoEntry } from "../../lib/server/audit-undo";
import { addNewsroomTag, setHidden } from "../../lib/server/tags/taxonomy";
import { rescoreArticles } from "../../lib/server/tags/rescore";

const clubs = ["Riverside", "Northgate", "Harbour City", "Eastfield", "Millbrook", "Westbury", "Oakton", "Lakeside"];
const fanProtest = (club: string) =>
  JSON.stringify({
    uri: `fans-${club}`,
    headline: `${club} FC fans protest over ticket prices`,
    body_text: `Supporters of ${club} FC marched outside the stadium before Saturday's league match to protest against a rise in season ticket prices. The club said the increase was needed to pay for a new stand and to keep the squad competitive. Fans' groups said the board had ignored them and called for a boycott of the next home game against their local rivals.`,
    infosources: [{ name: "Sports Desk" }],
  });

describe.each(storeKinds())("tags on %s", (kind) => {
  let store: TestStore;
  const actor = { name: "test editor", role: "admin" as const };
  const ingest = (name: string, text: string) => runIngest(store.db, [{ name, read: async () => bytes(text) }], { origin: "cli", actor: "test", role: "system" as const });
  const tagsOf = async (uri: string) =>
    (await store.db.article.findUniqueOrThrow({ where: { uri }, include: { tags: { include: { tag: true } } } })).tags;

  beforeAll(async () => {
    store = await openStore(kind);
    await runIngest(
      store.db,
      [{ name: "seed.txt", read: async () => readFileSync(path.join(import.meta.dirname, "../fixtures/pages/seed-aggregator.txt")) }],
      { origin: "cli", actor: "test", role: "system" as const, defaultSource: "Daily8" },
    );
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("suggests the seed's topics and places at ingest, each with evidence", async () => {
    const stories = await store.db.article.findMany({ include: { tags: { include: { tag: true } } }, orderBy: { id: "asc" } });
    const expectTag = (headline: RegExp, code: string, rel?: string) => {
      const a = stories.find((s) => headline.test(s.headline))!;
      const t = a.tags.find((x) => x.tag.code === code);
      expect(t, `${a.headline} should get ${code}`).toBeDefined();
      expect(t!).toMatchObject({ origin: "machine", state: "suggested", ...(rel ? { rel } : {}) });
      expect(t!.confidence).toBeGreaterThanOrEqual(0.5);
      expect(JSON.parse(t!.evidence!).length).toBeGreaterThan(0);
    };
    for (const a of stories.filter((s) => /Interpol/.test(s.headline))) {
      expect(a.tags.length).toBeGreaterThan(0);
    }
    expectTag(/Interpol/, "medtop:02000000");
    expectTag(/Interpol/, "ES", "main");
    expectTag(/rally in Spain/, "medtop:11000000");
    expectTag(/rally in Spain/, "ES");
    expectTag(/Ukraine's soldiers/, "medtop:16000000");
    expectTag(/Ukraine's soldiers/, "UA", "main");
    const interpol = stories.find((s) => /Interpol/.test(s.headline))!;
    // The other countries of the Interpol story are mentions.
    expect(interpol.tags.filter((t) => t.tag.scheme === "iso3166" && t.tag.code !== "ES").every((t) => t.rel === "mentioned")).toBe(true);
    for (const s of stories) {
      expect(s.tags.map((t) => t.tag.code)).not.toContain("medtop:15000000"); // sport
      expect(s.tags.map((t) => t.tag.code)).not.toContain("medtop:17000000"); // weather
    }
  });

  it("records an editor's accept and reject, and teaches the newsroom model", async () => {
    const interpol = await store.db.article.findFirstOrThrow({ where: { headline: { contains: "Interpol" } }, include: { tags: { include: { tag: true } } } });
    const crime = interpol.tags.find((t) => t.tag.code === "medtop:02000000")!;
    const mention = interpol.tags.find((t) => t.rel === "mentioned")!;
    await decideTag(store.db, interpol.id, crime.tagId, "accepted", actor);
    await decideTag(store.db, interpol.id, mention.tagId, "rejected", actor);
    const after = await store.db.articleTag.findMany({ where: { articleId: interpol.id, tagId: { in: [crime.tagId, mention.tagId] } } });
    expect(after.find((t) => t.tagId === crime.tagId)!.state).toBe("accepted");
    expect(after.find((t) => t.tagId === mention.tagId)!.state).toBe("rejected");
    expect(await store.db.auditEntry.count({ where: { articleId: interpol.id, action: { in: ["tag.accept", "tag.reject"] } } })).toBe(2);
    const model = await store.db.taggingModel.findUniqueOrThrow({ where: { newsroom: "default" } });
    expect(JSON.parse(model.model).updates).toBe(2);
    // A new pass leaves the editor's decisions alone.
    await rescoreArticles(store.db);
    const kept = await store.db.articleTag.findMany({ where: { articleId: interpol.id, tagId: { in: [crime.tagId, mention.tagId] } } });
    expect(kept.map((t) => t.state).sort()).toEqual(["accepted", "rejected"]);
  });

  it("stops suggesting what editors rejected on similar stories", async () => {
    for (const club of clubs.slice(0, 5)) await ingest(`fans-${club}.ndjson`, fanProtest(club));
    const sport = (await tagsOf(`fans-${clubs[0]}`)).find((t) => t.tag.code === "medtop:15000000");
    expect(sport?.state).toBe("suggested");
    for (const club of clubs.slice(0, 5)) {
      const id = (await store.db.article.findUniqueOrThrow({ where: { uri: `fans-${club}` } })).id;
      await decideTag(store.db, id, sport!.tagId, "rejected", actor);
    }
    await ingest("fans-new.ndjson", fanProtest(clubs[5]!));
    expect((await tagsOf(`fans-${clubs[5]}`)).map((t) => t.tag.code)).not.toContain("medtop:15000000");
  });

  it("takes a decision's lesson back when it is undone, from the desk's toast or the audit log", async () => {
    const sport = await store.db.tag.findUniqueOrThrow({ where: { scheme_code: { scheme: "medtop", code: "medtop:15000000" } } });
    const model = async () => JSON.parse((await store.db.taggingModel.findUniqueOrThrow({ where: { newsroom: "default" } })).model);
    expect((await model()).tags["medtop:15000000"].n).toBe(5);
    const ids = await Promise.all(clubs.slice(0, 5).map(async (club) => (await store.db.article.findUniqueOrThrow({ where: { uri: `fans-${club}` } })).id));
    // Four undone from the toast (restore), the fifth from the audit log.
    for (const id of ids.slice(0, 4)) {
      const at = await store.db.articleTag.findUniqueOrThrow({ where: { articleId_tagId: { articleId: id, tagId: sport.id } } });
      await restoreTag(store.db, id, sport.id, "suggested", actor, at.version);
    }
    const entry = await store.db.auditEntry.findFirstOrThrow({ where: { articleId: ids[4], action: "tag.reject" }, orderBy: { id: "desc" } });
    await undoEntry(store.db, entry.id, actor);
    expect((await store.db.articleTag.findUniqueOrThrow({ where: { articleId_tagId: { articleId: ids[4]!, tagId: sport.id } } })).state).toBe("suggested");
    const weights = (await model()).tags["medtop:15000000"];
    expect(weights.n).toBe(0);
    expect(Math.abs(weights.bias)).toBeLessThan(1e-3);
    for (const w of Object.values(weights.w) as number[]) expect(Math.abs(w)).toBeLessThan(1e-3);
    // The next similar story gets sport again.
    await ingest("fans-after-undo.ndjson", fanProtest(clubs[7]!));
    expect((await tagsOf(`fans-${clubs[7]}`)).find((t) => t.tag.code === "medtop:15000000")?.state).toBe("suggested");
    // Reject again, so the stories stay as the tests below expect them.
    for (const id of ids) await decideTag(store.db, id, sport.id, "rejected", actor);
  });

  it("takes a hand-added tag's lesson back when the editor removes it", async () => {
    const id = (await store.db.article.findUniqueOrThrow({ where: { uri: `fans-${clubs[7]}` } })).id;
    const added = await addTag(store.db, id, "iso3166", "PT", actor);
    const model = async () => JSON.parse((await store.db.taggingModel.findUniqueOrThrow({ where: { newsroom: "default" } })).model);
    expect((await model()).tags["iso3166:PT"].n).toBe(1);
    await removeTag(store.db, id, added.tagId, actor, added.version);
    expect((await model()).tags["iso3166:PT"].n).toBe(0);
  });

  it("suggests a newsroom tag on similar stories after editors add it by hand", async () => {
    const politics = await store.db.tag.findUniqueOrThrow({ where: { scheme_code: { scheme: "medtop", code: "medtop:11000000" } } });
    const tag = await addNewsroomTag(store.db, politics.id, "Fan protests", actor);
    expect(tag.code).toBe("newsroom:fan-protests");
    for (const club of clubs.slice(0, 4)) {
      const id = (await store.db.article.findUniqueOrThrow({ where: { uri: `fans-${club}` } })).id;
      await addTag(store.db, id, "newsroom", tag.code, actor);
    }
    await ingest("fans-later.ndjson", fanProtest(clubs[6]!));
    const t = (await tagsOf(`fans-${clubs[6]}`)).find((x) => x.tag.code === "newsroom:fan-protests");
    expect(t).toMatchObject({ origin: "machine", state: "suggested" });
    expect(t!.confidence).toBeGreaterThanOrEqual(0.5);
    // and not on an unrelated story
    const seedTags = await store.db.articleTag.count({ where: { tagId: tag.id, article: { headline: { contains: "Ukraine" } } } });
    expect(seedTags).toBe(0);
  });

  it("never suggests a topic an admin hid", async () => {
    const sport = await store.db.tag.findUniqueOrThrow({ where: { scheme_code: { scheme: "medtop", code: "medtop:15000000" } } });
    await setHidden(store.db, sport.id, true, actor);
    await ingest("match.ndjson", JSON.stringify({
      uri: "match-1",
      headline: "Late goal sends Northgate top of the league",
      body_text: "A stoppage-time header from the captain gave Northgate a 2-1 win over Riverside on Saturday and took them top of the league table with five matches left. The coach praised his players after a tense second half at the stadium.",
    }));
    expect((await tagsOf("match-1")).map((t) => t.tag.code)).not.toContain("medtop:15000000");
    await setHidden(store.db, sport.id, false, actor);
  });

  it("re-scoring (npm run tags:rescore) replaces the open suggestions of an older engine and leaves every editor decision as it is", async () => {
    await ingest("rescore.ndjson", JSON.stringify({
      uri: "rescore-1",
      headline: "Knicks edge Celtics in overtime",
      body_text: "Jalen Brunson scored 12 of his 38 points in overtime as the New York Knicks beat the Boston Celtics 118-112 at Madison Square Garden.",
    }));
    const article = await store.db.article.findUniqueOrThrow({ where: { uri: "rescore-1" } });
    const sport = (await tagsOf("rescore-1")).find((t) => t.tag.code === "medtop:15000000");
    expect(sport).toMatchObject({ origin: "machine", state: "suggested" });

    // What an older engine left behind: a suggestion the current one does not make,
    // and the current one's suggestion with another confidence and evidence.
    const economy = await store.db.tag.upsert({
      where: { scheme_code: { scheme: "medtop", code: "medtop:04000000" } },
      create: { scheme: "medtop", code: "medtop:04000000", name: "economy" },
      update: {},
    });
    await store.db.articleTag.upsert({
      where: { articleId_tagId: { articleId: article.id, tagId: economy.id } },
      create: { articleId: article.id, tagId: economy.id, origin: "machine", state: "suggested", confidence: 0.61, evidence: "[]" },
      update: { origin: "machine", state: "suggested", confidence: 0.61, evidence: "[]" },
    });
    await store.db.articleTag.update({ where: { id: sport!.id }, data: { confidence: 0.123, evidence: "[]" } });

    // Editors' decisions: one accepted, one rejected (with the old engine's figures), one added by hand.
    const us = (await tagsOf("rescore-1")).find((t) => t.tag.code === "US")!;
    await decideTag(store.db, article.id, us.tagId, "accepted", actor);
    const sportWas = await store.db.articleTag.findUniqueOrThrow({ where: { id: sport!.id } });
    await addTag(store.db, article.id, "medtop", "medtop:01000000", actor);
    const rejectedTag = await store.db.tag.upsert({
      where: { scheme_code: { scheme: "medtop", code: "medtop:09000000" } },
      create: { scheme: "medtop", code: "medtop:09000000", name: "labour" },
      update: {},
    });
    await store.db.articleTag.upsert({
      where: { articleId_tagId: { articleId: article.id, tagId: rejectedTag.id } },
      create: { articleId: article.id, tagId: rejectedTag.id, origin: "machine", state: "suggested", confidence: 0.44, evidence: "[]" },
      update: {},
    });
    await decideTag(store.db, article.id, rejectedTag.id, "rejected", actor);
    const decidedBefore = (await store.db.articleTag.findMany({ where: { articleId: article.id }, orderBy: { id: "asc" } }))
      .filter((t) => t.origin === "editor" || t.state !== "suggested");
    expect(decidedBefore.map((t) => t.state).sort()).toEqual(["accepted", "accepted", "rejected"]);

    await rescoreArticles(store.db);

    const after = await store.db.articleTag.findMany({ where: { articleId: article.id }, include: { tag: true }, orderBy: { id: "asc" } });
    // Every decision stands, to the field: state, origin, confidence, evidence.
    for (const d of decidedBefore) {
      const now = after.find((t) => t.id === d.id);
      expect(now, `decided tag ${d.tagId}`).toBeDefined();
      expect({ state: now!.state, origin: now!.origin, confidence: now!.confidence, evidence: now!.evidence, rel: now!.rel }).toEqual({
        state: d.state,
        origin: d.origin,
        confidence: d.confidence,
        evidence: d.evidence,
        rel: d.rel,
      });
    }
    // The stale suggestion is gone; the open one carries the current engine's confidence and evidence again.
    expect(after.map((t) => t.tag.code)).not.toContain("medtop:04000000");
    const sportNow = after.find((t) => t.tag.code === "medtop:15000000")!;
    expect(sportNow).toMatchObject({ origin: "machine", state: "suggested" });
    expect(sportNow.confidence).toBeGreaterThan(sportWas.confidence!);
    expect(JSON.parse(sportNow.evidence!).map((e: { text: string }) => e.text)).toEqual(expect.arrayContaining(["Knicks"]));
  });
});

// Stories in the store: copies grouped at ingest, the queue one row a story,
// triage of a whole story, late copies, and editors' decisions that ingest
// never undoes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { findArticles } from "../../lib/server/articles/find-articles";
import { articleFacets } from "../../lib/server/articles/article-facets";
import { setStatuses } from "../../lib/server/articles/set-statuses";
import { decideLink } from "../../lib/server/duplicates/decide-link";
import { moveArticle } from "../../lib/server/stories/story-clusters";
import { getStory, versionChange } from "../../lib/server/stories/get-story";
import { exportArticles } from "../../lib/server/export/export-articles";
import { viewer } from "../support/actors";

const seedPage = readFileSync(path.resolve(import.meta.dirname, "../fixtures/pages/seed-aggregator.txt"));

const WIRE = [
  "Spain's interior ministry said on Friday that police had dismantled a network selling counterfeit weight-loss injections through messaging apps, arresting eleven people in Madrid, Valencia and Malaga.",
  "Officers seized more than 4,000 pens that carried forged labels of a well-known brand, along with cash and packaging equipment found in a warehouse outside the capital.",
  "Health authorities warned that the fake pens contained an unlicensed substance and urged anyone who had bought medicine outside a pharmacy to stop using it and to consult a doctor.",
  "The investigation began in March after a hospital in Valencia treated three patients for severe reactions, the ministry said in a statement.",
].join("\n\n");
const NEAR = WIRE.replace("arresting eleven people", "and arrested eleven people").replace("a doctor.", "their doctor.");
const OTHER = [
  "Heavy rain flooded streets in the port city of Gdansk on Tuesday, and the fire service said it had pumped water from more than two hundred cellars overnight.",
  "The national weather agency kept its orange warning in place for the Baltic coast until Thursday and advised drivers to avoid low-lying roads near the river.",
].join("\n\n");

const item = (uri: string, source: string, headline: string, body: string) => JSON.stringify({ uri, headline, body_text: body, infosources: [{ name: source }] });

describe.each(storeKinds())("stories on %s", (kind) => {
  let store: TestStore;
  const editor = { name: "test editor", role: "editor" as const };
  const ingest = (name: string, data: Uint8Array | string) =>
    runIngest(store.db, [{ name, read: async () => (typeof data === "string" ? bytes(data) : data) }], { origin: "cli", actor: "test", role: "system" as const, defaultSource: "Daily8" });
  const article = (uri: string) => store.db.article.findUniqueOrThrow({ where: { uri } });
  const row = async (id: number) => (await findArticles(store.db, { limit: 200 }, viewer)).items.find((i) => i.id === id);

  beforeAll(async () => {
    store = await openStore(kind);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("groups the seed page's two Interpol copies into one story and nothing else", async () => {
    const r = await ingest("seed-aggregator.txt", seedPage);
    expect(r.totals.new).toBe(4);
    const all = await store.db.article.findMany({ orderBy: { id: "asc" } });
    const interpol = all.filter((a) => /Interpol/.test(a.headline));
    expect(interpol).toHaveLength(2);
    expect(interpol[0]!.storyId).not.toBeNull();
    expect(interpol[1]!.storyId).toBe(interpol[0]!.storyId);
    expect(all.filter((a) => a.storyId !== null)).toHaveLength(2);
    expect(await store.db.story.count()).toBe(1);

    // The queue: one Interpol row with two copies; by article, both.
    const stories = await findArticles(store.db, {}, viewer);
    expect(stories.total).toBe(3);
    const rows = stories.items.filter((i) => /Interpol/.test(i.headline));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ copies: 2, storyId: interpol[0]!.storyId });
    expect(stories.items.filter((i) => i.copies === 1)).toHaveLength(2);
    const articles = await findArticles(store.db, { view: "articles" }, viewer);
    expect(articles.total).toBe(4);
    // Counts are of stories too.
    expect((await articleFacets(store.db, {}, viewer)).total).toBe(3);
    expect((await articleFacets(store.db, { view: "articles" }, viewer)).total).toBe(4);

    const story = await getStory(store.db, interpol[0]!.storyId!, editor);
    expect(story.members.map((m) => m.kind).sort()).toEqual(["copy", "first"]);
    // Who ran it first is the earliest publication (the Express Tribune copy, "a day ago"), whatever arrived first.
    expect(story.members[0]!.kind).toBe("first");
    expect(story.members[0]!.id).toBe(story.firstId);
    expect(story.members[0]!.source).toBe("Express Tribune");
    // The page's top copy arrived first: the related-articles copy below it is the one linked, with its reason.
    expect(story.members.map((m) => m.kind)).toEqual(["first", "copy"]);
    expect(story.members[1]!.source).toBe("Daily8");
    expect((await store.db.article.findUniqueOrThrow({ where: { id: story.firstId } })).storyReason).toMatch(/^exact: .* \(against Daily8's copy\)$/);
  });

  it("reviews a whole story at once, and a copy alone on request", async () => {
    await ingest("wire.ndjson", item("wire-1", "Meridian Wire", "Police break up fake weight-loss pen ring", WIRE));
    await ingest("post.ndjson", item("post-1", "Capital Post", "Fake slimming pens seized in Spain", NEAR));
    const [wire, post] = await Promise.all([article("wire-1"), article("post-1")]);
    expect(post.storyId).toBe(wire.storyId);
    expect(post.storyKind).toBe("copy");
    // A plain copy does not lead (versions do): the wire's row stands for the story.
    const leadRow = await store.db.article.findFirstOrThrow({ where: { storyId: wire.storyId, storyLead: true } });
    expect(leadRow.id).toBe(wire.id);
    expect(await store.db.article.count({ where: { storyId: wire.storyId, storyLead: true } })).toBe(1);

    const r = await setStatuses(store.db, { status: "reviewed", items: [{ id: leadRow.id, version: leadRow.version }], wholeStory: true }, editor);
    expect(r.changed.map((c) => c.id).sort()).toEqual([wire.id, post.id].sort());
    expect((await article("wire-1")).status).toBe("reviewed");
    expect((await article("post-1")).status).toBe("reviewed");
    // Without wholeStory only the named article changes: a per-copy override.
    const p = await article("post-1");
    await setStatuses(store.db, { status: "spiked", items: [{ id: p.id, version: p.version }] }, editor);
    expect((await article("post-1")).status).toBe("spiked");
    expect((await article("wire-1")).status).toBe("reviewed");
  });

  it("files a late copy of a reviewed story under it, as reviewed copy rather than fresh news", async () => {
    const wire = await article("wire-1");
    await ingest("late.ndjson", item("late-1", "Harbour Post", "Fake pens ring broken up", WIRE));
    const late = await article("late-1");
    expect(late.storyId).toBe(wire.storyId);
    expect(late.storyKind).toBe("copy");
    expect(late.status).toBe("reviewed");
    expect(late.storyReason).toMatch(/after the story was reviewed/);
    const story = await store.db.story.findUniqueOrThrow({ where: { id: wire.storyId! } });
    expect(story.copies).toBe(3);
    expect(story.sources).toBe(3);
    // Not in the New tab: the story is not news again.
    const fresh = await findArticles(store.db, { status: "new" }, viewer);
    expect(fresh.items.some((i) => i.storyId === wire.storyId)).toBe(false);
    expect(await store.db.auditEntry.count({ where: { action: "story.join", articleId: late.id } })).toBe(1);
  });

  it("moves a dismissed copy out of its story, and it stays out when the copy is ingested again", async () => {
    const [wire, post] = await Promise.all([article("wire-1"), article("post-1")]);
    const link = await store.db.duplicateLink.findFirstOrThrow({ where: { articleId: post.id, otherId: wire.id } });
    await decideLink(store.db, link.id, "dismissed", editor);
    const moved = await article("post-1");
    expect(moved.storyId).toBeNull();
    expect(moved.storyPinned).toBe(true);
    expect(moved.storyLead).toBe(true);
    expect((await store.db.story.findUniqueOrThrow({ where: { id: wire.storyId! } })).copies).toBe(2);
    expect(await store.db.auditEntry.count({ where: { action: "story.move", articleId: post.id } })).toBe(1);

    // The same item again, and the same item with an edited text: still out.
    await ingest("post.ndjson", item("post-1", "Capital Post", "Fake slimming pens seized in Spain", NEAR));
    await ingest("post.ndjson", item("post-1", "Capital Post", "Fake slimming pens seized in Spain, ministry says", NEAR + "\n\nThe ministry gave no names."));
    expect((await article("post-1")).storyId).toBeNull();
    // Reopening the link puts it back; dismissing it again takes it out again.
    await decideLink(store.db, link.id, "suggested", editor);
    expect((await article("post-1")).storyId).toBe(wire.storyId);
    await decideLink(store.db, link.id, "dismissed", editor);
    expect((await article("post-1")).storyId).toBeNull();
    // A copy of both does not merge it back into the wire's story: the editor said they differ.
    await ingest("third.ndjson", item("third-1", "Coast Times", "Fake pen ring", NEAR));
    const third = await article("third-1");
    expect((await article("post-1")).storyId).toBe(third.storyId);
    expect(third.storyId).not.toBe(wire.storyId);
    expect((await article("wire-1")).storyId).toBe(wire.storyId);
  });

  it("merges two stories when an editor confirms a link between them, and an editor can move a copy out", async () => {
    await ingest("other.ndjson", item("flood-1", "Baltic Wire", "Floods in Gdansk", OTHER));
    const flood = await article("flood-1");
    expect(flood.storyId).toBeNull();
    const wire = await article("wire-1");
    const l = await store.db.duplicateLink.create({ data: { articleId: flood.id, otherId: wire.id, kind: "same-story", score: 0.2 } });
    await decideLink(store.db, l.id, "confirmed", editor);
    expect((await article("flood-1")).storyId).toBe(wire.storyId);
    expect((await article("flood-1")).storyKind).toBe("rewrite");
    await moveArticle(store.db, flood.id, "alone", editor);
    expect((await article("flood-1")).storyId).toBeNull();
    const r = await row(flood.id);
    expect(r).toMatchObject({ storyId: null, copies: 1 });
  });

  it("dissolves a story left with one article", async () => {
    const [a, b] = await Promise.all([article("wire-1"), article("late-1")]);
    const storyId = a.storyId!;
    const members = await store.db.article.findMany({ where: { storyId } });
    for (const m of members.filter((m) => m.id !== a.id)) await moveArticle(store.db, m.id, "alone", editor);
    expect(await store.db.story.findUnique({ where: { id: storyId } })).toBeNull();
    expect((await article("wire-1")).storyId).toBeNull();
    expect((await article("wire-1")).storyLead).toBe(true);
    expect(b.id).toBeGreaterThan(0);
    // Back together by the editor's hand.
    await moveArticle(store.db, b.id, { article: a.id }, editor);
    const together = await article("late-1");
    expect(together.storyId).not.toBeNull();
    expect((await article("wire-1")).storyId).toBe(together.storyId);
  });

  it("files a correction and an update as versions of the story: the newest leads, and the story says what changed", async () => {
    const GM = [
      "General Motors Corp said it would idle six assembly plants in Michigan and Ohio for two weeks next month because of slow sales of its mid-size cars and a build-up of dealer stocks.",
      "About 14,500 hourly workers will be laid off temporarily during the shutdown, the company said in a statement issued at its Detroit headquarters on Tuesday.",
      "The plants affected build the Chevrolet Celebrity and the Pontiac 6000, a spokesman said, adding that production would resume on the original schedule in April.",
    ].join("\n\n");
    const fixed = GM.replace("idle six assembly plants", "idle five assembly plants").replace("About 14,500", "About 12,100");
    const later = fixed + "\n\nThe United Auto Workers union said it had not been consulted and would ask the company to spread the lost shifts across more of its plants, a union official said late on Tuesday.";
    const wire = (uri: string, headline: string, body: string, at: string) =>
      JSON.stringify({ uri, headline, body_text: body, infosources: [{ name: "Meridian Wire" }], versioncreated: at, firstcreated: at });
    await ingest("gm-1.ndjson", wire("gm-1", "GM to idle six plants", GM, "2026-11-24T08:00:00Z"));
    await ingest("gm-2.ndjson", wire("gm-2", "CORRECTED - GM to idle five plants", fixed, "2026-11-24T09:00:00Z"));
    await ingest("gm-3.ndjson", wire("gm-3", "UPDATE 1 - GM to idle five plants, union objects", later, "2026-11-24T12:00:00Z"));
    const [v1, v2, v3] = await Promise.all(["gm-1", "gm-2", "gm-3"].map(article));
    expect(v2!.storyId).toBe(v1!.storyId);
    expect(v3!.storyId).toBe(v1!.storyId);
    expect(v2!.storyKind).toBe("correction");
    expect(v3!.storyKind).toBe("update");
    // The newest version stands for the story in the queue.
    expect(v3!.storyLead).toBe(true);
    const rows = (await findArticles(store.db, { q: "Celebrity" }, viewer)).items;
    expect(rows.map((r) => r.id)).toEqual([v3!.id]);
    expect(rows[0]!.headline).toBe("UPDATE 1 - GM to idle five plants, union objects");
    const story = await getStory(store.db, v1!.storyId!, editor);
    expect(story.leadId).toBe(v3!.id);
    expect(story.changes.map((c) => [c.from, c.to])).toEqual([
      [v1!.id, v2!.id],
      [v2!.id, v3!.id],
    ]);
    const correction = story.changes[0]!;
    expect(correction.parts.filter((p) => p.op === "removed").map((p) => p.text.trim())).toEqual(expect.arrayContaining(["six", "14", "500"]));
    expect(correction.parts.filter((p) => p.op === "added").map((p) => p.text.trim())).toEqual(expect.arrayContaining(["five", "12", "100"]));
    expect(story.changes[1]!.added).toBeGreaterThan(20);
    expect(story.changes[1]!.removed).toBeLessThan(8);
  });

  it("exports each article's story, and an import restores the stories", async () => {
    const lines: string[] = [];
    const out = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    await exportArticles(store.db, "ndjson", out, viewer);
    const items = lines.join("").trim().split("\n").map((l) => JSON.parse(l) as { uri: string; altids?: { role: string; value: string }[] });
    const storyOf = (uri: string) => items.find((i) => i.uri === uri)!.altids?.find((x) => x.role === "wiredesk-story")?.value;
    // Named by its first article's uri, the same in any store.
    expect(storyOf("wire-1")).toBe("wire-1");
    expect(storyOf("late-1")).toBe(storyOf("wire-1"));
    expect(storyOf("flood-1")).toBeUndefined();

    const other = await openStore(kind);
    try {
      const r = await runIngest(other.db, [{ name: "desk.ndjson", read: async () => bytes(lines.join("")) }], { origin: "cli", actor: "test", role: "system" as const });
      expect(r.totals.failed).toBe(0);
      const [w, l, f] = await Promise.all(["wire-1", "late-1", "flood-1"].map((uri) => other.db.article.findUniqueOrThrow({ where: { uri } })));
      if (!w || !l || !f) throw new Error("not imported");
      expect(w.storyId).not.toBeNull();
      expect(l.storyId).toBe(w.storyId);
      expect(f.storyId).toBeNull();
    } finally {
      await other.drop();
    }
  });
});

describe("what an update changed", () => {
  it("marks the added and removed words and cuts the shared text to context", () => {
    const shared = "The ministry said the operation involved officers from six regions and took more than a year to prepare, with help from Europol.";
    const c = versionChange(
      { id: 1, headline: "GM to idle six plants", bodyText: `${shared} Six plants will close for two weeks.` },
      { id: 2, headline: "CORRECTED - GM to idle five plants", bodyText: `${shared} Five plants will close for two weeks.` },
    );
    expect(c.parts.filter((p) => p.op === "added").map((p) => p.text.trim())).toEqual(["CORRECTED -", "five", "Five"]);
    expect(c.parts.filter((p) => p.op === "removed").map((p) => p.text.trim())).toEqual(["six", "Six"]);
    const same = c.parts.filter((p) => p.op === "same").map((p) => p.text).join("");
    expect(same).toContain("…");
    expect(same.length).toBeLessThan(shared.length);
  });
});

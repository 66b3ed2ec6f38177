// Duplicate links in the store: found at ingest through the stored index,
// decided by editors, remembered, grouped, and undone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { DEFAULT_THRESHOLDS } from "../../lib/dedup/config";
import { decideLink, getGroup, setCanonical, undoDecision } from "../../lib/server/duplicates/decide-link";

const WIRE = [
  "Spain's interior ministry said on Friday that police had dismantled a network selling counterfeit weight-loss injections through messaging apps, arresting eleven people in Madrid, Valencia and Malaga.",
  "Officers seized more than 4,000 pens that carried forged labels of a well-known brand, along with cash and packaging equipment found in a warehouse outside the capital.",
  "Health authorities warned that the fake pens contained an unlicensed substance and urged anyone who had bought medicine outside a pharmacy to stop using it and to consult a doctor.",
  "The investigation began in March after a hospital in Valencia treated three patients for severe reactions, the ministry said in a statement.",
].join("\n\n");

const NEAR = WIRE.replace("arresting eleven people", "and arrested eleven people")
  .replace("along with cash and packaging equipment", "with cash and packing equipment")
  .replace("a doctor.", "their doctor.");

const ROUNDUP = [
  "Here is what you need to know this morning.",
  WIRE,
  "In other news, the national weather agency issued a yellow warning for heavy rain along the Mediterranean coast, and the football league confirmed the dates of the winter break.",
].join("\n\n");

const item = (uri: string, source: string, headline: string, body: string, versioncreated?: string) =>
  JSON.stringify({ uri, headline, body_text: body, infosources: [{ name: source }], ...(versioncreated ? { versioncreated } : {}) });

describe.each(storeKinds())("duplicate links on %s", (kind) => {
  let store: TestStore;
  const actor = { name: "test editor", role: "editor" as const };
  const ingest = (name: string, ...lines: string[]) =>
    runIngest(store.db, [{ name, read: async () => bytes(lines.join("\n")) }], { origin: "cli", actor: "test", role: "system" as const });
  const idOf = async (uri: string) => (await store.db.article.findUniqueOrThrow({ where: { uri } })).id;
  const linkBetween = (a: number, b: number) =>
    store.db.duplicateLink.findFirst({ where: { OR: [{ articleId: a, otherId: b }, { articleId: b, otherId: a }] } });

  beforeAll(async () => {
    store = await openStore(kind);
    await ingest("wire.ndjson", item("wire-1", "Meridian Wire", "Police break up fake weight-loss pen ring", WIRE, "2026-11-09T08:00:00Z"));
    await ingest("post.ndjson", item("post-1", "Capital Post", "Fake slimming pens seized in Spain", NEAR, "2026-11-09T10:00:00Z"));
    await ingest("brief.ndjson", item("brief-1", "Morning Brief", "Morning briefing", ROUNDUP, "2026-11-09T11:00:00Z"));
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("finds the near copy and the roundup that contains the wire story, through the stored index", async () => {
    const [wire, post, brief] = await Promise.all(["wire-1", "post-1", "brief-1"].map(idOf));
    const near = await linkBetween(wire!, post!);
    expect(near).toMatchObject({ articleId: post, otherId: wire, kind: "near", state: "suggested" });
    expect(near!.score).toBeGreaterThan(0.8);
    const contains = await store.db.duplicateLink.findFirstOrThrow({ where: { articleId: brief, otherId: wire } });
    expect(contains.kind).toBe("contains");
    expect(contains.score).toBeGreaterThanOrEqual(0.9);
    expect(await store.db.dedupKey.count({ where: { articleId: wire } })).toBeGreaterThan(0);
  });

  it("drops an article's duplicate keys with the article, and no other's", async () => {
    // PostgreSQL keeps no foreign key here but a delete trigger (decision 016).
    await ingest("gone.ndjson", item("gone-1", "Evening Herald", "Ferry strike called off", `${WIRE} A second paragraph of its own about ferries.`, "2026-11-09T12:00:00Z"));
    const gone = await idOf("gone-1");
    const wire = await idOf("wire-1");
    const before = await store.db.dedupKey.count({ where: { articleId: wire } });
    expect(await store.db.dedupKey.count({ where: { articleId: gone } })).toBeGreaterThan(0);
    await store.db.article.deleteMany({ where: { id: gone } });
    expect(await store.db.dedupKey.count({ where: { articleId: gone } })).toBe(0);
    expect(await store.db.dedupKey.count({ where: { articleId: wire } })).toBe(before);
  });

  it("takes a corrected text from the same source under a new derived uri as an update, not a copy", async () => {
    const page = (headline: string, body: string) => JSON.stringify({ headline, body_text: body, infosources: [{ name: "Harbour Gazette" }] });
    const ferry = [
      "The harbour ferry will run until one in the morning on weekdays from next month, the operator said on Tuesday, after more than four thousand commuters signed a petition asking for later crossings.",
      "Night shift workers at the container terminal had complained for years that the last boat left before their shifts ended, leaving them to pay for taxis around the bay.",
    ].join("\n\n");
    await ingest("page-1.ndjson", page("Ferry adds night crossings", ferry));
    const before = await store.db.duplicateLink.count();
    // The page was fixed: a new headline (so a new derived uri) and a corrected figure.
    const r = await ingest("page-2.ndjson", page("Ferry adds late-night crossings after petition", ferry.replace("four thousand", "five thousand")));
    expect(r.totals).toMatchObject({ new: 0, updated: 1 });
    const stories = await store.db.article.findMany({ where: { source: { name: "Harbour Gazette" } }, include: { versions: true } });
    expect(stories).toHaveLength(1);
    expect(stories[0]!.headline).toBe("Ferry adds late-night crossings after petition");
    expect(stories[0]!.versions[0]!.bodyText).toContain("four thousand");
    expect(await store.db.duplicateLink.count()).toBe(before);
  });

  it("keeps items with ids of their own apart, even from one source with templated text", async () => {
    const r = await ingest("wire-2.ndjson", item("wire-2", "Meridian Wire", "Police break up fake weight-loss pen ring in Seville", WIRE.replace(/Madrid, Valencia and Malaga/, "Seville"), "2026-11-10T08:00:00Z"));
    expect(r.totals.new).toBe(1);
    const link = await linkBetween(await idOf("wire-1"), await idOf("wire-2"));
    expect(link?.kind).toBe("near");
  });

  it("remembers an editor's 'not a duplicate': the pair is never flagged again", async () => {
    const [wire, post] = await Promise.all(["wire-1", "post-1"].map(idOf));
    const link = (await linkBetween(wire!, post!))!;
    await decideLink(store.db, link.id, "dismissed", actor);
    // A new version of the copy is checked against the store again.
    const r = await ingest("post-2.ndjson", item("post-1", "Capital Post", "Fake slimming pens seized in Spain", `${NEAR} The ministry did not name the brand.`, "2026-11-09T12:00:00Z"));
    expect(r.totals.updated).toBe(1);
    const links = await store.db.duplicateLink.findMany({ where: { OR: [{ articleId: post, otherId: wire }, { articleId: wire, otherId: post }] } });
    expect(links).toHaveLength(1);
    expect(links[0]!.state).toBe("dismissed");
  });

  it("joins confirmed links into one group whose original is the wire copy, which an editor can change and undo", async () => {
    const [wire, post, brief] = await Promise.all(["wire-1", "post-1", "brief-1"].map(idOf));
    const near = (await linkBetween(wire!, post!))!;
    await decideLink(store.db, near.id, "confirmed", actor);
    const contains = (await linkBetween(wire!, brief!))!;
    await decideLink(store.db, contains.id, "confirmed", actor);
    const group = await getGroup(store.db, brief!);
    expect(group.members.map((m) => m.id).sort()).toEqual([wire, post, brief].sort());
    expect(group.canonical?.id).toBe(wire);

    const chosen = await setCanonical(store.db, post!, actor);
    expect(chosen.canonical?.id).toBe(post);
    const entry = await store.db.auditEntry.findFirstOrThrow({ where: { action: "group.canonical" }, orderBy: { id: "desc" } });
    await undoDecision(store.db, entry.id, actor);
    const restored = await getGroup(store.db, wire!);
    expect(restored.canonical?.id).toBe(wire);
    expect(restored.members.some((m) => m.canonical)).toBe(false);
  });

  it("undoes a confirmation from the audit log", async () => {
    const [wire, brief] = await Promise.all(["wire-1", "brief-1"].map(idOf));
    const link = (await linkBetween(wire!, brief!))!;
    expect(link.state).toBe("confirmed");
    const entry = await store.db.auditEntry.findFirstOrThrow({
      where: { entityType: "duplicateLink", entityId: String(link.id), action: "link.confirm" },
    });
    const undone = await undoDecision(store.db, entry.id, actor);
    expect(undone).toMatchObject({ id: link.id, state: "suggested" });
    expect((await getGroup(store.db, brief!)).members.map((m) => m.id)).toEqual([brief]);
  });

  it("flags by the configured thresholds", async () => {
    const strict = { ...DEFAULT_THRESHOLDS, near: { minCoverage: 0.999 }, contains: { minCoverage: 0.999, minTokens: 25 } };
    const edited = WIRE.replace("eleven people", "11 people").replace("forged labels", "fake labels");
    const r = await runIngest(
      store.db,
      [{ name: "strict.ndjson", read: async () => bytes(item("strict-1", "Strict Daily", "Pens ring broken up", edited)) }],
      { origin: "cli", actor: "test", role: "system" as const, thresholds: strict },
    );
    expect(r.totals.new).toBe(1);
    const links = await store.db.duplicateLink.findMany({ where: { articleId: await idOf("strict-1") } });
    expect(links.map((l) => l.kind)).not.toContain("near");
  });
});

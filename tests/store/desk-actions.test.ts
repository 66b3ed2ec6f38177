// The desk's bulk and one-key actions in the store: a status for a
// selection, accepting the confident suggestions, undoing a tag decision,
// resolving a cluster of copies, and saved views.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { setStatuses } from "../../lib/server/articles/set-statuses";
import { acceptSuggestions, restoreTag } from "../../lib/server/tags/decide-tag";
import { resolveCluster } from "../../lib/server/duplicates/resolve-cluster";
import { deleteView, listViews, saveView, ViewError } from "../../lib/server/views/saved-views";
import { findArticles } from "../../lib/server/articles/find-articles";
import { ForbiddenError } from "../../lib/server/audit";

const seedPath = path.resolve(import.meta.dirname, "../fixtures/pages/seed-aggregator.txt");

describe.each(storeKinds())("desk actions on %s", (kind) => {
  let store: TestStore;
  const actor = { name: "test editor", role: "editor" as const };
  const viewer = { name: "test viewer", role: "viewer" as const };
  const byHeadline = async (re: RegExp) => {
    const all = await store.db.article.findMany({ select: { id: true, headline: true, status: true, version: true } });
    return all.filter((a) => re.test(a.headline));
  };

  beforeAll(async () => {
    store = await openStore(kind);
    await runIngest(store.db, [{ name: "seed.txt", read: async () => readFileSync(seedPath) }], { origin: "cli", actor: "test", role: "system" });
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("refuses a viewer every desk action, writing nothing", async () => {
    const [rally] = await byHeadline(/rally in Spain/);
    const [interpol] = await byHeadline(/Interpol/);
    const audit = await store.db.auditEntry.count();
    await expect(setStatuses(store.db, { status: "reviewed", items: [{ id: rally!.id, version: rally!.version }] }, viewer)).rejects.toThrow(ForbiddenError);
    await expect(acceptSuggestions(store.db, interpol!.id, viewer)).rejects.toThrow(ForbiddenError);
    await expect(resolveCluster(store.db, interpol!.id, viewer)).rejects.toThrow(ForbiddenError);
    expect(await store.db.auditEntry.count()).toBe(audit);
    expect((await store.db.article.findUniqueOrThrow({ where: { id: rally!.id } })).status).toBe("new");
  });

  it("sets one status for a selection, refusing only the item whose version is stale", async () => {
    const [rally] = await byHeadline(/rally in Spain/);
    const [ukraine] = await byHeadline(/Ukraine's soldiers/);
    const r = await setStatuses(
      store.db,
      { status: "reviewed", items: [{ id: rally!.id, version: rally!.version }, { id: ukraine!.id, version: ukraine!.version + 5 }] },
      actor,
    );
    expect(r.changed).toEqual([{ id: rally!.id, from: "new", version: rally!.version + 1 }]);
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0]).toMatchObject({ id: ukraine!.id, current: { status: "new", version: ukraine!.version } });
    expect(r.refused[0]!.reason).toMatch(/changed since you opened it/);
    const [after] = await byHeadline(/Ukraine's soldiers/);
    expect(after!.status).toBe("new");
    // Undo is the same call, back to the status before, naming the version the first write produced.
    const back = await setStatuses(store.db, { status: "new", items: [{ id: rally!.id, version: r.changed[0]!.version }] }, actor);
    expect(back.refused).toEqual([]);
    expect((await store.db.article.findUniqueOrThrow({ where: { id: rally!.id } })).status).toBe("new");
    expect(await store.db.auditEntry.count({ where: { action: "article.status", articleId: rally!.id } })).toBe(2);
  });

  it("accepts the confident suggestions at once (crime and Spain on the Interpol story), and each can be put back", async () => {
    const [interpol] = await byHeadline(/Interpol/);
    const r = await acceptSuggestions(store.db, interpol!.id, actor);
    const accepted = await store.db.articleTag.findMany({ where: { articleId: interpol!.id, state: "accepted" }, include: { tag: true } });
    expect(r.accepted).toBe(accepted.length);
    const names = accepted.map((t) => t.tag.name);
    expect(names).toContain("crime");
    expect(names).toContain("Spain");
    // Weak mentions stay suggestions.
    expect(await store.db.articleTag.count({ where: { articleId: interpol!.id, state: "suggested", tag: { scheme: "iso3166" } } })).toBeGreaterThan(0);
    expect(await store.db.auditEntry.count({ where: { action: "tag.accept", articleId: interpol!.id } })).toBe(r.accepted);

    const spain = accepted.find((t) => t.tag.name === "Spain")!;
    await restoreTag(store.db, interpol!.id, spain.tagId, "suggested", actor);
    const now = await store.db.articleTag.findUniqueOrThrow({ where: { id: spain.id } });
    expect(now.state).toBe("suggested");
    expect(now.decidedAt).toBeNull();
    expect(await store.db.auditEntry.count({ where: { action: "tag.reopen", articleId: interpol!.id } })).toBe(1);
  });

  it("keeps the original of a cluster, confirms its links and marks the other copies reviewed", async () => {
    const copies = await byHeadline(/Interpol/);
    expect(copies).toHaveLength(2);
    const [keep, other] = copies.sort((a, b) => a.id - b.id);
    const r = await resolveCluster(store.db, keep!.id, actor);
    expect(r.confirmed).toHaveLength(1);
    expect(r.reviewed).toEqual([{ id: other!.id, from: "new", version: other!.version + 1 }]);
    expect(r.canonicalAuditId).not.toBeNull();
    const link = await store.db.duplicateLink.findUniqueOrThrow({ where: { id: r.confirmed[0]! } });
    expect(link.state).toBe("confirmed");
    expect((await store.db.article.findUniqueOrThrow({ where: { id: keep!.id } })).canonical).toBe(true);
    expect((await store.db.article.findUniqueOrThrow({ where: { id: keep!.id } })).status).toBe("new");
    expect((await store.db.article.findUniqueOrThrow({ where: { id: other!.id } })).status).toBe("reviewed");
    // An article with no copies has nothing to resolve.
    const [ukraine] = await byHeadline(/Ukraine's soldiers/);
    await expect(resolveCluster(store.db, ukraine!.id, actor)).rejects.toThrow(/no copies/);
  });

  it("lists only the tags a queue row shows: decided ones, the story's places, likely topics", async () => {
    const page = await findArticles(store.db, { q: "Interpol" }, viewer);
    const interpol = page.items[0]!;
    const names = interpol.tags.map((t) => t.name);
    expect(names).toContain("Spain");
    expect(names).toContain("crime");
    // The countries it only names in passing (40%) stay on the article page, not in the queue's rows.
    const weak = await store.db.articleTag.count({ where: { articleId: interpol.id, state: "suggested", rel: { not: "main" }, confidence: { lt: 0.7 }, tag: { scheme: "iso3166" } } });
    expect(weak).toBeGreaterThan(0);
    expect(interpol.tags.filter((t) => t.scheme === "iso3166" && t.state === "suggested" && t.rel !== "main" && t.confidence < 0.7)).toEqual([]);
  });

  it("lists the version of each article in the queue, for the writes that name it", async () => {
    const page = await findArticles(store.db, { view: "articles" }, viewer);
    const stored = await store.db.article.findMany({ select: { id: true, version: true } });
    expect(page.items.map((i) => [i.id, i.version]).sort()).toEqual(stored.map((s) => [s.id, s.version]).sort());
  });

  it("saves views of the queue's filters only, refuses bad ones and same names, and deletes them", async () => {
    const v = await saveView(store.db, { name: "Spain, new", query: "place=ES&status=new&cursor=12" }, actor);
    expect(v.query).toBe("place=ES&status=new"); // paging is not part of a view; keys sorted
    await expect(saveView(store.db, { name: "Spain, new", query: "status=new" }, actor)).rejects.toThrow(ViewError);
    await expect(saveView(store.db, { name: "Bad", query: "place=Spain" }, actor)).rejects.toThrow(/not a valid value for place/);
    await expect(saveView(store.db, { name: "Bad", query: "colour=red" }, actor)).rejects.toThrow(/not a queue filter/);
    await expect(saveView(store.db, { name: "  ", query: "status=new" }, actor)).rejects.toThrow(/needs a name/);
    expect((await listViews(store.db, actor)).map((x) => x.name)).toEqual(["Spain, new"]);
    await deleteView(store.db, v.id, actor);
    expect(await listViews(store.db, actor)).toEqual([]);
    await expect(deleteView(store.db, v.id, actor)).rejects.toThrow(ViewError);
    expect(await store.db.auditEntry.count({ where: { entityType: "savedView" } })).toBe(2);
  });
});

// The demo copy loads whole, and its planted truth holds: the exact copies
// (and only they) are linked, and the updated wire item is one article.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { loadDemo } from "../../lib/server/demo/load-demo";

describe.each(storeKinds())("demo data on %s", (kind) => {
  let store: TestStore;
  let reports: Awaited<ReturnType<typeof loadDemo>>;
  beforeAll(async () => {
    store = await openStore(kind);
    reports = await loadDemo(store.db, new Date("2026-11-28T12:00:00Z"));
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("loads every item of every file", () => {
    const errors = reports.flatMap((r) => r.inputs.flatMap((i) => i.errors.map((e) => `${i.input} ${e.location}: ${e.message}`)));
    expect(errors).toEqual([]);
    expect(reports.length).toBeGreaterThanOrEqual(9);
  });

  it("links exactly the planted exact copies", async () => {
    const links = await store.db.duplicateLink.findMany({
      include: { article: { include: { source: true } }, other: { include: { source: true } } },
    });
    const pairs = links.map((l) => [l.kind, l.other.source?.name, l.article.source?.name, l.article.headline.slice(0, 30)].join(" | ")).sort();
    expect(pairs).toEqual([
      "exact | Daily8 | Express Tribune | International child abuse ring",
      "exact | Meridian Wire — World | Coromandel Courier | Heavy rain floods Chennai, sch",
      "exact | Meridian Wire — World | The Capital Post | Spanish Police Break Up Ring S",
    ]);
  });

  it("holds the corrected wire item once, with the first text in its history", async () => {
    const kyiv = await store.db.article.findFirstOrThrow({
      where: { uri: { contains: "kyiv-overnight-attack" } },
      include: { versions: true },
    });
    expect(kyiv.version).toBe(2);
    expect(kyiv.versions).toHaveLength(1);
    expect(kyiv.versions[0]!.bodyText).not.toBe(kyiv.bodyText);
    expect(await store.db.article.count({ where: { uri: { contains: "kyiv-overnight-attack" } } })).toBe(1);
  });

  it("skips everything when loaded again", async () => {
    const again = await loadDemo(store.db, new Date("2026-11-29T12:00:00Z"));
    const totals = again.map((r) => r.totals);
    expect(totals.every((t) => t.new === 0 && t.updated === 0 && t.failed === 0)).toBe(true);
  });
});

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
    reports = await loadDemo(store.db, { ingestTime: new Date("2026-11-28T12:00:00Z") });
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("loads every item of every file", () => {
    const errors = reports.flatMap((r) => r.inputs.flatMap((i) => i.errors.map((e) => `${i.input} ${e.location}: ${e.message}`)));
    expect(errors).toEqual([]);
    expect(reports.length).toBeGreaterThanOrEqual(9);
  });

  it("links exactly the planted copies, each with its kind (prisma/demo/README.md)", async () => {
    const links = await store.db.duplicateLink.findMany({
      include: { article: { include: { source: true } }, other: { include: { source: true } } },
    });
    const pairs = links.map((l) => `${l.kind}: ${l.article.source?.name} → ${l.other.source?.name}`).sort();
    expect(pairs).toEqual(
      [
        // X0–X2
        "exact: Express Tribune → Daily8",
        "exact: The Capital Post → Meridian Wire — World",
        "exact: Coromandel Courier → Meridian Wire — World",
        // N1–N3
        "near: Northern Herald → Meridian Wire — World",
        "near: Meridian Wire → Meridian Wire — World",
        "near: Red River Record → The Capital Post",
        // C1–C3, read from the later article's side
        "contains: The Capital Post → Meridian Wire — World",
        "contains: Northern Herald → Meridian Wire — World",
        "contains: Harbour Gazette → Northern Herald",
        // S1–S3
        "same-story: The Capital Post → Meridian Wire — World",
        "same-story: The Capital Post → Meridian Wire — World",
        "same-story: Gulf Chronicle → Meridian Wire — World",
      ].sort(),
    );
    // Every link carries the shared passages with their places in both texts.
    for (const l of links) {
      const ev = JSON.parse(l.evidence!) as { passages: { a: [number, number]; b: [number, number]; text: string }[] };
      expect(ev.passages.length).toBeGreaterThan(0);
      const p = ev.passages[0]!;
      expect(l.article.bodyText.slice(p.a[0], p.a[1])).toBe(p.text);
      expect(l.score).toBeGreaterThan(0);
      expect(l.score).toBeLessThanOrEqual(1);
    }
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
    const again = await loadDemo(store.db, { ingestTime: new Date("2026-11-29T12:00:00Z") });
    const totals = again.map((r) => r.totals);
    expect(totals.every((t) => t.new === 0 && t.updated === 0 && t.failed === 0)).toBe(true);
  });
});

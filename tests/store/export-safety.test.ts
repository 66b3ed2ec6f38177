// What ingested copy can smuggle through JSON escapes and out through the CSV
// export: NULs and lone surrogates are cleaned after JSON is decoded, and a
// cell a spreadsheet would run as a formula is quoted.
import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { csvCell, exportArticles } from "../../lib/server/export/export-articles";
import { parseNinjs } from "../../lib/ingest/ninjs";
import { parseFeed } from "../../lib/ingest/feed";
import type { Db } from "../../lib/server/db/client";
import { viewer } from "../support/actors";

const opts = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: new Date("2026-11-28T12:00:00Z") };
const parseOpts = { name: "x.json", ingestTime: new Date("2026-11-28T12:00:00Z") };

async function exportText(db: Db, format: "ndjson" | "csv"): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await exportArticles(db, format, out, viewer);
  out.end();
  return Buffer.concat(chunks).toString("utf8");
}

// Written with JSON escapes, as a hostile upload would: the raw bytes hold no NUL and no surrogate.
const DIRTY = String.raw`{"uri": "urn:dirty:1", "headline": "Port\u0000 strike \ud800ends", "body_text": "Dockers\u0000 voted \udfffto end the strike\u0007 on Monday.", "byline": "A\u0000B"}`;
const isClean = (s: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s) && s.isWellFormed();

describe("JSON escapes are cleaned after decoding", () => {
  it("in ninjs", () => {
    expect(DIRTY).not.toMatch(/\u0000/); // the escapes are text until decoded
    const a = parseNinjs(DIRTY, parseOpts).articles[0]!;
    for (const v of [a.headline, a.bodyText, a.byline ?? ""]) expect(isClean(v), JSON.stringify(v)).toBe(true);
    expect(a.headline).toBe("Port strike \uFFFDends");
    expect(a.byline).toBe("AB");
  });

  it("in JSON Feed", () => {
    const feed = String.raw`{"version": "https://jsonfeed.org/version/1.1", "title": "T\u0000", "items": [{"id": "1", "title": "Fire\u0000 at \ud83d the docks", "content_text": "Crews\u0000 fought the \udc00fire."}]}`;
    const a = parseFeed(feed, { ...parseOpts, name: "f.json" }).articles[0]!;
    expect(isClean(a.headline) && isClean(a.bodyText)).toBe(true);
    expect(a.headline).toBe("Fire at \uFFFD the docks");
  });
});

describe("CSV cells a spreadsheet would run", () => {
  it("are quoted, and nothing else is", () => {
    for (const v of ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]) expect(csvCell(v)).toBe(`'${v}`);
    for (const v of ["Port strike ends", "1-0 win", "'quoted", ""]) expect(csvCell(v)).toBe(v);
    expect(csvCell("a\u0000b")).toBe("ab");
  });
});

describe.each(storeKinds())("hostile copy in the store and the export on %s", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  it("stores no NUL or lone surrogate from ninjs escapes, and exports none", async () => {
    const r = await runIngest(store.db, [{ name: "dirty.json", read: async () => bytes(DIRTY) }], opts);
    expect(r.totals.new).toBe(1);
    const a = await store.db.article.findUniqueOrThrow({ where: { uri: "urn:dirty:1" } });
    for (const v of [a.headline, a.bodyText, a.byline ?? ""]) expect(isClean(v), JSON.stringify(v)).toBe(true);
    const csv = await exportText(store.db, "csv");
    expect(csv).not.toMatch(/\u0000/);
    expect(csv.isWellFormed()).toBe(true);
  });

  it("quotes formula cells in the CSV export, and reads them back as they were", async () => {
    const formula = String.raw`{"uri": "urn:formula:1", "headline": "=HYPERLINK(\"http://evil.example/\",\"Click\")", "body_text": "-1+1 is how the council counted the votes on Monday.", "byline": "@someone"}`;
    await runIngest(store.db, [{ name: "formula.json", read: async () => bytes(formula) }], opts);
    const rows = parse(await exportText(store.db, "csv"), { columns: true }) as Record<string, string>[];
    const row = rows.find((x) => x.uri === "urn:formula:1")!;
    expect(row.headline).toBe(`'=HYPERLINK("http://evil.example/","Click")`);
    expect(row.body_text).toMatch(/^'-1\+1 is how/);
    expect(row.by).toBe("'@someone");
    for (const r of rows) for (const cell of Object.values(r)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    // Ingesting the export gives the text back without the quote.
    const again = await openStore(kind);
    try {
      await runIngest(again.db, [{ name: "export.csv", read: async () => bytes(await exportText(store.db, "csv")) }], opts);
      const back = await again.db.article.findUniqueOrThrow({ where: { uri: "urn:formula:1" } });
      expect(back.headline).toBe(`=HYPERLINK("http://evil.example/","Click")`);
      expect(back.byline).toBe("@someone");
    } finally {
      await again.drop();
    }
  });
});

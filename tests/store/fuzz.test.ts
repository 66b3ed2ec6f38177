// A short pass of the ingest fuzzing harness (npm run fuzz, scripts/fuzz.ts):
// mutated fixtures through runIngest, no crash, no input over 2 s, no heap
// over 1.5 GB. The full run is `npm run fuzz -- --inputs 5000`.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { makeInput, runFuzz } from "../../scripts/fuzz/harness";

const fixtures = path.resolve(import.meta.dirname, "../fixtures");
const out = mkdtempSync(path.join(tmpdir(), "wiredesk-fuzz-out-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("the ingest fuzzing harness", () => {
  it("makes the same inputs from the same seed, and others from another", () => {
    const seeds = [{ name: "a.html", bytes: new TextEncoder().encode(readFileSync(path.join(fixtures, "pages/article-harbourpost.html"), "utf8")) }];
    // Each input as its mutations and a digest of its bytes.
    const inputs = (seed: number) =>
      Array.from({ length: 20 }, (_, i) => makeInput(seeds, seed, i)).map((x) => `${x.mutation} ${createHash("sha256").update(x.bytes).digest("hex")}`);
    const one = inputs(7);
    expect(inputs(7)).toEqual(one);
    expect(inputs(8)).not.toEqual(one);
    expect(new Set(one).size).toBeGreaterThan(15);
  });

  it("finds no crash, slow input or heap growth in a short pass", async () => {
    const report = await runFuzz({ inputs: 100, seed: 1, fixtures, maxMs: 2_000, maxHeapMb: 1_536, out });
    expect(report.violations.map((v) => `input ${v.index} (${v.name}, ${v.mutation}): ${v.kind}: ${v.detail.split("\n")[0]}`)).toEqual([]);
    expect(report.inputs).toBe(100);
    // The pass exercised both outcomes: stored articles and refused inputs.
    expect(report.stored).toBeGreaterThan(0);
    expect(report.refused).toBeGreaterThan(0);
  }, 120_000);
});

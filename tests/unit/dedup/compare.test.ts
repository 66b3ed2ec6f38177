import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { compare, prepare, type DuplicateMatch } from "../../../lib/dedup/compare";
import { DEFAULT_THRESHOLDS, parseThresholds } from "../../../lib/dedup/config";
import { isUpdate } from "../../../lib/dedup/update";
import { normalizeForHash } from "../../../lib/ingest/text";
import { LOOKALIKE, ROUNDUP, WIRE, WIRE_EXACT, WIRE_NEAR, WIRE_REWRITE } from "./fixtures";

function must(m: DuplicateMatch | null): DuplicateMatch {
  if (!m) throw new Error("expected a match");
  return m;
}

/** Every passage reads the same, once normalised, at its place in both texts. */
function expectPassagesInPlace(m: DuplicateMatch, a: string, b: string): void {
  for (const p of m.evidence.passages) {
    expect(a.slice(p.a[0], p.a[1])).toBe(p.text);
    expect(normalizeForHash(b.slice(p.b[0], p.b[1]))).toBe(normalizeForHash(p.text));
  }
}

describe("compare", () => {
  it("exact: the same copy once whitespace, case, quotes and accents are normalised away", () => {
    const m = must(compare(WIRE, WIRE_EXACT));
    expect(m).toMatchObject({ kind: "exact", score: 1, confidence: "high" });
    expect(m.evidence.passages).toHaveLength(1);
    expectPassagesInPlace(m, WIRE, WIRE_EXACT);
    expect(m.evidence.passages[0]?.text.startsWith("VALPARAÍSO")).toBe(true);
  });

  it("near: a reworded phrase, a typo and a cut sentence, read from either side", () => {
    const m = must(compare(WIRE, WIRE_NEAR));
    expect(m.kind).toBe("near");
    expect(m.score).toBeGreaterThan(0.85);
    expect(m.score).toBeLessThan(1);
    expect(m.evidence.coverageB).toBeGreaterThan(m.evidence.coverageA); // the copy is the shorter one
    expectPassagesInPlace(m, WIRE, WIRE_NEAR);
    const back = must(compare(WIRE_NEAR, WIRE));
    expect(back.kind).toBe("near");
    expect(back.score).toBe(m.score);
    // The edits sit between passages: "walked off the job on" / "went on strike".
    expect(m.evidence.passages.map((p) => p.text).join(" ")).not.toContain("walked off the job");
  });

  it("contains / contained: a roundup that carries the wire story whole", () => {
    const m = must(compare(ROUNDUP, WIRE));
    expect(m).toMatchObject({ kind: "contains", score: 1, confidence: "high" });
    expect(m.evidence.coverageA).toBeLessThan(0.7);
    expectPassagesInPlace(m, ROUNDUP, WIRE);
    const p = m.evidence.passages[0];
    expect(p && ROUNDUP.slice(p.a[0], p.a[1]).startsWith("VALPARAÍSO, Chile")).toBe(true);
    expect(p?.b[0]).toBe(0);
    expect(must(compare(WIRE, ROUNDUP)).kind).toBe("contained");
    // Nearly whole: the near copy (closing sentence cut) is still held by the roundup.
    expect(must(compare(ROUNDUP, WIRE_NEAR)).kind).toBe("contains");
  });

  it("same-story: a rewrite sharing quotes and a sentence is scored low-confidence, with the shared passages", () => {
    const m = must(compare(WIRE, WIRE_REWRITE));
    expect(m).toMatchObject({ kind: "same-story", confidence: "low" });
    expect(m.score).toBeGreaterThan(0.2);
    expect(m.score).toBeLessThan(0.6);
    const texts = m.evidence.passages.map((p) => p.text);
    expect(texts.some((t) => t.includes("We have been patient for two years"))).toBe(true);
    expect(texts.some((t) => t.includes("refrigerated cargo, mostly cherries"))).toBe(true);
    expectPassagesInPlace(m, WIRE, WIRE_REWRITE);
  });

  it("links nothing between two stories about the same port", () => {
    expect(compare(WIRE, LOOKALIKE)).toBeNull();
    expect(compare(ROUNDUP, LOOKALIKE)).toBeNull();
    expect(compare(WIRE_REWRITE, LOOKALIKE)).toBeNull();
  });

  it("does not call a caption or a one-line brief 'contained'", () => {
    const brief = "The port authority said refrigerated cargo would be given priority once loading resumed.";
    expect(compare(WIRE, brief)).toBeNull();
  });

  it("reads thresholds as configuration, per kind", () => {
    expect(compare(WIRE, WIRE_NEAR, { thresholds: { ...DEFAULT_THRESHOLDS, near: { minCoverage: 0.95 } } })?.kind).toBe("contains");
    // A rewrite is found by its shared passages or by its names and figures: both ways closed, it is not linked.
    const closed = { ...DEFAULT_THRESHOLDS, sameStory: { ...DEFAULT_THRESHOLDS.sameStory, minSharedTokens: 500 } };
    expect(compare(WIRE, WIRE_REWRITE, { thresholds: closed })?.kind).toBe("same-story");
    expect(compare(WIRE, WIRE_REWRITE, { thresholds: { ...closed, rewrite: { ...closed.rewrite, minSharedSalient: 500 } } })).toBeNull();
    expect(parseThresholds({ near: { minCoverage: 0.9 } })).toEqual({ ...DEFAULT_THRESHOLDS, near: { minCoverage: 0.9 } });
    expect(parseThresholds(undefined)).toEqual(DEFAULT_THRESHOLDS);
    expect(() => parseThresholds({ near: { minCoverage: 1.5 } })).toThrow(ZodError);
    expect(() => parseThresholds({ nearly: {} })).toThrow(ZodError);
  });

  it("accepts a prepared text, to verify one article against many candidates", () => {
    const p = prepare(WIRE);
    expect(compare(p, WIRE_NEAR)).toEqual(compare(WIRE, WIRE_NEAR));
    expect(compare(p, ROUNDUP)?.kind).toBe("contained");
  });

  it("copes with empty, tiny, repetitive and very long texts", () => {
    expect(compare("", WIRE)).toBeNull();
    expect(compare("", "")).toBeNull();
    expect(compare("—", "…")).toBeNull();
    expect(compare("Breaking", "breaking!")?.kind).toBe("exact");
    expect(compare("ΟΔΟΣ ΑΘΗΝΑΣ", "οδος αθηνας")?.kind).toBe("exact");
    expect(compare("Breaking news", "Other news")).toBeNull();
    const chant = "no pasarán ".repeat(20_000);
    const t0 = performance.now();
    expect(compare(chant, `${chant} hoy`)?.kind).toBe("near");
    const long = `${WIRE}\n\n`.repeat(2_000); // 2.9 MB, 430,000 words
    const m = must(compare(long, `${LOOKALIKE}\n\n${long}`));
    expect(m.kind).toBe("near");
    expect(m.evidence.truncated).toBe(true);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe("isUpdate", () => {
  const wire = { uri: "https://wire.example/1", source: "Lakeside Wire" };
  const page = { uri: "urn:wiredesk:lakeside-wire:0a1b2c", source: "Lakeside Wire" };
  it("treats the same uri, or a corrected text from the same source without ids of its own, as an update", () => {
    expect(isUpdate({ ...wire }, wire, null)).toBe(true);
    const near = compare(WIRE_NEAR, WIRE);
    expect(isUpdate({ uri: "urn:wiredesk:lakeside-wire:9f8e7d", source: "lakeside wire" }, page, near)).toBe(true);
    expect(isUpdate({ uri: "urn:wiredesk:lakeside-wire:9f8e7d", source: "Lakeside Wire" }, page, compare(WIRE_EXACT, WIRE))).toBe(true);
  });

  it("links copies from other sources, rewrites from the same one, and items with ids of their own", () => {
    expect(isUpdate({ uri: "urn:wiredesk:daily-port:1", source: "Daily Port" }, page, compare(WIRE_NEAR, WIRE))).toBe(false);
    expect(isUpdate({ uri: "urn:wiredesk:lakeside-wire:2", source: "Lakeside Wire" }, page, compare(WIRE_REWRITE, WIRE))).toBe(false);
    expect(isUpdate({ uri: "urn:wiredesk:x:3", source: "" }, { ...page, source: "" }, compare(WIRE_NEAR, WIRE))).toBe(false);
    // A wire's own guids: a near copy under another guid is another item (templated results, earnings).
    expect(isUpdate({ uri: "https://wire.example/1-corrected", source: "Lakeside Wire" }, wire, compare(WIRE_NEAR, WIRE))).toBe(false);
  });
});

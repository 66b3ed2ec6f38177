import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { DEFAULT_FINGERPRINT_CONFIG, configId } from "../../../lib/dedup/config";
import {
  ANCHOR_BAND,
  LEAD_BAND_BASE,
  NAME_BAND_BASE,
  isNameBand,
  deserializeFingerprint,
  estimateResemblance,
  fingerprint,
  indexKeys,
  resemblance,
  serializeFingerprint,
  shingleSequence,
  winnow,
} from "../../../lib/dedup/fingerprint";
import { LOOKALIKE, ROUNDUP, WIRE, WIRE_EXACT, WIRE_NEAR } from "./fixtures";

const cfg = DEFAULT_FINGERPRINT_CONFIG;

describe("fingerprint", () => {
  it("holds sorted unique shingles, a signature of bands × rows values and one key per band", () => {
    const fp = fingerprint(WIRE);
    expect(fp.tokenCount).toBeGreaterThan(200);
    for (let i = 1; i < fp.shingles.length; i++) expect(fp.shingles[i]).toBeGreaterThan(fp.shingles[i - 1] ?? 0);
    expect(fp.signature).toHaveLength(cfg.bands * cfg.rows);
    expect(fp.bandKeys).toHaveLength(cfg.bands);
    expect(fp.anchors.length).toBeGreaterThan(5);
  });

  it("is the same for texts that differ only in form, so exact copies share every key", () => {
    const a = fingerprint(WIRE);
    const b = fingerprint(WIRE_EXACT);
    expect(Array.from(b.signature)).toEqual(Array.from(a.signature));
    expect(indexKeys(b)).toEqual(indexKeys(a));
  });

  it("gives index rows as (band, signed 32-bit key): LSH bands first, then name and lead bands, anchors under ANCHOR_BAND", () => {
    const fp = fingerprint(WIRE);
    expect(fp.leadStored).toBe(true); // a story several times as long as its lead keeps its lead bands
    const keys = indexKeys(fp);
    expect(keys.slice(0, cfg.bands).map((k) => k.band)).toEqual([...Array(cfg.bands).keys()]);
    const names = keys.slice(cfg.bands, cfg.bands + cfg.nameBands);
    expect(names.map((k) => k.band)).toEqual([...Array(cfg.nameBands).keys()].map((i) => NAME_BAND_BASE + i));
    const lead = keys.slice(cfg.bands + cfg.nameBands, cfg.bands + cfg.nameBands + cfg.leadBands);
    expect(lead.map((k) => k.band)).toEqual([...Array(cfg.leadBands).keys()].map((i) => LEAD_BAND_BASE + i));
    expect([...names, ...lead].every((k) => isNameBand(k.band))).toBe(true);
    expect(keys.slice(cfg.bands + cfg.nameBands + cfg.leadBands).every((k) => k.band === ANCHOR_BAND)).toBe(true);
    for (const k of keys) expect(k.key).toBe(k.key | 0);
  });

  it("estimates resemblance close to the exact Jaccard index", () => {
    const pairs = [
      [WIRE, WIRE_NEAR],
      [WIRE, ROUNDUP],
      [WIRE, LOOKALIKE],
    ] as const;
    for (const [x, y] of pairs) {
      const a = fingerprint(x);
      const b = fingerprint(y);
      expect(Math.abs(estimateResemblance(a.signature, b.signature) - resemblance(a.shingles, b.shingles).jaccard)).toBeLessThan(0.15);
    }
  });

  it("copes with empty, one-word and very long texts", () => {
    const empty = fingerprint("");
    expect(empty.tokenCount).toBe(0);
    expect(indexKeys(empty)).toEqual([]);
    const one = fingerprint("Breaking.");
    expect(one.shingles).toHaveLength(1);
    expect(one.bandKeys).toHaveLength(cfg.bands);
    const t0 = performance.now();
    const long = fingerprint(`${WIRE}\n\n`.repeat(5_000)); // 7 MB
    expect(long.tokenCount).toBe(cfg.maxTokens);
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it("round-trips through its serialised form", () => {
    const fp = fingerprint(WIRE);
    const text = serializeFingerprint(fp);
    expect(text.length).toBeLessThan(600);
    const back = deserializeFingerprint(text);
    expect(back.config).toBe(configId(cfg));
    expect(back.tokenCount).toBe(fp.tokenCount);
    expect(back.shingleCount).toBe(fp.shingles.length);
    expect(Array.from(back.signature)).toEqual(Array.from(fp.signature));
    expect(() => deserializeFingerprint("not a fingerprint")).toThrow(/serialised fingerprint/);
  });
});

describe("winnowing", () => {
  it("gives two texts that share a run of window + shingle - 1 words a shared anchor", () => {
    const word = fc.integer({ min: 1, max: 5_000 });
    const span = cfg.anchorWindow + cfg.shingleSize - 1;
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { minLength: span, maxLength: span + 20 }), fc.array(word, { maxLength: 60 }), fc.array(word, { maxLength: 60 }), (left, shared, right, other) => {
        const a = winnow(shingleSequence(Uint32Array.from([...left, ...shared, ...right]), cfg.shingleSize), cfg.anchorWindow);
        const b = winnow(shingleSequence(Uint32Array.from([...other, ...shared]), cfg.shingleSize), cfg.anchorWindow);
        const inA = new Set(a);
        expect(Array.from(b).some((x) => inA.has(x))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

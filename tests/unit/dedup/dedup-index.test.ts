import { describe, expect, it } from "vitest";

import { DEFAULT_CANDIDATE_RULE, DedupIndex, isCandidate } from "../../../lib/dedup/dedup-index";
import { fingerprint, type Fingerprint } from "../../../lib/dedup/fingerprint";
import { LOOKALIKE, ROUNDUP, WIRE, WIRE_EXACT, WIRE_NEAR, WIRE_REWRITE } from "./fixtures";

const ids = (hits: { id: number }[]) => hits.map((h) => h.id).sort((a, b) => a - b);

/** Fingerprint keys made up for structure tests: bands and anchors as given. */
function keys(bandKeys: number[], anchors: number[]): Pick<Fingerprint, "bandKeys" | "anchors"> {
  return { bandKeys: Int32Array.from(bandKeys), anchors: Int32Array.from(anchors) };
}

describe("DedupIndex", () => {
  const texts = [WIRE, WIRE_EXACT, WIRE_NEAR, ROUNDUP, WIRE_REWRITE, LOOKALIKE];
  const fps = texts.map((t) => fingerprint(t));

  it("returns every copy of the wire story as a candidate, and not the look-alike", () => {
    const index = new DedupIndex();
    fps.forEach((fp, id) => index.add(id, fp));
    expect(index.size).toBe(6);
    expect(ids(index.candidates(fps[0] as Fingerprint, 0))).toEqual([1, 2, 3, 4]);
    expect(ids(index.candidates(fps[5] as Fingerprint, 5))).toEqual([]);
    // From the roundup's side too: the held story shares its anchors.
    expect(ids(index.candidates(fps[3] as Fingerprint, 3))).toEqual([0, 1, 2, 4]);
    const hit = index.candidates(fps[2] as Fingerprint, 2).find((h) => h.id === 0);
    expect(hit?.bandHits).toBeGreaterThan(0);
    expect(hit?.anchorHits).toBeGreaterThan(3);
  });

  it("forgets an article once removed, and takes it back after an update", () => {
    const index = new DedupIndex();
    fps.forEach((fp, id) => index.add(id, fp));
    expect(index.remove(1, fps[1] as Fingerprint)).toBe(true);
    expect(index.remove(1, fps[1] as Fingerprint)).toBe(false);
    expect(ids(index.candidates(fps[0] as Fingerprint, 0))).toEqual([2, 3, 4]);
    expect(() => index.add(0, fps[0] as Fingerprint)).toThrow(/already indexed/);
    index.add(1, fingerprint(LOOKALIKE));
    expect(ids(index.candidates(fps[5] as Fingerprint, 5))).toEqual([1]);
    expect(() => index.add(-1, fps[0] as Fingerprint)).toThrow(RangeError);
  });

  it("keeps keys shared by many articles, and skips stock-phrase anchors at lookup", () => {
    const index = new DedupIndex({ rule: { maxAnchorPostings: 100 } });
    for (let id = 0; id < 150; id++) index.add(id, keys([7, 100 + id], [42, 1000 + id, 2000 + id, 3000 + id]));
    // A band key shared by all 150 articles still finds every one of them.
    expect(index.candidates(keys([7], []), -1)).toHaveLength(150);
    // Anchor 42 is in 150 articles, over the limit: it alone finds nothing.
    expect(index.candidates(keys([], [42, 1000, 2000, 3000]))).toEqual([{ id: 0, bandHits: 0, anchorHits: 3, nameHits: 0 }]);
    for (let id = 0; id < 150; id += 2) index.remove(id, keys([7, 100 + id], [42, 1000 + id, 2000 + id, 3000 + id]));
    expect(index.candidates(keys([7], []))).toHaveLength(75);
    expect(index.candidates(keys([], [42, 1001, 2001]))).toEqual([{ id: 1, bandHits: 0, anchorHits: 3, nameHits: 0 }]);
  });

  it("grows past its first table and keeps every article findable", () => {
    const index = new DedupIndex({ expectedKeys: 16 });
    for (let id = 0; id < 5_000; id++) index.add(id, keys([id * 7919], [id * 104729 + 1, id * 104729 + 2, id * 104729 + 3]));
    expect(index.stats().keys).toBe(20_000);
    for (const id of [0, 1, 2_500, 4_999]) expect(ids(index.candidates(keys([id * 7919], [])))).toEqual([id]);
    for (let id = 0; id < 5_000; id += 3) index.remove(id, keys([id * 7919], [id * 104729 + 1, id * 104729 + 2, id * 104729 + 3]));
    for (let id = 0; id < 5_000; id++) {
      const found = index.candidates(keys([], [id * 104729 + 1, id * 104729 + 2, id * 104729 + 3]));
      expect(ids(found)).toEqual(id % 3 === 0 ? [] : [id]);
    }
  });
});

describe("isCandidate", () => {
  it("takes one shared band, or three shared anchors, or all anchors of a short text", () => {
    expect(isCandidate({ bandHits: 1, anchorHits: 0 }, 20, 20)).toBe(true);
    expect(isCandidate({ bandHits: 0, anchorHits: 2 }, 20, 20)).toBe(false);
    expect(isCandidate({ bandHits: 0, anchorHits: DEFAULT_CANDIDATE_RULE.minAnchorHits }, 20, 20)).toBe(true);
    expect(isCandidate({ bandHits: 0, anchorHits: 2 }, 20, 2)).toBe(true);
    expect(isCandidate({ bandHits: 0, anchorHits: 1 }, 1, 30)).toBe(true);
    expect(isCandidate({ bandHits: 0, anchorHits: 0 }, 0, 30)).toBe(false);
  });
});

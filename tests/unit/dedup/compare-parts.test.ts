import { describe, expect, it } from "vitest";

import { compare } from "../../../lib/dedup/compare";
import { compareParts } from "../../../components/duplicates/highlighted-text";
import { WIRE, WIRE_EXACT, WIRE_NEAR } from "./fixtures";

/** What a side view marks, from the engine's own passages. */
function marked(a: string, b: string) {
  const m = compare(a, b);
  if (!m) throw new Error("expected a match");
  const differs = (text: string, ranges: [number, number][]) => compareParts(text, ranges).filter((p) => p.differs).map((p) => p.text);
  return { a: differs(a, m.evidence.passages.map((p) => p.a)), b: differs(b, m.evidence.passages.map((p) => p.b)) };
}

describe("compareParts: what the side-by-side view marks", () => {
  it("marks nothing in an exact copy: its spacing, case and quotes are not differences", () => {
    expect(marked(WIRE, WIRE_EXACT)).toEqual({ a: [], b: [] });
  });

  it("marks the words a near copy changed, on each side, and keeps the text whole", () => {
    const { a, b } = marked(WIRE, WIRE_NEAR);
    // "walked off the job on Monday" became "went on strike Monday"; "government" lost a letter.
    expect(a.join(" ")).toContain("walked off the job on");
    expect(b.join(" ")).toContain("went on strike");
    expect(b).toContain("goverment");
    expect(a).toContain("government");
    // Little is marked: the copy is nearly the same.
    expect(a.join("").length).toBeLessThan(WIRE.length * 0.2);
    for (const [text, parts] of [[WIRE, compareParts(WIRE, [[0, 10]])], [WIRE_NEAR, compareParts(WIRE_NEAR, [])]] as const) {
      expect(parts.map((p) => p.text).join("")).toBe(text);
    }
  });

  it("leaves the punctuation and paragraph breaks at a difference's edges unmarked, and marks each paragraph apart", () => {
    const text = 'He said so. The money went to him.\n\n"Mr. Ashby held a post';
    const parts = compareParts(text, [[0, 10], [text.indexOf("Mr."), text.length]]);
    expect(parts.filter((p) => p.differs).map((p) => p.text)).toEqual(["The money went to him."]);
    const across = "Shared. One more line.\n\nAnd another.";
    expect(compareParts(across, [[0, 6]]).filter((p) => p.differs).map((p) => p.text)).toEqual(["One more line.", "And another."]);
  });
});

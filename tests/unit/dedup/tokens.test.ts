import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { hashWord, tokenize } from "../../../lib/dedup/tokens";
import { normalizeForHash } from "../../../lib/ingest/text";

const words = (text: string) => normalizeForHash(text).split(" ").filter(Boolean);

describe("tokenize", () => {
  it("reads the words normalizeForHash keeps, with their places in the original text", () => {
    const text = "  MÁLAGA — Police said: “It’s over,” at 10:30.\n\nNaïve café-owner!";
    const t = tokenize(text);
    expect(Array.from(t.hashes)).toEqual(words(text).map(hashWord));
    const spans = Array.from(t.starts, (s, i) => text.slice(s, t.ends[i]));
    expect(spans).toEqual(["MÁLAGA", "Police", "said", "It", "s", "over", "at", "10", "30", "Naïve", "café", "owner"]);
  });

  it("keeps combining diacritics inside their word", () => {
    const text = "Ma\u0301laga cafe\u0301";
    const t = tokenize(text);
    expect(Array.from(t.hashes)).toEqual(["malaga", "cafe"].map(hashWord));
    expect(text.slice(t.starts[1], t.ends[1])).toBe("cafe\u0301");
  });

  it("agrees with normalizeForHash on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        expect(Array.from(tokenize(text).hashes)).toEqual(words(text).map(hashWord));
      }),
      { numRuns: 200 },
    );
  });

  it("folds Greek final sigma, which lowercasing chooses by context", () => {
    expect(Array.from(tokenize("ΟΔΟΣ").hashes)).toEqual(Array.from(tokenize("οδος").hashes));
    expect(Array.from(tokenize("ΟΔΟΣ").hashes)).toEqual(words("ΟΔΟΣ").map(hashWord));
  });

  it("gives nothing for empty or punctuation-only text", () => {
    expect(tokenize("").count).toBe(0);
    expect(tokenize(" \n\t—…!?  ").count).toBe(0);
  });

  it("stops at maxTokens", () => {
    const t = tokenize("one two three four five", 3);
    expect(t.count).toBe(3);
    expect(t.ends[2]).toBe("one two three".length);
  });

  it("reads a long text in linear time", () => {
    const text = "The minister said the port would reopen on Friday. ".repeat(40_000); // 2 MB
    const t0 = performance.now();
    const t = tokenize(text);
    expect(t.count).toBe(9 * 40_000);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

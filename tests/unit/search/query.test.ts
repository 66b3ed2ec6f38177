// The queue's search syntax (lib/search/query.ts): words, phrases,
// exclusions and OR; bad syntax degrades to words, never to an error.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { excerptAround, firstMatch, highlightTerms, matchRanges, MAX_TERMS, parseSearch, type SearchTerm } from "../../../lib/search/query";

const w = (words: string, prefix = false): SearchTerm => ({ words: words.split(" "), prefix });

describe("parseSearch", () => {
  it("ANDs words, the last also as a prefix", () => {
    expect(parseSearch("Interpol Madrid")).toEqual({ all: [[w("interpol")], [w("madrid", true)]], none: [] });
    expect(parseSearch("madr")).toEqual({ all: [[w("madr", true)]], none: [] });
  });

  it("reads quoted phrases, with no prefix on a closed quote", () => {
    expect(parseSearch('"peace talks" kyiv')).toEqual({ all: [[w("peace talks")], [w("kyiv", true)]], none: [] });
    expect(parseSearch('kyiv "peace talks"')).toEqual({ all: [[w("kyiv")], [w("peace talks")]], none: [] });
  });

  it("excludes -word and -\"phrase\", never as a prefix", () => {
    expect(parseSearch('transfer -football -"window closes"')).toEqual({
      all: [[w("transfer")]],
      none: [w("football"), w("window closes")],
    });
    expect(parseSearch("-football")).toEqual({ all: [], none: [w("football")] });
  });

  it("groups terms joined by OR (upper case only); lower-case or is a word", () => {
    expect(parseSearch("interpol OR europol madrid")).toEqual({ all: [[w("interpol"), w("europol")], [w("madrid", true)]], none: [] });
    expect(parseSearch('a OR "b c" OR d')).toEqual({ all: [[w("a"), w("b c"), w("d", true)]], none: [] });
    expect(parseSearch("war or peace")).toEqual({ all: [[w("war")], [w("or")], [w("peace", true)]], none: [] });
  });

  it("drops an OR with nothing wanted on one side", () => {
    expect(parseSearch("OR interpol")).toEqual({ all: [[w("interpol", true)]], none: [] });
    expect(parseSearch("interpol OR")).toEqual({ all: [[w("interpol")]], none: [] });
    expect(parseSearch("interpol OR -europol madrid")).toEqual({ all: [[w("interpol")], [w("madrid", true)]], none: [w("europol")] });
  });

  it("degrades bad syntax to words", () => {
    expect(parseSearch('"peace talks')).toEqual({ all: [[w("peace")], [w("talks", true)]], none: [] });
    expect(parseSearch('- " ( & | : *')).toEqual({ all: [], none: [] });
    expect(parseSearch("al-Assad")).toEqual({ all: [[w("al assad", true)]], none: [] });
    expect(parseSearch("bank*")).toEqual({ all: [[w("bank", true)]], none: [] });
  });

  it("keeps at most MAX_TERMS terms", () => {
    const q = Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ");
    expect(parseSearch(q).all).toHaveLength(MAX_TERMS);
  });

  it("never throws, and finds only words that are in the query", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: fc.constantFrom("a", "b", "é", " ", '"', "-", "O", "R", "*", "(", "1", "\u00a0") }), (q) => {
        const s = parseSearch(q);
        const folded = q.normalize("NFKC").toLowerCase();
        for (const t of [...s.all.flat(), ...s.none]) {
          expect(t.words.length).toBeGreaterThan(0);
          for (const word of t.words) expect(folded).toContain(word);
        }
        expect(s.all.every((g) => g.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("reads back queries written from terms: wanted words ANDed, OR groups, exclusions", () => {
    const word = fc.stringMatching(/^[a-z]{1,6}$/).filter((x) => x !== "or");
    const termArb = fc.record({ words: fc.array(word, { minLength: 1, maxLength: 3 }), not: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(termArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (groups) => {
        // Exclusions are written as their own term; OR only between wanted ones.
        const wanted = groups.map((g) => g.filter((t) => !t.not)).filter((g) => g.length);
        const unwanted = groups.flatMap((g) => g.filter((t) => t.not));
        const text = (t: { words: string[] }) => `"${t.words.join(" ")}"`;
        const q = [...wanted.map((g) => g.map(text).join(" OR ")), ...unwanted.map((t) => `-${text(t)}`)].join(" ");
        const s = parseSearch(q);
        fc.pre(wanted.flat().length + unwanted.length <= MAX_TERMS);
        expect(s.all.map((g) => g.map((t) => t.words))).toEqual(wanted.map((g) => g.map((t) => t.words)));
        expect(s.none.map((t) => t.words)).toEqual(unwanted.map((t) => t.words));
        expect([...s.all.flat(), ...s.none].every((t) => !t.prefix)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("highlightTerms", () => {
  it("lists wanted words and phrases once, never excluded ones", () => {
    expect(highlightTerms('interpol OR europol "drug ring" -football interpol')).toEqual(["interpol", "europol", "drug ring"]);
    expect(highlightTerms("-football")).toEqual([]);
  });
});

describe("matchRanges and excerptAround", () => {
  const text = "Police in Spain said on Monday that Sánchez met Interpol officers; the drug-ring inquiry goes on.";

  it("finds words case- and accent-folded, phrases across punctuation, prefixes", () => {
    const at = (q: string) => matchRanges(text, q).map(([s, e]) => text.slice(s, e));
    expect(at("sanchez interpol")).toEqual(["Sánchez", "Interpol"]);
    expect(at('"drug ring"')).toEqual(["drug-ring"]);
    expect(at("inq")).toEqual(["inquiry"]);
    expect(at('"ring drug"')).toEqual([]);
    // A word is not matched inside another.
    expect(at('"pain"')).toEqual([]);
  });

  it("finds the first match where the word-by-word reading does, composed or not", () => {
    // Found by the property below: Hangul gains letters as its marks drop from the decomposed
    // "cafe\u0301", the length comes out the same, and every offset had moved.
    const glued = `한국${"cafe\u0301".repeat(4)}`;
    expect(matchRanges(glued, "cafe", 1)[0]?.[0]).toBe(7);
    expect(firstMatch(glued, "cafe")).toBe(7);
    const piece = fc.constantFrom("Café", "cafe", "CAFÉ", "cafe\u0301", "Sánchez", "sanchez", "port", "porto", "-", ", ", " ", "'", "x", "é", "İ", "한국", "1");
    const query = fc.constantFrom("cafe", "café", '"cafe port"', "sanch", "port", "porto OR x", "-port cafe", '"x 1"', "한", "i");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), query, (parts, q) => {
        const text = parts.join("");
        expect(firstMatch(text, q), `${JSON.stringify(text)} ${q}`).toBe(matchRanges(text, q, 1)[0]?.[0] ?? -1);
      }),
      { numRuns: 2000 },
    );
  });

  it("cuts an excerpt around the first match, the start when it is early or missing", () => {
    const body = `${"Filler words go here. ".repeat(30)}The Interpol notice came late.${" More filler.".repeat(30)}`;
    const ex = excerptAround(body, "interpol", 240);
    expect(ex.startsWith("…")).toBe(true);
    expect(ex).toContain("Interpol notice");
    expect(ex.length).toBeLessThanOrEqual(240);
    expect(excerptAround(body, "filler", 240)).toBe(body.slice(0, 240));
    expect(excerptAround(body, "absent", 240)).toBe(body.slice(0, 240));
  });
});

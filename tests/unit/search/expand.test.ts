import { describe, expect, it } from "vitest";
import { expandSearch, wordVariants } from "../../../lib/search/expand";
import { matchRanges, parseSearch } from "../../../lib/search/query";

const variants = (word: string, prefix = false) => wordVariants({ words: [word], prefix }).map((t) => `${t.words[0]}${t.prefix ? "*" : ""}`);
const finds = (q: string, text: string) => matchRanges(text, expandSearch(parseSearch(q))).length > 0;

describe("a query word stands for its inflected forms", () => {
  it("adds each language's stem as a prefix when it cuts an ending", () => {
    expect(variants("detenidos")).toEqual(expect.arrayContaining(["detenidos", "deten*"]));
    expect(variants("arrested")).toEqual(["arrested", "arrest*"]);
  });

  it("adds a stem one letter short, or under five letters, as a word, not a prefix", () => {
    expect(variants("banks")).toEqual(["banks", "bank"]);
    expect(variants("madrid")).not.toContain("madr*");
  });

  it("leaves phrases and words with nothing to cut as typed", () => {
    expect(wordVariants({ words: ["peace", "talks"], prefix: false })).toEqual([{ words: ["peace", "talks"], prefix: false }]);
    expect(variants("port")).toEqual(["port"]);
  });

  it("finds Spanish copy in another form of the word, either way round", () => {
    expect(finds("detenidos", "Tres jóvenes han sido detenidos en Sevilla")).toBe(true);
    expect(finds("detenidos", "Un joven ha sido detenido en Sevilla")).toBe(true);
    expect(finds("manifestaciones", "Miles de personas en la manifestación de Madrid")).toBe(true);
  });

  it("finds a place under its names in other scripts and in any case", () => {
    for (const text of ["У Києві пролунали вибухи", "В Киеве прогремели взрывы", "Blasts heard in Kyiv", "Blasts in Kiev"]) {
      expect(finds("Kyiv", text), text).toBe(true);
      expect(finds("Київ", text), text).toBe(true);
    }
    expect(finds("Sevilla", "Three arrested in Seville")).toBe(true);
    expect(finds("Kyiv", "Blasts in Kharkiv")).toBe(false);
  });

  it("folds accents and reads apostrophes as word breaks, as the stores do", () => {
    expect(finds("Sanchez", "Pedro Sánchez habló")).toBe(true);
    expect(finds("assemblee", "le vote de l'Assemblée nationale")).toBe(true);
    expect(finds("l'Assemblée", "le vote de l’Assemblée nationale")).toBe(true);
  });

  it("expands what a query leaves out as well", () => {
    const s = expandSearch(parseSearch("madrid -detenidos"));
    expect(s.none.map((t) => t.words[0])).toEqual(expect.arrayContaining(["detenidos", "deten"]));
  });
});

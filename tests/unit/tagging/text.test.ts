import { describe, expect, it } from "vitest";

import { stem } from "../../../lib/tagging/stem";
import { Gap, normalizeWord, tokenizeField } from "../../../lib/tagging/text";

const norms = (text: string) => tokenizeField("body", text).tokens.map((t) => t.norm);

describe("tokenizeField", () => {
  it("splits words, keeps offsets and drops the possessive", () => {
    const ft = tokenizeField("body", "Spain's police, in Kramators’k.");
    expect(ft.tokens.map((t) => t.norm)).toEqual(["spain", "police", "in", "kramatorsk"]);
    const spain = ft.tokens[0]!;
    expect(ft.text.slice(spain.start, spain.end)).toBe("Spain");
    expect(spain.cap).toBe(true);
  });

  it("leaves out French and Italian elided articles where asked, and keeps the apostrophes of names", () => {
    const text = "L'armée d'Ukraine, dell'Ucraina. L'Espagne vs O'Brien at 5 o'clock in Slov'yansk";
    // English copy keeps them, as the learnt model read its training text.
    expect(tokenizeField("body", text).tokens.map((t) => t.norm).slice(0, 4)).toEqual(["larmee", "dukraine", "dellucraina", "lespagne"]);
    const ft = tokenizeField("body", text, true);
    expect(ft.tokens.map((t) => t.norm)).toEqual(["armee", "ukraine", "ucraina", "espagne", "vs", "obrien", "at", "5", "oclock", "in", "slovyansk"]);
    const ukraine = ft.tokens[1]!;
    expect(ft.text.slice(ukraine.start, ukraine.end)).toBe("Ukraine");
    expect(ukraine.cap).toBe(true);
    // What stands before an elided article is the gap: "L'Espagne" starts a sentence, "d'Ukraine" follows a space.
    expect(ft.tokens[3]!.gap).toBe(Gap.Sentence);
    expect(ft.tokens[1]!.gap).toBe(Gap.Space);
  });

  it("folds case, diacritics, apostrophes and the dots of abbreviations", () => {
    expect(norms("U.S. officials met in São Paulo and Côte d'Ivoire")).toEqual([
      "us", "officials", "met", "in", "sao", "paulo", "and", "cote", "divoire",
    ]);
    expect(normalizeWord("Türkiye")).toBe("turkiye");
    expect(normalizeWord("Straße")).toBe("strasse");
    expect(tokenizeField("body", "U.S. trade").tokens[0]!.upper).toBe(true);
  });

  it("tells what separates words: a space, a comma, a sentence end", () => {
    const gaps = (text: string) => tokenizeField("body", text).tokens.map((t) => t.gap);
    expect(gaps("Paris, Texas")).toEqual([Gap.Sentence, Gap.Comma]);
    expect(gaps("Jordan Whitfield")).toEqual([Gap.Sentence, Gap.Space]);
    expect(gaps("He left. Then")).toEqual([Gap.Sentence, Gap.Space, Gap.Sentence]);
    expect(gaps("in Atlanta, Ga., on Tuesday")[4]).not.toBe(Gap.Sentence);
    expect(gaps("U.S. officials")[1]).toBe(Gap.Space);
    // A hard-wrapped line goes on; a blank or indented line is a new paragraph.
    expect(gaps("in the\nBahia zone")[2]).toBe(Gap.Space);
    expect(gaps("the end\n\nNew para")[2]).toBe(Gap.Sentence);
    expect(gaps("the end\n    New para")[2]).toBe(Gap.Sentence);
  });

  it("knows headlines in capitals and in title case", () => {
    expect(tokenizeField("headline", "BAHIA COCOA REVIEW").allCaps).toBe(true);
    expect(tokenizeField("headline", "Jordan Inks Water Pipeline Contract").titleCase).toBe(true);
    expect(tokenizeField("headline", "Jordan inks water pipeline contract").titleCase).toBe(false);
  });
});

describe("stem", () => {
  it("meets inflections, keeps derivations apart", () => {
    expect(["arrests", "arrested", "arresting", "arrest"].map(stem)).toEqual(["arrest", "arrest", "arrest", "arrest"]);
    expect(stem("companies")).toBe(stem("company"));
    expect(stem("charged")).toBe(stem("charge"));
    expect(stem("importance")).not.toBe(stem("import"));
    expect(stem("news")).toBe("news");
  });
});

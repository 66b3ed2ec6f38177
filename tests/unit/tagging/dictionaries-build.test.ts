// How scripts/build-dictionaries.ts renders a word from its sources: the
// English word a sense gloss gives, and which headword and sense a stem keeps.
import { describe, expect, it } from "vitest";
import { englishOf, Stems } from "../../../scripts/build-dictionaries";
import { GLOSS_STEMMERS } from "../../../lib/tagging/gloss-stemmers";

// The English vocabulary, most frequent first, as the word vectors hold it.
const VOCABULARY = ["the", "member", "say", "tell", "sea", "law", "right", "discount", "ill", "limb", "outbreak", "rebate", "penis", "sprout"];
const known = new Set(VOCABULARY);
const rank = new Map(VOCABULARY.map((w, i) => [w, i]));

describe("a sense gloss's English word", () => {
  it("is the gloss's first part that is one known word, labels and a leading 'to' or article left out", () => {
    expect(englishOf("to say, to tell", known)).toBe("say");
    expect(englishOf("(law) law, right", known)).toBe("law");
    expect(englishOf("say (to pronounce)", known)).toBe("say");
    expect(englishOf("a puff of smoke; the discount", known)).toBe("discount");
    expect(englishOf("United Kingdom of Great Britain", known)).toBeNull();
  });

  it("is nothing for a gloss that points to another entry", () => {
    expect(englishOf("feminine plural of assado", known)).toBeNull();
    expect(englishOf("past participle of abater", known)).toBeNull();
    expect(englishOf("alternative form of espargo", known)).toBeNull();
  });
});

describe("a stem's rendering", () => {
  it("is its shortest headword's most voted English word, the most frequent among equals", () => {
    const es = new Stems(GLOSS_STEMMERS.es!, rank);
    es.add("marear", "ill");
    es.add("mar", "sea");
    es.add("miembro", "penis");
    es.add("miembro", "limb");
    es.add("miembro", "member");
    es.add("brote", "sprout");
    es.add("brote", "outbreak");
    es.add("brote", "sprout");
    const words = es.words();
    expect(words["mar"]).toBe("sea");
    expect(words[GLOSS_STEMMERS.es!("miembro")]).toBe("member");
    expect(words[GLOSS_STEMMERS.es!("brote")]).toBe("sprout");
    // With more senses kept: by votes, then by frequency; still the shortest headword's only.
    const three = es.words(3);
    expect(three[GLOSS_STEMMERS.es!("miembro")]).toBe("member|limb|penis");
    expect(three[GLOSS_STEMMERS.es!("brote")]).toBe("sprout|outbreak");
    expect(three["mar"]).toBe("sea");
  });

  it("is kept under the headword as written where Snowball stems the headword elsewhere", () => {
    const ru = new Stems(GLOSS_STEMMERS.ru!, rank);
    expect(GLOSS_STEMMERS.ru!("остров")).not.toBe("остров");
    ru.add("остров", "sea");
    expect(ru.words()["остров"]).toBe("sea");
    expect(ru.add("две слова", "sea")).toBe(false);
    expect(ru.add("остров", null)).toBe(false);
  });
});

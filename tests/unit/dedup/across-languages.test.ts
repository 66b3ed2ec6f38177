// The same story across languages: the seed's English rally story and a
// Spanish agency's copy of it (written for these tests) share names and
// figures; a Spanish story on another rally a week on shares the names only.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACROSS_RULE, AcrossLanguagesIndex, figureKey, figureLabels, matchAcrossLanguages, nameKey, soundKey, survivors, type Survivors } from "../../../lib/dedup/across-languages";
import { dateKeys } from "../../../lib/ingest/dates";
import { parseInput } from "../../../lib/ingest";

const fixture = (p: string) => readFileSync(path.join(import.meta.dirname, "../../fixtures", p), "utf8");
const seed = parseInput(new TextEncoder().encode(fixture("pages/seed-aggregator.txt")), { name: "seed.txt", ingestTime: new Date() });
const rallyEn = seed.articles.find((a) => /rally in Spain/.test(a.headline))!;
const spanish = (file: string) => {
  const [headline, ...body] = fixture(`languages/${file}`).trim().split("\n");
  return { headline: headline!, bodyText: body.join("\n") };
};

describe("what survives translation", () => {
  it("reads figures however each language groups and marks them", () => {
    expect(["100,000", "100.000", "100 000"].map(figureKey)).toEqual(["100000", "100000", "100000"]);
    expect(["12,5", "12.5"].map(figureKey)).toEqual(["12.5", "12.5"]);
    // Years, single digits and dates say nothing of one story.
    expect(["2025", "7", "8.6.2025"].map(figureKey)).toEqual([undefined, undefined, undefined]);
  });

  it("reads a date as one figure in any of the beat's languages, and its day as no figure of its own", () => {
    const texts = ["on October 5", "Oct. 5th", "le 5 octobre", "el 5 de octubre", "il 5 ottobre", "am 5. Oktober", "a 5 de outubro", "5 жовтня", "5 октября"];
    expect(texts.map((t) => [...dateKeys(t).keys])).toEqual(texts.map(() => ["d:10-05"]));
    expect([...survivors("", "Le sommet du 17 février a réuni 250 délégués.").figures].sort()).toEqual(["250", "d:02-17"]);
    // English months that are words are dates only capitalised; abbreviations that are words elsewhere are none.
    expect(["they may 12", "the march 5 miles", "five years ago", "5 years ago", "Mars 2020"].map((t) => dateKeys(t).keys.size)).toEqual([0, 0, 0, 0, 0]);
    expect([...dateKeys("May 12").keys]).toEqual(["d:05-12"]);
    expect(figureLabels(["d:10-05", "46", "100000"])).toEqual(["100,000", "46", "5 October"]);
  });

  it("compares names across accents and scripts", () => {
    expect(nameKey("Sánchez")).toBe(nameKey("Sanchez"));
    expect(nameKey("Зеленський")).toBe(nameKey("Zelensky"));
    expect(nameKey("Київ")).toBe(nameKey("Kyiv"));
  });

  it("compares names across scripts by how they sound, as translators write them", () => {
    const pairs = [
      ["Trump", "Трамп"],
      ["Johnson", "Джонсон"],
      ["Kavanaugh", "Кавано"],
      ["Erdogan", "Ердоган"],
      ["Erdogan", "Эрдоган"],
      ["Harvard", "Гарвард"],
      ["Hamilton", "Гамільтон"],
      ["Chelsea", "Челси"],
      ["Washington", "Вашингтон"],
      ["Zelensky", "Зеленський"],
      ["Zelensky", "Зеленский"],
    ];
    for (const [latin, cyrillic] of pairs) expect({ latin, key: soundKey(cyrillic!) }).toEqual({ latin, key: soundKey(latin!) });
    // By letters most of these differ: a name's sound is what crosses the script.
    expect(pairs.filter(([l, c]) => nameKey(l!) !== nameKey(c!)).length).toBeGreaterThan(6);
    expect(soundKey("Trump")).not.toBe(soundKey("Truman"));
  });

  it("links a Russian copy to the English story by the names' sounds, and leaves two copies in Latin script to their letters", () => {
    const english = survivors(
      "Johnson and Trump meet",
      "Prime Minister Boris Johnson met President Donald Trump at the White House on Tuesday. Johnson said Britain would buy 35 aircraft worth 4.2 billion dollars, and Trump praised Johnson.",
    );
    const russian = survivors(
      "Джонсон и Трамп встретились",
      "Премьер-министр Борис Джонсон встретился с президентом Дональдом Трампом в Белом доме во вторник. Джонсон сказал, что Британия купит 35 самолетов на 4,2 миллиарда долларов, а Трамп похвалил Джонсона.",
    );
    expect(russian.cyrillic).toBe(true);
    // By letters the Russian copy shares at most one name with the English one.
    expect([...russian.names.keys()].filter((k) => english.names.has(k)).length).toBeLessThan(2);
    const m = matchAcrossLanguages(english, russian, 1);
    expect(m).not.toBeNull();
    expect(m!.names).toEqual(expect.arrayContaining(["Boris Johnson", "Donald Trump"]));
    expect(m!.figures).toEqual(expect.arrayContaining(["35", "4.2"]));
    // Two Latin-script copies are compared by letters: names that only sound alike do not count.
    const a = survivors("", "The minister met Mr Mayer and Mr Bauer in Lyon on Friday, with 35 aides and 4.2 tonnes of aid.");
    const b = survivors("", "El ministro se reunió con el señor Meier y el señor Baur en Lión el viernes, con 35 asesores y 4,2 toneladas de ayuda.");
    expect(matchAcrossLanguages(a, b, 1)).toBeNull();
  });

  it("takes names from inside sentences only, not from sentence starts", () => {
    const s = survivors("", "The rally filled Madrid. Protesters chanted for Pedro Sánchez.");
    expect([...s.names.keys()].sort()).toEqual(["madrid", "pedro", "sanche"]);
    expect(s.names.get("sanche")).toBe("Sánchez");
  });
});

describe("the same story in another language", () => {
  const en = survivors(rallyEn.headline, rallyEn.bodyText);

  it("links the Spanish copy of the seed's rally story to the English one, by names and figures", () => {
    const m = matchAcrossLanguages(en, survivors(spanish("rally-es.txt").headline, spanish("rally-es.txt").bodyText), 2);
    expect(m).not.toBeNull();
    expect(m!.figures).toEqual(expect.arrayContaining(["100000", "45000", "50000", "46"]));
    // As the English copy writes them, each name whole.
    expect(m!.names).toEqual(expect.arrayContaining(["Alberto Núñez Feijóo", "José Luis Ábalos", "Pedro Sánchez"]));
  });

  it("keeps another rally apart: the same politicians, other figures", () => {
    const other = spanish("rally-es-other-day.txt");
    // Even were the two copies near in time, the names alone do not make one story.
    expect(matchAcrossLanguages(en, survivors(other.headline, other.bodyText), 2)).toBeNull();
  });

  it("links two copies of one event by their date when it and four names are all they share", () => {
    const en = survivors("Minister resigns", "Spain's minister Ana Redondo resigned on 5 October after talks with Pedro Sánchez, Yolanda Díaz and Félix Bolaños in Madrid.");
    const es = survivors("Dimite la ministra", "La ministra Ana Redondo dimitió el 5 de octubre tras reunirse en Madrid con Pedro Sánchez, Yolanda Díaz y Félix Bolaños.");
    const m = matchAcrossLanguages(en, es, 3);
    expect(m).not.toBeNull();
    expect(m!.figures).toEqual(["d:10-05"]);
  });

  it("asks for names that are not common in the other copy's days: a week of the same politicians is no story", () => {
    const en = survivors("Minister resigns", "Spain's minister Ana Redondo resigned on 5 October after talks with Pedro Sánchez, Yolanda Díaz and Félix Bolaños in Madrid.");
    const es = survivors("Dimite la ministra", "La ministra Ana Redondo dimitió el 5 de octubre tras reunirse en Madrid con Pedro Sánchez, Yolanda Díaz y Félix Bolaños.");
    const inEveryStory = new Set(["pedro", "sanche", "yoland", "diaz", "felix", "bolano", "madrid"].map(nameKey));
    // Ana Redondo is news this week; the others are in every story of it.
    expect(matchAcrossLanguages(en, es, 3, (k) => inEveryStory.has(k))).not.toBeNull();
    const redondoToo = new Set([...inEveryStory, nameKey("Redondo")]);
    expect(matchAcrossLanguages(en, es, 3, (k) => redondoToo.has(k))).toBeNull();
  });

  it("keeps copies days apart apart", () => {
    const es = spanish("rally-es.txt");
    expect(matchAcrossLanguages(en, survivors(es.headline, es.bodyText), 72)).toBeNull();
  });

  it("never links on topic or place alone", () => {
    const a = survivors("Storm hits coast", "Heavy rain fell on Valencia and Alicante on Monday, officials said.");
    const b = survivors("Tormenta en la costa", "Fuertes lluvias cayeron el lunes en Valencia y Alicante, según las autoridades.");
    expect(matchAcrossLanguages(a, b, 1)).toBeNull();
  });

  it("links a short report that gives no figures by its names, when they are many and most of its own", () => {
    const en = survivors(
      "One killed in University of Oklahoma explosion",
      "An explosion near the stadium of the University of Oklahoma in Norman killed one person on Saturday. University President David Boren said the FBI and the Oklahoma police were investigating the blast near Memorial Stadium, where Kansas State was playing.",
    );
    const fr = survivors(
      "Un mort dans une explosion à l'Université de l'Oklahoma",
      "Une explosion près du stade de l'Université de l'Oklahoma à Norman a fait un mort samedi. Le président de l'université, David Boren, a indiqué que le FBI enquêtait; l'équipe de Kansas State jouait au Memorial Stadium.",
    );
    const m = matchAcrossLanguages(en, fr, 3);
    expect(m?.figures).toEqual([]);
    // A name of several words is one name, written whole.
    expect(m?.names).toEqual(expect.arrayContaining(["Oklahoma", "David Boren", "Norman", "Memorial Stadium", "Kansas State"]));
    // Two names are not enough without a figure.
    expect(matchAcrossLanguages(survivors("", "Officials in Norman met David Boren."), survivors("", "Des responsables de Norman ont vu David Boren."), 3)).toBeNull();
  });

  it("counts a name of several words once: two earthquakes that both cite the same agency are two stories", () => {
    const en = survivors(
      "Strong earthquake strikes off Honshu",
      "A magnitude 6.8 earthquake struck off Honshu on Tuesday at a depth of 10 kilometres, the United States Geological Survey said. Tsunami warnings were lifted after 30 minutes.",
    );
    const fr = survivors(
      "Un séisme secoue le Chili",
      "Un séisme de magnitude 6,1 a frappé le nord du Chili à une profondeur de 10 kilomètres, selon le United States Geological Survey. Les secours sont arrivés après 30 minutes.",
    );
    // Four words in common and two figures: joined while names were counted by the word.
    expect([...en.names.keys()].filter((k) => fr.names.has(k))).toHaveLength(4);
    expect(matchAcrossLanguages(en, fr, 1)).toBeNull();
  });

  it("keeps apart copies that both give figures and share none, however many names they share", () => {
    const text = (n: number, m: number) =>
      `Shareholders of Acme Holdings in Toronto approved a dividend of ${n} cents on Monday, Acme Holdings Chairman Robert Quill told the Ontario Securities Commission, with ${m} votes cast at the Royal York.`;
    const a = survivors("Acme Holdings dividend", text(35, 12500));
    const b = survivors("Acme Holdings dividend", text(42, 13800));
    expect(a.names.size).toBeGreaterThanOrEqual(5);
    expect(matchAcrossLanguages(a, b, 1)).toBeNull();
  });
});

describe("copies indexed by their names", () => {
  // Copies of a made-up desk: names from a small pool (some common to many
  // copies, most rare), a few figures, three languages.
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const names = Array.from({ length: 60 }, (_, i) => `name${String(i).padStart(2, "0")}`);
  const copies = Array.from({ length: 300 }, (_, id) => {
    const language = ["en", "es", "uk"][id % 3]!;
    // The Ukrainian copies' names are in Cyrillic: their letters match no other copy's, and a pair with one of them
    // is compared by the names' sounds (soundKey), here the pool's names read backwards.
    const s: Survivors = { names: new Map(), groups: new Map(), sound: { names: new Map(), groups: new Map() }, cyrillic: language === "uk", figures: new Set() };
    const n = 2 + Math.floor(next() * 9);
    // Squaring the draw makes the pool's first names common, as "Madrid" or "Kyiv" are.
    while (s.names.size < n) {
      const k = names[Math.floor(next() ** 2 * names.length)]!;
      const letters = language === "uk" ? `cyr-${k}` : k;
      if (s.names.has(letters)) continue;
      s.names.set(letters, k);
      // Some names of two words: the index must hand over what the rule counts whole.
      s.groups.set(letters, s.groups.size - (next() < 0.3 ? 1 : 0));
      const heard = [...k].reverse().join("");
      s.sound.names.set(heard, k);
      s.sound.groups.set(heard, s.groups.get(letters)!);
    }
    for (let f = Math.floor(next() * 4); f > 0; f--) s.figures.add(String(10 + Math.floor(next() * 12)));
    return { id, language, s };
  });
  const index = new AcrossLanguagesIndex<number>();
  for (const c of copies) index.add(c.id, c.language, c.s);
  /** A copy in Latin script carrying these name keys, and no figure. */
  const of = (...ks: string[]): Survivors => {
    const keys = { names: new Map(ks.map((k) => [k, k])), groups: new Map(ks.map((k, i) => [k, i])) };
    return { ...keys, sound: keys, cyrillic: false, figures: new Set() };
  };

  it("finds every pair that comparing all pairs finds, and no other", () => {
    const all: string[] = [];
    const indexed: string[] = [];
    let looked = 0;
    for (const a of copies) {
      for (const b of copies) {
        if (b.language !== a.language && matchAcrossLanguages(a.s, b.s, 1)) all.push(`${a.id}-${b.id}`);
      }
      const found = index.sharing(a.language, a.s);
      looked += found.length;
      for (const { item, survivors: s } of found) if (matchAcrossLanguages(a.s, s, 1)) indexed.push(`${a.id}-${item}`);
    }
    // The made-up desk has pairs to find, some of them only by sound, and the index leaves most pairs unlooked at.
    expect(all.length).toBeGreaterThan(30);
    expect(all.filter((p) => p.split("-").some((id) => copies[Number(id)]!.language === "uk")).length).toBeGreaterThan(10);
    expect(looked).toBeLessThan((copies.length * copies.length * 2) / 3 / 2);
    expect(indexed.sort()).toEqual(all.sort());
  });

  it("calls a name common when more than 2% of a language's copy carries it, and more than five copies", () => {
    expect([ACROSS_RULE.commonShare, ACROSS_RULE.commonMin]).toEqual([0.02, 5]);
    // 400 Spanish copies: 2% is 8.
    const week = new AcrossLanguagesIndex<number>();
    for (let i = 0; i < 400; i++) week.add(i, "es", of(i < 9 ? "sanche" : `other${i}`, i < 8 ? "feijoo" : `more${i}`));
    for (let i = 0; i < 20; i++) week.add(1000 + i, "en", of("sanche", `english${i}`));
    expect(week.common("es")("sanche")).toBe(true);
    expect(week.common("es")("feijoo")).toBe(false);
    expect(week.common("es")("other12")).toBe(false);
    // Counted in the language asked for: 20 English copies all carry it.
    expect(week.common("en")("sanche")).toBe(true);
    // Ten copies: more than five carriers, not 2%, decides.
    const day = new AcrossLanguagesIndex<number>();
    for (let i = 0; i < 10; i++) day.add(i, "uk", of(i < 6 ? "zelens" : `a${i}`, i < 5 ? "kyiv" : `b${i}`));
    expect(day.common("uk")("zelens")).toBe(true);
    expect(day.common("uk")("kyiv")).toBe(false);
  });

  it("hands over a copy sharing as many names as a match needs, in another language only", () => {
    const few = new AcrossLanguagesIndex<string>();
    const need = ACROSS_RULE.minNames;
    few.add("enough", "es", of(...names.slice(0, need)));
    few.add("one short", "es", of(...names.slice(0, need - 1), "other"));
    few.add("same language", "en", of(...names.slice(0, need)));
    expect(few.sharing("en", of(...names.slice(0, need), "more")).map((x) => x.item)).toEqual(["enough"]);
    // Asked twice, the same answer: the counts start again at zero.
    expect(few.sharing("en", of(...names.slice(0, need))).map((x) => x.item)).toEqual(["enough"]);
  });
});

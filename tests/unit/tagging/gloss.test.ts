// Copy in the beat's languages read word by word into English for the topic
// model (lib/tagging/gloss.ts): a brief whose words no cue list knows gets
// its topic, and the evidence quotes the copy's own words.
import { describe, expect, it } from "vitest";
import { suggestTopics } from "../../../lib/tagging/topics";
import { canGloss, glossedSpan, glossField, glossFields, glossWord } from "../../../lib/tagging/gloss";
import { foreignStopwords } from "../../../lib/tagging/stopwords-foreign";

const SCIENCE = "medtop:13000000";
// One brief in each language: astronomers saw a distant galaxy with the new telescope.
const BRIEFS: [string, string, string][] = [
  ["es", "Los astrónomos observaron una galaxia lejana con el nuevo telescopio", "telescopio"],
  ["fr", "Les astronomes ont observé une galaxie lointaine avec le nouveau télescope", "galaxie"],
  ["de", "Die Astronomen beobachteten mit dem neuen Teleskop eine ferne Galaxie", "Teleskop"],
  ["pt", "Os astrónomos observaram uma galáxia distante com o novo telescópio", "telescópio"],
  ["ru", "Астрономы наблюдали далёкую галактику в новый телескоп", "телескоп"],
  ["uk", "Астрономи спостерігали далеку галактику в новий телескоп", "телескоп"],
];

describe("copy read through English", () => {
  it.each(BRIEFS)("files a %s brief no cue word names under its topic, quoting its own words", (language, text, word) => {
    const [top] = suggestTopics({ headline: "", bodyText: text, language }).filter((t) => t.level === 1);
    expect(top?.code).toBe(SCIENCE);
    expect(top!.confidence).toBeGreaterThan(0.7);
    const quoted = top!.evidence.map((e) => e.text);
    expect(quoted).toContain(word);
    for (const e of top!.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it("reads a language word by word, its inflections by their stem, and maps a span of the English back to the words it came from", () => {
    expect(canGloss("es") && canGloss("uk")).toBe(true);
    expect(canGloss("en")).toBe(false);
    expect(glossField("text", "it")).toBeNull();
    const text = "В новий телескоп, у нових телескопах";
    const g = glossField(text, "uk")!;
    // "телескоп" and "телескопах" are one stem: one English word for both.
    const telescopes = g.words.filter((w) => text.slice(w.from, w.to).startsWith("телескоп"));
    expect(telescopes).toHaveLength(2);
    expect(new Set(telescopes.map((w) => g.text.slice(w.start, w.end))).size).toBe(1);
    const last = g.words.at(-1)!;
    expect(glossedSpan(g, text, last.start, last.end)).toEqual({ text: "телескопах", start: text.indexOf("телескопах"), end: text.length });
    expect(glossedSpan(g, text, g.text.length + 5, g.text.length + 9)).toBeNull();
  });
});

describe("words Snowball's stems miss", () => {
  const gloss = (text: string, language: string) => glossField(text, language)!.text;

  it("looks a word up as it is written before its stem: a short lemma and its cases are one word", () => {
    // Snowball stems "остров" to "остр" (the stem of "острый", sharp) and "островов" to "остров".
    expect(gloss("остров", "ru")).toBe(gloss("островов", "ru"));
    expect(gloss("остров", "ru")).not.toBe(gloss("острый", "ru"));
  });

  it("reads a Ukrainian word with an apostrophe as one word, whichever apostrophe, and Russian е as ё", () => {
    expect(gloss("пам'ять", "uk")).toBe(gloss("пам’ять", "uk"));
    expect(gloss("пам’ять", "uk")).not.toBe("");
    expect(glossField("пам’ять", "uk")!.words).toHaveLength(1);
    expect(gloss("актер", "ru")).toBe(gloss("актёр", "ru"));
    expect(gloss("актер", "ru")).not.toBe("");
    // French elides: "l'homme" is two words, the article and the man.
    expect(gloss("l'homme", "fr")).toBe(gloss("homme", "fr"));
  });

  it("reads a Spanish, French or Portuguese plural Snowball leaves whole by its singular", () => {
    expect(gloss("islas", "es")).toBe(gloss("isla", "es"));
    expect(gloss("islas", "es")).not.toBe("");
    expect(gloss("años", "es")).toBe(gloss("año", "es"));
  });

  it("reads a German compound by its parts, modifiers first, and each English word quotes the one German word", () => {
    const text = "Die Pressekonferenz der Fußballnationalmannschaft";
    const g = glossField(text, "de")!;
    const press = gloss("Presse", "de");
    const conference = gloss("Konferenz", "de");
    expect(press && conference).toBeTruthy();
    expect(g.text).toContain(`${press} ${conference}`);
    expect(g.text.split(" ").slice(-3)).toEqual([gloss("Fußball", "de"), gloss("national", "de"), gloss("Mannschaft", "de")]);
    const word = "Pressekonferenz";
    const parts = g.words.filter((w) => text.slice(w.from, w.to) === word);
    expect(parts).toHaveLength(2);
    expect(glossedSpan(g, text, parts[1]!.start, parts[1]!.end)?.text).toBe(word);
    // A linking "s" between the parts ("Parlament|s|wahlen").
    expect(gloss("Parlamentswahlen", "de")).toBe(`${gloss("Parlament", "de")} ${gloss("Wahlen", "de")}`);
  });

  it("reads a German verb's -t form by its infinitive, and leaves a word it cannot read out", () => {
    expect(gloss("fliegt", "de")).toBe(gloss("fliegen", "de"));
    expect(gloss("gebucht", "de")).toBe(gloss("buchen", "de"));
    expect(gloss("Xqzvwk", "de")).toBe("");
  });

  it("reads a Russian word by the headword of its stem it shares most letters with, where one stem has several", () => {
    // здоровье (health) and здорово (great) share the stem здоров.
    expect(gloss("здоровье", "ru")).not.toBe(gloss("здорово", "ru"));
    expect(gloss("здоровьем", "ru")).toBe(gloss("здоровье", "ru"));
    expect(gloss("научных", "ru")).toBe(gloss("научный", "ru"));
    // A plural's case by a plural headword: выборы are elections, выбор a choice.
    expect(gloss("выборы", "ru")).not.toBe(gloss("выбор", "ru"));
    expect(gloss("выборов", "ru")).toBe(gloss("выборы", "ru"));
  });

  it("reads a Ukrainian or Russian -ець/-ец noun's other forms, which drop the е, by the noun", () => {
    expect(gloss("американців", "uk")).toBe(gloss("американець", "uk"));
    expect(gloss("німців", "uk")).toBe(gloss("німець", "uk"));
    expect(gloss("немцев", "ru")).toBe(gloss("немец", "ru"));
    expect(gloss("американців", "uk")).not.toBe("");
  });
});

describe("names no dictionary holds", () => {
  const gloss = (text: string, language: string) => glossField(text, language)!.text;

  it("keeps a name or loanword English writes alike in copy in Latin script", () => {
    expect(gloss("Nadal", "es")).toBe("nadal");
    expect(gloss("Rugby", "fr")).toBe("rugby");
    // Not a word English has.
    expect(gloss("Xqzvwk", "es")).toBe("");
  });

  it("spells a capitalised Russian or Ukrainian name in Latin letters when English has it, each language by its own letters", () => {
    expect(gloss("Алонсо", "ru")).toBe("alonso");
    expect(gloss("Алонсо", "uk")).toBe("alonso");
    // Russian г is g, Ukrainian г is h (neither name is in the dictionaries).
    expect(gloss("Гуардиола", "ru")).toBe("guardiola");
    expect(gloss("Гамільтон", "uk")).toBe("hamilton");
    // A common word in small letters is not spelt out: "алонсо" is no word of the dictionary.
    expect(gloss("алонсо", "ru")).toBe("");
  });
});

describe("function words of Russian and Ukrainian in every form", () => {
  it("drops a pronoun's or determiner's other forms before the reading through English", () => {
    const stop = (language: string) => foreignStopwords(language)!;
    // "это" read as "eta" (the Basque group) and "других" as "friend" before.
    for (const w of ["это", "этих", "других", "своей", "всё", "является"]) expect(glossField(w, "ru", stop("ru"))!.text).toBe("");
    for (const w of ["цього", "інших", "своїх", "такий", "того", "року"]) expect(glossField(w, "uk", stop("uk"))!.text).toBe("");
    // German auxiliaries: "wurde" was Würde, dignity.
    for (const w of ["wurde", "schon", "gab"]) expect(glossField(w, "de", stop("de"))!.text).toBe("");
    // Content words stay.
    expect(glossField("телескоп", "ru", stop("ru"))!.text).not.toBe("");
  });
});

describe("a word of several senses", () => {
  const stop = (language: string) => foreignStopwords(language)!;
  const words = (text: string, language: string) => glossField(text, language, stop(language))!.text.split(" ");

  it("is read by the sense the story's other words are nearest, its most voted one otherwise", () => {
    // "partido" is a party first, a game in a football report.
    expect(words("El partido socialista ganó las elecciones y formará gobierno en el parlamento", "es")).toContain("party");
    const football = words("El partido de fútbol terminó con un gol del delantero en el estadio", "es");
    expect(football).toContain("game");
    expect(football).not.toContain("party");
    // Alone, or among words no vector knows, a word keeps its first sense.
    expect(words("partido", "es")).toEqual(["party"]);
    expect(glossWord("partido", "es")).toBe("party");
  });

  it("is read by the headline's and the body's words together", () => {
    const [headline] = glossFields(["El partido", "Gol del delantero en el estadio de fútbol"], "es", stop("es"))!;
    expect(headline!.text).toBe("game");
    expect(glossField("El partido", "es", stop("es"))!.text).toBe("party");
  });

  it("is chosen in a German compound's parts as in words of their own", () => {
    // "Wahl" is choice first, election among parties and candidates, in "Wahlkampf" too.
    const text = "Vor der Wahl zum Bundestag: die Parteien und ihre Kandidaten im Wahlkampf";
    const g = glossField(text, "de", stop("de"))!;
    const campaign = g.words.filter((w) => text.slice(w.from, w.to) === "Wahlkampf").map((w) => g.text.slice(w.start, w.end));
    expect(campaign).toHaveLength(2);
    expect(campaign[0]).toBe("election");
    expect(glossWord("Wahl", "de")).toBe("choice");
  });

  it("is never read from a stem of one letter", () => {
    // "ею" (her) stems to "е", which with a verb's ending made a vulgar word of it.
    expect(glossWord("ею", "ru")).toBeNull();
    expect(glossWord("телескопом", "ru")).toBe(glossWord("телескоп", "ru"));
  });
});

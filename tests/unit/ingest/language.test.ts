import { describe, expect, it } from "vitest";
import { identifyLanguage, languageCode } from "../../../lib/ingest/language";
import { BEAT_LANGUAGES, languageLabel } from "../../../lib/schemas/vocabulary";
import { parseInput } from "../../../lib/ingest";

const enc = (s: string) => new TextEncoder().encode(s);
const story = (headline: string, bodyText = "") => ({ headline, bodyText });

describe("languageCode", () => {
  it("keeps the primary subtag of a BCP 47 label, lower case", () => {
    expect(languageCode("es-ES")).toBe("es");
    expect(languageCode("pt_BR")).toBe("pt");
    expect(languageCode(" EN ")).toBe("en");
    expect(languageCode("uk")).toBe("uk");
  });
  it("reads three-letter codes as their two-letter form", () => {
    expect(languageCode("spa")).toBe("es");
    expect(languageCode("ger")).toBe("de");
    expect(languageCode("ukr")).toBe("uk");
  });
  it("drops labels that name no language", () => {
    for (const bad of ["english", "x-klingon", "12", "", "zz", undefined, null]) expect(languageCode(bad)).toBeUndefined();
  });
  it("names the languages of the beat", () => {
    expect(BEAT_LANGUAGES.map(languageLabel)).toEqual([
      "English", "Spanish", "Ukrainian", "Russian", "French", "German", "Portuguese",
    ]);
  });
});

describe("identifyLanguage", () => {
  const copy: Record<string, ReturnType<typeof story>> = {
    en: story("Police arrest three over Madrid shop robberies", "Police arrested three people in Madrid on Tuesday over a string of shop robberies in the city centre."),
    es: story("Detenidos tres jóvenes por robar en Sevilla", "La Policía Nacional ha detenido en Sevilla a tres jóvenes acusados de robar en varios comercios del centro."),
    uk: story("У Києві пролунали вибухи", "Київ, 3 грудня. Президент України заявив, що уряд ухвалив нові рішення щодо енергетичної безпеки країни."),
    ru: story("В Киеве прогремели взрывы", "Москва, 3 декабря. Президент России заявил, что правительство приняло новые решения по энергетической безопасности."),
    fr: story("Grève à la SNCF ce jeudi", "Le gouvernement français a annoncé mardi de nouvelles mesures pour soutenir les agriculteurs touchés par la sécheresse."),
    de: story("Bundesregierung hilft Landwirten", "Die Bundesregierung hat am Dienstag neue Maßnahmen angekündigt, um die von der Dürre betroffenen Landwirte zu unterstützen."),
    pt: story("Lula vence eleição no Brasil", "O governo anunciou na terça-feira novas medidas para apoiar os agricultores afetados pela seca."),
  };

  it("detects each language of the beat from the text alone", () => {
    for (const [lang, s] of Object.entries(copy)) expect(identifyLanguage(s), lang).toEqual({ code: lang, how: "detected" });
  });

  it("tells Ukrainian from Russian and Spanish from Portuguese on a headline alone", () => {
    expect(identifyLanguage(story("У Києві пролунали вибухи")).code).toBe("uk");
    expect(identifyLanguage(story("В Киеве прогремели взрывы")).code).toBe("ru");
    expect(identifyLanguage(story("Detenidos tres jóvenes por robar en Sevilla")).code).toBe("es");
    expect(identifyLanguage(story("Lula vence eleição no Brasil")).code).toBe("pt");
  });

  it("keeps a label the text agrees with, normalised", () => {
    expect(identifyLanguage(copy.es!, "es-ES")).toEqual({ code: "es", how: "given" });
  });

  it("overrules a label the text plainly contradicts (a feed labelled English carrying Spanish copy)", () => {
    expect(identifyLanguage(copy.es!, "en")).toEqual({ code: "es", how: "corrected" });
    expect(identifyLanguage(copy.en!, "de")).toEqual({ code: "en", how: "corrected" });
  });

  it("keeps the label between close languages, where the publisher knows better than the scores", () => {
    // Ukrainian text scores high in Russian too: a Russian label is not overruled by a small margin.
    expect(identifyLanguage(story("У Києві пролунали вибухи"), "ru")).toEqual({ code: "ru", how: "given" });
  });

  it("keeps the label, or says nothing, when the text is too short or has no words", () => {
    expect(identifyLanguage(story("Madrid 3"), "es")).toEqual({ code: "es", how: "given" });
    expect(identifyLanguage(story("Madrid 3"))).toEqual({ code: undefined, how: "none" });
    expect(identifyLanguage(story("12,5 % 1.234 2025", "3 4 5 6 7 8 9"))).toEqual({ code: undefined, how: "none" });
  });
});

describe("ingest settles every item's language", () => {
  it("labels a feed's items by their text, overruling the feed's own label where the text disagrees", () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><language>en-us</language>
      <item><guid>a</guid><title>Police arrest three over Madrid shop robberies</title><description>Police arrested three people in Madrid on Tuesday over a string of shop robberies.</description></item>
      <item><guid>b</guid><title>Detenidos tres jóvenes por robar en Sevilla</title><description>La Policía Nacional ha detenido en Sevilla a tres jóvenes acusados de robar en varios comercios.</description></item>
    </channel></rss>`;
    const r = parseInput(enc(rss), { name: "wire.xml", ingestTime: new Date() });
    expect(r.articles.map((a) => a.language)).toEqual(["en", "es"]);
  });

  it("detects the language of unlabelled plain text", () => {
    const r = parseInput(enc("У Києві пролунали вибухи\n\nКиїв, 3 грудня. Президент України заявив, що уряд ухвалив нові рішення."), { name: "note.txt", ingestTime: new Date() });
    expect(r.articles[0]?.language).toBe("uk");
  });
});

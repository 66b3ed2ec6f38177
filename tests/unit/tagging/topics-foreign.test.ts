// Topics for copy in the beat's other languages, from cue words in each
// (topic-cues-foreign.ts): suggested with the words that carried them.
import { describe, expect, it } from "vitest";
import { suggestTags } from "../../../lib/tagging/index";

const top = (headline: string, bodyText: string, language?: string) => {
  const t = suggestTags({ headline, bodyText, ...(language ? { language } : {}) }).topics[0];
  return t && { name: t.name, evidence: t.evidence.map((e) => e.text) };
};

describe("topics in Ukrainian, Russian, Spanish and French copy", () => {
  it("files a Ukrainian attack story under war and conflict, by its declined nouns", () => {
    const t = top("У Києві пролунали вибухи під час ранкової атаки", "Сили протиповітряної оборони відбивали атаку на столицю. Росія випустила 40 дронів і три ракети.");
    expect(t?.name).toBe("war and conflict");
    expect(t?.evidence).toEqual(expect.arrayContaining(["атаки", "ракети"]));
  });

  it("reads the plural forms of Ukrainian and Russian nouns, and agency phrases for strikes, alerts, rates and rehabilitation", () => {
    const strike = top("Росія вдарила ракетами по Одесі", "Російські війська вночі завдали ракетного удару по порту.");
    expect(strike?.name).toBe("war and conflict");
    expect(strike?.evidence).toEqual(expect.arrayContaining(["ракетами", "ракетного удару"]));
    expect(top("В Белгороде объявили ракетную опасность", "В городе и области объявлена ракетная опасность, сообщил губернатор.")?.name).toBe("war and conflict");
    const rate = top("ЦБ России сохранил ключевую ставку", "Банк России сохранил ключевую ставку на уровне 21%, говорится в сообщении регулятора.");
    expect(rate?.name).toBe("economy");
    expect(top("У Львові відкрили новий реабілітаційний центр для військових", "Центр реабілітації для поранених прийматиме пацієнтів з понеділка.")?.name).toBe("health");
  });

  it("files the Russian copy of it the same way", () => {
    expect(top("В Киеве прогремели взрывы", "Силы ПВО Украины отражали атаку на Киев. Россия выпустила 40 дронов и три ракеты.")?.name).toBe("war and conflict");
  });

  it("files a Ukrainian arrest under crime", () => {
    const t = top("Поліція затримала підозрюваного у вбивстві", "У Львові поліцейські затримали чоловіка, якого підозрюють у вбивстві сусіда.");
    expect(t?.name).toBe("crime");
    expect(t?.evidence).toEqual(expect.arrayContaining(["Поліція"]));
  });

  it("files a Spanish rally against the government under politics", () => {
    expect(top("Miles de personas piden la dimisión del Gobierno", "Decenas de miles de manifestantes exigieron elecciones anticipadas frente al Congreso.", "es")?.name).toBe("politics");
  });

  it("reads French cue words after an elided article", () => {
    const t = top("L'attentat contre l'ambassade", "L'explosion a eu lieu mardi. L'armée a bouclé le quartier après l'attentat.", "fr");
    expect(t?.name).toBe("war and conflict");
    expect(t?.evidence).toEqual(expect.arrayContaining(["attentat", "armée"]));
  });

  it("files a Spanish transfer under sport and the Ibex under economy", () => {
    expect(top("El Atlético de Madrid ficha a un delantero argentino", "El club ha cerrado el fichaje del delantero por 40 millones de euros.", "es")?.name).toBe("sport");
    expect(top("El Ibex 35 cierra con una subida del 1,2 %", "La Bolsa española ha cerrado la sesión con una subida del 1,2 %, impulsada por los bancos.", "es")?.name).toBe("economy");
  });

  it("files weather warnings in each of the beat's languages under weather, by their words", () => {
    // Before these cue words, the French, Portuguese, Ukrainian and Russian warnings had no topic at all.
    const warnings: [string, string, string, string[]][] = [
      ["La DANA deja lluvias torrenciales en Valencia", "La Aemet ha activado el aviso rojo por lluvias torrenciales en el litoral por el paso de una DANA.", "es", ["DANA", "aviso rojo"]],
      ["Borrasca Filomena: nevadas históricas en Madrid", "La borrasca deja nevadas históricas y obliga a cerrar el aeropuerto de Barajas.", "es", ["Borrasca", "nevadas"]],
      ["Alerte orages : 12 départements en vigilance orange", "Météo-France a placé douze départements en vigilance orange aux orages, avec de la grêle et des rafales.", "fr", ["vigilance orange", "orages"]],
      ["Unwetter in Bayern", "Der Deutsche Wetterdienst warnt vor schweren Gewittern mit Hagel und Sturmböen im Süden.", "de", ["Unwetter", "Hagel"]],
      ["IPMA coloca distritos sob aviso laranja por chuva", "O IPMA colocou seis distritos sob aviso laranja devido a chuva forte e trovoada.", "pt", ["IPMA", "trovoada"]],
      ["Синоптики попереджають про снігопад і ожеледицю", "Укргідрометцентр попереджає про сильний снігопад і хуртовини у західних областях.", "uk", ["снігопад", "Укргідрометцентр"]],
      ["Гидрометцентр: в Москве ожидается метель", "Синоптики предупреждают о сильном снегопаде и метели в выходные.", "ru", ["Гидрометцентр", "метель"]],
    ];
    for (const [headline, body, language, words] of warnings) {
      const t = top(headline, body, language);
      expect(t?.name, headline).toBe("weather");
      expect(t?.evidence, headline).toEqual(expect.arrayContaining(words));
    }
  });

  it("keeps storms that kill and destroy under disaster, as the English lists weigh them", () => {
    const storm = top("Au moins 18 morts dans des intempéries au Brésil", "Les pluies torrentielles ont provoqué des glissements de terrain et d'importants dégâts; les secours cherchent des disparus.", "fr");
    expect(storm?.name).toBe("disaster");
    expect(storm?.evidence).toEqual(expect.arrayContaining(["intempéries"]));
  });

  it("leaves Spanish weather words to Spanish copy: in English copy Dana is a name", () => {
    expect(top("Dana White signs new fighters", "UFC president Dana White said on Tuesday the promotion had signed three fighters.")?.name).not.toBe("weather");
  });

  it("files a French league match under sport", () => {
    expect(top("Le Real Madrid bat le Barça", "Le Real Madrid a battu Barcelone 2-1 dimanche en championnat; l'entraîneur a salué ses joueurs.", "fr")?.name).toBe("sport");
  });

  it("files French culture and crime copy by its own words, not by English words it happens to spell", () => {
    const singer = top(
      "Nécrologie : décès de la chanteuse du groupe The Cranberries",
      "La chanteuse irlandaise est morte lundi à Londres, où elle se trouvait pour une courte session d'enregistrement de son nouvel album.",
      "fr",
    );
    expect(singer?.name).toBe("arts and culture");
    expect(singer?.evidence).toEqual(expect.arrayContaining(["chanteuse"]));
    const shooting = top("États-Unis : fusillade devant le Pentagone", "Un homme a ouvert le feu sur deux policiers devant le Pentagone ; le suspect a été arrêté.", "fr");
    expect(shooting?.name).toBe("crime");
  });

  it("reads no French function word as an English cue: un is no UN, eu no EU, premier no premier", () => {
    const text = ["Un séisme a eu lieu dans le premier arrondissement", "Il y a eu un premier bilan : un mort et des blessés dans un immeuble effondré."] as const;
    const fr = suggestTags({ headline: text[0], bodyText: text[1], language: "fr" }).topics;
    expect(fr[0]?.name).toBe("disaster");
    const evidence = fr.flatMap((t) => t.evidence.map((e) => e.text.toLowerCase()));
    for (const w of ["un", "eu", "premier", "dans", "des"]) expect(evidence).not.toContain(w);
    expect(fr.some((t) => t.name === "politics")).toBe(false);
  });

  it("keeps other languages' Latin-script cue words out of English copy, and out of copy whose language is unknown", () => {
    const text = ["Chanteuse et cinéaste au festival", "La chanteuse et le cinéaste présentent leur film."] as const;
    expect(top(text[0], text[1], "fr")?.name).toBe("arts and culture");
    for (const language of ["en", undefined]) {
      const topics = suggestTags({ headline: text[0], bodyText: text[1], ...(language ? { language } : {}) }).topics;
      const evidence = topics.flatMap((t) => t.evidence.map((e) => e.text.toLowerCase()));
      expect(evidence).not.toContain("chanteuse");
      expect(evidence).not.toContain("cinéaste");
    }
  });
});

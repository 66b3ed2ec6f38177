// Topics for copy in the beat's other languages, from cue words in each
// (topic-cues-foreign.ts): suggested with the words that carried them.
import { describe, expect, it } from "vitest";
import { suggestTags } from "../../../lib/tagging/index";

const top = (headline: string, bodyText: string) => {
  const t = suggestTags({ headline, bodyText }).topics[0];
  return t && { name: t.name, evidence: t.evidence.map((e) => e.text) };
};

describe("topics in Ukrainian, Russian, Spanish and French copy", () => {
  it("files a Ukrainian attack story under war and conflict, by its declined nouns", () => {
    const t = top("У Києві пролунали вибухи під час ранкової атаки", "Сили протиповітряної оборони відбивали атаку на столицю. Росія випустила 40 дронів і три ракети.");
    expect(t?.name).toBe("war and conflict");
    expect(t?.evidence).toEqual(expect.arrayContaining(["атаки", "ракети"]));
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
    expect(top("Miles de personas piden la dimisión del Gobierno", "Decenas de miles de manifestantes exigieron elecciones anticipadas frente al Congreso.")?.name).toBe("politics");
  });

  it("files a French league match under sport", () => {
    expect(top("Le Real Madrid bat le Barça", "Le Real Madrid a battu Barcelone 2-1 dimanche en championnat; l'entraîneur a salué ses joueurs.")?.name).toBe("sport");
  });
});

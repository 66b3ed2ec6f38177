import { describe, expect, it } from "vitest";

import { suggestPlaces, type PlaceSuggestion, type TagInput } from "../../../lib/tagging/index";
import { demoArticle } from "./helpers";

const codes = (places: PlaceSuggestion[]) => places.map((p) => p.code);
const main = (places: PlaceSuggestion[]) => places.find((p) => p.rel === "main")?.code;
const tag = (headline: string, bodyText: string, dateline?: string): PlaceSuggestion[] =>
  suggestPlaces({ headline, bodyText, ...(dateline ? { dateline } : {}) } satisfies TagInput);

describe("names, demonyms, capitals and cities", () => {
  it("finds a country by name, in the main languages of the news and their scripts", () => {
    expect(main(tag("Spain votes", "Voters in Spain went to the polls."))).toBe("ES");
    expect(main(tag("Elecciones en España", "Los votantes de España acudieron a las urnas."))).toBe("ES");
    expect(main(tag("Wahl in Deutschland", "In Deutschland wurde gewählt."))).toBe("DE");
    expect(main(tag("Türkiye holds rates", "Türkiye's central bank kept its main rate at 47.5%."))).toBe("TR");
    expect(main(tag("Россия и выборы", "Россия провела выборы."))).toBe("RU");
  });

  it("reads demonyms: Spanish police are Spain's", () => {
    expect(main(tag("Spanish police arrest 12 over fake medicines", "The officers seized 3,000 pens."))).toBe("ES");
    expect(main(tag("Ukrainians queue for bread", "Residents waited for hours."))).toBe("UA");
  });

  it("reads the beat's regions by their adjectives: Catalan police, the Crimean Bridge, Chechen fighters", () => {
    expect(main(tag("Catalan police arrest two men", "The officers said the men were held overnight."))).toBe("ES");
    expect(main(tag("Crimean Bridge closed after alert", "Traffic was halted for several hours on Monday."))).toBe("UA");
    expect(main(tag("Chechen fighters deployed", "Hundreds of fighters were sent to the front."))).toBe("RU");
  });

  it("reads the beat's seats of government as their countries, as it reads the Kremlin", () => {
    expect(main(tag("Moncloa rejects Vox motion", "The government said it would not negotiate over the censure motion."))).toBe("ES");
    expect(main(tag("Generalitat approves budget", "The regional government approved its budget on Tuesday."))).toBe("ES");
    expect(main(tag("Mobilisation law passes", "The Verkhovna Rada passed the law with 283 votes in favour."))).toBe("UA");
    expect(main(tag("Duma votes on bill", "The State Duma approved the bill in its first reading."))).toBe("RU");
  });

  it("reads a titled name with a regnal number as a person's, and the pronoun I as no surname", () => {
    expect(codes(suggestPlaces({ headline: "Audiencia", bodyText: "El papa León XIV ha recibido al rey Felipe VI en el Vaticano.", language: "es" }))).toEqual(["VA"]);
    expect(main(tag("Travel diary", "In Paris I met the minister for the first time."))).toBe("FR");
    expect(main(tag("Strike", "Paris XIII university staff went on strike."))).toBe("FR");
  });

  it("ends a name at a possessive: Russia's Krasnodar is a city of its own, not part of one name", () => {
    const places = tag("Refinery hit", "Ukrainian drones hit an oil refinery in Russia's Krasnodar region, local officials said.");
    expect(places.find((p) => p.code === "RU")?.evidence.map((e) => e.text)).toEqual(expect.arrayContaining(["Russia", "Krasnodar"]));
  });

  it("reads a city inside a longer name as the name's, at a sentence's start as inside one", () => {
    // Mid-sentence "Real Madrid" already named no city; at the start of a sentence it did.
    expect(codes(tag("Coach sacked", "Real Madrid's coach was sacked on Monday after a run of defeats, the club said."))).toEqual([]);
    expect(codes(tag("Bank plans", "Chase Manhattan has branches in Milan and Rome, an official said."))).toEqual(["IT"]);
    // A function word before the city is no part of a name, in English or in the copy's own language.
    expect(main(tag("Talks", "In Madrid, the ministers met on Monday."))).toBe("ES");
    expect(main(suggestPlaces({ headline: "Ministros", bodyText: "En Madrid, los ministros se reunieron el lunes.", language: "es" }))).toBe("ES");
    expect(main(suggestPlaces({ headline: "Rencontre", bodyText: "Depuis Madrid, les ministres ont appelé au calme.", language: "fr" }))).toBe("ES");
  });

  it("maps capitals and big cities to their country", () => {
    expect(main(tag("Talks resume", "Negotiators met in Nairobi on Tuesday."))).toBe("KE");
    expect(main(tag("Factory opens", "The plant near Sunderland will employ 900 people."))).toBe("GB");
    expect(main(tag("Water cuts", "Mexico City will ration water in ten boroughs."))).toBe("MX");
  });

  it("reads transliterations both ways: Kyiv/Kiev, Kharkiv/Kharkov, Odesa/Odessa", () => {
    for (const city of ["Kyiv", "Kiev", "Kharkiv", "Kharkov", "Odesa", "Odessa", "Zaporizhzhia", "Lugansk", "Luhansk"]) {
      expect(main(tag("Overnight attack", `Drones struck ${city} overnight, officials said.`)), city).toBe("UA");
    }
  });

  it("lets small same-name towns and everyday words make no noise", () => {
    expect(codes(tag("Arrests", "Police said the men were held overnight. Reading the charges took an hour."))).toEqual([]);
    expect(codes(tag("Update", "March was the wettest month. Mobile phones were seized."))).toEqual([]);
    expect(codes(tag("Recipes", "French fries and Brussels sprouts were served with Turkish delight."))).toEqual([]);
  });
});

describe("the dateline weighs most", () => {
  it("makes the dateline's country the main place", () => {
    const places = tag(
      "Peace talks feel far away",
      "Russia and Russian negotiators in Moscow said Russia would not stop. The Kremlin agreed.",
      "DRUZHKIVKA",
    );
    expect(main(places)).toBe("UA");
    expect(places.find((p) => p.code === "RU")?.rel).toBe("mentioned");
  });

  it("reads wire datelines with dates and state qualifiers", () => {
    expect(main(tag("FIRM POSTS PROFIT", "Net profit rose 12 pct.", "BLOOMINGTON, Ill., Feb 26"))).toBe("US");
    expect(main(tag("COCOA REVIEW", "Showers continued.", "SALVADOR, Feb 26"))).toBe("BR");
    expect(main(tag("BANK HOLDS RATES", "The central bank left rates unchanged.", "TOKYO, March 3"))).toBe("JP");
  });

  it("finds a dateline kept at the start of the body, and quotes it from there", () => {
    const places = tag("Gang robs shop", "MADRID (Meridian) — An armed gang robbed a jewellery shop.");
    expect(main(places)).toBe("ES");
    expect(places[0]!.confidence).toBe(0.95);
    expect(places[0]!.evidence[0]).toEqual({ text: "MADRID", start: 0, end: 6, field: "body" });
  });
});

describe("ambiguous names", () => {
  it("Georgia the country", () => {
    const places = tag("Protest in Tbilisi", "Tens of thousands marched in Georgia's capital against the bill, which critics say copies a Russian law.");
    expect(main(places)).toBe("GE");
    expect(codes(places)).not.toContain("US");
  });

  it("Georgia the US state: Atlanta, the state Senate, Ga.", () => {
    expect(codes(tag("Georgia runoff", "The Georgia state Senate race in suburban Atlanta heads to a runoff."))).toEqual(["US"]);
    expect(codes(tag("Runoff set", "Republicans in Georgia and their governor backed the county's plan."))).toEqual(["US"]);
    expect(codes(tag("College news", "The university said enrolment was up.", "ATHENS, Ga."))).toEqual(["US"]);
  });

  it("Jordan the country and Jordan the person", () => {
    expect(main(tag("Water deal", "Jordan signed a contract for a desalination plant at Aqaba to supply Amman."))).toBe("JO");
    expect(codes(tag("Cup shock", "Jordan Pike scored twice as the hosts won 2-1."))).toEqual([]);
    expect(codes(tag("Retired star", "Michael Jordan said he would not return. Jordan, 61, spoke in Chicago."))).toEqual(["US"]);
    // A person's name elsewhere in the story keeps a bare "Jordan" a person.
    expect(codes(tag("Runoff", "Jordan Whitfield leads. Supporters of Jordan cheered in Atlanta."))).toEqual(["US"]);
  });

  it("Turkey the bird and Turkey the country", () => {
    expect(codes(tag("Prices ease", "A Thanksgiving turkey costs less this year, farmers in Minnesota said."))).toEqual(["US"]);
    expect(codes(tag("Turkey prices ease before Thanksgiving", "Shoppers will pay 5% less for the bird, a Minnesota poultry group said."))).toEqual(["US"]);
    expect(codes(tag("Turkey's central bank holds rates", "The bank in Ankara kept rates on hold as the lira steadied."))).toEqual(["TR"]);
  });

  it("New Mexico is not Mexico; Mexico City is", () => {
    const nm = tag("New Mexico restores the Rio Grande", "Officials in Santa Fe and Albuquerque said New Mexico would spend $60 million.");
    expect(codes(nm)).toEqual(["US"]);
    expect(codes(tag("Water cuts", "Mexico City will ration water."))).toEqual(["MX"]);
  });

  it("Paris, Texas is in the United States, and so is every later Paris of the story", () => {
    const places = tag(
      "Former city official pleads guilty",
      "The former finance director of Paris admitted stealing $1.4 million. Paris has a replica of the Eiffel Tower.",
      "PARIS, Texas",
    );
    expect(codes(places)).toEqual(["US"]);
    expect(codes(tag("Plea", "A man from Paris, Texas, pleaded guilty. Paris officials declined to comment."))).toEqual(["US"]);
    expect(main(tag("Budget vote", "The French government survived the vote.", "PARIS"))).toBe("FR");
  });

  it("Ontario the province, and Ontario the Californian city", () => {
    expect(codes(tag("Floods in Ontario", "Heavy rain hit Ontario on Monday, officials said."))).toEqual(["CA"]);
    expect(codes(tag("Warehouse fire", "A fire destroyed a warehouse in Ontario, San Bernardino County officials said."))).toEqual(["US"]);
  });

  it("keeps a list apart from a qualifier", () => {
    const places = tag("World briefing", "Bushfires in New South Wales, Canada postal talks and Darfur.");
    expect(codes(places)).toEqual(expect.arrayContaining(["AU", "CA", "SD"]));
  });
});

describe("the demo copy's ambiguous places (prisma/demo/README.md)", () => {
  it.each([
    ["nation/2026/11/17/paris-texas-finance-director-guilty-plea", "US", ["FR"]],
    ["Ex-Paris, Texas, city official admits", "US", ["FR"]],
    ["politics/2026/11/04/georgia-state-senate-runoff-atlanta", "US", ["GE", "JO"]],
    ["2026/11/15/georgia-tbilisi-broadcasting-protest", "GE", []],
    ["world/2026/11/16/georgia-tbilisi-protest-broadcasting-bill", "GE", []],
    ["2026/11/11/jordan-aqaba-amman-desalination", "JO", []],
    ["Jordan inks Aqaba-Amman water pipeline", "JO", []],
    ["sport/2026/11/07/tynedale-harbour-carlton-vale-fa-cup", "GB", ["JO"]],
    ["food/2026/11/20/thanksgiving-turkey-prices", "US", ["TR"]],
    ["2026/11/19/turkey-central-bank-holds", "TR", []],
    ["business/2026/11/19/morning-markets-briefing", "TR", []],
    ["climate/2026/11/23/new-mexico-rio-grande-restoration", "US", []],
    ["20261105:mexico-city-water-cuts", "MX", []],
    ["'We drive toward the explosions'", "UA", []],
    ["20261117:russia-saratov-refinery-drones", "RU", []],
    ["Madrid's Thyssen museum", "ES", []],
    ["business/2026/11/18/japanese-battery-plant-sunderland", "GB", []],
  ] as const)("%s: main %s, never %j", (key, expected, never) => {
    const places = suggestPlaces(demoArticle(key));
    expect(main(places)).toBe(expected);
    for (const c of never) expect(codes(places)).not.toContain(c);
  });

  it.each([
    ["business/2026/11/19/morning-markets-briefing", ["TR", "MX", "US"]],
    ["Russia and Ukraine swap 300 prisoners", ["UA", "RU", "TR", "BY"]],
    ["20261117:russia-saratov-refinery-drones", ["RU", "UA"]],
    ["business/2026/11/18/japanese-battery-plant-sunderland", ["GB", "JP"]],
    ["'We drive toward the explosions'", ["UA"]],
  ] as const)("%s names %j", (key, expected) => {
    expect(codes(suggestPlaces(demoArticle(key)))).toEqual(expect.arrayContaining([...expected]));
  });

  it("New Mexico's Texas–Mexico border sentence leaves Mexico a mention at most", () => {
    const places = suggestPlaces(demoArticle("climate/2026/11/23/new-mexico-rio-grande-restoration"));
    expect(places[0]).toMatchObject({ code: "US", rel: "main" });
    for (const p of places.slice(1)) expect(p.rel).toBe("mentioned");
  });

  it("the Georgian story's Washington and State Department do not make it American", () => {
    const places = suggestPlaces(demoArticle("world/2026/11/16/georgia-tbilisi-protest-broadcasting-bill"));
    expect(places[0]).toMatchObject({ code: "GE", rel: "main" });
    expect(places.find((p) => p.code === "US")?.rel ?? "mentioned").toBe("mentioned");
  });

  // Known gap: the FA Cup report names no place at all (fictional clubs and
  // grounds), so GB, which the README lists, cannot be found from its text.
  it("the FA Cup report is placed in GB", () => {
    expect(main(suggestPlaces(demoArticle("sport/2026/11/07/tynedale-harbour-carlton-vale-fa-cup")))).toBe("GB");
  });
});

describe("options", () => {
  it("drops places below minConfidence and caps the list", () => {
    const input = { headline: "Summit", bodyText: "Leaders of France, Germany, Italy, Spain and Poland met in Brussels." };
    expect(suggestPlaces(input, { max: 2 })).toHaveLength(2);
    expect(suggestPlaces(input, { minConfidence: 0.99 })).toEqual([]);
  });
});

import { gazetteer } from "./gazetteer";
import type { Region } from "./types";

// Regions above countries, derived from the places of a story and never
// tagged alone. The continents come from world-countries' region; the
// subregions from its subregion, regrouped where news geography differs:
// world-countries' "Central Europe" and "Southeast Europe" are split
// between eastern and southern Europe (as the UN's M49 groups do), and
// Latin America, the Middle East and the European Union are lists.

export const REGIONS: Record<string, string> = {
  "region:africa": "Africa",
  "region:north-africa": "North Africa",
  "region:sub-saharan-africa": "Sub-Saharan Africa",
  "region:americas": "Americas",
  "region:north-america": "North America",
  "region:latin-america": "Latin America",
  "region:caribbean": "Caribbean",
  "region:asia": "Asia",
  "region:middle-east": "Middle East",
  "region:central-asia": "Central Asia",
  "region:east-asia": "East Asia",
  "region:south-asia": "South Asia",
  "region:southeast-asia": "Southeast Asia",
  "region:europe": "Europe",
  "region:eastern-europe": "Eastern Europe",
  "region:northern-europe": "Northern Europe",
  "region:southern-europe": "Southern Europe",
  "region:western-europe": "Western Europe",
  "region:european-union": "European Union",
  "region:oceania": "Oceania",
};

const CONTINENTS: Record<string, string> = {
  Africa: "region:africa",
  Americas: "region:americas",
  Asia: "region:asia",
  Europe: "region:europe",
  Oceania: "region:oceania",
};

const SUBREGIONS: Record<string, string> = {
  "Northern Africa": "region:north-africa",
  "Eastern Africa": "region:sub-saharan-africa",
  "Middle Africa": "region:sub-saharan-africa",
  "Southern Africa": "region:sub-saharan-africa",
  "Western Africa": "region:sub-saharan-africa",
  "North America": "region:north-america",
  Caribbean: "region:caribbean",
  "Central Asia": "region:central-asia",
  "Eastern Asia": "region:east-asia",
  "Southern Asia": "region:south-asia",
  "South-Eastern Asia": "region:southeast-asia",
  "Eastern Europe": "region:eastern-europe",
  "Northern Europe": "region:northern-europe",
  "Southern Europe": "region:southern-europe",
  "Western Europe": "region:western-europe",
};

/** world-countries' Central and Southeast Europe, regrouped as the UN's M49 does. */
const EUROPE_REGROUPED: Record<string, string> = {
  AT: "region:western-europe",
  CZ: "region:eastern-europe",
  HU: "region:eastern-europe",
  PL: "region:eastern-europe",
  SK: "region:eastern-europe",
  SI: "region:southern-europe",
  BG: "region:eastern-europe",
  RO: "region:eastern-europe",
  AL: "region:southern-europe",
  BA: "region:southern-europe",
  HR: "region:southern-europe",
  XK: "region:southern-europe",
  MK: "region:southern-europe",
  ME: "region:southern-europe",
  RS: "region:southern-europe",
};

/** Spanish-, Portuguese- and French-speaking America: Mexico, Central and South America, and these islands. */
const LATIN_AMERICA_CARIBBEAN = new Set(["CU", "DO", "HT", "PR", "GP", "MQ", "BL", "MF"]);
/** Not Latin America though in South America. */
const NOT_LATIN = new Set(["FK", "GY", "SR"]);
const MIDDLE_EAST = new Set(["BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "AE", "YE"]);
const EUROPEAN_UNION = new Set(
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" "),
);

/** The regions of one country, broadest first. */
export function regionsOfCountry(code: string): string[] {
  const c = gazetteer().countries.get(code.toUpperCase());
  if (!c) return [];
  const out: string[] = [];
  const continent = CONTINENTS[c.region];
  if (continent) out.push(continent);
  const sub = c.region === "Europe" ? (EUROPE_REGROUPED[c.code] ?? SUBREGIONS[c.subregion]) : SUBREGIONS[c.subregion];
  if (sub) out.push(sub);
  const latin =
    c.code === "MX" ||
    c.subregion === "Central America" ||
    (c.subregion === "South America" && !NOT_LATIN.has(c.code)) ||
    LATIN_AMERICA_CARIBBEAN.has(c.code);
  if (latin) out.push("region:latin-america");
  if (MIDDLE_EAST.has(c.code)) out.push("region:middle-east");
  if (EUROPEAN_UNION.has(c.code)) out.push("region:european-union");
  return out;
}

/** The regions above a list of countries, each once, in the order the countries give them. */
export function regionsFor(codes: string[]): Region[] {
  const seen = new Set<string>();
  const out: Region[] = [];
  for (const code of codes) {
    for (const r of regionsOfCountry(code)) {
      if (seen.has(r)) continue;
      seen.add(r);
      out.push({ code: r, name: REGIONS[r] ?? r });
    }
  }
  return out;
}

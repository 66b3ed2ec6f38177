import gazetteerData from "./data/gazetteer.json";
import {
  ADMIN_REGIONS,
  AMBIGUOUS_NAMES,
  AREA_NAMES,
  BLOCKED_PHRASES,
  CITY_ALIASES,
  DEMONYM_DEFAULTS,
  EXTRA_COUNTRY_NAMES,
  EXTRA_DEMONYMS,
  HISTORICAL_NAMES,
  PERSON_NAMES,
  QUALIFIER_ABBREVIATIONS,
} from "./places-lexicon";
import { englishVocabulary } from "./taxonomy";
import {
  CYRILLIC_CITIES,
  CYRILLIC_COUNTRIES,
  CYRILLIC_DEMONYM_STEMS,
  CYRILLIC_REGION_STEMS,
  CYRILLIC_REGIONS,
  LATIN_REGIONS,
  isCyrillic,
  LATIN_DEMONYMS,
  LATIN_PLACE_NAMES,
  COUNTRY_NAMES_IN_THEIR_LANGUAGE,
  PLACE_NAMES_AFTER_PREPOSITIONS,
  PLACE_NAMES_THAT_ARE_WORDS,
  slavicAdjectiveForms,
  slavicForms,
} from "./places-foreign";
import { phraseKey as tokenKey, phraseKeys } from "./text";

// The place lexicon: every name the tagger knows, as a trie over normalised
// tokens, built once per process from gazetteer.json and places-lexicon.ts.

export type PlaceKind =
  | "country" // "Spain", "España", "United States"
  | "demonym" // "Spanish", "Spaniards"
  | "city" // "Madrid", "Kiev", "White House"
  | "region" // "Texas", "Ontario", "Catalonia": a part of one country
  | "qualifier" // "Ga.", "TX": only after "City,"
  | "area" // "Europe", "Latin American": above countries, yields none
  | "block"; // "French fries", "Gulf of Mexico": yields none

export interface Candidate {
  code: string;
  population: number;
  capital: boolean;
}

export interface PlaceEntry {
  kind: PlaceKind;
  /** Canonical name, for messages. */
  name: string;
  /** Countries the name can stand for, most likely first. */
  candidates: Candidate[];
  /** Every country with a town of this name, small ones too: what a qualifier may pick ("Athens, Georgia"). */
  namesakes?: string[];
  /** Namesakes big enough that a dateline may name them when the story speaks for their country alone ("MÉRIDA" with "Junta de Extremadura"). */
  datelineNamesakes?: string[];
  /** A city too small to be named in a story without a qualifier: counts in datelines only. */
  datelineOnly?: boolean;
  /** Also an English word ("Reading", "Police"): only counts capitalised inside a sentence. */
  wordy?: boolean;
  /** Also a given name or surname ("Jordan", "Paris"). */
  person?: boolean;
  /** Written in capitals only ("US", "UK"): "us" is a pronoun. */
  upperOnly?: boolean;
  /** Written in lower case in its language ("español", "російські"): counts uncapitalised too. */
  lowercase?: boolean;
  /** Counts only in copy in these languages (ISO 639-1): "Chili" is Chile in French copy, a dish in English. */
  languages?: string[];
  /** A word in these languages ("Reunión", a meeting): in their copy it counts only capitalised inside a sentence. */
  wordyIn?: string[];
  /** A noun written capitalised in these languages ("das Essen"): in their copy it counts only after these prepositions. */
  afterIn?: Record<string, string[]>;
  /** Key into AMBIGUOUS_NAMES. */
  ambiguous?: string;
}

export interface TrieNode {
  next?: Map<string, TrieNode>;
  entries?: PlaceEntry[];
}

export interface CountryInfo {
  code: string;
  name: string;
  region: string;
  subregion: string;
}

/** A country record of data/gazetteer.json (written by scripts/build-taxonomy.ts). */
export interface GazetteerCountry extends CountryInfo {
  capitals: string[];
  /** English names and spellings. */
  names: string[];
  /** Names in other languages and native names. */
  foreign: string[];
  demonyms: string[];
  /** French demonyms, masculine and feminine singular, capitalised as world-countries gives them. */
  demonymsFr?: string[];
}

interface GazetteerFile {
  /** Cities grouped by lookup key, one line a name: "key|Name|CC:population[:C],...", biggest first. */
  countries: GazetteerCountry[];
  cities: string;
}

export interface Gazetteer {
  root: Map<string, TrieNode>;
  countries: Map<string, CountryInfo>;
  /** Longest name in tokens. */
  maxLength: number;
}

/** Cities named in a story without a qualifier must be this big (capitals and aliases always count). */
export const BODY_CITY_POPULATION = 100_000;
/** A smaller namesake stays a candidate when it has at least this share of the biggest one's population. */
const CANDIDATE_SHARE = 0.15;
/** A namesake a dateline may name, with the story's support, when it has at least this share (Mérida, Spain: 8% of Mérida, Mexico). */
const DATELINE_NAMESAKE_SHARE = 0.05;

/** Country spellings in the packages that are English words or given names in English copy. */
// "Mann" (the Isle of Man in Manx English) is the German noun "man" and an English surname.
const NOT_COUNTRY_NAMES = new Set(["island", "indie", "maurice", "kina", "fas", "gana", "gine", "liban", "chili", "moris", "mann"]);

/** City names that are everyday English words, beyond what the taxonomy's vocabulary catches. */
const WORDY_CITIES = [
  "Police", "Of", "Man", "Mary", "Bar", "Buy", "Best", "Young", "Deal", "March", "Orange", "Mobile", "Reading",
  "Split", "Nice", "Bath", "Van", "Gap", "Hope", "May", "Sale", "Batman", "Bo", "Kota", "Hit", "Mango", "Pop",
  "Salt", "Ocean", "Gore", "Marks", "Mission", "Surprise", "Victoria", "Concord", "Independence", "Temple",
  "Union", "Enterprise", "Eagle", "Bend", "Carmel", "Pueblo", "Wells", "Worth", "Say", "Tours", "Sucre", "Mandi",
  "Ife", "Ho", "Jena", "Chester", "Lincoln", "Florence", "Fresno",
];

let cached: Gazetteer | undefined;

/** The gazetteer, built on first use and kept for the life of the process. */
export function gazetteer(): Gazetteer {
  cached ??= build();
  return cached;
}

function build(): Gazetteer {
  const data = gazetteerData as unknown as GazetteerFile;
  // Names recur across the tables: tokenise each once.
  const keys = new Map<string, string[]>();
  const phraseKey = (name: string): string[] => {
    let k = keys.get(name);
    if (!k) keys.set(name, (k = /^[A-Za-z]+(?: [A-Za-z]+)*$/.test(name) ? name.toLowerCase().split(" ") : tokenKey(name)));
    return k;
  };
  const root = new Map<string, TrieNode>();
  let maxLength = 1;
  const vocab = englishVocabulary();
  const personNames = new Set(PERSON_NAMES.map((n) => n.toLowerCase()));
  const ambiguousKeys = new Map(Object.keys(AMBIGUOUS_NAMES).map((n) => [phraseKey(n).join(" "), n]));
  const wordy = new Set(WORDY_CITIES.map((n) => phraseKey(n).join(" ")));

  const nodeFor = (key: string[]): TrieNode | undefined => {
    if (key.length === 0) return undefined;
    let map = root;
    let node: TrieNode | undefined;
    for (let i = 0; i < key.length; i++) {
      const k = key[i]!;
      node = map.get(k);
      if (!node) {
        node = {};
        map.set(k, node);
      }
      if (i < key.length - 1) {
        node.next ??= new Map();
        map = node.next;
      }
    }
    if (key.length > maxLength) maxLength = key.length;
    return node;
  };

  /** Existing entry of this kind for the same name key, to merge candidates into. */
  const add = (name: string, entry: Omit<PlaceEntry, "name">): PlaceEntry | undefined => {
    const key = phraseKey(name);
    const node = nodeFor(key);
    if (!node) return undefined;
    const joined = key.join(" ");
    node.entries ??= [];
    // A name read in some languages only stays apart from the same name read in all.
    const same = node.entries.find((e) => e.kind === entry.kind && String(e.languages) === String(entry.languages));
    if (same) {
      for (const c of entry.candidates) if (!same.candidates.some((s) => s.code === c.code)) same.candidates.push(c);
      alsoElided(name, node);
      return same;
    }
    const e: PlaceEntry = { name, ...entry };
    if (/^[A-Z]{2,5}$/.test(name)) e.upperOnly = true;
    if (key.length === 1 && personNames.has(joined)) e.person = true;
    const amb = ambiguousKeys.get(joined);
    if (amb) e.ambiguous = amb;
    node.entries.push(e);
    alsoElided(name, node);
    return e;
  };
  /** French and Italian copy is read without its elided articles: "Côte d'Ivoire" is also "côte ivoire" there. */
  const alsoElided = (name: string, node: TrieNode) => {
    const keys = phraseKeys(name);
    if (keys.length < 2) return;
    const other = nodeFor(keys[1]!);
    if (!other || other === node || !node.entries) return;
    if (!other.entries) other.entries = node.entries;
    else if (other.entries !== node.entries) for (const e of node.entries) if (!other.entries.includes(e)) other.entries.push(e);
  };
  const one = (code: string, capital = false, population = 0): Candidate[] => [{ code, capital, population }];

  // Cities from GeoNames, grouped by lookup key at build time: "key|Name|CC:population[:C],...".
  const byName = new Map<string, { name: string; rows: Candidate[] }>();
  for (const line of data.cities.split("\n")) {
    const [k, name, list] = line.split("|");
    if (!k || !name || !list) continue;
    const rows: Candidate[] = list.split(",").map((r) => {
      const [code, pop, flag] = r.split(":");
      return { code: code!, population: Number(pop), capital: flag === "C" };
    });
    byName.set(k, { name, rows });
    keys.set(name, k.split(" "));
  }
  const countries = new Map<string, CountryInfo>();
  // Pass 1: English names win their key; a foreign name that is another country's English name is dropped.
  const englishKeys = new Map<string, string>();
  const extraNames = (table: Record<string, string[]>, code: string) => table[code] ?? [];
  for (const c of data.countries) {
    countries.set(c.code, { code: c.code, name: c.name, region: c.region, subregion: c.subregion });
    for (const n of [...c.names, ...extraNames(EXTRA_COUNTRY_NAMES, c.code), ...extraNames(HISTORICAL_NAMES, c.code)]) {
      const k = phraseKey(n).join(" ");
      const owner = englishKeys.get(k);
      if (owner !== undefined && owner !== c.code) continue;
      englishKeys.set(k, c.code);
    }
  }
  // Names several countries claim in English ("Congo"): the extra tables decide, else dropped.
  const claimed = new Map<string, Set<string>>();
  for (const c of data.countries) {
    for (const n of c.names) {
      const k = phraseKey(n).join(" ");
      if (!claimed.has(k)) claimed.set(k, new Set());
      claimed.get(k)!.add(c.code);
    }
  }
  const extraOwner = new Map<string, string>();
  for (const table of [EXTRA_COUNTRY_NAMES, HISTORICAL_NAMES]) {
    for (const [code, names] of Object.entries(table)) for (const n of names) extraOwner.set(phraseKey(n).join(" "), code);
  }
  for (const c of data.countries) {
    const english = [...c.names, ...extraNames(EXTRA_COUNTRY_NAMES, c.code), ...extraNames(HISTORICAL_NAMES, c.code)];
    for (const n of english) {
      const k = phraseKey(n).join(" ");
      if (NOT_COUNTRY_NAMES.has(k)) continue;
      const owner = extraOwner.get(k);
      if (owner !== undefined && owner !== c.code) continue;
      if (owner === undefined && (claimed.get(k)?.size ?? 0) > 1) continue;
      add(n, { kind: "country", candidates: one(c.code) });
    }
    for (const n of c.foreign) {
      const k = phraseKey(n).join(" ");
      if (englishKeys.has(k) && englishKeys.get(k) !== c.code) continue;
      // "Salvador" is El Salvador in Portuguese, but in English copy it is the Brazilian city;
      // "Island" is Iceland in German, and an English word.
      const city = byName.get(k);
      if (city && city.rows.some((r) => r.code !== c.code && r.population >= BODY_CITY_POPULATION)) continue;
      if (!k.includes(" ") && (vocab.has(k) || NOT_COUNTRY_NAMES.has(k))) continue;
      add(n, { kind: "country", candidates: one(c.code) });
    }
  }
  // Demonyms: world-countries' adjectives, then the extra nouns; shared ones go to the default.
  const demonymOwners = new Map<string, Set<string>>();
  for (const c of data.countries) {
    for (const d of c.demonyms) {
      if (!demonymOwners.has(d)) demonymOwners.set(d, new Set());
      demonymOwners.get(d)!.add(c.code);
    }
  }
  for (const [d, owners] of demonymOwners) {
    const code = owners.size === 1 ? [...owners][0]! : DEMONYM_DEFAULTS[d];
    if (!code) continue;
    add(d, { kind: "demonym", candidates: one(code) });
    // Regular plurals: "Ukrainians", "Israelis", "Germans".
    if (/(?:an|i)$/.test(d)) add(`${d}s`, { kind: "demonym", candidates: one(code) });
  }
  for (const [code, names] of Object.entries(EXTRA_DEMONYMS)) for (const n of names) add(n, { kind: "demonym", candidates: one(code) });
  // Copy in the beat's other languages (places-foreign.ts): Cyrillic names in every case, demonyms in every form.
  for (const c of data.countries) {
    for (const n of c.foreign) if (isCyrillic(n)) for (const f of slavicForms(n)) add(f, { kind: "country", candidates: one(c.code) });
  }
  for (const [code, names] of Object.entries(CYRILLIC_COUNTRIES)) {
    for (const n of names) for (const f of slavicForms(n)) add(f, { kind: "country", candidates: one(code) });
  }
  for (const [code, stems] of Object.entries(CYRILLIC_DEMONYM_STEMS)) {
    for (const s of stems) for (const f of slavicAdjectiveForms(s)) add(f, { kind: "demonym", candidates: one(code), lowercase: true });
  }
  for (const [code, names] of Object.entries(LATIN_DEMONYMS)) for (const n of names) add(n, { kind: "demonym", candidates: one(code), lowercase: true });
  for (const [language, byCode] of Object.entries(COUNTRY_NAMES_IN_THEIR_LANGUAGE)) {
    for (const [code, names] of Object.entries(byCode)) for (const n of names) add(n, { kind: "country", candidates: one(code), languages: [language] });
  }
  // French demonyms of every country (world-countries), with their plurals; French writes the adjective in
  // lower case ("l'acteur britannique", "les troupes canadiennes"). One shared by two countries names neither.
  const frenchOwners = new Map<string, Set<string>>();
  for (const c of data.countries) {
    for (const d of c.demonymsFr ?? []) {
      const lower = d.toLocaleLowerCase("fr");
      for (const f of [lower, /[sx]$/.test(lower) ? lower : `${lower}s`]) {
        if (!frenchOwners.has(f)) frenchOwners.set(f, new Set());
        frenchOwners.get(f)!.add(c.code);
      }
    }
  }
  for (const [d, owners] of frenchOwners) {
    const k = phraseKey(d).join(" ");
    if (owners.size !== 1 || (!k.includes(" ") && (vocab.has(k) || NOT_COUNTRY_NAMES.has(k)))) continue;
    add(d, { kind: "demonym", candidates: one([...owners][0]!), lowercase: true });
  }

  const aliasKeys = new Map<string, string>();
  for (const [code, names] of Object.entries(CITY_ALIASES)) for (const n of names) aliasKeys.set(phraseKey(n).join(" "), code);
  // Cities that count outside a dateline: a region of the same name leaves them be (Murcia, Barcelona).
  const bodyCities = new Set<string>();
  for (const [k, g] of byName) {
    // Countries' own names are not cities ("Mexico", Pampanga); city-states keep the country entry.
    if (englishKeys.has(k)) continue;
    const perCountry = g.rows;
    const top = perCountry[0]!;
    const capital = perCountry.find((p) => p.capital);
    const alias = aliasKeys.get(k);
    // An alias names the country news means ("Geneva" is Swiss, though GeoNames spells it Genève).
    const lead = alias
      ? (perCountry.find((p) => p.code === alias) ?? { code: alias, population: top.population, capital: false })
      : capital && capital.population >= top.population * CANDIDATE_SHARE
        ? capital
        : top;
    const candidates = [lead, ...perCountry.filter((p) => p !== lead && p.population >= lead.population * CANDIDATE_SHARE)];
    const inBody = top.population >= BODY_CITY_POPULATION || capital !== undefined || alias !== undefined;
    const datelineNamesakes = perCountry
      .filter((p) => !candidates.some((c) => c.code === p.code) && p.population >= lead.population * DATELINE_NAMESAKE_SHARE)
      .map((p) => p.code);
    const namesakes =
      perCountry.length > candidates.length
        ? { namesakes: perCountry.map((p) => p.code), ...(datelineNamesakes.length ? { datelineNamesakes } : {}) }
        : {};
    if (inBody) bodyCities.add(k);
    const entry = add(g.name, { kind: "city", candidates, ...namesakes, ...(inBody ? {} : { datelineOnly: true }) });
    if (entry && k.split(" ").length === 1 && (vocab.has(k) || wordy.has(k))) entry.wordy = true;
  }
  for (const [code, names] of Object.entries(CITY_ALIASES)) {
    for (const n of names) {
      const k = phraseKey(n).join(" ");
      if (englishKeys.has(k)) continue;
      if (byName.has(k)) continue; // already in, led by this country
      const e = add(n, { kind: "city", candidates: one(code, false, 0) });
      if (e) delete e.datelineOnly;
    }
  }
  for (const [code, names] of Object.entries(CYRILLIC_CITIES)) {
    for (const n of names) {
      for (const f of slavicForms(n)) {
        const e = add(f, { kind: "city", candidates: one(code, false, 0) });
        if (e) delete e.datelineOnly;
      }
    }
  }
  for (const [code, names] of Object.entries(LATIN_PLACE_NAMES)) {
    for (const n of names) {
      const k = phraseKey(n).join(" ");
      if (englishKeys.has(k) || byName.has(k)) continue; // already in, under its English or GeoNames name
      const e = add(n, { kind: "city", candidates: one(code, false, 0) });
      if (e) delete e.datelineOnly;
    }
  }
  for (const [code, names] of Object.entries(ADMIN_REGIONS)) {
    for (const n of names) add(n, { kind: "region", candidates: one(code) });
  }
  // Regions of the beat's other languages (places-foreign.ts): Cyrillic ones in every case and as adjectives,
  // Latin-script ones unless the name is already a country's or a city's.
  for (const [code, names] of Object.entries(CYRILLIC_REGIONS)) {
    for (const n of names) for (const f of slavicForms(n)) add(f, { kind: "region", candidates: one(code) });
  }
  for (const [code, stems] of Object.entries(CYRILLIC_REGION_STEMS)) {
    for (const s of stems) for (const f of slavicAdjectiveForms(s)) add(f, { kind: "region", candidates: one(code), lowercase: true });
  }
  for (const [code, names] of Object.entries(LATIN_REGIONS)) {
    for (const n of names) {
      const k = phraseKey(n).join(" ");
      // A town too small to name outside a dateline does not hide a region ("Andalucía", a Colombian town too).
      if (englishKeys.has(k) || bodyCities.has(k)) continue;
      add(n, { kind: "region", candidates: one(code) });
    }
  }
  for (const [code, names] of Object.entries(QUALIFIER_ABBREVIATIONS)) {
    for (const n of names) add(n, { kind: "qualifier", candidates: one(code) });
  }
  for (const n of AREA_NAMES) add(n, { kind: "area", candidates: [] });
  for (const n of BLOCKED_PHRASES) add(n, { kind: "block", candidates: [] });

  // German copy declines a one-word place: the genitive takes an s ("Großbritanniens Pubs", "Englands
  // Teilnahme") and a city's adjective an er ("ein Belfaster Restaurant", "die Londoner Polizei"). Read in
  // German copy only, and not where the form is an English word ("Hamm" → "Hammer").
  for (const [k, node] of [...root]) {
    if (/[sxzß]$/.test(k)) continue;
    for (const e of [...(node.entries ?? [])]) {
      if (e.kind !== "country" && e.kind !== "region" && e.kind !== "city") continue;
      if (e.datelineOnly || e.wordy || e.person || e.upperOnly || e.lowercase || (e.languages && !e.languages.includes("de"))) continue;
      // One-word names only: the endings decline the name, not a phrase's last word.
      if (/[^\p{L}]/u.test(e.name)) continue;
      for (const form of e.kind === "city" ? ["s", "er"] : ["s"]) {
        if (vocab.has(k + form)) continue;
        // The key is the name's own plus the ending (both folded alike): inserted directly, since add()
        // tokenising some 13,000 names again doubled this step's cost.
        const into = nodeFor([k + form])!;
        into.entries ??= [];
        const same = into.entries.find((x) => x.kind === e.kind && String(x.languages) === "de");
        if (same) for (const c of e.candidates) if (!same.candidates.some((x) => x.code === c.code)) same.candidates.push(c);
        if (!same) into.entries.push({ name: e.name + form, kind: e.kind, candidates: [...e.candidates], languages: ["de"] });
      }
    }
  }

  // Last: every entry of these names is in by now, cities included.
  const entriesOf = (n: string) => {
    let map = root;
    let node: TrieNode | undefined;
    for (const k of phraseKey(n)) {
      node = map.get(k);
      if (!node) break;
      map = node.next ?? new Map();
    }
    return node?.entries ?? [];
  };
  for (const [language, names] of Object.entries(PLACE_NAMES_THAT_ARE_WORDS)) {
    for (const n of names) for (const e of entriesOf(n)) e.wordyIn = [...(e.wordyIn ?? []), language];
  }
  for (const [language, { names, prepositions }] of Object.entries(PLACE_NAMES_AFTER_PREPOSITIONS)) {
    for (const n of names) for (const e of entriesOf(n)) e.afterIn = { ...e.afterIn, [language]: prepositions };
  }
  return { root, countries, maxLength };
}

/** The country entry for an ISO code, for names in suggestions. */
export function countryName(code: string): string {
  return gazetteer().countries.get(code)?.name ?? code;
}

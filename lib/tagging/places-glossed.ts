// Places in copy in the beat's other languages that the gazetteer does not
// spell, read through the dictionary (gloss.ts) and found in the English
// gazetteer as English copy names them:
// - demonyms, in every case and number: "den Kolumbianern", "los
//   americanos", "американцами", "американців" (the gazetteer spells out a
//   few languages' demonyms, places-foreign.ts; the rest of the world's
//   would be thousands of forms a language);
// - a capitalised name the dictionary renders as a place: "в Мичигане" →
//   michigan, "у Техасі" → texas.
//
// A dictionary's sense can be slang or a figure of speech ("Einkaufswagen"
// is a British shopping trolley, "gringo" an American, "Китая" a whale's),
// so the word must look like what it is read as: a demonym must start as one
// of its country's names or demonyms does, in any language, read in Latin
// letters ("Kolumbianer" ~ Kolumbien, "американец" ~ American); a name must
// have the English name's first consonants ("Техасе" ~ Texas).
import gazetteerData from "./data/gazetteer.json";
import { gazetteer, type GazetteerCountry, type PlaceEntry, type TrieNode } from "./gazetteer";
import { canGloss, dictionaryOf, firstSense, glossWord, glossWritten } from "./gloss";
import { CYRILLIC_CITIES, CYRILLIC_COUNTRIES, CYRILLIC_DEMONYM_STEMS, COUNTRY_NAMES_IN_THEIR_LANGUAGE, LATIN_DEMONYMS, LATIN_PLACE_NAMES } from "./places-foreign";
import { CITY_ALIASES, EXTRA_COUNTRY_NAMES, EXTRA_DEMONYMS } from "./places-lexicon";
import { normalizeWord, type Word } from "./text";

/** Languages written in the Latin alphabet. */
const LATIN = new Set(["de", "es", "fr", "pt"]);
/** Letters a word and one of its country's names must start alike with. */
const PREFIX = 4;
/** Shorter words are left alone: "Ami", "Yank". */
const MIN_LENGTH = 5;

// Cyrillic in Latin letters, one spelling for both languages (г, и and я as Russian writes them): words
// of any language are compared here, where gloss.ts's ROMAN spells a name as English copy would.
const CYRILLIC_LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", є: "e", ж: "zh", з: "z", и: "i", і: "i", й: "i", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ь: "",
  ъ: "", ы: "i", э: "e", ю: "iu", я: "ia",
};

/** A word in Latin letters without marks, the spellings that differ between languages made one (c/k, ph/f, y/i). */
export function skeleton(word: string): string {
  const plain = word.toLowerCase().replace(/ß/g, "ss").normalize("NFD").replace(/\p{M}/gu, "");
  let latin = "";
  for (const ch of plain) latin += CYRILLIC_LATIN[ch] ?? ch;
  return latin.replace(/ph/g, "f").replace(/c(?!h)/g, "k").replace(/q/g, "k").replace(/y/g, "i").replace(/w/g, "v").replace(/[^a-z]/g, "");
}

let starts: Map<string, Set<string>> | undefined;

/** Each country's names and demonyms, every language the gazetteer has, by their first letters. */
function startsOf(code: string): Set<string> | undefined {
  if (!starts) {
    starts = new Map();
    const add = (c: string, names: Iterable<string>) => {
      let set = starts!.get(c);
      if (!set) starts!.set(c, (set = new Set()));
      for (const n of names) {
        const s = skeleton(n);
        if (s.length >= PREFIX) set.add(s.slice(0, PREFIX));
      }
    };
    for (const c of (gazetteerData as unknown as { countries: GazetteerCountry[] }).countries) {
      add(c.code, [c.name, ...c.names, ...c.foreign, ...c.demonyms, ...(c.demonymsFr ?? [])]);
    }
    // Also the names of a country's parts that have demonyms of their own: "schottischen" is Scottish, so British.
    const tables = [CYRILLIC_COUNTRIES, CYRILLIC_CITIES, CYRILLIC_DEMONYM_STEMS, LATIN_DEMONYMS, LATIN_PLACE_NAMES, EXTRA_COUNTRY_NAMES, EXTRA_DEMONYMS, CITY_ALIASES];
    for (const table of [...tables, ...Object.values(COUNTRY_NAMES_IN_THEIR_LANGUAGE)]) {
      for (const [code, names] of Object.entries(table)) add(code, names);
    }
  }
  return starts.get(code);
}

/** The first consonants of a word in Latin letters: "Техасе" and "Texas" are both tks. */
function consonants(word: string): string {
  return skeleton(word).replace(/x/g, "ks").replace(/([kszt])h/g, "$1").replace(/[aeiou]/g, "").replace(/(.)\1+/g, "$1").slice(0, 3);
}

const NO_NODES: ReadonlyMap<string, TrieNode> = new Map();

/** The gazetteer's node for an English phrase ("colombian", "north korean", "michigan"). */
function englishNode(english: string): TrieNode | undefined {
  let node: TrieNode | undefined;
  let level: ReadonlyMap<string, TrieNode> = gazetteer().root;
  for (const part of english.split(" ")) {
    node = level.get(normalizeWord(part));
    if (!node) return undefined;
    level = node.next ?? NO_NODES;
  }
  return node;
}

/** A demonym as English copy reads it ("Colombian"), not one of another language's the gazetteer spells out. */
const englishDemonym = (e: PlaceEntry) => e.kind === "demonym" && !e.languages && !e.lowercase;

/** A name English copy counts wherever it stands: no dateline-only town, no English word, surname or ambiguous name. */
const plainName = (e: PlaceEntry) =>
  (e.kind === "country" || e.kind === "region" || e.kind === "city") &&
  !e.languages && !e.lowercase && !e.datelineOnly && !e.wordy && !e.person && !e.upperOnly && !e.ambiguous;

const entriesByCode = new Map<string, PlaceEntry[]>();
const decided = new Map<string, Map<string, PlaceEntry[] | null>>();

function read(word: string, language: string): PlaceEntry[] | null {
  const english = glossWord(word, language);
  const node = english ? englishNode(english) : undefined;
  if (!node?.entries) return null;
  const demonym = node.entries.find(englishDemonym);
  if (demonym) {
    // The likeliest country, as English copy reads it ("American": the United States before the Northern Marianas).
    const code = demonym.candidates[0]?.code;
    if (!code) return null;
    if (!startsOf(code)?.has(skeleton(word).slice(0, PREFIX))) return null;
    let entries = entriesByCode.get(code);
    if (!entries) entriesByCode.set(code, (entries = [{ kind: "demonym", name: english!, candidates: [{ code, population: 0, capital: false }], lowercase: true }]));
    return entries;
  }
  // Names are capitalised: a lower-case word read as a place is a common word ("китайский" aside, a demonym).
  if (word[0] === word[0]!.toLowerCase() || !node.entries.every(plainName)) return null;
  // Latin-script copy inflects a name seldom, and its stems join names to places by chance ("Navarro" →
  // Navarre, "Francis" → France): a name is read as the dictionary writes it, or as a German genitive.
  const genitive = language === "de" ? /^(.{4,}?)e?s$/u.exec(word)?.[1] : undefined;
  if (LATIN.has(language) && glossWritten(word, language) !== english && !(genitive && glossWritten(genitive, language) === english)) return null;
  const c = consonants(word);
  return c.length === 3 && c === consonants(english!) ? node.entries : null;
}

const placeStarts = new Map<string, Set<string>>();

/**
 * The first letters of every word of the language's dictionary that reads as
 * a place or demonym. A word's stem starts as the word does, so a word of
 * copy that starts otherwise is passed over without being stemmed: places
 * are read over the whole story, and Snowball costs microseconds a word.
 */
function placeStartsOf(language: string): Set<string> {
  let set = placeStarts.get(language);
  if (!set) {
    set = new Set();
    const placeish = new Map<string, boolean>();
    for (const [key, senses] of dictionaryOf(language)) {
      const english = firstSense(senses);
      let yes = placeish.get(english);
      if (yes === undefined) {
        const entries = englishNode(english)?.entries;
        placeish.set(english, (yes = entries?.some((e) => englishDemonym(e) || plainName(e)) ?? false));
      }
      if (yes) set.add(normalizeWord(key).slice(0, PREFIX));
    }
    placeStarts.set(language, set);
  }
  return set;
}

/** German compounds of a demonym ("nordkoreanischen", "südamerikanische") start as no dictionary demonym does. */
const GERMAN_COMPASS = /^(?:nord|sud|west|ost)/;
/**
 * Whether a word of copy in `language` may be read as a place: the cheap
 * test before glossedPlace, which every word of a story would otherwise pay
 * for. Kept on the shared word for the language last asked about: a desk's
 * copy of one language repeats its words.
 */
export function mayBeGlossedPlace(word: Word, language: string): boolean {
  if (word.placeLanguage === language) return word.mayPlace!;
  const norm = word.norm;
  const yes =
    language !== "en" &&
    canGloss(language) &&
    norm.length >= MIN_LENGTH &&
    (placeStartsOf(language).has(norm.slice(0, PREFIX)) || (language === "de" && GERMAN_COMPASS.test(norm)));
  word.mayPlace = yes;
  word.placeLanguage = language;
  return yes;
}

/**
 * The gazetteer entries a word of copy in `language` stands for, read
 * through the dictionary, or undefined. A name's entries are the English
 * gazetteer's (so `kind` tells a demonym from a name); a caller reads a
 * name beside another capitalised word as a person's ("Wladimir Putin",
 * "Bernie Sanders"), since Vladimir and Bern are towns. The same array for
 * every word read as one name, as the trie gives one array a name.
 */
export function glossedPlace(word: string, language: string): PlaceEntry[] | undefined {
  if (language === "en" || word.length < MIN_LENGTH || !canGloss(language)) return undefined;
  let seen = decided.get(language);
  if (!seen) decided.set(language, (seen = new Map()));
  let out = seen.get(word);
  if (out === undefined) {
    out = read(word, language);
    if (seen.size >= 50_000) seen.clear();
    seen.set(word, out);
  }
  return out ?? undefined;
}

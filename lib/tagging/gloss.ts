// Copy in German, Spanish, French, Portuguese, Russian or Ukrainian read word
// by word into English, so that the English topic model (and its word
// vectors) can read it: "Los bomberos apagaron el incendio" → "firefighter
// extinguish fire". The topic model learnt English only; before this, copy in
// another language had only the cue lists, and on SIB-200's sentences the
// tagger abstained on 44–81% of them against 13% in English (decision 024).
// A word is looked up as written and by its Snowball stem (the copy's
// inflections, Russian and Ukrainian cases too) in data/dictionaries.json,
// made from Wiktionary's translations and glosses by
// scripts/build-dictionaries.ts. A key holds up to three English words, its
// most voted first; another is read only where the copy's other words speak
// for it (chooseSenses): "partido" is a party, and a match in a football
// report.
import dictionaryData from "./data/dictionaries.json";
import { GLOSS_STEMMERS, glossFold, type DictionariesFile } from "./gloss-stemmers";
import { normalizeWord } from "./text";
import { addVector, dotVector, wordVectors, type WordVectors } from "./word-vectors";

export { GLOSS_STEMMERS, type DictionariesFile };

/** Words of a field read: the topic model reads a headline and the body's first 120 words. */
const MAX_WORDS = 160;
/** Words looked up, kept per language: a desk's copy repeats its words, and a Snowball stem costs microseconds. */
const CACHE_MAX = 100_000;
const cache = new Map<string, Map<string, Parts | null>>();
const WORD = /\p{L}+/gu;
/** Ukrainian writes an apostrophe inside words ("з'явилася", "прем'єр"); French's elide ("l'homme") and stay apart. */
const WORD_APOSTROPHE = /\p{L}+(?:['’ʼ]\p{L}+)*/gu;

export interface Gloss {
  /** The English words, separated by spaces. */
  text: string;
  /** Each English word's span in `text`, and the span of the word it translates in the field. */
  words: { start: number; end: number; from: number; to: number }[];
}

const file = dictionaryData as unknown as DictionariesFile;
if (file.version !== 2 || typeof file.languages !== "object") throw new Error("dictionaries.json: not a version 2 file of languages");

// A language's words become a Map when its first copy is read. Six languages
// as JSON objects cost a process 260–350 ms and 29 MiB to load, most desks
// read one or two of them, and a Map looks up as fast.
const maps = new Map<string, ReadonlyMap<string, string>>();
function wordsOf(language: string): ReadonlyMap<string, string> {
  let words = maps.get(language);
  if (!words) {
    const m = new Map<string, string>();
    for (const line of file.languages[language]!.split("\n")) {
      const tab = line.indexOf("\t");
      if (tab > 0) m.set(line.slice(0, tab), line.slice(tab + 1));
    }
    maps.set(language, (words = m));
  }
  return words;
}

/** A language's dictionary: each word as written or by its stem, and its English. */
export const dictionaryOf = (language: string): ReadonlyMap<string, string> => wordsOf(language);

/** Whether copy in this language can be read into English. */
export const canGloss = (language: string | undefined): language is string => language !== undefined && Object.hasOwn(file.languages, language);

/** Plurals of Spanish, French and Portuguese, which Snowball leaves whole in short words ("islas", "años"). */
const PLURAL_S = new Set(["es", "fr", "pt"]);
/** Stems shorter than this are not looked up. */
const MIN_STEM = 2;
/** A German compound's parts are looked up from this length: shorter ones match by chance ("Ost", "Tee"). */
const PART_MIN = 4;

/** A key's first, most voted sense ("party|part|game" → party). */
export const firstSense = (senses: string): string => {
  const bar = senses.indexOf("|");
  return bar < 0 ? senses : senses.slice(0, bar);
};

/** A word's senses as written (a headword: Russian "остров", island, which Snowball stems to "остр", sharp), else by its stem. */
const known = (words: ReadonlyMap<string, string>, stem: (w: string) => string, w: string): string | undefined => words.get(w) ?? words.get(stem(w));

/**
 * A word's English, or null: as written or by its stem; else, in the Romance
 * languages, by its singular; in German by the infinitive of a verb's "-t"
 * form ("fliegt", "gebucht") and by a compound's parts.
 */
function lookUp(words: ReadonlyMap<string, string>, stem: (w: string) => string, lower: string, language: string): string | null {
  const written = words.get(lower);
  if (written !== undefined) return written;
  const stemmed = stem(lower);
  // A stem of one letter is no word's: Russian "ею" (her) stems to "е", and "е" with a verb's ending is a vulgar word.
  if (stemmed.length < MIN_STEM) return null;
  if (LEMMA_ENDINGS[language]) {
    const byLemma = lemma(words, stemmed, lower, language);
    if (byLemma !== undefined) return byLemma;
  }
  const en = words.get(stemmed);
  if (en !== undefined) return en;
  if (PLURAL_S.has(language) && lower.endsWith("s")) return known(words, stem, lower.slice(0, -1)) ?? null;
  if (LEMMA_ENDINGS[language]) return fleeting(words, stemmed);
  if (language !== "de") return null;
  if (lower.endsWith("t")) {
    const base = lower.replace(/^ge(?=\p{L}{4})/u, "").replace(/e?t$/, "");
    const verb = known(words, stem, `${base}en`);
    if (verb !== undefined) return verb;
  }
  return compound(words, stem, lower);
}

/**
 * Endings of Russian and Ukrainian headwords: nouns', adjectives' and verbs'
 * dictionary forms. A word's Snowball stem is shared by words of several
 * meanings (здоровье, health; здорово, great; летний, summer; летать, to
 * fly), and the dictionary keeps one sense a stem; the headwords themselves
 * are kept as written.
 */
const LEMMA_ENDINGS: Record<string, string[]> = {
  ru: ["", "а", "я", "о", "е", "ь", "й", "ие", "ье", "ия", "ий", "ый", "ой", "ть", "ться", "ти"],
  uk: ["", "а", "я", "о", "е", "ь", "й", "ія", "ий", "ій", "ти", "тися", "ння", "'я"],
};

/**
 * A Russian or Ukrainian word by the headword of its stem that it shares
 * most letters with ("здоровьем" → здоровье, not здорово; "летние" →
 * летний, not летать), or undefined when no headword has the stem.
 */
function lemma(words: ReadonlyMap<string, string>, stem: string, lower: string, language: string): string | undefined {
  let best: string | undefined;
  let bestShared = -1;
  for (const e of LEMMA_ENDINGS[language]!) {
    const en = words.get(stem + e);
    if (en === undefined) continue;
    const head = stem + e;
    let shared = stem.length;
    while (shared < head.length && shared < lower.length && head[shared] === lower[shared]) shared++;
    if (shared > bestShared) [best, bestShared] = [en, shared];
  }
  // A plural's case ("выборов", "виборах") is read by a plural headword where the dictionary has one:
  // выборы are elections, выбор a choice.
  if (PLURAL_CASE[language]!.test(lower)) for (const e of PLURAL_HEADWORD[language]!) best = words.get(stem + e) ?? best;
  return best;
}

/** Endings only a plural's cases have, and a plural headword's. */
const PLURAL_CASE: Record<string, RegExp> = { ru: /(?:ов|ев|ам|ям|ами|ями|ах|ях)$/, uk: /(?:ів|їв|ам|ям|ами|ями|ах|ях)$/ };
const PLURAL_HEADWORD: Record<string, string[]> = { ru: ["и", "ы"], uk: ["і", "и"] };

/**
 * A Ukrainian or Russian noun in -ець/-ец loses its е in every other form
 * (американець → американців, німець → німців): such a stem is looked up
 * with it back.
 */
function fleeting(words: ReadonlyMap<string, string>, stem: string): string | null {
  if (!/[бвгґджзклмнпрстфхчшщ]ц$/.test(stem)) return null;
  const base = stem.slice(0, -1);
  return words.get(`${base}ець`) ?? words.get(`${base}ец`) ?? null;
}

/**
 * A German compound read by its parts, the modifiers' English before the
 * head's ("Pressekonferenz" → "press conference", "Parlamentswahlen" →
 * "parliament election"): the longest head the dictionary knows, then the
 * longest known start of what is left, a linking "s", "es", "n" or "en"
 * dropped. German writes its compounds as one word, so without this every
 * "Fußballnationalmannschaft" of a story went unread.
 */
function compound(words: ReadonlyMap<string, string>, stem: (w: string) => string, lower: string): string | null {
  if (lower.length < 2 * PART_MIN) return null;
  for (let i = PART_MIN; i <= lower.length - PART_MIN; i++) {
    const head = known(words, stem, lower.slice(i));
    if (head === undefined) continue;
    // Each part keeps its senses ("Wahl|kampf": choice|election, fight|campaign), chosen by the story as other words are.
    const rest = lower.slice(0, i);
    for (let j = rest.length; j >= PART_MIN; j--) {
      const part = rest.slice(0, j);
      const linked = rest.slice(j);
      if (linked && !/^(?:s|es|n|en|e)$/.test(linked)) continue;
      const modifier = known(words, stem, part);
      if (modifier === undefined) continue;
      return firstSense(modifier) === firstSense(head) ? head : `${modifier} ${head}`;
    }
    // A modifier that is itself a compound ("Fußballnational|mannschaft").
    const modifiers = compound(words, stem, rest);
    return modifiers ? `${modifiers} ${head}` : head;
  }
  return null;
}

/** Languages written in the Latin alphabet, whose names and loanwords English writes alike. */
const LATIN = new Set(["de", "es", "fr", "pt"]);

/**
 * A word no dictionary renders, kept as it is where English has it too:
 * names and loanwords ("Nadal", "Alonso", "rugby", "slalom"), which say
 * much of a brief's subject and which the word vectors know. Left out
 * before, a Spanish tennis brief lost its player's name and read as
 * nothing.
 */
function passThrough(lower: string, language: string, capital: boolean): string | null {
  let w: string;
  if (LATIN.has(language)) w = normalizeWord(lower);
  // A Russian or Ukrainian name in the letters English copy writes it in ("Алонсо" → alonso, "Масса" →
  // massa); names only, since a common word spelt in Latin letters is seldom its English.
  else if (capital && (language === "ru" || language === "uk")) w = [...lower].map((c) => ROMAN[language]![c] ?? c).join("");
  else return null;
  return wordVectors().index.has(w) ? w : null;
}

// Russian and Ukrainian letters as English copy spells names (Russian г and и are g and i, Ukrainian h and y).
const ROMAN_COMMON: Record<string, string> = {
  а: "a", б: "b", в: "v", д: "d", е: "e", ж: "zh", з: "z", й: "y", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s",
  т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ь: "", ю: "yu", я: "ya",
};
const ROMAN: Record<string, Record<string, string>> = {
  ru: { ...ROMAN_COMMON, г: "g", и: "i", ё: "yo", ы: "y", э: "e", ъ: "" },
  uk: { ...ROMAN_COMMON, г: "h", ґ: "g", и: "y", і: "i", ї: "i", є: "ye" },
};

/** A word's English: one part, or a German compound's parts, each its senses, most voted first. */
type Parts = readonly (readonly string[])[];

/**
 * A word's English through the language's cache (split once: a desk's copy repeats its words; never
 * changed in place); a capitalised word may be a name the dictionary lacks, so it has its own entry.
 */
function englishOf(
  seen: Map<string, Parts | null>,
  words: ReadonlyMap<string, string>,
  stem: (w: string) => string,
  lower: string,
  language: string,
  capital: boolean,
): Parts | null {
  const key = capital ? `^${lower}` : lower;
  let parts = seen.get(key);
  if (parts === undefined) {
    if (seen.size >= CACHE_MAX) seen.clear();
    const en = lookUp(words, stem, lower, language) ?? passThrough(lower, language, capital);
    seen.set(key, (parts = en === null ? null : en.split(" ").map((part) => part.split("|"))));
  }
  return parts;
}

function seenOf(language: string): Map<string, Parts | null> {
  let seen = cache.get(language);
  if (!seen) cache.set(language, (seen = new Map()));
  return seen;
}

/** One word of copy in `language` (as written, any case) read into English by its first sense, or null; glossField's reading without context. */
export function glossWord(word: string, language: string): string | null {
  if (!canGloss(language)) return null;
  const cased = word.toLowerCase();
  const parts = englishOf(seenOf(language), wordsOf(language), GLOSS_STEMMERS[language]!, glossFold(language, cased), language, cased !== word);
  return parts ? parts.map((senses) => senses[0]!).join(" ") : null;
}

/** A word's English (first sense) only where the dictionary has it as written (a headword or one of its forms), not by its stem; null otherwise. */
export function glossWritten(word: string, language: string): string | null {
  const senses = canGloss(language) ? wordsOf(language).get(glossFold(language, word.toLowerCase())) : undefined;
  return senses === undefined ? null : firstSense(senses);
}

/** A field of copy in `language` read into English, its function words (`stop`) left out; null for a language without a dictionary. */
export function glossField(text: string, language: string, stop?: ReadonlySet<string>): Gloss | null {
  return glossFields([text], language, stop)?.[0] ?? null;
}

/** A word of copy read: its English senses (most voted first), and its span in the field. */
interface Read {
  senses: readonly string[];
  from: number;
  to: number;
}

/**
 * Fields of one story in `language` read into English, each word's sense
 * chosen by the story's other words (chooseSenses); null for a language
 * without a dictionary.
 */
export function glossFields(texts: string[], language: string, stop?: ReadonlySet<string>): Gloss[] | null {
  if (!canGloss(language)) return null;
  const words = wordsOf(language);
  const stem = GLOSS_STEMMERS[language]!;
  const seen = seenOf(language);
  const fields: Read[][] = texts.map((text) => {
    const reads: Read[] = [];
    let n = 0;
    for (const m of text.matchAll(language === "uk" ? WORD_APOSTROPHE : WORD)) {
      if (n++ >= MAX_WORDS) break;
      const cased = m[0].toLowerCase();
      if (stop?.has(cased)) continue;
      // A compound's English words each stand for the one word of the copy.
      const parts = englishOf(seen, words, stem, glossFold(language, cased), language, cased !== m[0]);
      if (parts) for (const senses of parts) reads.push({ senses, from: m.index, to: m.index + m[0].length });
    }
    return reads;
  });
  chooseSenses(fields.flat());
  return fields.map((reads) => {
    const out: Gloss = { text: "", words: [] };
    for (const r of reads) {
      const word = r.senses[0]!;
      const start = out.text.length ? out.text.length + 1 : 0;
      out.text += out.text.length ? ` ${word}` : word;
      out.words.push({ start, end: start + word.length, from: r.from, to: r.to });
    }
    return out;
  });
}

/**
 * How much nearer the story's words (cosine of word vectors) another sense
 * must be than the first to be read instead: the first is the dictionaries'
 * most voted, right most of the time. Chosen with FREQUENT on SIB-200's
 * train split and NTREX-128 among 0.05, 0.1 and 0.15 (decision 024,
 * seventeenth addendum).
 */
const SENSE_MARGIN = 0.15;
/** The vectors are centred on the mean of this many of the most frequent words (of 1,000, 5,000, 20,000 and all 50,000). */
const FREQUENT = 5_000;

/**
 * Each word of several senses read by the one nearest the story's words of
 * one sense: the sum of their centred unit vectors. "el partido de fútbol"
 * reads game, "el partido socialista" party. A word's other occurrences
 * and other words of several senses are left out of that sum, so that a
 * word repeated does not vote for its own first sense. Leaves each read's
 * chosen sense alone in its list.
 */
function chooseSenses(reads: Read[]): void {
  if (!reads.some((r) => r.senses.length > 1)) return;
  const v = wordVectors();
  const c = centredOf(v);
  // The sum of the centred unit vectors, (b·scale − mean)/norm each: the bytes' part first, the mean's once at the end.
  const context = new Float64Array(v.dims);
  let weights = 0;
  for (const r of reads) {
    if (r.senses.length === 1) weights += addScaled(v, c, r.senses[0]!, context);
  }
  if (!weights) return;
  let square = 0;
  let meanAt = 0;
  for (let d = 0; d < v.dims; d++) {
    context[d]! -= weights * c.mean[d]!;
    square += context[d]! * context[d]!;
    meanAt += c.mean[d]! * context[d]!;
  }
  const margin = SENSE_MARGIN * Math.sqrt(square);
  for (const r of reads) {
    if (r.senses.length < 2) continue;
    let best = 0;
    let bestScore = cosine(v, c, r.senses[0]!, context, meanAt) + margin;
    for (let i = 1; i < r.senses.length; i++) {
      const score = cosine(v, c, r.senses[i]!, context, meanAt);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (best) r.senses = [r.senses[best]!];
  }
}

/**
 * Word vectors share a common direction that frequent words lie along, so
 * that a generic sense ("official", "interest") is near any news story's
 * words; measured from the frequent words' mean, a specific one ("judge")
 * is nearer its story's. So the vectors are read centred and at unit
 * length, computed from the shipped bytes as they are met (kept as floats,
 * 50,000 of them would cost a process 40 MB).
 */
interface Centred {
  mean: Float64Array;
  /** Each row's length once centred; NaN until first asked. */
  norms: Float32Array;
}
let centred: Centred | undefined;
function centredOf(v: WordVectors): Centred {
  if (!centred) {
    const rows = v.index.size;
    const mean = new Float64Array(v.dims);
    const top = Math.min(rows, FREQUENT);
    for (let r = 0; r < top; r++) addVector(v, r, 1 / top, mean);
    centred = { mean, norms: new Float32Array(rows).fill(Number.NaN) };
  }
  return centred;
}

/** A row's length, centred. */
function normOf(v: WordVectors, c: Centred, i: number): number {
  let n = c.norms[i]!;
  if (Number.isNaN(n)) {
    const base = i * v.dims;
    const scale = v.scales[i]!;
    let sum = 0;
    for (let d = 0; d < v.dims; d++) sum += (v.bytes[base + d]! * scale - c.mean[d]!) ** 2;
    c.norms[i] = n = Math.sqrt(sum) || 1;
  }
  return n;
}

/** acc += a word's bytes × scale / centred length; returns 1 / centred length (the mean's share, taken off once), 0 for a word the vectors lack. */
function addScaled(v: WordVectors, c: Centred, word: string, acc: Float64Array): number {
  const i = v.index.get(word);
  if (i === undefined) return 0;
  const inverse = 1 / normOf(v, c, i);
  addVector(v, i, inverse, acc);
  return inverse;
}

/** A word's centred unit vector dotted with `w`, whose dot with the mean is `meanAt`; -Infinity for a word the vectors lack. */
function cosine(v: WordVectors, c: Centred, word: string, w: Float64Array, meanAt: number): number {
  const i = v.index.get(word);
  if (i === undefined) return Number.NEGATIVE_INFINITY;
  return (dotVector(v, i, w, 0, 1) - meanAt) / normOf(v, c, i);
}

/** The field's own words behind a span of the gloss, as evidence quotes them; null when the span covers no word. */
export function glossedSpan(g: Gloss, field: string, start: number, end: number): { text: string; start: number; end: number } | null {
  const covered = g.words.filter((w) => w.end > start && w.start < end);
  if (!covered.length) return null;
  const from = covered[0]!.from;
  const to = covered[covered.length - 1]!.to;
  return { text: field.slice(from, to), start: from, end: to };
}

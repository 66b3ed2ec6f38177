// Which language an item is written in: the one its input names (ninjs
// `language`, a feed's xml:lang or <language>, a page's <html lang>), checked
// against the text, else the one the text shows. Stored as an ISO 639-1 code
// (639-3 where a language has no two-letter code), the form ninjs and BCP 47
// use for a primary language subtag.
//
// The detector is ELD (Nito-ELD, Apache-2.0): a byte n-gram model that tells
// the languages of the beat apart on a headline alone (Ukrainian from Russian,
// Spanish from Catalan, Portuguese from Galician, where franc's trigrams did
// not on short text). Its smallest database: on 6,000 Reuters stories it
// called 97.4% English, left 2.6% (tables, all-capital notes) unsaid and got
// 2 wrong, where the medium one got 21 wrong ("tl") for 0.4 points more, at
// three times the memory (190 MiB against 57) and 0.13 ms a story against
// 0.09. It ships as an ES module only, so it is loaded by import(), which
// the CommonJS processes (the CLI and the server under tsx) can use too:
// loadLanguageDetector() once, before the first item (parseInputAsync does).

import { isLanguageCode } from "../schemas/vocabulary";

type Detector = (typeof import("eld/extrasmall"))["eld"];
let detector: Detector | undefined;
let loading: Promise<void> | undefined;

/** Loads the detector's n-grams (about 0.2 s, once a process). */
export function loadLanguageDetector(): Promise<void> {
  loading ??= import("eld/extrasmall").then((m) => {
    detector = m.eld;
  });
  return loading;
}

function loadedDetector(): Detector {
  if (!detector) throw new Error("the language detector is not loaded yet: await loadLanguageDetector() first");
  return detector;
}

/** Characters of headline and body the detector reads: enough to be sure, bounded for long bodies. */
const SAMPLE_CHARS = 2_000;
/** Fewer letters than this and the text says too little to overrule or replace a label. */
const MIN_LETTERS = 12;
/**
 * How much better the text must score in another language to overrule the
 * input's label. Close languages score near each other (Ukrainian text scores
 * 0.84 Ukrainian and 0.78 Russian, Catalan 0.83 Catalan and 0.72 Spanish) and
 * the publisher usually knows; a feed labelled "en" for all its items that
 * carries a Spanish one scores about 0.81 against 0.52.
 */
const OVERRULE_MARGIN = 0.1;

// Three-letter codes (ISO 639-2/B, 639-2/T and 639-3) that inputs use for the two-letter ones.
const THREE_TO_TWO: Record<string, string> = {
  eng: "en", spa: "es", ukr: "uk", rus: "ru", fra: "fr", fre: "fr", deu: "de", ger: "de", por: "pt",
  ita: "it", cat: "ca", glg: "gl", eus: "eu", baq: "eu", nld: "nl", dut: "nl", pol: "pl", ron: "ro",
  rum: "ro", bel: "be", ara: "ar", zho: "zh", chi: "zh", jpn: "ja", tur: "tr", heb: "he", ell: "el", gre: "el",
};

/**
 * A language label as the store keeps it: "es-ES", "es_ES", "ES" and "spa"
 * are all "es". Undefined for a label that names no language ("x-klingon",
 * "english", "12").
 */
export function languageCode(raw: string | undefined | null): string | undefined {
  const m = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9-_]*)?\s*$/.exec(raw ?? "");
  if (!m) return undefined;
  const code = m[1]!.toLowerCase();
  const two = code.length === 3 ? (THREE_TO_TWO[code] ?? code) : code;
  return isLanguageCode(two) ? two : undefined;
}

export type LanguageSource = "given" | "detected" | "corrected" | "none";

export interface LanguageFinding {
  /** ISO 639-1 code; undefined when neither the input nor the text says. */
  code: string | undefined;
  /** given: the input's label, the text agreeing or too short to tell; detected: no label; corrected: the text overruled the label. */
  how: LanguageSource;
}

const LETTER = /\p{L}/gu;

/** The language of one item, from its label and its text. */
export function identifyLanguage(text: { headline: string; bodyText: string }, label?: string): LanguageFinding {
  const given = languageCode(label);
  const sample = `${text.headline}\n${text.bodyText.slice(0, SAMPLE_CHARS)}`;
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters < MIN_LETTERS) return given ? { code: given, how: "given" } : { code: undefined, how: "none" };
  const result = loadedDetector().detect(sample);
  const detected = result.isReliable() && result.language ? result.language : undefined;
  if (!given) return detected ? { code: detected, how: "detected" } : { code: undefined, how: "none" };
  if (!detected || detected === given) return { code: given, how: "given" };
  const scores = result.getScores() as Record<string, number>;
  return (scores[detected] ?? 0) - (scores[given] ?? 0) >= OVERRULE_MARGIN
    ? { code: detected, how: "corrected" }
    : { code: given, how: "given" };
}

/** The item with its language settled (the field the store keeps). */
export function withLanguage<T extends { headline: string; bodyText: string; language?: string }>(a: T): T {
  const { code } = identifyLanguage(a, a.language);
  const out = { ...a };
  if (code) out.language = code;
  else delete out.language;
  return out;
}

// Copy in German, Spanish, French, Portuguese, Russian or Ukrainian read word
// by word into English, so that the English topic model (and its word
// vectors) can read it: "Los bomberos apagaron el incendio" → "firefighter
// extinguish fire". The topic model learnt English only; before this, copy in
// another language had only the cue lists, and on SIB-200's sentences the
// tagger abstained on 44–81% of them against 13% in English (decision 024).
// A word is looked up by its Snowball stem (the copy's inflections, Russian
// and Ukrainian cases too) in data/dictionaries.json, made from Wiktionary's
// translations by scripts/build-dictionaries.ts. One English word a stem, no
// sense chosen by context: crude, and enough for a topic.
import dictionaryData from "./data/dictionaries.json";
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as spanish } from "@orama/stemmers/spanish";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as portuguese } from "@orama/stemmers/portuguese";
import { stemmer as russian } from "@orama/stemmers/russian";
import { stemmer as ukrainian } from "@orama/stemmers/ukrainian";

/** The stemmer a language's words are looked up by, in building and in reading. */
export const GLOSS_STEMMERS: Record<string, (word: string) => string> = { de: german, es: spanish, fr: french, pt: portuguese, ru: russian, uk: ukrainian };

export interface DictionariesFile {
  version: 1;
  source: string;
  /** Per language, stem → English word. */
  languages: Record<string, Record<string, string>>;
}

/** Words of a field read: the topic model reads a headline and the body's first 120 words. */
const MAX_WORDS = 160;
/** Words looked up, kept per language: a desk's copy repeats its words, and a Snowball stem costs microseconds. */
const CACHE_MAX = 100_000;
const cache = new Map<string, Map<string, string | null>>();
const WORD = /\p{L}+/gu;

export interface Gloss {
  /** The English words, separated by spaces. */
  text: string;
  /** Each English word's span in `text`, and the span of the word it translates in the field. */
  words: { start: number; end: number; from: number; to: number }[];
}

const file = dictionaryData as unknown as DictionariesFile;
if (file.version !== 1 || typeof file.languages !== "object") throw new Error("dictionaries.json: not a version 1 file of languages");

/** Whether copy in this language can be read into English. */
export const canGloss = (language: string | undefined): language is string => language !== undefined && Object.hasOwn(file.languages, language);

/** A field of copy in `language` read into English, its function words (`stop`) left out; null for a language without a dictionary. */
export function glossField(text: string, language: string, stop?: ReadonlySet<string>): Gloss | null {
  if (!canGloss(language)) return null;
  const words = file.languages[language]!;
  const stem = GLOSS_STEMMERS[language]!;
  let seen = cache.get(language);
  if (!seen) cache.set(language, (seen = new Map()));
  const out: Gloss = { text: "", words: [] };
  let n = 0;
  for (const m of text.matchAll(WORD)) {
    if (n++ >= MAX_WORDS) break;
    const lower = m[0].toLowerCase();
    if (stop?.has(lower)) continue;
    let en = seen.get(lower);
    if (en === undefined) {
      if (seen.size >= CACHE_MAX) seen.clear();
      seen.set(lower, (en = words[stem(lower)] ?? null));
    }
    if (!en) continue;
    const start = out.text.length ? out.text.length + 1 : 0;
    out.text += out.text.length ? ` ${en}` : en;
    out.words.push({ start, end: start + en.length, from: m.index, to: m.index + m[0].length });
  }
  return out;
}

/** The field's own words behind a span of the gloss, as evidence quotes them; null when the span covers no word. */
export function glossedSpan(g: Gloss, field: string, start: number, end: number): { text: string; start: number; end: number } | null {
  const covered = g.words.filter((w) => w.end > start && w.start < end);
  if (!covered.length) return null;
  const from = covered[0]!.from;
  const to = covered[covered.length - 1]!.to;
  return { text: field.slice(from, to), start: from, end: to };
}

// The stemmers the dictionaries are keyed by, and the file's shape: shared by
// gloss.ts, which reads dictionaries.json, and scripts/build-dictionaries.ts,
// which writes it (and must not need it to exist).
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as spanish } from "@orama/stemmers/spanish";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as portuguese } from "@orama/stemmers/portuguese";
import { stemmer as russian } from "@orama/stemmers/russian";
import { stemmer as ukrainian } from "@orama/stemmers/ukrainian";

/** The stemmer a language's words are looked up by, in building and in reading. */
export const GLOSS_STEMMERS: Record<string, (word: string) => string> = { de: german, es: spanish, fr: french, pt: portuguese, ru: russian, uk: ukrainian };

export interface DictionariesFile {
  version: 2;
  source: string;
  /** Per language, "key\tEnglish" lines, sorted; a key is a stem or a headword as written. */
  languages: Record<string, string>;
}

/**
 * A word as the dictionaries key it, built and read alike: Russian ё as е,
 * since copy mostly writes е (NTREX-128's Russian has 7 ё in 1,997 lines,
 * OpenRussian's headwords 868 words with it), and Ukrainian's apostrophes as
 * one ("пам’ять", "пам'ять").
 */
export function glossFold(language: string, word: string): string {
  if (language === "ru") return word.replace(/ё/g, "е");
  if (language === "uk") return word.replace(/[’ʼ]/g, "'");
  return word;
}

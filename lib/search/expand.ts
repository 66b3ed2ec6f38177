// The queue's search across the beat's languages, server side: each word of
// a query also matches its inflected forms and the other names of a place.
//
// The stores index words as written (folded, not stemmed: decision 006), so
// the forms are added to the query instead: a word's stem under each
// language's Snowball stemmer, as a prefix ("detenidos" → deten*, finding
// "detenido", "detenida"; "arrested" → arrest*), and a place's names in other
// scripts and spellings with their case forms ("Kyiv" → Київ, Києві, Киев …).
// One query finds copy in every language it matches, on both stores, through
// the same parsed query the excerpts and the tests' reading use.
//
// Stems shorter than four letters say too little ("Київ" → "ки") and are
// not used. A stem one letter short of the word, or under five letters, is
// added as a word, not a prefix: "banks" → bank, not bank*, which would find
// "bankrupt"; "madrid" → madr, not madr*, which would find "madre".
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as spanish } from "@orama/stemmers/spanish";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as portuguese } from "@orama/stemmers/portuguese";
import { stemmer as russian } from "@orama/stemmers/russian";
import { stemmer as ukrainian } from "@orama/stemmers/ukrainian";
import { foldWord, type SearchQuery, type SearchTerm } from "./query";
import { isCyrillic, PLACE_NAME_GROUPS, slavicForms } from "../tagging/places-foreign";

const LATIN_STEMMERS = [english, spanish, french, german, portuguese];
const CYRILLIC_STEMMERS = [russian, ukrainian];
const MIN_STEM = 4;
/** A stem stands as a prefix only from this length: "madr*" (from "madrid") would find "madre". */
const MIN_PREFIX_STEM = 5;
/** Variants kept for one word: a bound on the statement a query becomes. */
const MAX_VARIANTS = 32;

let placeForms: Map<string, string[]> | undefined;

/**
 * Folded form of any name (and case form) of a place → every form of every
 * name of it, in lower case as written: the stores fold Latin diacritics but
 * keep Cyrillic letters as they are (ї, й), so the forms go to them unfolded.
 */
function places(): Map<string, string[]> {
  if (placeForms) return placeForms;
  placeForms = new Map();
  for (const group of PLACE_NAME_GROUPS) {
    const forms = [...new Set(group.flatMap((n) => (isCyrillic(n) ? slavicForms(n) : [n])).map((f) => f.toLowerCase()))];
    // Only single words stand in for each other.
    const words = forms.filter((f) => /^[\p{L}\p{N}]+$/u.test(f));
    for (const f of words) placeForms.set(foldWord(f), words);
  }
  return placeForms;
}

/** The terms one word of a query stands for, the word itself first. */
export function wordVariants(t: SearchTerm): SearchTerm[] {
  if (t.words.length !== 1) return [t];
  const w = t.words[0]!;
  const folded = foldWord(w);
  const out: SearchTerm[] = [t];
  const seen = new Set([`${folded}|${t.prefix}`]);
  const push = (word: string, prefix: boolean) => {
    const f = foldWord(word);
    const key = `${f}|${prefix}`;
    // A prefix already wanted covers longer prefixes and the words that start with it.
    if (seen.has(key) || out.some((o) => o.prefix && f.startsWith(foldWord(o.words[0]!)))) return;
    seen.add(key);
    out.push({ words: [word], prefix });
  };
  for (const stem of (isCyrillic(w) ? CYRILLIC_STEMMERS : LATIN_STEMMERS).map((s) => s(w).toLowerCase())) {
    const s = foldWord(stem);
    if (s.length < MIN_STEM || s === folded || !folded.startsWith(s)) continue;
    push(stem, s.length >= MIN_PREFIX_STEM && folded.length - s.length >= 2);
  }
  for (const name of places().get(folded) ?? []) push(name, false);
  return out.slice(0, MAX_VARIANTS);
}

/** The query with each word standing for its variants (phrases stay as typed). */
export function expandSearch(s: SearchQuery): SearchQuery {
  return {
    all: s.all.map((group) => dedupe(group.flatMap(wordVariants))),
    none: dedupe(s.none.flatMap(wordVariants)),
  };
}

function dedupe(terms: SearchTerm[]): SearchTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const k = `${t.words.join(" ")}|${t.prefix}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

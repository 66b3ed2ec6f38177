// A light, inflectional English stemmer: plurals and -ed/-ing forms meet
// their base word ("arrests", "arrested", "arresting" → "arrest"; "companies"
// → "company") and a final e is dropped on both sides ("charge", "charged"
// → "charg"). Derivations stay apart: "importance" is not "import",
// "operation" is not "operating" (a Porter stemmer conflates them, and the
// topic lexicon then hears economy in "importance"). Words are lower case
// and ASCII-folded already; others pass through. Results are cached.

const cache = new Map<string, string>();
const MAX_CACHE = 100_000;

const VOWEL = /[aeiouy]/;
/** Plural-looking words that are not plurals. */
const KEEP_S = new Set(["news", "series", "species", "means", "politics", "economics", "physics", "athletics", "gas", "bus", "lens", "chaos", "atlas", "bias", "canvas", "analysis", "crisis", "basis", "thesis", "diabetes", "herpes", "arrears", "headquarters", "aids", "covid", "rabies", "mumps", "measles", "olympics", "paralympics"]);

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !/[aeiouylsz]/.test(w[n - 1]!)) return w.slice(0, -1);
  return w;
}

function dropE(w: string): string {
  return w.length > 3 && w.endsWith("e") ? w.slice(0, -1) : w;
}

function stemWord(word: string): string {
  let w = word;
  if (KEEP_S.has(w)) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|x|z|ch|sh)es$/.test(w) && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ied") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("ed") && !w.endsWith("eed") && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  return dropE(w);
}

/** Stem of a lower-case word; short words and words with digits or non-ASCII letters are kept. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let s = cache.get(word);
  if (s !== undefined) return s;
  s = /^[a-z]+$/.test(word) ? stemWord(word) : word;
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(word, s);
  return s;
}

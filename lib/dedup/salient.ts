import { hashWord, type Tokens } from "./tokens";

// The words that make a story this story and not another with the same
// wording: figures, names (and dates), rare words. Rewrites keep them while
// paraphrasing the rest; template notices ("Fed adds reserves via …",
// dividend declarations) keep the wording and change exactly these.

export const NONE = 0;
/** Digits, or a number word ("five", "half"): compared by value, so "five" equals "5". */
export const FIGURE = 1;
/** A capitalised word inside a sentence, or a month or weekday: people, places, companies, dates. */
export const NAME = 2;
/** A long lower-case word (9 letters or more): rarer than most, so shared ones say more. */
export const RARE = 3;

const NUMBER_WORDS: Record<string, string> = {
  zero: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10",
  eleven: "11", twelve: "12", twenty: "20", thirty: "30", forty: "40", fifty: "50", hundred: "100", half: "0.5", quarter: "0.25",
};
const DATE_WORDS = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]);
/** Capitalised words that name nothing in particular, or are on every wire story. */
const NOT_NAMES = new Set([
  "i", "the", "a", "an", "and", "of", "in", "on", "for", "to", "reuter", "reuters", "inc", "corp", "co", "ltd", "plc", "mr", "mrs", "ms", "dr",
  "said", "says", "he", "she", "it", "they", "we", "but", "this", "that",
]);
const UPPER = /\p{Lu}/u;

/** Per-word salience of a text, and the hashes that compare salient words (figures by value). */
export interface Salience {
  kinds: Uint8Array;
  /** Hash of each salient word as compared: figures by value, names and rare words by their normalised form; 0 elsewhere. */
  keys: Uint32Array;
}

/** The character before a word, skipping spaces, quotes and brackets: a sentence end or nothing means the word opens a sentence. */
function opensSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true; // a new line starts a paragraph or a headline
    if (c === 32 || c === 9 || c === 34 || c === 39 || c === 40 || c === 0x201c || c === 0x2018 || c === 0x2014 || c === 45) continue;
    return c === 46 || c === 33 || c === 63 || c === 58; // . ! ? :
  }
  return true;
}

// Word lists looked up by the hash tokenize gives a word: no string is built per word.
const NUMBER_BY_HASH = new Map(Object.entries(NUMBER_WORDS).map(([w, v]) => [hashWord(w), hashWord(`#${v}`)]));
const DATE_HASHES = new Set([...DATE_WORDS].filter((w) => w.length > 3).map(hashWord));
const NOT_NAME_HASHES = new Set([...NOT_NAMES].map(hashWord));

const isUpperAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(text[i] ?? "");
};

function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Salience of each of the first n words of a text tokenized as tokens. */
export function salience(text: string, tokens: Tokens, n = tokens.count): Salience {
  const kinds = new Uint8Array(n);
  const keys = new Uint32Array(n);
  const { starts, ends, hashes } = tokens;
  // Text set in capitals (a headline, an all-caps feed) says nothing by its capitals: only figures count there.
  let caps = 0;
  for (let i = 0; i < n; i++) {
    const from = starts[i] ?? 0;
    const to = ends[i] ?? 0;
    if (to - from > 1 && isUpperAt(text, from) && isUpperAt(text, to - 1)) caps++;
  }
  const capsText = caps > n * 0.5;
  for (let i = 0; i < n; i++) {
    const from = starts[i] ?? 0;
    const to = ends[i] ?? 0;
    const h = hashes[i] ?? 0;
    if (hasDigit(text, from, to)) {
      // "1.25", "2,400", "6-1/8": one figure over the words the tokenizer split it into.
      let j = i;
      while (j + 1 < n && (starts[j + 1] ?? 0) - (ends[j] ?? 0) === 1 && ".,/-".includes(text[ends[j] ?? 0] ?? " ") && hasDigit(text, starts[j + 1] ?? 0, ends[j + 1] ?? 0)) j++;
      const figure = text.slice(from, ends[j]).toLowerCase();
      const key = hashWord(`#${figure.replace(/,/g, "").replace(/^0+(?=\d)/, "")}`);
      for (let x = i; x <= j; x++) {
        kinds[x] = FIGURE;
        keys[x] = key;
      }
      i = j;
      continue;
    }
    const number = NUMBER_BY_HASH.get(h);
    if (number !== undefined) {
      kinds[i] = FIGURE;
      keys[i] = number;
      continue;
    }
    // A ticker ("<PORX>", "<BAC.N>") names a company even in a headline set in capitals.
    const before = text.charCodeAt(from - 1);
    if (before === 60 || (i > 0 && kinds[i - 1] === NAME && before === 46 && text.charCodeAt((starts[i - 1] ?? 0) - 1) === 60)) {
      kinds[i] = NAME;
      keys[i] = h;
      continue;
    }
    if (DATE_HASHES.has(h)) {
      kinds[i] = NAME;
      keys[i] = h;
      continue;
    }
    const upper = isUpperAt(text, from);
    if (!capsText && upper && to - from > 1 && !NOT_NAME_HASHES.has(h) && !opensSentence(text, from)) {
      kinds[i] = NAME;
      keys[i] = h;
      continue;
    }
    if (to - from >= 9 && !upper) {
      kinds[i] = RARE;
      keys[i] = h;
    }
  }
  return { kinds, keys };
}

/**
 * What the name bands hash: names, rare words and figures of three characters
 * or more that are not years. Small numbers, years and dates are on every
 * other story and would make every story a candidate of every other.
 */
export function bandTerms(text: string, s: Salience, tokens: Tokens, withRare = true): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i < s.kinds.length; i++) {
    const k = s.kinds[i];
    if (k === NONE || (k === RARE && !withRare)) continue;
    if (k === FIGURE) {
      let j = i;
      while (j + 1 < s.kinds.length && s.keys[j + 1] === s.keys[i] && s.kinds[j + 1] === FIGURE) j++;
      const figure = text.slice(tokens.starts[i], tokens.ends[j]);
      i = j;
      if (figure.replace(/[^0-9]/g, "").length < 3 || /^(19|20)\d\d$/.test(figure)) continue;
    } else if (k === NAME && DATE_HASHES.has(tokens.hashes[i] ?? 0)) continue;
    out.push(s.keys[i] ?? 0);
  }
  const sorted = Uint32Array.from(out).sort();
  let u = 0;
  for (let i = 0; i < sorted.length; i++) if (u === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i] ?? 0;
  return sorted.slice(0, u);
}

/** Sorted unique keys of the words of the given kinds. */
export function keySet(s: Salience, ...want: number[]): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i < s.kinds.length; i++) if (want.includes(s.kinds[i] ?? 0)) out.push(s.keys[i] ?? 0);
  const sorted = Uint32Array.from(out).sort();
  let u = 0;
  for (let i = 0; i < sorted.length; i++) if (u === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i] ?? 0;
  return sorted.slice(0, u);
}

/** Size of the intersection of two sorted unique sets. */
export function intersectCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Headline (or first line) marks of a corrected re-send or a later version. */
export const CORRECTION_MARK = /\b(CORRECTED|CORRECTION|CORRECTING|CORRECTS)\b/i;
export const UPDATE_MARK = /^\s*(\(?UPDATE\s*\d*\)?\s*[-:]|\(?RECAST\b|\(?REFILE\b|\(?REPEAT\b|\(?ADDS\b|\(?NEW:)|\b(UPDATE|UPDATED)\s*\d*\s*[-:]/i;

// One tokenisation pass over a field, shared by the topic and place taggers.
// Tokens keep their offsets in the field (for evidence) and the shape facts
// the place rules need: capitalised, upper case, what stands before them.

export type Field = "headline" | "body" | "dateline";

/** What separates a token from the one before it. */
export const Gap = {
  /** Only spaces: "Jordan Whitfield". */
  Space: 0,
  /** A comma: "Paris, Texas". */
  Comma: 1,
  /** A hyphen or dash, a slash, quotes or brackets within a sentence. */
  Other: 2,
  /** A sentence or paragraph boundary, or the start of the field. */
  Sentence: 3,
} as const;
export type Gap = (typeof Gap)[keyof typeof Gap];

/**
 * A distinct word, shared by all its tokens in every text: engines cache
 * what they know of it here (its lexicon nodes, its stem), so that a word
 * seen before costs one lookup in the intern table and nothing else.
 */
export interface Word {
  norm: string;
  /** Topic lexicon node of its stem: undefined until looked up, null when none. */
  cue?: unknown;
  /** Gazetteer node: undefined until looked up, null when none. */
  place?: unknown;
  /** The stem the topic lexicon matches it by. */
  stem?: string;
  /** The stem the topic classifier counts it as; null for a word it skips. */
  feature?: string | null;
  /** Its row in the word vectors (word-vectors.ts); -1 when it has none. */
  vector?: number;
  /** Whether copy in `placeLanguage` may name a place by it through the dictionary (places-glossed.ts). */
  mayPlace?: boolean;
  placeLanguage?: string;
}

export interface Token {
  word: Word;
  /** Offset of the first character in the field. */
  start: number;
  /** Offset just past the last character, possessive "'s" left out. */
  end: number;
  /** Lower case, diacritics, apostrophes and dots dropped: "U.S." → "us", "Kramators’k" → "kramatorsk". */
  norm: string;
  /** First letter upper case. */
  cap: boolean;
  /** Every letter upper case, or a dotted abbreviation ("U.S."). */
  upper: boolean;
  gap: Gap;
  /** Ends with a full stop that is part of the word ("Ga.", "Gov.", "U.S."). */
  dot: boolean;
  /** Written with a possessive "'s" ("Russia's"): the next name is its own, not the same one's ("Russia's Krasnodar"). */
  possessive?: true;
}

export interface FieldTokens {
  field: Field;
  /** The input field that evidence from these tokens quotes, when not `field` (a dateline found in the body). */
  quotes?: Field;
  text: string;
  tokens: Token[];
  /** Most words capitalised ("Jordan Inks Water Deal"): capitals say nothing there. */
  titleCase: boolean;
  /** Most letters upper case ("BAHIA COCOA REVIEW"). */
  allCaps: boolean;
}

/** Per UTF-16 code unit: 1 letter, 2 digit or other number, 0 neither. Filled on first sight. */
const charClass = new Uint8Array(65536);
const charSeen = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  charSeen[c] = 1;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) charClass[c] = 1;
  else if (c >= 48 && c <= 57) charClass[c] = 2;
}

function classOf(c: number): number {
  if (charSeen[c] === 0) {
    const ch = String.fromCharCode(c);
    charClass[c] = /\p{L}/u.test(ch) ? 1 : /\p{N}/u.test(ch) ? 2 : 0;
    charSeen[c] = 1;
  }
  return charClass[c]!;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x2bc;
/**
 * French and Italian articles and particles elided before a vowel ("d'Italie",
 * "l'Ukraine", "qu'il", "dell'Ucraina", "all'Italia"): in copy in those
 * languages, a word of their own, so that the name after them is found.
 * English copy keeps them ("D'Souza", "L'Oréal"): the learnt model read it so.
 */
const ELISIONS = new Set(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "dell", "nell", "all", "dall", "sull", "coll", "un"]);
const MAX_ELISION = 6;
const ELIDED_CAPITAL = /^[dl]['’ʼ]\p{Lu}/u;
const MARKS_RE = /\p{M}+/gu;
const APOS_RE = /['’ʼ.]/g;
const NON_ASCII_RE = /[^\x00-\x7f]/;
const SPECIAL: Record<string, string> = { ß: "ss", ı: "i", ø: "o", æ: "ae", œ: "oe", đ: "d", ł: "l", þ: "th", ð: "d" };
const SPECIAL_RE = /[ßıøæœđłþð]/g;

const normCache = new Map<string, string>();

/** The lookup form of a word or phrase: lower case, no diacritics, no apostrophes or dots. */
export function normalizeWord(word: string): string {
  // Fast path: ASCII letters, digits, apostrophes and dots.
  let ascii = true;
  let changed = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if ((c >= 65 && c <= 90) || c === 39 || c === 46) {
      changed = true;
      continue;
    }
    ascii = false;
    break;
  }
  if (ascii) return changed ? word.toLowerCase().replace(APOS_RE, "") : word;
  let n = normCache.get(word);
  if (n !== undefined) return n;
  n = word.toLowerCase();
  if (NON_ASCII_RE.test(n)) {
    n = n.normalize("NFD").replace(MARKS_RE, "").replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
  }
  n = n.replace(APOS_RE, "");
  if (normCache.size > 200_000) normCache.clear();
  normCache.set(word, n);
  return n;
}

/** Words that end with a full stop without ending a sentence. */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof gov sen rep gen col lt sgt capt cmdr adm maj st ste mt ft no nos vs inc corp co ltd jr sr " +
    "jan feb mar apr jun jul aug sep sept oct nov dec " +
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa " +
    "tenn tex vt va wash wis wyo ont que alta sask man"
  ).split(" "),
);

function isUpper(s: string): boolean {
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
    else if (c >= 128) return s !== s.toLowerCase() && s === s.toUpperCase();
  }
  return letters > 0;
}

function isCap(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = s.charAt(0);
  return ch !== ch.toLowerCase();
}

function gapKind(text: string, from: number, to: number, prev: Token | undefined, nextCap: boolean): Gap {
  if (prev === undefined) return Gap.Sentence;
  if (to === from) return Gap.Other; // joined to the word before by nothing we split on
  // Most gaps are one space.
  if (to - from === 1 && text.charCodeAt(from) === 32) return Gap.Space;
  let newlines = 0;
  let indent = 0;
  let stop = false; // ! ? ; :
  let dot = false;
  let comma = false;
  let other = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 0xa0 || c === 9) {
      if (newlines > 0) indent++;
    } else if (c === 10) {
      newlines++;
      indent = 0;
    } else if (c === 13) continue;
    else if (c === 46) dot = true;
    else if (c === 44) comma = true;
    else if (c === 33 || c === 63 || c === 59 || c === 58) stop = true;
    else other = true;
  }
  // A blank line or an indented line starts a paragraph; one newline is a hard wrap inside a sentence.
  if (newlines >= 2 || (newlines === 1 && indent >= 2)) return Gap.Sentence;
  if (stop) return Gap.Sentence;
  if (dot) {
    // "Ga., on Tuesday" and "U.S. officials" do not end a sentence.
    if (prev.dot && (ABBREVIATIONS.has(prev.norm) || prev.norm.length <= 3) && !nextCap) return Gap.Other;
    if (text.charCodeAt(from) === 46 && comma && !other) return Gap.Comma;
    return Gap.Sentence;
  }
  if (comma) return other ? Gap.Other : Gap.Comma;
  return other ? Gap.Other : Gap.Space;
}

const INTERN_BITS = 18;
const INTERN_MASK = (1 << INTERN_BITS) - 1;
/** Interned plain words at most (half the table, so probes stay short). */
const INTERN_LIMIT = 1 << (INTERN_BITS - 1);
const internSlots = new Int32Array(1 << INTERN_BITS);
const internHashes: number[] = [0];
// Every field there from the start, in one order: added as each engine first looks a word up, in whatever
// order, they gave words many shapes, and every lookup of a word's field had to tell them apart.
const newWord = (norm: string): Word => ({
  norm,
  cue: undefined,
  place: undefined,
  stem: undefined,
  feature: undefined,
  vector: undefined,
  mayPlace: undefined,
  placeLanguage: undefined,
});
const internWords: Word[] = [newWord("")];
const otherWords = new Map<string, Word>();

/** The shared Word of a plain ASCII word text[start, stop) whose lower-case FNV-1a hash is h. */
function internPlain(text: string, start: number, stop: number, h: number, hasUpper: boolean): Word {
  const len = stop - start;
  let slot = h & INTERN_MASK;
  for (;;) {
    const id = internSlots[slot]!;
    if (id === 0) break;
    if (internHashes[id] === h) {
      const w = internWords[id]!;
      const norm = w.norm;
      if (norm.length === len) {
        let same = true;
        for (let i = 0; i < len; i++) {
          let c = text.charCodeAt(start + i);
          if (c >= 65 && c <= 90) c += 32;
          if (c !== norm.charCodeAt(i)) {
            same = false;
            break;
          }
        }
        if (same) return w;
      }
    }
    slot = (slot + 1) & INTERN_MASK;
  }
  const raw = text.slice(start, stop);
  const w: Word = newWord(hasUpper ? raw.toLowerCase() : raw);
  if (internWords.length <= INTERN_LIMIT) {
    internSlots[slot] = internWords.length;
    internWords.push(w);
    internHashes.push(h);
  }
  return w;
}

/** The shared Word of any other normalised word. */
export function wordOf(norm: string): Word {
  let w = otherWords.get(norm);
  if (!w) {
    w = newWord(norm);
    if (otherWords.size < 100_000) otherWords.set(norm, w);
  }
  return w;
}

/** Split one field into tokens. */
export function tokenizeField(field: Field, text: string, elide = false): FieldTokens {
  const tokens: Token[] = [];
  let last = 0;
  let capWords = 0;
  let longWords = 0;
  let upperWords = 0;
  let prev: Token | undefined;
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    // Next word: a dotted abbreviation ("U.S.", "N.Y."), else letters and digits with inner apostrophes.
    let start = pos;
    for (; start < n; start++) {
      const c = text.charCodeAt(start);
      if ((c < 128 ? charClass[c] : classOf(c)) !== 0) break;
    }
    if (start >= n) break;
    // Where the word began, elided article included: what lies before it is the gap.
    const gapEnd = start;
    let stop = start;
    let pairs = 0;
    while (stop + 1 < n && text.charCodeAt(stop + 1) === 46 && classOf(text.charCodeAt(stop)) === 1) {
      stop += 2;
      pairs++;
    }
    let lower = 0;
    let upperLetters = 0;
    let plain = true; // ASCII letters and digits only
    let h = 0x811c9dc5 | 0;
    if (pairs < 2) {
      stop = start;
      for (;;) {
        for (; stop < n; stop++) {
          let c = text.charCodeAt(stop);
          if (c < 128) {
            if (c >= 97 && c <= 122) lower++;
            else if (c >= 65 && c <= 90) {
              upperLetters++;
              c += 32;
            } else if (c < 48 || c > 57) break;
            h = Math.imul(h ^ c, 0x01000193);
          } else if (classOf(c) !== 0) plain = false;
          else break;
        }
        if (stop + 1 < n && isApostrophe(text.charCodeAt(stop)) && classOf(text.charCodeAt(stop + 1)) !== 0) {
          if (elide && stop - start <= MAX_ELISION && ELISIONS.has(text.slice(start, stop).toLowerCase())) {
            // "d'Italie", "l'Ukraine", "dell'Ucraina": the elided article is no part of the word.
            start = stop + 1;
            stop = start;
            lower = 0;
            upperLetters = 0;
            plain = true;
            h = 0x811c9dc5 | 0;
            continue;
          }
          stop++;
          plain = false;
        } else break;
      }
    } else plain = false;
    pos = stop;
    let len = stop - start;
    let word: Word;
    let cap: boolean;
    let upper: boolean;
    let possessive = false;
    if (plain) {
      word = internPlain(text, start, stop, h, upperLetters > 0);
      const c0 = text.charCodeAt(start);
      cap = c0 >= 65 && c0 <= 90;
      upper = cap && lower === 0 && upperLetters > 1;
    } else {
      let raw = text.slice(start, stop);
      // Possessive "'s": the place is "Spain", not "Spains".
      if (raw.length > 3) {
        const tail = raw.slice(-2);
        if (tail === "'s" || tail === "’s" || tail === "'S" || tail === "’S") {
          raw = raw.slice(0, -2);
          possessive = true;
        }
      }
      len = raw.length;
      // "d'Ivoire" ends "Côte d'Ivoire" as a capital would: the name goes on past its elided article.
      cap = isCap(raw) || ELIDED_CAPITAL.test(raw);
      upper = cap && raw.length > 1 && isUpper(raw);
      word = wordOf(normalizeWord(raw));
    }
    const end = start + len;
    let dot = pairs >= 2;
    if (!dot && text.charCodeAt(stop) === 46 /* . */ && len <= 5) dot = true;
    const tok: Token = { word, start, end, norm: word.norm, cap, upper, gap: gapKind(text, last, gapEnd, prev, cap), dot };
    if (possessive) tok.possessive = true;
    tokens.push(tok);
    if (len > 3) {
      longWords++;
      if (tok.cap) capWords++;
      if (upper) upperWords++;
    }
    last = stop;
    prev = tok;
  }
  const allCaps = longWords >= 2 && upperWords / longWords >= 0.8;
  const titleCase = allCaps || (longWords >= 3 && capWords / longWords >= 0.75);
  return { field, text, tokens, titleCase, allCaps };
}

/** Tokens of a short phrase, for building lexicons with the same rules as the text. */
export function phraseKey(phrase: string, elide = false): string[] {
  return tokenizeField("body", phrase, elide).tokens.map((t) => t.norm);
}

/** A lexicon phrase's keys: as English copy reads it, and, where they differ, as French and Italian copy does ("Côte d'Ivoire"). */
export function phraseKeys(phrase: string): string[][] {
  const plain = phraseKey(phrase);
  if (!/['’ʼ]/.test(phrase)) return [plain];
  const elided = phraseKey(phrase, true);
  return elided.join(" ") === plain.join(" ") ? [plain] : [plain, elided];
}

/** Languages that elide an article before a vowel ("l'Ukraine", "dell'Ucraina"): their copy is read without it. */
export const ELIDING_LANGUAGES: ReadonlySet<string> = new Set(["fr", "it", "ca"]);

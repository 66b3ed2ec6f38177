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

export interface Token {
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
}

export interface FieldTokens {
  field: Field;
  text: string;
  tokens: Token[];
  /** Most words capitalised ("Jordan Inks Water Deal"): capitals say nothing there. */
  titleCase: boolean;
  /** Most letters upper case ("BAHIA COCOA REVIEW"). */
  allCaps: boolean;
}

// Dotted abbreviations first ("U.S.", "N.Y."), then words with inner apostrophes.
const WORD_RE = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;
const MARKS_RE = /\p{M}+/gu;
const APOS_RE = /['’ʼ.]/g;
const NON_ASCII_RE = /[^\x00-\x7f]/;
const SPECIAL: Record<string, string> = { ß: "ss", ı: "i", ø: "o", æ: "ae", œ: "oe", đ: "d", ł: "l", þ: "th", ð: "d" };
const SPECIAL_RE = /[ßıøæœđłþð]/g;

const normCache = new Map<string, string>();

/** The lookup form of a word or phrase: lower case, no diacritics, no apostrophes or dots. */
export function normalizeWord(word: string): string {
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
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

function isCap(s: string): boolean {
  const c = s.charAt(0);
  return c !== c.toLowerCase();
}

function gapKind(gap: string, prev: Token | undefined, next: string): Gap {
  if (prev === undefined) return Gap.Sentence;
  if (gap.length === 0) return Gap.Other; // "Aqaba" joined to the next word by nothing we split on
  let onlySpace = true;
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (c !== 32 && c !== 0xa0) {
      onlySpace = false;
      break;
    }
  }
  // Only dotted abbreviations ("U.S.") keep their full stop inside the token: no sentence ends here.
  if (onlySpace) return Gap.Space;
  if (gap.includes("\n")) return Gap.Sentence;
  if (/[!?;:]/.test(gap)) return Gap.Sentence;
  if (gap.includes(".")) {
    // "Ga., on Tuesday" and "U.S. officials" do not end a sentence.
    if (prev.dot && (ABBREVIATIONS.has(prev.norm) || prev.norm.length <= 3) && !isCap(next)) return Gap.Other;
    if (/^\.\s*,/.test(gap)) return Gap.Comma;
    return Gap.Sentence;
  }
  if (/^\s*,\s*$/.test(gap)) return Gap.Comma;
  return Gap.Other;
}

/** Split one field into tokens. */
export function tokenizeField(field: Field, text: string): FieldTokens {
  const tokens: Token[] = [];
  let last = 0;
  let capWords = 0;
  let longWords = 0;
  let upperWords = 0;
  let prev: Token | undefined;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    let raw = m[0];
    const start = m.index;
    // Possessive "'s": the place is "Spain", not "Spains".
    const tail = raw.length > 2 ? raw.slice(-2) : "";
    if ((tail === "'s" || tail === "’s" || tail === "'S" || tail === "’S") && raw.length > 3) raw = raw.slice(0, -2);
    const end = start + raw.length;
    let dot = raw.endsWith(".");
    if (!dot && text.charCodeAt(m.index + m[0].length) === 46 /* . */ && raw.length <= 5) dot = true;
    const gap = text.slice(last, start);
    const upper = raw.length > 1 && isUpper(raw);
    const tok: Token = {
      start,
      end,
      norm: normalizeWord(raw),
      cap: isCap(raw),
      upper,
      gap: Gap.Space,
      dot,
    };
    tok.gap = gapKind(gap, prev, raw);
    tokens.push(tok);
    if (raw.length > 3) {
      longWords++;
      if (tok.cap) capWords++;
      if (upper) upperWords++;
    }
    last = m.index + m[0].length;
    prev = tok;
  }
  const allCaps = longWords >= 2 && upperWords / longWords >= 0.8;
  const titleCase = allCaps || (longWords >= 3 && capWords / longWords >= 0.75);
  return { field, text, tokens, titleCase, allCaps };
}

/** Tokens of a short phrase, for building lexicons with the same rules as the text. */
export function phraseKey(phrase: string): string[] {
  return tokenizeField("body", phrase).tokens.map((t) => t.norm);
}

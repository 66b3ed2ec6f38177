// The queue's search syntax, parsed once for the store's queries
// (lib/server/articles/search-articles.ts), the excerpts and the UI's
// highlighting. Pure and client-safe: no server imports.
//
//   interpol madrid          both words (the last also as a prefix: search as you type)
//   "peace talks"            the words next to each other, in order
//   -football  -"transfer window"   without the word or phrase
//   interpol OR europol madrid      (interpol or europol) and madrid
//
// Bad syntax never fails: an unclosed quote is read as plain words, a
// dangling OR or a lone "-" is dropped, other punctuation separates words.

/** A word or phrase: lower-case words; more than one must be adjacent and in this order. */
export interface SearchTerm {
  words: string[];
  /** The last word also matches as the start of a longer word. */
  prefix: boolean;
}

export interface SearchQuery {
  /** Every group must match; a group matches when any of its terms does (terms joined by OR). */
  all: SearchTerm[][];
  /** No article may match any of these. */
  none: SearchTerm[];
}

/** Terms kept from one query: a bound on the store's work (the schema also caps q at 200 characters). */
export const MAX_TERMS = 16;
/** Words kept in one phrase. */
export const MAX_PHRASE_WORDS = 8;

const WORD = /[\p{L}\p{N}]+/gu;

type Token = { kind: "or" } | { kind: "term"; term: SearchTerm; not: boolean; bare: boolean };

function term(text: string, prefix: boolean): SearchTerm | null {
  const words = (text.toLowerCase().match(WORD) ?? []).slice(0, MAX_PHRASE_WORDS);
  return words.length ? { words, prefix } : null;
}

function tokens(q: string): Token[] {
  const s = q.normalize("NFKC");
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    if (/\s/u.test(s[i]!)) {
      i++;
      continue;
    }
    let not = false;
    if (s[i] === "-" && i + 1 < s.length && !/\s/u.test(s[i + 1]!)) {
      not = true;
      i++;
    }
    if (s[i] === '"') {
      const close = s.indexOf('"', i + 1);
      if (close !== -1) {
        const t = term(s.slice(i + 1, close), false);
        if (t) out.push({ kind: "term", term: t, not, bare: false });
        i = close + 1;
        continue;
      }
      // An unclosed quote: the rest is read as plain words.
      i++;
      continue;
    }
    let end = i;
    while (end < s.length && !/\s/u.test(s[end]!) && s[end] !== '"') end++;
    const raw = s.slice(i, end);
    i = end;
    if (raw === "OR" && !not) {
      out.push({ kind: "or" });
      continue;
    }
    const t = term(raw, raw.endsWith("*"));
    if (t) out.push({ kind: "term", term: t, not, bare: true });
  }
  return out;
}

/** The query's words, phrases and operators. An empty query (or one of punctuation only) has no terms. */
export function parseSearch(q: string): SearchQuery {
  const toks = tokens(q);
  // Search as you type: the last word typed matches longer words too, unless it is quoted or excluded.
  const last = toks.at(-1);
  if (last?.kind === "term" && last.bare && !last.not) last.term = { ...last.term, prefix: true };
  const all: SearchTerm[][] = [];
  const none: SearchTerm[] = [];
  let count = 0;
  let or = false;
  let prevPositive = false;
  for (const t of toks) {
    if (t.kind === "or") {
      // Only between two wanted terms; elsewhere it is dropped.
      or = prevPositive;
      continue;
    }
    if (count >= MAX_TERMS) break;
    count++;
    if (t.not) {
      none.push(t.term);
      prevPositive = false;
    } else if (or && all.length) {
      all[all.length - 1]!.push(t.term);
      prevPositive = true;
    } else {
      all.push([t.term]);
      prevPositive = true;
    }
    or = false;
  }
  return { all, none };
}

/** True when the query asks for nothing (no words at all): it matches no article. */
export const isEmptySearch = (s: SearchQuery) => s.all.length === 0 && s.none.length === 0;

/** The wanted words and phrases ("peace talks" as one string), for marking them in headlines and excerpts. */
export function highlightTerms(q: string | SearchQuery): string[] {
  const seen = new Set<string>();
  for (const group of (typeof q === "string" ? parseSearch(q) : q).all) for (const t of group) seen.add(t.words.join(" "));
  return [...seen];
}

/** A word as the stores compare it: lower case, diacritics dropped ("Sánchez" is "sanchez"). */
export function foldWord(w: string): string {
  const lower = w.toLowerCase();
  // Most words are ASCII: skip the decomposition for them.
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * Where the query's wanted terms occur in a text, as [start, end) offsets
 * in document order: word by word, case and diacritics folded, the way the
 * stores match (a phrase's words adjacent, punctuation between them allowed).
 * `stopAfter` ends the scan at that many matches (an excerpt needs the first).
 */
export function matchRanges(text: string, query: SearchQuery | string, stopAfter = Infinity): [number, number][] {
  const parsed = typeof query === "string" ? parseSearch(query) : query;
  const terms = parsed.all.flat().map((t) => ({ words: t.words.map(foldWord), prefix: t.prefix }));
  if (terms.length === 0) return [];
  const words: { w: string; start: number; end: number }[] = [];
  const out: [number, number][] = [];
  const longest = Math.max(...terms.map((t) => t.words.length));
  const same = (w: string, want: string, prefix: boolean) => (prefix ? w.startsWith(want) : w === want);
  // Words are read one at a time and a term tested where it would end, so the scan stops early.
  for (const m of text.matchAll(WORD)) {
    words.push({ w: foldWord(m[0]), start: m.index, end: m.index + m[0].length });
    if (words.length > longest) words.shift();
    for (const t of terms) {
      const n = t.words.length;
      if (words.length < n) continue;
      const at = words.length - n;
      if (t.words.every((want, k) => same(words[at + k]!.w, want, t.prefix && k === n - 1))) {
        out.push([words[at]!.start, words[words.length - 1]!.end]);
        if (out.length >= stopAfter) return out;
        break;
      }
    }
  }
  return out;
}

/** Words may be separated by anything that is not a letter or digit, as the stores' tokenizers read them. */
const termPattern = (t: SearchTerm) =>
  `(?<![\\p{L}\\p{N}])${t.words.map(foldWord).join("[^\\p{L}\\p{N}]+")}${t.prefix ? "" : "(?![\\p{L}\\p{N}])"}`;

/**
 * Where the first wanted term starts in `text`, or -1: what matchRanges
 * finds first, at a tenth of its cost on long bodies (it runs for every row
 * of a searched page on the server's one thread). One regular expression over
 * the text with diacritics dropped, which keeps every offset when the text is
 * in composed form (the usual case) and dropping them keeps its length;
 * otherwise word by word.
 */
export function firstMatch(text: string, query: SearchQuery | string): number {
  const parsed = typeof query === "string" ? parseSearch(query) : query;
  const terms = parsed.all.flat();
  if (terms.length === 0) return -1;
  const ascii = /^[\x00-\x7f]*$/.test(text);
  const folded = ascii ? text : text.normalize("NFD").replace(/\p{M}/gu, "");
  // Offsets hold when no character's folding changes its length. A text with marks of its own
  // ("cafe\u0301") loses them, and one with Hangul syllables gains their letters: both together
  // can leave the length as it was with every offset moved, so a text with marks goes word by word.
  if (folded.length !== text.length || (!ascii && /\p{M}/u.test(text))) return matchRanges(text, parsed, 1)[0]?.[0] ?? -1;
  let re = patterns.get(parsed);
  if (!re) patterns.set(parsed, (re = new RegExp(terms.map(termPattern).join("|"), "iu")));
  return folded.search(re);
}
/** One expression per parsed query: a page's excerpts share it. */
const patterns = new WeakMap<SearchQuery, RegExp>();

/**
 * A short passage of `text` around the first match of the query, with "…"
 * where it was cut; the text's start when nothing matches (the match may be
 * in the headline). About `length` characters.
 */
export function excerptAround(text: string, query: SearchQuery | string, length = 240): string {
  const at = firstMatch(text, query);
  if (at < length / 3) return text.slice(0, length);
  // Some context before the match, starting on a word.
  let start = at - Math.floor(length / 4);
  const space = text.lastIndexOf(" ", start);
  if (space !== -1 && start - space < 20) start = space + 1;
  return `…${text.slice(start, start + length - 1)}`;
}

import { FNV_OFFSET, fmix32, fnvStep } from "./hash";

// Words of a text as 32-bit hashes with their character offsets in the
// original text, so that shared passages can be highlighted where they stand.
// A word is what normalizeForHash (lib/ingest/text.ts) keeps: letters and
// digits after NFKD, diacritics dropped, lower case; everything else splits.

export interface Tokens {
  count: number;
  /** Hash of each normalised word. */
  hashes: Uint32Array;
  /** Offset of each word's first character in the original text. */
  starts: Uint32Array;
  /** Offset just past each word's last character in the original text. */
  ends: Uint32Array;
}

/** How a non-ASCII code point normalises: "" joins (a diacritic), " " splits, letters extend the word. */
const charMapping = new Map<number, string>();

function mapCodePoint(cp: number): string {
  let m = charMapping.get(cp);
  if (m === undefined) {
    m = String.fromCodePoint(cp)
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .replace(/ς/g, "σ"); // final sigma: toLowerCase picks it by context, so words fold it away
    if (charMapping.size < 65_536) charMapping.set(cp, m);
  }
  return m;
}

/** Split a text into normalised words, reading at most maxTokens of them. */
export function tokenize(text: string, maxTokens = Number.POSITIVE_INFINITY): Tokens {
  let cap = Math.max(16, Math.min(Math.ceil(text.length / 4), maxTokens === Number.POSITIVE_INFINITY ? 1 << 30 : maxTokens));
  let hashes = new Uint32Array(cap);
  let starts = new Uint32Array(cap);
  let ends = new Uint32Array(cap);
  let count = 0;
  let inWord = false;
  let h = FNV_OFFSET;
  let start = 0;
  let end = 0;

  const emit = (): boolean => {
    inWord = false;
    if (count === cap) {
      cap *= 2;
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(cap);
        b.set(a);
        return b;
      };
      hashes = grow(hashes);
      starts = grow(starts);
      ends = grow(ends);
    }
    hashes[count] = fmix32(h);
    starts[count] = start;
    ends[count] = end;
    count++;
    return count >= maxTokens;
  };

  const len = text.length;
  for (let i = 0; i < len; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      let code = -1;
      if (c >= 97 && c <= 122) code = c;
      else if (c >= 65 && c <= 90) code = c + 32;
      else if (c >= 48 && c <= 57) code = c;
      if (code >= 0) {
        if (!inWord) {
          inWord = true;
          h = FNV_OFFSET;
          start = i;
        }
        h = fnvStep(h, code);
        end = i + 1;
      } else if (inWord && emit()) break;
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? c;
    const width = cp > 0xffff ? 2 : 1;
    const m = mapCodePoint(cp);
    let stop = false;
    for (let j = 0; j < m.length; j++) {
      const mc = m.charCodeAt(j);
      if (mc === 32) {
        if (inWord && emit()) {
          stop = true;
          break;
        }
      } else {
        if (!inWord) {
          inWord = true;
          h = FNV_OFFSET;
          start = i;
        }
        h = fnvStep(h, mc);
        end = i + width;
      }
    }
    if (stop) break;
    // A diacritic on its own ("" mapping) neither starts nor ends a word, but stays inside it.
    if (m.length === 0 && inWord) end = i + width;
    i += width;
  }
  if (inWord && count < maxTokens) emit();
  return { count, hashes: hashes.subarray(0, count), starts: starts.subarray(0, count), ends: ends.subarray(0, count) };
}

/** The hash tokenize gives a word that is already normalised (as normalizeForHash writes it). */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h = fnvStep(h, c === 0x3c2 ? 0x3c3 : c);
  }
  return fmix32(h);
}

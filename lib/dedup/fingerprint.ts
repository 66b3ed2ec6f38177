import { DEFAULT_FINGERPRINT_CONFIG, configId, type FingerprintConfig } from "./config";
import { fmix32, mixWord, mulberry32 } from "./hash";
import { bandTerms, salience } from "./salient";
import { tokenize } from "./tokens";

// The fingerprint of one article body: shingle hashes, a MinHash signature,
// its LSH band keys (resemblance index) and winnowed anchors (containment and
// shared-passage index). Both kinds of key go into one table, row per key.

/** The band number anchors are stored under; LSH bands are 0 … bands - 1. */
export const ANCHOR_BAND = 255;
/** Name bands are stored as NAME_BAND_BASE + i, apart from the LSH bands (0 … bands - 1) and anchors. */
export const NAME_BAND_BASE = 128;
/** Lead bands are stored as LEAD_BAND_BASE + i, after every name band a config may have; looked up and counted as name bands. */
export const LEAD_BAND_BASE = NAME_BAND_BASE + 64;
/**
 * A text keeps its lead bands in the index only when its lead is at most this share of it:
 * a shorter text's lead is the text, which its name bands already tell. It still looks
 * them up, so a brief finds the long story whose lead it retells.
 */
export const LEAD_STORED_SHARE = 2 / 3;
/** Fewer names, figures and rare words than this give no name keys: too little to tell a story by. */
export const MIN_NAME_TERMS = 5;

export const isNameBand = (band: number) => band >= NAME_BAND_BASE && band < ANCHOR_BAND;

/** One row of the duplicate index: (articleId, band, key), looked up on (band, key). */
export interface IndexKey {
  band: number;
  /** Signed 32-bit integer: fits PostgreSQL `integer` and SQLite INTEGER. */
  key: number;
}

export interface Fingerprint {
  /** Words read from the text (at most config.maxTokens). */
  tokenCount: number;
  /** Sorted, unique shingle hashes. */
  shingles: Uint32Array;
  /** MinHash signature: bands × rows values. */
  signature: Uint32Array;
  /** One key per LSH band; empty for a text without words. */
  bandKeys: Int32Array;
  /** Sorted, unique winnowed shingle hashes, as signed keys. */
  anchors: Int32Array;
  /** One key per name band: a MinHash of the text's names, figures and rare words (empty when it has too few). */
  nameKeys: Int32Array;
  /** One key per lead band: the same of its first leadTokens words (empty without name keys, or when the lead has too few). */
  leadKeys: Int32Array;
  /** Whether the index keeps the lead keys (a text longer than its lead, LEAD_STORED_SHARE); they are looked up either way. */
  leadStored: boolean;
}

interface HashFamily {
  mul: Int32Array;
  add: Int32Array;
}

const families = new Map<string, HashFamily>();

/** The MinHash permutations h_i(x) = a_i·x + b_i mod 2^32 (odd a_i), drawn once per seed and length. */
function hashFamily(seed: number, n: number): HashFamily {
  const id = `${seed}:${n}`;
  let f = families.get(id);
  if (!f) {
    const rnd = mulberry32(seed);
    const mul = new Int32Array(n);
    const add = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      mul[i] = (Math.floor(rnd() * 4294967296) | 1) | 0;
      add[i] = Math.floor(rnd() * 4294967296) | 0;
    }
    f = { mul, add };
    families.set(id, f);
  }
  return f;
}

/** Hash of each run of k words, in text order; a text shorter than k words is one shingle. */
export function shingleSequence(tokens: Uint32Array, k: number): Uint32Array {
  const n = tokens.length;
  if (n === 0) return new Uint32Array(0);
  const size = Math.min(k, n);
  const out = new Uint32Array(n - size + 1);
  for (let i = 0; i < out.length; i++) {
    let h = size;
    for (let j = 0; j < size; j++) h = mixWord(h, tokens[i + j] ?? 0);
    out[i] = fmix32(h);
  }
  return out;
}

function sortedUnique(values: Uint32Array): Uint32Array {
  const s = Uint32Array.from(values).sort();
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const v = s[i] ?? 0;
    if (w === 0 || v !== s[w - 1]) s[w++] = v;
  }
  return s.subarray(0, w);
}

/** MinHash signature of a set of shingle hashes (already well mixed, so one multiply-add per value suffices). */
export function minhash(shingles: Uint32Array, length: number, seed: number): Uint32Array {
  const { mul, add } = hashFamily(seed, length);
  const sig = new Uint32Array(length).fill(0xffff_ffff);
  const n = shingles.length;
  for (let i = 0; i < length; i++) {
    const a = mul[i] ?? 1;
    const b = add[i] ?? 0;
    let min = 0xffff_ffff;
    for (let j = 0; j < n; j++) {
      const v = (Math.imul(shingles[j] ?? 0, a) + b) >>> 0;
      if (v < min) min = v;
    }
    sig[i] = min;
  }
  return sig;
}

/** LSH band keys of a signature: band i hashes values i·rows … (i+1)·rows - 1. */
export function bandKeys(signature: Uint32Array, bands: number, rows: number): Int32Array {
  const keys = new Int32Array(bands);
  for (let b = 0; b < bands; b++) {
    let h = 0x9e37_79b9 ^ b;
    for (let r = 0; r < rows; r++) h = mixWord(h, signature[b * rows + r] ?? 0);
    keys[b] = fmix32(h ^ rows) | 0;
  }
  return keys;
}

/**
 * Winnowing (Schleimer, Wilkerson and Aiken 2003): the smallest hash of every
 * window of w shingles (the rightmost on ties). Selection depends only on the
 * window's own words, so two texts sharing a run of w + k - 1 words share an anchor.
 */
export function winnow(sequence: Uint32Array, w: number): Int32Array {
  const n = sequence.length;
  if (n === 0) return new Int32Array(0);
  const picked: number[] = [];
  let last = -1;
  const windows = Math.max(1, n - w + 1);
  const span = Math.min(w, n);
  let minPos = -1;
  for (let s = 0; s < windows; s++) {
    const end = s + span;
    if (minPos < s) {
      minPos = s;
      for (let i = s + 1; i < end; i++) if ((sequence[i] ?? 0) <= (sequence[minPos] ?? 0)) minPos = i;
    } else if ((sequence[end - 1] ?? 0) <= (sequence[minPos] ?? 0)) {
      minPos = end - 1;
    }
    if (minPos !== last) {
      picked.push((sequence[minPos] ?? 0) | 0);
      last = minPos;
    }
  }
  const out = Int32Array.from(picked).sort();
  let u = 0;
  for (let i = 0; i < out.length; i++) if (u === 0 || out[i] !== out[u - 1]) out[u++] = out[i] ?? 0;
  return out.slice(0, u);
}

/** Fingerprint one article body. Empty text gives an empty fingerprint with no index keys. */
export function fingerprint(text: string, cfg: FingerprintConfig = DEFAULT_FINGERPRINT_CONFIG): Fingerprint {
  const tokens = tokenize(text, cfg.maxTokens);
  const sequence = shingleSequence(tokens.hashes, cfg.shingleSize);
  const shingles = sortedUnique(sequence);
  const length = cfg.bands * cfg.rows;
  const signature = minhash(shingles, length, cfg.seed);
  let nameKeys: Int32Array = new Int32Array(0);
  let leadKeys: Int32Array = new Int32Array(0);
  if (cfg.nameBands > 0) {
    const s = salience(text, tokens);
    const terms = bandTerms(text, s, tokens);
    // Its own hash family (seed + 1): the name signature must not line up with the shingle one.
    if (terms.length >= MIN_NAME_TERMS) nameKeys = bandKeys(minhash(terms, cfg.nameBands * cfg.nameRows, (cfg.seed + 1) >>> 0), cfg.nameBands, cfg.nameRows);
    if (nameKeys.length > 0 && cfg.leadBands > 0) {
      // The lead's salience is the whole text's, cut: the same words are names in both.
      const n = Math.min(tokens.count, cfg.leadTokens);
      const leadTerms = bandTerms(text, { kinds: s.kinds.subarray(0, n), keys: s.keys.subarray(0, n) }, tokens);
      // Its own hash family again (seed + 2), and a band of more rows than a name band: a lead has fewer names, so
      // a band must ask more of them to keep the same stories apart.
      if (leadTerms.length >= MIN_NAME_TERMS) leadKeys = bandKeys(minhash(leadTerms, cfg.leadBands * cfg.leadRows, (cfg.seed + 2) >>> 0), cfg.leadBands, cfg.leadRows);
    }
  }
  return {
    tokenCount: tokens.count,
    shingles,
    signature,
    bandKeys: shingles.length === 0 ? new Int32Array(0) : bandKeys(signature, cfg.bands, cfg.rows),
    anchors: winnow(sequence, cfg.anchorWindow),
    nameKeys,
    leadKeys,
    leadStored: leadKeys.length > 0 && cfg.leadTokens <= LEAD_STORED_SHARE * tokens.count,
  };
}

/**
 * What the index keys of a fingerprint need: nameKeys are absent from fingerprints made before name bands,
 * lead keys from those made before lead bands (and leadStored says whether the index keeps them).
 */
export type KeyedFingerprint = Pick<Fingerprint, "bandKeys" | "anchors"> & Partial<Pick<Fingerprint, "nameKeys" | "leadKeys" | "leadStored">>;

/** The rows the store keeps for an article: one per LSH band, one per name band, one per lead band when kept, one per anchor. */
export function indexKeys(fp: KeyedFingerprint): IndexKey[] {
  return keysOf(fp, fp.leadStored === true);
}

/** The keys an article's candidates are looked up by: the rows it keeps, and its lead bands even when it does not keep them. */
export function lookupKeys(fp: KeyedFingerprint): IndexKey[] {
  return keysOf(fp, true);
}

function keysOf(fp: KeyedFingerprint, lead: boolean): IndexKey[] {
  const keys: IndexKey[] = [];
  fp.bandKeys.forEach((key, band) => keys.push({ band, key }));
  fp.nameKeys?.forEach((key, i) => keys.push({ band: NAME_BAND_BASE + i, key }));
  if (lead) fp.leadKeys?.forEach((key, i) => keys.push({ band: LEAD_BAND_BASE + i, key }));
  fp.anchors.forEach((key) => keys.push({ band: ANCHOR_BAND, key }));
  return keys;
}

/** Estimated Jaccard resemblance of two shingle sets from their signatures. */
export function estimateResemblance(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** Exact Jaccard resemblance and intersection size of two sorted unique shingle sets. */
export function resemblance(a: Uint32Array, b: Uint32Array): { jaccard: number; shared: number } {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return { jaccard: union === 0 ? 0 : shared / union, shared };
}

/** What the store keeps per article so that candidates can be screened without their text. */
export interface StoredFingerprint {
  config: string;
  tokenCount: number;
  shingleCount: number;
  signature: Uint32Array;
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** "config.tokens.shingles.base64(signature, little-endian)": about 450 characters for 80 values. */
export function serializeFingerprint(fp: Fingerprint, cfg: FingerprintConfig = DEFAULT_FINGERPRINT_CONFIG): string {
  const bytes = new Uint8Array(fp.signature.length * 4);
  const view = new DataView(bytes.buffer);
  fp.signature.forEach((v, i) => view.setUint32(i * 4, v, true));
  return `${configId(cfg)}.${fp.tokenCount}.${fp.shingles.length}.${toBase64(bytes)}`;
}

/** Read a serialised fingerprint; throws on a malformed string. */
export function deserializeFingerprint(text: string): StoredFingerprint {
  const m = /^([0-9a-z]+)\.(\d+)\.(\d+)\.([A-Za-z0-9+/]*={0,2})$/.exec(text);
  if (!m) throw new Error("not a serialised fingerprint");
  const bytes = fromBase64(m[4] ?? "");
  if (bytes.length % 4 !== 0) throw new Error("fingerprint signature has a partial value");
  const view = new DataView(bytes.buffer);
  const signature = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < signature.length; i++) signature[i] = view.getUint32(i * 4, true);
  return { config: m[1] ?? "", tokenCount: Number(m[2]), shingleCount: Number(m[3]), signature };
}

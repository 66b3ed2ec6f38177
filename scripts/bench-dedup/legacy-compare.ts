// The verification as it was before decision 011 (exact passages only), kept
// so that the bench measures today's engine against the new one in one run.
import { normalizeForHash } from "../../lib/ingest/text";
import type { DuplicateKind } from "../../lib/schemas/vocabulary";
import { DEFAULT_THRESHOLDS, type DuplicateThresholds } from "../../lib/dedup/config";
import { fmix32, mixWord } from "../../lib/dedup/hash";
import { tokenize, type Tokens } from "../../lib/dedup/tokens";

// Exact verification of a candidate pair: the passages the two texts share,
// word for word, with their places in both, and the kind of copy that makes.

/** One shared passage: [start, end) character offsets in each original text. */
export interface SharedPassage {
  a: [number, number];
  b: [number, number];
  /** The passage as it reads in text a. */
  text: string;
}

export interface DuplicateEvidence {
  passages: SharedPassage[];
  /** Words in each text (as far as they were read). */
  tokensA: number;
  tokensB: number;
  /** Words in shared passages (the same number on both sides). */
  sharedTokens: number;
  /** Share of each text inside shared passages. */
  coverageA: number;
  coverageB: number;
  /** Shared words over the words of both texts together (a Jaccard index on aligned words). */
  resemblance: number;
  /** Longest shared passage, in words. */
  longestPassage: number;
  /** Passages of at least sameStory.minPassageTokens words, and the words in them. */
  substantialPassages: number;
  substantialTokens: number;
  /** Only the first maxTokens words of a long text were compared, or passages were left out of the list. */
  truncated: boolean;
}

export interface DuplicateMatch {
  /** Read from a's side: "contains" means a holds b. */
  kind: DuplicateKind;
  /** 0–1: 1 for exact; shared share of both texts for near; of the held text for contains; for same-story, of the smaller text. */
  score: number;
  /** same-story is a rewrite, not a copy: shown apart from duplicates. */
  confidence: "high" | "low";
  evidence: DuplicateEvidence;
}

export interface CompareOptions {
  thresholds?: DuplicateThresholds;
  /** Words compared per text; the rest of a longer text is ignored (and evidence.truncated set). */
  maxTokens?: number;
  /** Passages listed in the evidence (all of them still count). */
  maxPassages?: number;
}

const MAX_COMPARE_TOKENS = 200_000;
const MAX_PASSAGES = 500;
/** Places a repeated phrase is looked up in b: bounds the work on texts that repeat themselves. */
const MAX_OCCURRENCES = 16;
/** Word comparisons allowed per word of the two texts while finding runs. */
const WORK_PER_WORD = 16;

interface Run {
  i: number;
  j: number;
  len: number;
}

function seedHashes(t: Uint32Array, k: number): Uint32Array {
  const n = t.length - k + 1;
  const out = new Uint32Array(Math.max(0, n));
  for (let i = 0; i < n; i++) {
    let h = k;
    for (let j = 0; j < k; j++) h = mixWord(h, t[i + j] ?? 0);
    out[i] = fmix32(h);
  }
  return out;
}

/**
 * Maximal runs of equal words of at least k words, each starting where the
 * diagonal starts. Work is bounded: a text that repeats itself (a chant, a
 * table) could otherwise start a new run at every word; past the budget the
 * runs found so far stand and the result is marked truncated.
 */
function findRuns(ta: Uint32Array, tb: Uint32Array, k: number): { runs: Run[]; exhausted: boolean } {
  const sa = seedHashes(ta, k);
  const sb = seedHashes(tb, k);
  const head = new Map<number, number>();
  const next = new Int32Array(sb.length).fill(-1);
  for (let j = sb.length - 1; j >= 0; j--) {
    const h = sb[j] ?? 0;
    const first = head.get(h);
    if (first !== undefined) next[j] = first;
    head.set(h, j);
  }
  const runs: Run[] = [];
  let budget = WORK_PER_WORD * (ta.length + tb.length);
  for (let i = 0; i < sa.length; i++) {
    let j = head.get(sa[i] ?? 0) ?? -1;
    for (let seen = 0; j >= 0 && seen < MAX_OCCURRENCES; seen++, j = next[j] ?? -1) {
      if (i > 0 && j > 0 && ta[i - 1] === tb[j - 1]) continue; // inside a run found from its start
      let len = 0;
      while (i + len < ta.length && j + len < tb.length && ta[i + len] === tb[j + len]) len++;
      if (len >= k) runs.push({ i, j, len });
      budget -= len + 1;
      if (budget < 0) return { runs, exhausted: true };
    }
  }
  return { runs, exhausted: false };
}

/**
 * Greedy string tiling: the longest runs first, each word used once on each
 * side; a run that overlaps a tile keeps its longest free stretch.
 */
function tile(runs: Run[], na: number, nb: number, k: number): Run[] {
  runs.sort((x, y) => y.len - x.len || x.i - y.i);
  const usedA = new Uint8Array(na);
  const usedB = new Uint8Array(nb);
  const tiles: Run[] = [];
  for (const r of runs) {
    let bestStart = -1;
    let bestLen = 0;
    let start = -1;
    for (let d = 0; d <= r.len; d++) {
      const free = d < r.len && usedA[r.i + d] === 0 && usedB[r.j + d] === 0;
      if (free && start < 0) start = d;
      if (!free && start >= 0) {
        if (d - start > bestLen) {
          bestLen = d - start;
          bestStart = start;
        }
        start = -1;
      }
    }
    if (bestLen < k) continue;
    const t = { i: r.i + bestStart, j: r.j + bestStart, len: bestLen };
    usedA.fill(1, t.i, t.i + t.len);
    usedB.fill(1, t.j, t.j + t.len);
    tiles.push(t);
  }
  return tiles.sort((x, y) => x.i - y.i);
}

function span(t: Tokens, from: number, len: number): [number, number] {
  return [t.starts[from] ?? 0, t.ends[from + len - 1] ?? 0];
}

function exactMatch(a: string, ta: Tokens, tb: Tokens, truncated: boolean): DuplicateMatch {
  const passage: SharedPassage = { a: span(ta, 0, ta.count), b: span(tb, 0, tb.count), text: "" };
  passage.text = a.slice(passage.a[0], passage.a[1]);
  return {
    kind: "exact",
    score: 1,
    confidence: "high",
    evidence: {
      passages: [passage],
      tokensA: ta.count,
      tokensB: tb.count,
      sharedTokens: ta.count,
      coverageA: 1,
      coverageB: 1,
      resemblance: 1,
      longestPassage: ta.count,
      substantialPassages: 1,
      substantialTokens: ta.count,
      truncated,
    },
  };
}

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** A text tokenized once, to be compared with several candidates. */
export interface PreparedText {
  text: string;
  tokens: Tokens;
  /** Lazily computed normalizeForHash(text), for the exact check. */
  normalized?: string;
}

export function prepare(text: string, maxTokens = MAX_COMPARE_TOKENS): PreparedText {
  return { text, tokens: tokenize(text, maxTokens + 1) };
}

function normalized(p: PreparedText): string {
  p.normalized ??= normalizeForHash(p.text);
  return p.normalized;
}

/**
 * Verify a candidate pair from the two texts: null when they are not copies
 * of each other under the thresholds, else the kind read from a's side.
 */
export function compare(
  textA: string | PreparedText,
  textB: string | PreparedText,
  opts: CompareOptions = {},
): DuplicateMatch | null {
  const th = opts.thresholds ?? DEFAULT_THRESHOLDS;
  const maxTokens = opts.maxTokens ?? MAX_COMPARE_TOKENS;
  const pa = typeof textA === "string" ? prepare(textA, maxTokens) : textA;
  const pb = typeof textB === "string" ? prepare(textB, maxTokens) : textB;
  const a = pa.text;
  const ta = pa.tokens;
  const tb = pb.tokens;
  const truncated = ta.count > maxTokens || tb.count > maxTokens;
  const na = Math.min(ta.count, maxTokens);
  const nb = Math.min(tb.count, maxTokens);
  if (na === 0 || nb === 0) return null;
  // Equal words are necessary for equal normalised text, and far cheaper to check first.
  if (na === nb && sameWords(ta.hashes, tb.hashes) && normalized(pa) === normalized(pb)) return exactMatch(a, ta, tb, truncated);

  const k = Math.max(1, th.minPassageTokens);
  const wa = ta.hashes.subarray(0, na);
  const wb = tb.hashes.subarray(0, nb);
  const found = findRuns(wa, wb, k);
  const tiles = tile(found.runs, na, nb, k);

  let shared = 0;
  let longest = 0;
  let substantialPassages = 0;
  let substantialTokens = 0;
  for (const t of tiles) {
    shared += t.len;
    longest = Math.max(longest, t.len);
    if (t.len >= th.sameStory.minPassageTokens) {
      substantialPassages++;
      substantialTokens += t.len;
    }
  }
  if (shared === 0) return null;

  const coverageA = shared / na;
  const coverageB = shared / nb;
  const maxPassages = opts.maxPassages ?? MAX_PASSAGES;
  const passages = tiles.slice(0, maxPassages).map((t) => {
    const pa = span(ta, t.i, t.len);
    return { a: pa, b: span(tb, t.j, t.len), text: a.slice(pa[0], pa[1]) };
  });
  const evidence: DuplicateEvidence = {
    passages,
    tokensA: na,
    tokensB: nb,
    sharedTokens: shared,
    coverageA: round(coverageA),
    coverageB: round(coverageB),
    resemblance: round(shared / (na + nb - shared)),
    longestPassage: longest,
    substantialPassages,
    substantialTokens,
    truncated: truncated || found.exhausted || tiles.length > maxPassages,
  };

  if (Math.min(coverageA, coverageB) >= th.near.minCoverage) {
    return { kind: "near", score: round((2 * shared) / (na + nb)), confidence: "high", evidence };
  }
  const smaller = Math.min(na, nb);
  const heldCoverage = na <= nb ? coverageA : coverageB;
  if (smaller >= th.contains.minTokens && heldCoverage >= th.contains.minCoverage) {
    return { kind: na <= nb ? "contained" : "contains", score: round(heldCoverage), confidence: "high", evidence };
  }
  const substantialShare = substantialTokens / smaller;
  if (substantialTokens >= th.sameStory.minSharedTokens && substantialShare >= th.sameStory.minCoverage) {
    return { kind: "same-story", score: round(substantialShare), confidence: "low", evidence };
  }
  return null;
}

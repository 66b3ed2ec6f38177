import { normalizeForHash } from "../ingest/text";
import type { DuplicateKind } from "../schemas/vocabulary";
import { DEFAULT_THRESHOLDS, type DuplicateThresholds } from "./config";
import { fmix32, mixWord } from "./hash";
import { CORRECTION_MARK, FIGURE, NAME, UPDATE_MARK, bandTerms, intersectCount, keySet, salience, type Salience } from "./salient";
import { hashWord, tokenize, type Tokens } from "./tokens";

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
  /** Why the pair is linked, in a line an editor reads ("rewrite: 12 names and figures shared, 2 quotes kept"). */
  reason: string;
  /** Distinct names (and dates) and figures both texts carry. */
  sharedNames: number;
  sharedFigures: number;
  /** Quotations of a found again word for word in b. */
  quotesKept: number;
  /** For a correction or an update: what the other version changed. */
  changes?: VersionChanges;
  /** For a correction or an update: which side is the newer version. */
  newer?: "a" | "b";
}

/** What changed between two versions of a story, read from the older to the newer. */
export interface VersionChanges {
  /** Passages (6 words or more) only the newer version has. */
  added: string[];
  /** Passages only the older version has. */
  removed: string[];
  /** Figures, names or dates put in place of others, as "older -> newer". */
  figures: string[];
}

/** What compare may know of each side besides its text: enough to tell a correction or an update from a copy. */
export interface SideInfo {
  headline?: string | null;
  /** The source's id or name: equal for the same source. */
  source?: string | number | null;
  /**
   * Its source gathers several publishers' copy (an aggregator's feed or
   * page): sharing it says nothing of who wrote either copy.
   */
  aggregator?: boolean;
  /** When the version was sent (versionCreated, else first seen). */
  time?: Date | number | null;
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
  /** Headline, source and time of each side, when known: corrections and updates are told by them. */
  a?: SideInfo;
  b?: SideInfo;
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
      reason: "exact: the same text",
      sharedNames: 0,
      sharedFigures: 0,
      quotesKept: 0,
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
  /** Lazily computed salience of the words (figures, names, rare words). */
  salience?: Salience;
}

export function prepare(text: string, maxTokens = MAX_COMPARE_TOKENS): PreparedText {
  return { text, tokens: tokenize(text, maxTokens + 1) };
}

function normalized(p: PreparedText): string {
  p.normalized ??= normalizeForHash(p.text);
  return p.normalized;
}


function salienceOf(p: PreparedText, n: number): Salience {
  if (!p.salience || p.salience.kinds.length !== n) p.salience = salience(p.text, p.tokens, n);
  return p.salience;
}

/** Substitutions longer than this on either side are rewording, not a figure put in another's place. */
const SUBSTITUTION_MAX = 12;
/** Shortest passage listed as added or removed between versions. */
const CHANGE_MIN = 6;
/** Tiles beyond which the aligned chain is taken greedily rather than as the heaviest chain. */
const CHAIN_DP_MAX = 1_500;

interface Alignment {
  /** Words of each side inside the aligned chain (the order both texts share). */
  alignedA: number;
  alignedB: number;
  /** Short substitutions whose figures (or names) differ: token ranges in a and b. */
  figureSubs: { a: [number, number]; b: [number, number] }[];
  nameSubs: { a: [number, number]; b: [number, number] }[];
  /** Token ranges only b has (added) and only a has (removed), CHANGE_MIN words or more. */
  added: [number, number][];
  removed: [number, number][];
}

/** The heaviest chain of tiles in the same order in both texts (tiles come sorted by their place in a). */
function chainOf(tiles: Run[]): Run[] {
  if (tiles.length <= 1) return tiles;
  if (tiles.length > CHAIN_DP_MAX) {
    const out: Run[] = [];
    let lastJ = 0;
    for (const t of tiles) {
      if (t.j < lastJ) continue;
      out.push(t);
      lastJ = t.j + t.len;
    }
    return out;
  }
  const best = new Float64Array(tiles.length);
  const prev = new Int32Array(tiles.length).fill(-1);
  let top = 0;
  for (let k = 0; k < tiles.length; k++) {
    const t = tiles[k]!;
    best[k] = t.len;
    for (let m = 0; m < k; m++) {
      const u = tiles[m]!;
      if (u.j + u.len <= t.j && (best[m] ?? 0) + t.len > (best[k] ?? 0)) {
        best[k] = (best[m] ?? 0) + t.len;
        prev[k] = m;
      }
    }
    if ((best[k] ?? 0) > (best[top] ?? 0)) top = k;
  }
  const out: Run[] = [];
  for (let k = top; k >= 0; k = prev[k] ?? -1) out.push(tiles[k]!);
  return out.reverse();
}

/** Keys of the words of one kind in [from, to), as a set. */
function keysIn(s: Salience, from: number, to: number, kind: number): Set<number> {
  const out = new Set<number>();
  for (let i = from; i < to; i++) if (s.kinds[i] === kind) out.add(s.keys[i] ?? 0);
  return out;
}

function differ(x: Set<number>, y: Set<number>): boolean {
  if (x.size === 0 || y.size === 0) return false;
  if (x.size !== y.size) return true;
  for (const v of x) if (!y.has(v)) return true;
  return false;
}

/**
 * Word-level alignment of two texts (runs of 2 words or more, in the order
 * both share), and what lies between: a short gap on both sides whose
 * figures differ is a figure put in another's place ("1.25 cts to 67 cts" /
 * "one ct to 66 cts"); long one-sided gaps are passages added or removed.
 */
function align(wa: Uint32Array, wb: Uint32Array, sa: Salience, sb: Salience): Alignment {
  const found = findRuns(wa, wb, 2);
  const chain = chainOf(tile(found.runs, wa.length, wb.length, 2));
  const out: Alignment = { alignedA: 0, alignedB: 0, figureSubs: [], nameSubs: [], added: [], removed: [] };
  let pi = 0;
  let pj = 0;
  const gap = (ei: number, ej: number) => {
    const la = ei - pi;
    const lb = ej - pj;
    if (la > 0 && lb > 0 && la <= SUBSTITUTION_MAX && lb <= SUBSTITUTION_MAX) {
      const sub = { a: [pi, ei] as [number, number], b: [pj, ej] as [number, number] };
      if (differ(keysIn(sa, pi, ei, FIGURE), keysIn(sb, pj, ej, FIGURE))) out.figureSubs.push(sub);
      else if (differ(keysIn(sa, pi, ei, NAME), keysIn(sb, pj, ej, NAME))) out.nameSubs.push(sub);
      return;
    }
    if (la >= CHANGE_MIN) out.removed.push([pi, ei]);
    if (lb >= CHANGE_MIN) out.added.push([pj, ej]);
  };
  for (const t of chain) {
    gap(t.i, t.j);
    out.alignedA += t.len;
    out.alignedB += t.len;
    pi = t.i + t.len;
    pj = t.j + t.len;
  }
  gap(wa.length, wb.length);
  return out;
}

/** Common words that say nothing of what a story is about. */
const STOPWORDS = new Set(
  (
    "the a an and or but of in on at to for from by with as is are was were be been being has have had it its this that these those " +
    "he she they we you i his her their our them him not no than then there which who whom what when where while would will can could " +
    "should may might also said says say about after before over under into more most other some such only new last year years per cent " +
    "one two mln dlrs pct billion million vs told"
  )
    .split(" ")
    .map(hashWord),
);

/** Sorted unique hashes of the content words (not stopwords, 3 characters or more, not figures). */
function contentSet(t: Tokens, s: Salience, n: number): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = t.hashes[i] ?? 0;
    if (s.kinds[i] === FIGURE || (t.ends[i] ?? 0) - (t.starts[i] ?? 0) < 3 || STOPWORDS.has(h)) continue;
    out.push(h);
  }
  return keySetOf(out);
}

function keySetOf(values: number[]): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let u = 0;
  for (let i = 0; i < sorted.length; i++) if (u === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i] ?? 0;
  return sorted.slice(0, u);
}

const QUOTE = /["\u201c\u201d]([^"\u201c\u201d]{20,600}?)["\u201c\u201d]/g;

/** Quotations in a (4 words or more) whose words are mostly inside passages shared with b. */
function countQuotesKept(text: string, t: Tokens, n: number, covered: Uint8Array): number {
  let kept = 0;
  const limit = n > 0 ? (t.ends[n - 1] ?? 0) : 0;
  QUOTE.lastIndex = 0;
  for (let m = QUOTE.exec(text); m && m.index < limit; m = QUOTE.exec(text)) {
    const from = m.index;
    const to = m.index + m[0].length;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((t.starts[mid] ?? 0) < from) lo = mid + 1;
      else hi = mid;
    }
    let words = 0;
    let inside = 0;
    for (let i = lo; i < n && (t.starts[i] ?? 0) < to; i++, words++) inside += covered[i] ?? 0;
    if (words >= 4 && inside >= words * 0.6) kept++;
  }
  return kept;
}

const DAY_MS = 86_400_000;
const timeOf = (x: SideInfo | undefined) => (x?.time == null ? undefined : x.time instanceof Date ? x.time.getTime() : x.time);
const sourceKey = (x: SideInfo | undefined) => (x?.source == null ? "" : String(x.source).trim().toLowerCase());
/** A headline without its "CORRECTED -" or "UPDATE 1-" mark, to compare the rest. */
const stripMarks = (h: string) => h.replace(/\(?\b(CORRECTED|CORRECTION|UPDATE\s*\d*|REFILE|RECAST|REPEAT)\b\)?\s*[-:]?\s*/gi, "").trim();

/** How two headlines differ: figures (or names) put in others' places, when they otherwise read alike. */
function headlineChanges(ha: string, hb: string): { figures: string[]; names: number } | null {
  const a = stripMarks(ha);
  const b = stripMarks(hb);
  const ta = tokenize(a, 200);
  const tb = tokenize(b, 200);
  if (ta.count === 0 || tb.count === 0) return null;
  const sa = salience(a, ta);
  const sb = salience(b, tb);
  const al = align(ta.hashes, tb.hashes, sa, sb);
  // Headlines that share little are different wording, not a template filled in twice.
  if (al.alignedA < ta.count * 0.5 || al.alignedB < tb.count * 0.5) return null;
  return {
    figures: al.figureSubs.map((s) => `${a.slice(ta.starts[s.a[0]], ta.ends[s.a[1] - 1])} -> ${b.slice(tb.starts[s.b[0]], tb.ends[s.b[1] - 1])}`),
    names: al.nameSubs.length,
  };
}

/** Headlines naming other companies by their tickers ("<OAT>" and "<UBCP>"): notices of two companies. */
function otherTickers(ha: string, hb: string): boolean {
  const t = (h: string) => [...h.matchAll(/<([A-Z0-9.]+)>/gi)].map((m) => (m[1] ?? "").toUpperCase());
  const x = t(ha);
  const y = t(hb);
  return x.length > 0 && y.length > 0 && !x.some((v) => y.includes(v));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Verify a candidate pair from the two texts: null when they are not copies
 * or versions of one story under the thresholds, else the kind read from a's
 * side. Headlines, sources and times (opts.a, opts.b) let corrections and
 * updates be named and template notices told apart by their headlines.
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
  const b = pb.text;
  const ta = pa.tokens;
  const tb = pb.tokens;
  const truncated = ta.count > maxTokens || tb.count > maxTokens;
  const na = Math.min(ta.count, maxTokens);
  const nb = Math.min(tb.count, maxTokens);
  if (na === 0 || nb === 0) return null;

  const ha = opts.a?.headline ?? "";
  const hb = opts.b?.headline ?? "";
  const markA = CORRECTION_MARK.test(ha) || CORRECTION_MARK.test(a.slice(0, 80));
  const markB = CORRECTION_MARK.test(hb) || CORRECTION_MARK.test(b.slice(0, 80));
  const corrected: "a" | "b" | undefined = markA !== markB ? (markA ? "a" : "b") : undefined;
  const heads = ha && hb ? headlineChanges(ha, hb) : null;
  const headlineDiffers = (heads !== null && (heads.figures.length > 0 || heads.names > 0)) || otherTickers(ha, hb);

  // Equal words are necessary for equal normalised text, and far cheaper to check first.
  if (na === nb && sameWords(ta.hashes, tb.hashes) && normalized(pa) === normalized(pb)) {
    const m = exactMatch(a, ta, tb, truncated);
    if (corrected) {
      const figures = heads?.figures ?? [];
      return {
        ...m,
        kind: "correction",
        evidence: {
          ...m.evidence,
          reason: `correction: headline marked corrected; same text${figures.length ? `; headline ${figures.join(", ")}` : ""}`,
          newer: corrected,
          changes: { added: [], removed: [], figures },
        },
      };
    }
    // The same boilerplate under headlines naming other figures: two notices, not one sent twice.
    if (headlineDiffers) return null;
    return m;
  }

  const k = Math.max(1, th.minPassageTokens);
  const wa = ta.hashes.subarray(0, na);
  const wb = tb.hashes.subarray(0, nb);
  const found = findRuns(wa, wb, k);
  const tiles = tile(found.runs, na, nb, k);

  let shared = 0;
  let longest = 0;
  let substantialPassages = 0;
  let substantialTokens = 0;
  const coveredA = new Uint8Array(na);
  for (const t of tiles) {
    shared += t.len;
    longest = Math.max(longest, t.len);
    coveredA.fill(1, t.i, t.i + t.len);
    if (t.len >= th.sameStory.minPassageTokens) {
      substantialPassages++;
      substantialTokens += t.len;
    }
  }

  const sa = salienceOf(pa, na);
  const sb = salienceOf(pb, nb);
  const namesA = keySet(sa, NAME);
  const namesB = keySet(sb, NAME);
  const figsA = keySet(sa, FIGURE);
  const figsB = keySet(sb, FIGURE);
  const sharedNames = intersectCount(namesA, namesB);
  const sharedFigures = intersectCount(figsA, figsB);
  const sharedSalient = sharedNames + sharedFigures;
  const salientShare = sharedSalient / Math.max(1, Math.min(namesA.length + figsA.length, namesB.length + figsB.length));
  // Quick exit for pairs that share neither passages nor what a story is about.
  if (shared === 0 && sharedSalient < th.rewrite.minSharedSalient) return null;

  const coverageA = shared / na;
  const coverageB = shared / nb;
  const maxPassages = opts.maxPassages ?? MAX_PASSAGES;
  const passages = tiles.slice(0, maxPassages).map((t) => {
    const pa = span(ta, t.i, t.len);
    return { a: pa, b: span(tb, t.j, t.len), text: a.slice(pa[0], pa[1]) };
  });
  const quotesKept = countQuotesKept(a, ta, na, coveredA);
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
    reason: "",
    sharedNames,
    sharedFigures,
    quotesKept,
  };

  // What may link the pair, from what is cheap to know; the word alignment below is paid only for pairs that may link.
  const smaller = Math.min(na, nb);
  const heldCoverage = na <= nb ? coverageA : coverageB;
  const substantialShare = substantialTokens / smaller;
  const ca = contentSet(ta, sa, na);
  const cb = contentSet(tb, sb, nb);
  const sharedContent = intersectCount(ca, cb);
  const contentShare = sharedContent / Math.max(1, Math.min(ca.length, cb.length));
  const contentShareOfLarger = sharedContent / Math.max(1, ca.length, cb.length);
  const byPassages =
    substantialTokens >= th.sameStory.minSharedTokens && substantialShare >= th.sameStory.minCoverage && salientShare >= th.rewrite.minSalientShareWithPassages;
  const sameSource = sourceKey(opts.a) !== "" && sourceKey(opts.a) === sourceKey(opts.b);
  // One publisher's own copies: the same source, and not an aggregator that carries many publishers.
  const onePublisher = sameSource && !opts.a?.aggregator && !opts.b?.aggregator;
  // Told by names alone, only names and figures that are particular count (not months, small numbers, years, nor
  // long words, which finance copy shares by the dozen), and on both sides:
  // a short notice shares "New York" and "March" with half the wire. And only across sources (namesAcrossSourcesOnly).
  const termsA = bandTerms(a, sa, ta, false);
  const termsB = bandTerms(b, sb, tb, false);
  const sharedTerms = intersectCount(termsA, termsB);
  const namesTell =
    sharedTerms >= th.rewrite.minSharedSalient &&
    sharedTerms >= th.rewrite.minSalientShare * Math.min(termsA.length, termsB.length) &&
    sharedTerms >= th.rewrite.minSalientShareOfLarger * Math.max(termsA.length, termsB.length) &&
    contentShare >= th.rewrite.minContentShare &&
    contentShareOfLarger >= th.rewrite.minContentShareOfLarger &&
    !otherTickers(ha, hb); // two companies' filings share their bankers and regulators, not a story
  // A source's own copies that share names may still be its re-send with a figure fixed (below): they are compared.
  // Days apart, shared names tell the running story, not one telling of it (namesMaxHours).
  const tA = timeOf(opts.a);
  const tB = timeOf(opts.b);
  const daysApart = tA !== undefined && tB !== undefined && Math.abs(tA - tB) > th.rewrite.namesMaxHours * 3_600_000;
  const bySalient = namesTell && !daysApart && !(th.rewrite.namesAcrossSourcesOnly && onePublisher);
  const mayUpdate = sameSource || UPDATE_MARK.test(ha) || UPDATE_MARK.test(hb);
  const mayLink =
    corrected !== undefined ||
    (mayUpdate && Math.max(coverageA, coverageB) >= 0.5) ||
    Math.min(coverageA, coverageB) >= th.near.minCoverage ||
    (smaller >= th.contains.minTokens && heldCoverage >= th.contains.minCoverage) ||
    byPassages ||
    namesTell;
  if (!mayLink) return null;

  const al = align(wa, wb, sa, sb);
  const alignedShare = Math.min(al.alignedA / na, al.alignedB / nb);
  const slice = (t: Tokens, text: string, r: [number, number]) => text.slice(t.starts[r[0]], t.ends[r[1] - 1]);
  /** Changes read from the older version (side `older`) to the newer. */
  const changesFrom = (older: "a" | "b"): VersionChanges => {
    const fromA = older === "a";
    const subs = [...al.figureSubs, ...al.nameSubs].map((s) =>
      fromA ? `${slice(ta, a, s.a)} -> ${slice(tb, b, s.b)}` : `${slice(tb, b, s.b)} -> ${slice(ta, a, s.a)}`,
    );
    const inA = al.removed.map((r) => slice(ta, a, r));
    const inB = al.added.map((r) => slice(tb, b, r));
    return { added: (fromA ? inB : inA).slice(0, 20), removed: (fromA ? inA : inB).slice(0, 20), figures: [...(heads?.figures ?? []), ...subs].slice(0, 40) };
  };

  // A corrected re-send: marked so, and otherwise the story it corrects.
  if (corrected && (alignedShare >= th.correction.minAlignedCoverage || Math.min(coverageA, coverageB) >= th.correction.minAlignedCoverage)) {
    const changes = changesFrom(corrected === "a" ? "b" : "a");
    const what = changes.figures.length ? changes.figures.slice(0, 3).join(", ") : `${plural(changes.added.length + changes.removed.length, "passage")} changed`;
    evidence.reason = `correction: headline marked corrected; ${what}`;
    evidence.changes = changes;
    evidence.newer = corrected;
    return { kind: "correction", score: round(alignedShare), confidence: "high", evidence };
  }

  // A later version from the same source (or marked as one), carrying the earlier text and new paragraphs.
  const markedA = UPDATE_MARK.test(ha);
  const markedB = UPDATE_MARK.test(hb);
  const newer: "a" | "b" =
    tA !== undefined && tB !== undefined && tA !== tB ? (tA > tB ? "a" : "b") : markedA !== markedB ? (markedA ? "a" : "b") : na > nb ? "a" : "b";
  const olderWords = newer === "a" ? nb : na;
  const olderAligned = (newer === "a" ? al.alignedB : al.alignedA) / olderWords;
  const addedWords = (newer === "a" ? al.removed : al.added).reduce((n, r) => n + r[1] - r[0], 0);
  const gapDays = tA !== undefined && tB !== undefined ? Math.abs(tA - tB) / DAY_MS : 0;
  if (
    (sameSource || (newer === "a" ? markedA : markedB)) &&
    olderAligned >= th.update.minOlderCoverage &&
    addedWords >= Math.max(CHANGE_MIN, th.update.minAddedWords) &&
    gapDays <= th.update.maxDays &&
    al.figureSubs.length <= th.update.maxFigureChanges &&
    al.nameSubs.length <= 1 &&
    !otherTickers(ha, hb)
  ) {
    const changes = changesFrom(newer === "a" ? "b" : "a");
    evidence.reason = `update: ${newer === "a" ? "this" : "the other"} is the later version; ${plural(changes.added.length, "passage")} added${
      changes.removed.length ? `, ${changes.removed.length} removed` : ""
    }${changes.figures.length ? `; ${changes.figures.slice(0, 3).join(", ")}` : ""}`;
    evidence.changes = changes;
    evidence.newer = newer;
    return { kind: "update", score: round(olderAligned), confidence: "high", evidence };
  }

  // Template notices: the same wording with other figures, names or dates in it are different items.
  // Weighed against what the two share: one figure in a long story is an edit, one of four in a notice is another notice.
  const substitutions = al.figureSubs.length + th.template.nameWeight * al.nameSubs.length;
  if (alignedShare >= th.template.minAlignedCoverage && substitutions >= Math.max(1, th.template.minChangedShare * sharedSalient)) {
    // Unless the same source sent it again within hours under the same headline: a figure fixed without saying so.
    const hours = tA !== undefined && tB !== undefined ? Math.abs(tA - tB) / 3_600_000 : Number.POSITIVE_INFINITY;
    if (!(sameSource && !headlineDiffers && hours <= th.correction.maxResendHours)) return null;
    const changes = changesFrom(newer === "a" ? "b" : "a");
    evidence.reason = `correction: re-sent by the same source within ${Math.max(1, Math.round(hours))} h with figures changed; ${changes.figures.slice(0, 3).join(", ")}`;
    evidence.changes = changes;
    evidence.newer = newer;
    return { kind: "correction", score: round(alignedShare), confidence: "high", evidence };
  }
  if (headlineDiffers && alignedShare >= th.template.minAlignedCoverage) return null;

  if (Math.min(coverageA, coverageB) >= th.near.minCoverage) {
    evidence.reason = `near copy: ${Math.round(Math.min(coverageA, coverageB) * 100)}% of each text shared word for word`;
    return { kind: "near", score: round((2 * shared) / (na + nb)), confidence: "high", evidence };
  }
  if (smaller >= th.contains.minTokens && heldCoverage >= th.contains.minCoverage) {
    evidence.reason = `${na <= nb ? "contained" : "contains"}: ${Math.round(heldCoverage * 100)}% of the shorter text found whole in the longer`;
    return { kind: na <= nb ? "contained" : "contains", score: round(heldCoverage), confidence: "high", evidence };
  }

  // A rewrite: shared passages of the copy, or the same names, figures and quotes in new wording.
  // A rewrite keeps the story's figures: the same sentences with other figures are the next notice of a series.
  const keepsFigures = al.figureSubs.length <= Math.max(th.rewrite.maxFigureChanges, th.template.minChangedShare * sharedSalient);
  if ((byPassages || bySalient) && keepsFigures) {
    const parts = [`${sharedSalient} names and figures shared`];
    if (quotesKept) parts.push(`${plural(quotesKept, "quote")} kept`);
    if (substantialPassages) parts.push(`${plural(substantialPassages, "passage")} word for word`);
    evidence.reason = `rewrite: ${parts.join(", ")}`;
    // Scored below copies: the share of the smaller text in shared passages, or, told by names and words, both shares together.
    const score = Math.max(substantialShare, salientShare * contentShare);
    return { kind: "same-story", score: round(Math.min(1, score)), confidence: "low", evidence };
  }
  return null;
}

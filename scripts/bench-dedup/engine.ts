import { compare, prepare, type DuplicateMatch } from "../../lib/dedup/compare";
import type { DuplicateThresholds, FingerprintConfig } from "../../lib/dedup/config";
import { DedupIndex, type CandidateRule } from "../../lib/dedup/dedup-index";
import { fingerprint } from "../../lib/dedup/fingerprint";
import type { DuplicateKind } from "../../lib/schemas/vocabulary";
import { latency, memory, progress, type Latency } from "./measure";

// Our engine over one corpus: index every article on one thread, look up a
// sample of queries against the full index, verify the candidates, and check
// the links against the planted truth and against brute force on a sample.

export interface Corpus {
  name: string;
  n: number;
  text(id: number): string;
  /** The planted kind of (q, d) read from q's side, if the pair was planted. */
  truth?(q: number, d: number): DuplicateKind | undefined;
  /** Planted copies by kind. */
  planted?: Record<string, number[]>;
  /** The article a planted copy was made from. */
  baseOf?(copy: number): number;
}

export interface EngineOptions {
  cfg: FingerprintConfig;
  rule?: Partial<CandidateRule>;
  thresholds?: DuplicateThresholds;
  queries: number[];
  /** Queries also checked by brute force over the whole corpus. */
  bruteQueries: number[];
}

export interface Link {
  q: number;
  d: number;
  kind: DuplicateKind;
  score: number;
  viaBand: boolean;
  viaAnchor: boolean;
  anchorHits: number;
}

export interface BrutePair {
  q: number;
  d: number;
  shared: number;
  jaccard: number;
}

export interface EngineResult {
  n: number;
  indexSeconds: number;
  generateSeconds: number;
  articlesPerSecond: number;
  indexBytes: number;
  rssAfter: number;
  heapAfter: number;
  rssBefore: number;
  keys: number;
  fingerprint: Latency;
  lookup: Latency;
  verify: Latency;
  total: Latency;
  candidatesPerQuery: number;
  /** Per lookup, in the order of queries. */
  queries: number[];
  lookupMs: number[];
  totalMs: number[];
  links: Link[];
  /** Candidate hits per query: which articles the index returned. */
  candidateSets: Map<number, Set<number>>;
  brute: { pairs: BrutePair[]; links: Map<string, DuplicateMatch>; seconds: number; queries: number[] };
}

export const pairKey = (q: number, d: number) => `${q}:${d}`;

export function runEngine(corpus: Corpus, opts: EngineOptions): EngineResult {
  const { cfg } = opts;
  // Brute force: every article's shingles are checked against the sampled queries as it is indexed.
  const bruteQ = opts.bruteQueries;
  const bruteFps = bruteQ.map((q) => fingerprint(corpus.text(q), cfg));
  const byShingle = new Map<number, number[]>();
  bruteFps.forEach((fp, qi) =>
    fp.shingles.forEach((s) => {
      const l = byShingle.get(s);
      if (l) l.push(qi);
      else byShingle.set(s, [qi]);
    }),
  );
  const brutePairs: BrutePair[] = [];
  const local = new Int32Array(bruteQ.length);
  const touched: number[] = [];

  // About one anchor per 8.5 shingles at window 16, and news articles run to ~250 words.
  const expectedKeys = corpus.n * (cfg.bands + Math.ceil(500 / (cfg.anchorWindow + 1)));
  const index = new DedupIndex({ expectedKeys, rule: opts.rule });
  global.gc?.();
  const before = memory();
  let indexMs = 0;
  let genMs = 0;
  let bruteMs = 0;
  const step = Math.max(10_000, Math.floor(corpus.n / 10));
  for (let id = 0; id < corpus.n; id++) {
    const t0 = performance.now();
    const text = corpus.text(id);
    const t1 = performance.now();
    const fp = fingerprint(text, cfg);
    index.add(id, fp);
    const t2 = performance.now();
    genMs += t1 - t0;
    indexMs += t2 - t1;
    // Brute force (not timed as indexing): shared shingles with each sampled query.
    for (let i = 0; i < fp.shingles.length; i++) {
      const qs = byShingle.get(fp.shingles[i] ?? 0);
      if (!qs) continue;
      for (const qi of qs) {
        if (local[qi] === 0) touched.push(qi);
        local[qi] = (local[qi] ?? 0) + 1;
      }
    }
    for (const qi of touched) {
      const shared = local[qi] ?? 0;
      const q = bruteQ[qi] ?? -1;
      if (shared >= 2 && q !== id) {
        const qn = bruteFps[qi]?.shingles.length ?? 0;
        brutePairs.push({ q, d: id, shared, jaccard: shared / (qn + fp.shingles.length - shared) });
      }
      local[qi] = 0;
    }
    touched.length = 0;
    bruteMs += performance.now() - t2;
    if ((id + 1) % step === 0) {
      progress(`${corpus.name}: indexed ${id + 1} of ${corpus.n} (${Math.round((id + 1) / (indexMs / 1000))} articles/s)`);
    }
  }
  global.gc?.();
  const after = memory();
  const stats = index.stats();

  progress(`${corpus.name}: ${opts.queries.length} lookups`);
  const fpT: number[] = [];
  const lookT: number[] = [];
  const verT: number[] = [];
  const totT: number[] = [];
  const links: Link[] = [];
  const candidateSets = new Map<number, Set<number>>();
  let candidates = 0;
  // Warm up the JIT on the lookup path before timing it.
  for (const q of opts.queries.slice(0, 50)) index.candidates(fingerprint(corpus.text(q), cfg), q);
  for (const q of opts.queries) {
    const text = corpus.text(q);
    const t0 = performance.now();
    const fp = fingerprint(text, cfg);
    const t1 = performance.now();
    const hits = index.candidates(fp, q);
    const t2 = performance.now();
    const others = hits.map((h) => corpus.text(h.id)); // the store reads these from its table
    const t3 = performance.now();
    const pq = prepare(text);
    const found = hits.map((h, i) => compare(pq, others[i] ?? "", { thresholds: opts.thresholds }));
    const t4 = performance.now();
    fpT.push(t1 - t0);
    lookT.push(t2 - t1);
    verT.push(t4 - t3);
    totT.push(t2 - t0 + (t4 - t3));
    candidates += hits.length;
    candidateSets.set(q, new Set(hits.map((h) => h.id)));
    hits.forEach((h, i) => {
      const m = found[i];
      if (m) links.push({ q, d: h.id, kind: m.kind, score: m.score, viaBand: h.bandHits > 0, viaAnchor: h.anchorHits > 0, anchorHits: h.anchorHits });
    });
  }

  progress(`${corpus.name}: brute force over ${brutePairs.length} sharing pairs`);
  const tb = performance.now();
  const bruteLinks = new Map<string, DuplicateMatch>();
  const prepared = new Map<number, ReturnType<typeof prepare>>();
  for (const p of brutePairs) {
    let pq = prepared.get(p.q);
    if (!pq) {
      pq = prepare(corpus.text(p.q));
      prepared.set(p.q, pq);
    }
    const m = compare(pq, corpus.text(p.d), { thresholds: opts.thresholds });
    if (m) bruteLinks.set(pairKey(p.q, p.d), m);
  }
  bruteMs += performance.now() - tb;

  return {
    n: corpus.n,
    indexSeconds: indexMs / 1000,
    generateSeconds: genMs / 1000,
    articlesPerSecond: corpus.n / (indexMs / 1000),
    indexBytes: stats.bytes,
    rssAfter: after.rss,
    heapAfter: after.heapUsed,
    rssBefore: before.rss,
    keys: stats.keys,
    fingerprint: latency(fpT),
    lookup: latency(lookT),
    verify: latency(verT),
    total: latency(totT),
    candidatesPerQuery: candidates / Math.max(1, opts.queries.length),
    queries: opts.queries,
    lookupMs: lookT,
    totalMs: totT,
    links,
    candidateSets,
    brute: { pairs: brutePairs, links: bruteLinks, seconds: bruteMs / 1000, queries: bruteQ },
  };
}

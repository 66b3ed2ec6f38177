import { createRequire } from "node:module";

import type { FingerprintConfig } from "../../lib/dedup/config";
import { DedupIndex } from "../../lib/dedup/dedup-index";
import { fingerprint } from "../../lib/dedup/fingerprint";
import { normalizeForHash } from "../../lib/ingest/text";
import type { DuplicateKind } from "../../lib/schemas/vocabulary";
import type { Corpus } from "./engine";
import { PLANT_KINDS, type Plan } from "./generate";
import { latency, progress, type Latency } from "./measure";

// The npm `minhash` package (0.0.9) on a sample of a generated corpus: the
// same word shingles, as many permutations as our signature and the same
// band size, so that only the implementation differs.

interface NpmMinhash {
  update(s: string): void;
  hashvalues: number[];
}
interface NpmLsh {
  insert(key: string, m: NpmMinhash): void;
  query(m: NpmMinhash): string[];
}
interface NpmModule {
  Minhash: new (cfg: { numPerm: number; seed?: number }) => NpmMinhash;
  LshIndex: new (cfg: { bandSize: number }) => NpmLsh;
}

export interface MinhashSide {
  perSecond: number;
  lookup: Latency;
  recall: Partial<Record<DuplicateKind, number>>;
  candidates: number;
}

export interface MinhashResult {
  corpus: string;
  docs: number;
  perms: number;
  bandSize: number;
  ours: MinhashSide;
  theirs: MinhashSide;
  note: string;
}

function shingleStrings(text: string, k: number): string[] {
  const w = normalizeForHash(text).split(" ").filter(Boolean);
  if (w.length <= k) return w.length ? [w.join(" ")] : [];
  const out = new Set<string>();
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(" "));
  return [...out];
}

export function runNpmMinhash(corpus: Corpus, plan: Plan, docs: number, cfg: FingerprintConfig): MinhashResult {
  const require = createRequire(import.meta.url);
  const npm = require("minhash") as NpmModule;
  const perKind = Math.max(1, Math.floor(docs / 20));
  const pairs: { copy: number; base: number; kind: DuplicateKind }[] = [];
  for (const kind of PLANT_KINDS) {
    for (const c of plan.copies[kind].slice(0, perKind)) pairs.push({ copy: c, base: plan.baseOf[c] ?? -1, kind });
  }
  const ids = new Set(pairs.flatMap((p) => [p.copy, p.base]));
  for (let id = 0; ids.size < docs && id < corpus.n; id++) if ((plan.baseOf[id] ?? -1) < 0) ids.add(id);
  const list = [...ids];
  const texts = new Map(list.map((id) => [id, corpus.text(id)]));
  const perms = cfg.bands * cfg.rows;
  progress(`npm minhash: ${list.length} articles, ${pairs.length} planted pairs`);

  // Theirs
  const lsh = new npm.LshIndex({ bandSize: cfg.rows });
  const hashes = new Map<number, NpmMinhash>();
  let t = performance.now();
  for (const id of list) {
    const m = new npm.Minhash({ numPerm: perms });
    for (const s of shingleStrings(texts.get(id) ?? "", cfg.shingleSize)) m.update(s);
    lsh.insert(String(id), m);
    hashes.set(id, m);
  }
  const theirRate = list.length / ((performance.now() - t) / 1000);
  const theirLookups: number[] = [];
  const theirFound: Record<string, number> = {};
  let theirCandidates = 0;
  for (const p of pairs) {
    const m = hashes.get(p.copy);
    if (!m) continue;
    const t0 = performance.now();
    const found = lsh.query(m); // every article is indexed: the package throws on a band it has never seen
    theirLookups.push(performance.now() - t0);
    theirCandidates += found.length - 1;
    if (found.includes(String(p.base))) theirFound[p.kind] = (theirFound[p.kind] ?? 0) + 1;
  }

  // Ours, on the same articles
  const index = new DedupIndex({ expectedKeys: list.length * 50 });
  const fps = new Map<number, ReturnType<typeof fingerprint>>();
  t = performance.now();
  for (const id of list) {
    const fp = fingerprint(texts.get(id) ?? "", cfg);
    index.add(id, fp);
    fps.set(id, fp);
  }
  const ourRate = list.length / ((performance.now() - t) / 1000);
  const ourLookups: number[] = [];
  const ourFound: Record<string, number> = {};
  let ourCandidates = 0;
  for (const p of pairs) {
    const fp = fps.get(p.copy);
    if (!fp) continue;
    const t0 = performance.now();
    const found = index.candidates(fp, p.copy);
    ourLookups.push(performance.now() - t0);
    ourCandidates += found.length;
    if (found.some((h) => h.id === p.base)) ourFound[p.kind] = (ourFound[p.kind] ?? 0) + 1;
  }

  const recall = (f: Record<string, number>) =>
    Object.fromEntries(PLANT_KINDS.map((k) => [k, (f[k] ?? 0) / Math.max(1, pairs.filter((p) => p.kind === k).length)]));
  return {
    corpus: corpus.name,
    docs: list.length,
    perms,
    bandSize: cfg.rows,
    ours: { perSecond: ourRate, lookup: latency(ourLookups), recall: recall(ourFound), candidates: ourCandidates / Math.max(1, pairs.length) },
    theirs: { perSecond: theirRate, lookup: latency(theirLookups), recall: recall(theirFound), candidates: theirCandidates / Math.max(1, pairs.length) },
    note:
      "npm minhash: candidates only (no verification); each Minhash object draws its own permutations, hashes every shingle string once per permutation " +
      "in floating point ((a·h + b) mod p with a·h beyond 2^53 loses bits), and LshIndex.query throws on an unseen band, so only indexed articles can be looked up.",
  };
}

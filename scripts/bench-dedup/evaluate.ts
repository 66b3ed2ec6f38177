import type { DuplicateKind } from "../../lib/schemas/vocabulary";
import { pairKey, type Corpus, type EngineResult } from "./engine";

// Precision and recall of the links an engine run made, per kind: against the
// planted truth, and against brute force (every article compared exactly).

export const KINDS: DuplicateKind[] = ["exact", "near", "contains", "contained", "same-story"];

export interface KindScore {
  kind: DuplicateKind;
  /** Planted (or brute-force) pairs of this kind among the queries. */
  truth: number;
  /** Of those, found with this kind. */
  found: number;
  /** Found, but with another kind. */
  otherKind: number;
  /** Links of this kind the engine made. */
  reported: number;
  /** Of those, right (same pair and kind in the truth). */
  correct: number;
  recall: number;
  precision: number;
}

function score(kind: DuplicateKind, truth: number, found: number, otherKind: number, reported: number, correct: number): KindScore {
  return {
    kind,
    truth,
    found,
    otherKind,
    reported,
    correct,
    recall: truth === 0 ? Number.NaN : found / truth,
    precision: reported === 0 ? Number.NaN : correct / reported,
  };
}

/** Against the planted pairs: every planted copy is queried; random articles are queried too, for false links. */
export function plantedScores(corpus: Corpus, r: EngineResult, queries: number[]): { scores: KindScore[]; unplanted: number } {
  const truth = corpus.truth;
  if (!truth || !corpus.planted) return { scores: [], unplanted: 0 };
  const linkOf = new Map(r.links.map((l) => [pairKey(l.q, l.d), l]));
  const asked = new Set(queries);
  const scores: KindScore[] = [];
  for (const kind of KINDS) {
    let t = 0;
    let found = 0;
    let other = 0;
    for (const c of corpus.planted[kind] ?? []) {
      if (!asked.has(c)) continue;
      const base = corpus.baseOf?.(c) ?? -1;
      t++;
      const l = linkOf.get(pairKey(c, base));
      if (l?.kind === kind) found++;
      else if (l) other++;
    }
    const reported = r.links.filter((l) => l.kind === kind);
    const correct = reported.filter((l) => truth(l.q, l.d) === kind).length;
    scores.push(score(kind, t, found, other, reported.length, correct));
  }
  const unplanted = r.links.filter((l) => truth(l.q, l.d) === undefined).length;
  return { scores, unplanted };
}

/** Against brute force on the sampled queries: recall of the index, and precision (equal verifier, so 1 unless candidates differ). */
export function bruteScores(r: EngineResult): KindScore[] {
  const qs = new Set(r.brute.queries);
  const ours = new Map(r.links.filter((l) => qs.has(l.q)).map((l) => [pairKey(l.q, l.d), l.kind]));
  return KINDS.map((kind) => {
    let t = 0;
    let found = 0;
    let other = 0;
    for (const [k, m] of r.brute.links) {
      if (m.kind !== kind) continue;
      t++;
      const o = ours.get(k);
      if (o === kind) found++;
      else if (o) other++;
    }
    let reported = 0;
    let correct = 0;
    for (const [k, o] of ours) {
      if (o !== kind) continue;
      reported++;
      if (r.brute.links.get(k)?.kind === kind) correct++;
    }
    return score(kind, t, found, other, reported, correct);
  });
}

/** Share of pairs at or above each exact Jaccard resemblance that the index returned as candidates. */
export function candidateRecallByResemblance(r: EngineResult, cuts: number[]): { cut: number; pairs: number; recall: number }[] {
  return cuts.map((cut) => {
    let pairs = 0;
    let hit = 0;
    for (const p of r.brute.pairs) {
      if (p.jaccard < cut) continue;
      pairs++;
      if (r.candidateSets.get(p.q)?.has(p.d)) hit++;
    }
    return { cut, pairs, recall: pairs === 0 ? Number.NaN : hit / pairs };
  });
}

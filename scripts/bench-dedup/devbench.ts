import { compare, prepare, type DuplicateMatch } from "../../lib/dedup/compare";
import type { DuplicateThresholds, FingerprintConfig } from "../../lib/dedup/config";
import { DedupIndex } from "../../lib/dedup/dedup-index";
import { fingerprint, indexKeys, type Fingerprint } from "../../lib/dedup/fingerprint";
import { POSITIVE, type DevLabel, type DevSet } from "./devset";
import { compare as legacyCompare } from "./legacy-compare";
import { latency, type Latency } from "./measure";

// One engine on the development set: every text indexed, the later text of
// each labelled pair looked up, the earlier one verified if it is a
// candidate, the verdict read against the label.

export interface DevEngine {
  name: string;
  cfg: FingerprintConfig;
  /** The verification of 011 (with headlines, sources, times) or the one before it (texts only). */
  legacy: boolean;
  thresholds?: DuplicateThresholds;
}

export interface DevOutcome {
  label: DevLabel;
  half: "tuning" | "held-out";
  origin: string;
  candidate: boolean;
  kind: string | null;
  reason?: string;
}

export interface DevResult {
  engine: string;
  outcomes: DevOutcome[];
  /** Index lookup alone (candidates), and fingerprint + lookup + verification, per query. */
  lookup: Latency;
  full: Latency;
  keysPerDoc: number;
  candidatesPerLookup: number;
}

/** The label a verdict stands for: contains and contained are one label, read from either side. */
export const verdictLabel = (kind: string | null): DevLabel | null => (kind === null ? null : kind === "contained" ? "contains" : (kind as DevLabel));

export function runDevSet(set: DevSet, engine: DevEngine): DevResult {
  const fps: Fingerprint[] = set.docs.map((d) => fingerprint(d.text, engine.cfg));
  const index = new DedupIndex({ expectedKeys: fps.reduce((n, f) => n + indexKeys(f).length, 0) });
  fps.forEach((fp, i) => index.add(i, fp));
  const lookups: number[] = [];
  const full: number[] = [];
  let candidates = 0;
  const outcomes: DevOutcome[] = [];
  for (const p of set.pairs) {
    const q = set.docs[p.newer]!;
    const t0 = performance.now();
    const fp = fingerprint(q.text, engine.cfg);
    const t1 = performance.now();
    const hits = index.candidates(fp, p.newer);
    const t2 = performance.now();
    // Verify every candidate, as the store does, so the full path costs what it costs there.
    const prepared = prepare(q.text);
    let match: Pick<DuplicateMatch, "kind"> & { evidence: object } | null = null;
    for (const h of hits.slice(0, 50)) {
      const o = set.docs[h.id]!;
      const m = engine.legacy
        ? legacyCompare(prepared, o.text, { thresholds: engine.thresholds })
        : compare(prepared, o.text, { thresholds: engine.thresholds, a: q.info, b: o.info });
      if (h.id === p.older) match = m;
    }
    const t3 = performance.now();
    lookups.push(t2 - t1);
    full.push(t3 - t0);
    candidates += hits.length;
    outcomes.push({
      label: p.label,
      half: p.half,
      origin: p.origin,
      candidate: hits.some((h) => h.id === p.older),
      kind: match?.kind ?? null,
      reason: match && "reason" in match.evidence ? String((match.evidence as { reason: unknown }).reason) : undefined,
    });
  }
  const keys = fps.reduce((n, f) => n + indexKeys(f).length, 0);
  return { engine: engine.name, outcomes, lookup: latency(lookups), full: latency(full), keysPerDoc: keys / fps.length, candidatesPerLookup: candidates / set.pairs.length };
}

export interface KindFigures {
  label: DevLabel;
  pairs: number;
  /** Pairs of this label given this label (positives), or linked at all (negatives: the link rate). */
  recall: number;
  /** Pairs given this label that carry it. */
  precision: number;
  predicted: number;
  /** Positives linked under any kind. */
  linked: number;
}

export interface HalfFigures {
  kinds: KindFigures[];
  /** Links on labelled pairs whose label is a positive one (any kind). */
  linkPrecision: number;
  /** Links whose kind is the label's. */
  kindPrecision: number;
  templateLinkRate: number;
  unrelatedLinkRate: number;
}

export function figures(outcomes: DevOutcome[]): HalfFigures {
  const labels = [...POSITIVE, "template", "unrelated"] as DevLabel[];
  const kinds = labels.map((label) => {
    const mine = outcomes.filter((o) => o.label === label);
    const predicted = outcomes.filter((o) => verdictLabel(o.kind) === label);
    const right = mine.filter((o) => verdictLabel(o.kind) === label).length;
    const linked = mine.filter((o) => o.kind !== null).length;
    const positive = POSITIVE.includes(label);
    return {
      label,
      pairs: mine.length,
      recall: mine.length ? (positive ? right : linked) / mine.length : Number.NaN,
      precision: predicted.length ? right / predicted.length : Number.NaN,
      predicted: predicted.length,
      linked: mine.length ? linked / mine.length : Number.NaN,
    };
  });
  const links = outcomes.filter((o) => o.kind !== null);
  const rate = (label: DevLabel) => {
    const xs = outcomes.filter((o) => o.label === label);
    return xs.length ? xs.filter((o) => o.kind !== null).length / xs.length : Number.NaN;
  };
  return {
    kinds,
    linkPrecision: links.length ? links.filter((o) => POSITIVE.includes(o.label)).length / links.length : Number.NaN,
    kindPrecision: links.length ? links.filter((o) => verdictLabel(o.kind) === o.label).length / links.length : Number.NaN,
    templateLinkRate: rate("template"),
    unrelatedLinkRate: rate("unrelated"),
  };
}

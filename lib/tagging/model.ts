import { docFeatures, type Doc } from "./doc";
import { stem } from "./stem";
import type { Evidence, FeedbackScheme, NewsroomModel, TagWeights } from "./types";

// The newsroom model: per tag, a bias and weights over word stems, added to
// the taxonomy's own confidence on the log-odds scale. Pure data in, pure
// data out; the store keeps one per newsroom.

export interface ModelOptions {
  /** The newsroom's model; without it suggestions come from the taxonomy alone. */
  model?: NewsroomModel;
}

export const MODEL_LIMITS = {
  /** Tags a model keeps; the least recently taught goes first. */
  maxTags: 500,
  /** Word weights a tag keeps; the smallest go first. */
  maxFeatures: 200,
  /** Lessons kept for undo (the step each recent decision took); the oldest go first. */
  maxLessons: 2000,
};

/** Learning rate of the word weights and of the bias. */
export const LEARNING_RATE = { weights: 3, bias: 0.2 };
/** Log-odds of a tag the taxonomy does not suggest at all (a newsroom tag, say): about 0.02. */
export const NO_PRIOR_LOGIT = -4;

export function emptyModel(): NewsroomModel {
  return { version: 1, updates: 0, tags: {} };
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function logit(p: number): number {
  const q = Math.min(0.98, Math.max(0.02, p));
  return Math.log(q / (1 - q));
}

/** Model key of a tag: "medtop:02000000", "iso3166:ES", "newsroom:local-elections". */
export function modelKey(scheme: FeedbackScheme, code: string): string {
  if (scheme === "iso3166") return `iso3166:${code.replace(/^iso3166[^:]*:/i, "").toUpperCase()}`;
  if (scheme === "newsroom") return code.startsWith("newsroom:") ? code : `newsroom:${code}`;
  return code;
}

interface Index {
  /** Stem → (tag key, weight) pairs. */
  byFeature: Map<string, [string, number][]>;
}

const indexes = new WeakMap<NewsroomModel, Index>();

/** An inverted index over the model's weights, built once per model object. */
function indexOf(model: NewsroomModel): Index {
  let ix = indexes.get(model);
  if (ix) return ix;
  const byFeature = new Map<string, [string, number][]>();
  for (const [key, tw] of Object.entries(model.tags)) {
    for (const [f, w] of Object.entries(tw.w)) {
      let list = byFeature.get(f);
      if (!list) byFeature.set(f, (list = []));
      list.push([key, w]);
    }
  }
  ix = { byFeature };
  indexes.set(model, ix);
  return ix;
}

/** Score the model adds to each tag for this article: bias + Σ weight × feature. */
export function modelDeltas(model: NewsroomModel, doc: Doc): Map<string, { delta: number; top: [string, number][] }> {
  const out = new Map<string, { delta: number; top: [string, number][] }>();
  for (const [key, tw] of Object.entries(model.tags)) out.set(key, { delta: tw.bias, top: [] });
  if (out.size === 0) return out;
  const ix = indexOf(model);
  for (const [f, x] of docFeatures(doc)) {
    const list = ix.byFeature.get(f);
    if (!list) continue;
    for (const [key, w] of list) {
      const d = out.get(key)!;
      d.delta += w * x;
      d.top.push([f, w * x]);
    }
  }
  return out;
}

/** Where in the article the stems that weighed most for a tag stand. */
function featureEvidence(doc: Doc, top: [string, number][], max = 4): Evidence[] {
  const wanted = top
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([f]) => f);
  const out: Evidence[] = [];
  for (const f of wanted) {
    search: for (const ft of [doc.headline, doc.body]) {
      for (const t of ft.tokens) {
        if (stem(t.norm) === f) {
          out.push({ text: ft.text.slice(t.start, t.end), start: t.start, end: t.end, field: ft.field });
          break search;
        }
      }
    }
  }
  return out;
}

/**
 * Combine the taxonomy's confidences (priors, by code) with the model: every
 * prior adjusted, plus every tag of the scheme the model alone suggests.
 */
export function withModel(
  model: NewsroomModel,
  doc: Doc,
  scheme: FeedbackScheme,
  priors: Map<string, number>,
): Map<string, { confidence: number; evidence: Evidence[] }> {
  const deltas = modelDeltas(model, doc);
  const out = new Map<string, { confidence: number; evidence: Evidence[] }>();
  const prefix = scheme === "iso3166" ? "iso3166:" : `${scheme}:`;
  for (const [code, p] of priors) {
    const d = deltas.get(modelKey(scheme, code));
    out.set(code, { confidence: d ? sigmoid(logit(p) + d.delta) : p, evidence: [] });
  }
  for (const [key, d] of deltas) {
    if (!key.startsWith(prefix)) continue;
    const code = scheme === "iso3166" ? key.slice(prefix.length) : key;
    if (out.has(code)) {
      // Evidence the model adds to a prior's own, when it raised it.
      if (d.delta > 0.5) out.get(code)!.evidence = featureEvidence(doc, d.top);
      continue;
    }
    const confidence = sigmoid(NO_PRIOR_LOGIT + d.delta);
    if (confidence < 0.05) continue;
    out.set(code, { confidence, evidence: featureEvidence(doc, d.top) });
  }
  return out;
}

/** The gradient of one online logistic-regression step for one tag: how far the tag's score is from the editor's answer. */
export function tagGradient(tw: TagWeights | undefined, features: Map<string, number>, priorLogit: number, target: 0 | 1): number {
  let z = priorLogit + (tw?.bias ?? 0);
  for (const [f, x] of features) z += (tw?.w[f] ?? 0) * x;
  return target - sigmoid(z);
}

/**
 * Moves a tag's weights by gradient `g` on these features. An undo applies
 * the step it takes back with -g and `lessons` -1: plain SGD steps add up, so
 * taking one back leaves every later lesson in place. Taking back touches
 * only the words the tag still keeps (a pruned word has no weight to return).
 */
export function applyStep(tw: TagWeights | undefined, features: Map<string, number>, g: number, step: number, lessons: 1 | -1 = 1): TagWeights {
  const w: Record<string, number> = { ...(tw?.w ?? {}) };
  for (const [f, x] of features) {
    if (lessons < 0 && !(f in w)) continue;
    const v = (w[f] ?? 0) + LEARNING_RATE.weights * g * x;
    w[f] = Math.round(v * 10_000) / 10_000;
    if (w[f] === 0) delete w[f];
  }
  const kept = Object.entries(w);
  let pruned = w;
  if (kept.length > MODEL_LIMITS.maxFeatures) {
    kept.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
    pruned = Object.fromEntries(kept.slice(0, MODEL_LIMITS.maxFeatures));
  }
  return {
    bias: Math.round(((tw?.bias ?? 0) + LEARNING_RATE.bias * g) * 10_000) / 10_000,
    w: pruned,
    n: Math.max(0, (tw?.n ?? 0) + lessons),
    last: step,
  };
}

/** One online logistic-regression step for one tag; returns the tag's new weights. */
export function updateTag(tw: TagWeights | undefined, features: Map<string, number>, priorLogit: number, target: 0 | 1, step: number): TagWeights {
  return applyStep(tw, features, tagGradient(tw, features, priorLogit, target), step);
}

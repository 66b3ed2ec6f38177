import { STOPWORDS, type Doc } from "./doc";
import { stem } from "./stem";
import { topLevelOf } from "./taxonomy";
import { Gap, type FieldTokens } from "./text";
import type { Evidence } from "./types";
import { addVector, dotVector, wordVectors, type WordVectors } from "./word-vectors";
import modelData from "./data/topic-model.json";

// The learned topic classifier: multinomial logistic regression over word
// stems and stem bigrams of headline and body, trained by
// scripts/build-topic-model.ts on labelled news briefs (see
// docs/decisions/012-topic-model.md and data/ATTRIBUTION.md), with its
// confidences temperature-scaled on a calibration split. Pure data: the
// weights ship in data/topic-model.json.

/** Headline words count this much more than body words: a headline names the subject. */
export const HEADLINE_WEIGHT = 2;
/**
 * Tokens read per field. The model learnt from briefs of one to three
 * sentences, so it reads a long story's opening, where its subject is, and
 * not the quotes and background further down (which is also faster).
 */
const HEADLINE_TOKENS = 60;
const BODY_TOKENS = 120;
/** Classes less likely than this get no evidence (they are not shown). */
const EVIDENCE_MIN_P = 0.15;

export interface TopicModelFile {
  version: 1;
  /** Top-level medtop codes, in weight order. */
  classes: string[];
  /** Softmax temperature fitted on the calibration split. */
  temperature: number;
  bias: number[];
  /** Weights are stored as integers; divide by this. */
  scale: number;
  /** Feature → weights per class (integers, `scale` apart), only classes[i] with a non-zero weight: [i, w, i, w, ...]. */
  weights: Record<string, number[]>;
  /** What it was trained on, for the record. */
  source: string;
}

/** Where a feature stands in the article, for evidence. */
interface Place {
  ft: FieldTokens;
  start: number;
  end: number;
}

export interface TopicFeatures {
  /** The features, in order of first occurrence. */
  keys: string[];
  /** Their values (square-rooted count, headline words weighted, unit length; a cue feature its strength). */
  vals: number[];
  /**
   * Where each first stands, packed in one number to spare the garbage
   * collector: token index × 4 + 2 if in the body + 1 if a bigram; -1 for a cue feature.
   */
  first: number[];
  /** Cue feature → where its strongest cues stand. */
  cuePlaces: Map<string, Place[]>;
  /** The words pooled into the vector features: their vector rows, weights and first places (packed as in `first`), one entry a distinct word. */
  pooled: { rows: number[]; weights: number[]; first: number[]; norm: number };
  doc: Doc;
}

let poolStamp = 0;
let poolMarks = new Int32Array(0);
let poolSlots = new Int32Array(0);

/** `first` of a pooled vector feature: not a word of its own (its words are `pooled`), not a cue. */
const POOLED = -2;
/** "v:0" … "v:99": the pooled vector's components as features. */
const vectorKeys: string[] = [];
const vectorKey = (d: number) => (vectorKeys[d] ??= `v:${d}`);

const stems = new Map<string, string | null>();

/** The stem a word counts as, or null for a word that says nothing (function words, figures, single letters). */
function featureStem(norm: string): string | null {
  let s = stems.get(norm);
  if (s !== undefined) return s;
  s = norm.length < 2 || STOPWORDS.has(norm) || /\d/.test(norm) ? null : stem(norm);
  if (stems.size > 200_000) stems.clear();
  stems.set(norm, s);
  return s;
}

const bigrams = new Map<string, Map<string, string>>();
let bigramCount = 0;

/** "a b", the same string object every time: a Map then finds it without hashing it again. */
function bigram(a: string, b: string): string {
  let m = bigrams.get(a);
  if (!m) bigrams.set(a, (m = new Map()));
  let s = m.get(b);
  if (s === undefined) {
    if (++bigramCount > 500_000) {
      bigrams.clear();
      bigramCount = 0;
    }
    m.set(b, (s = `${a} ${b}`));
  }
  return s;
}

/** A topic's cue-word strength in the story (topics.ts), given to the classifier as one more feature. */
export interface CueFeature {
  /** Top-level medtop code. */
  code: string;
  /** 0..1 */
  strength: number;
  /** Where its strongest cues stand, strongest first: its evidence. */
  places: Place[];
}

/**
 * Unigram and bigram stems of headline and body, plus the cue lexicon's
 * strength per topic ("cue:medtop:15000000"): the lexicon knows words the
 * training data rarely has (team names, say), and the model learns how far
 * to trust it. And the same words' English vectors pooled into one of unit
 * length ("v:0" … "v:99"): a word the training data never had still counts
 * by the words it sits near. Copy known to be in another language pools
 * nothing (the vectors are English). Shared by training and tagging so that
 * both read alike.
 */
export function topicFeatures(doc: Doc, cues: CueFeature[] = [], vectors: WordVectors | null = wordVectors(), vectorFeatures = true): TopicFeatures {
  // Parallel arrays and one index: a Map per feature value costs more than the model itself.
  const index = new Map<string, number>();
  const keys: string[] = [];
  const vals: number[] = [];
  const first: number[] = [];
  const add = (f: string, weight: number, at: number) => {
    const j = index.get(f);
    if (j === undefined) {
      index.set(f, keys.length);
      keys.push(f);
      vals.push(weight);
      first.push(at);
    } else vals[j]! += weight;
  };
  const pooling = vectors !== null && !doc.foreign;
  const pooled = { rows: [] as number[], weights: [] as number[], first: [] as number[], norm: 0 };
  // Which vector rows this call has pooled, and where in its list: marks by row, cheaper than a Map a story.
  if (poolStamp === 0x7fffffff) {
    poolStamp = 0;
    poolMarks.fill(0);
  }
  const stamp = ++poolStamp;
  if (pooling && poolMarks.length < vectors!.index.size) {
    poolMarks = new Int32Array(vectors!.index.size);
    poolSlots = new Int32Array(vectors!.index.size);
  }
  const field = (ft: FieldTokens, weight: number, limit: number, skipBefore: number, inBody: number) => {
    const toks = ft.tokens;
    const n = Math.min(toks.length, limit);
    let prev: string | null = null;
    for (let i = 0; i < n; i++) {
      const t = toks[i]!;
      if (t.start < skipBefore) continue;
      const s = (t.word.feature ??= featureStem(t.norm));
      if (s === null || doc.stop?.has(t.norm)) {
        prev = null;
        continue;
      }
      add(s, weight, i * 4 + inBody);
      if (pooling) {
        const row = (t.word.vector ??= vectors!.index.get(t.norm) ?? -1);
        if (row >= 0) {
          if (poolMarks[row] !== stamp) {
            poolMarks[row] = stamp;
            poolSlots[row] = pooled.rows.length;
            pooled.rows.push(row);
            pooled.weights.push(weight);
            pooled.first.push(i * 4 + inBody);
          } else pooled.weights[poolSlots[row]!]! += weight;
        }
      }
      // A bigram only within a sentence and with nothing dropped between its words.
      if (prev !== null && t.gap !== Gap.Sentence) add(bigram(prev, s), weight, (i - 1) * 4 + inBody + 1);
      prev = s;
    }
  };
  field(doc.headline, HEADLINE_WEIGHT, HEADLINE_TOKENS, 0, 0);
  field(doc.body, 1, BODY_TOKENS, doc.datelineInBody ?? 0, 2);
  let norm = 0;
  for (let j = 0; j < vals.length; j++) norm += vals[j]!; // Σ (√count)² = Σ count
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < vals.length; j++) vals[j] = Math.sqrt(vals[j]!) / norm;
  if (pooling && pooled.rows.length) {
    const pool = new Float64Array(vectors!.dims);
    for (let w = 0; w < pooled.rows.length; w++) addVector(vectors!, pooled.rows[w]!, pooled.weights[w]!, pool);
    let sq = 0;
    for (const x of pool) sq += x * x;
    pooled.norm = Math.sqrt(sq);
    // Tagging reads the pool word by word (classifyTopics); training learns its components as features.
    if (pooled.norm > 0 && vectorFeatures) {
      for (let d = 0; d < pool.length; d++) {
        keys.push(vectorKey(d));
        vals.push(pool[d]! / pooled.norm);
        first.push(POOLED);
      }
    }
  }
  const cuePlaces = new Map<string, Place[]>();
  for (const c of cues) {
    const key = `cue:${c.code}`;
    keys.push(key);
    vals.push(c.strength);
    first.push(-1);
    cuePlaces.set(key, c.places);
  }
  return { keys, vals, first, cuePlaces, pooled, doc };
}

/** The features as a map (feature → value), for training. */
export function featureMap(tf: TopicFeatures): Map<string, number> {
  return new Map(tf.keys.map((k, j) => [k, tf.vals[j]!]));
}

/** Where a feature stands: its cues, or its first occurrence; j < 0 is pooled word -1 - j. */
function placesOf(tf: TopicFeatures, j: number): Place[] {
  const code = j < 0 ? tf.pooled.first[-1 - j]! : tf.first[j]!;
  if (code < 0) return tf.cuePlaces.get(tf.keys[j]!) ?? [];
  const ft = code & 2 ? tf.doc.body : tf.doc.headline;
  const i = code >> 2;
  const a = ft.tokens[i]!;
  const b = code & 1 ? ft.tokens[i + 1]! : a;
  return [{ ft, start: a.start, end: b.end }];
}

export interface LoadedTopicModel {
  classes: string[];
  /** The top-level topic of each class. */
  tops: string[];
  temperature: number;
  bias: Float64Array;
  /** Feature → dense weights per class. */
  weights: Map<string, Float64Array>;
  /** Feature → weights less their mean over the classes: what it says for one class against the others. */
  centred: Map<string, Float64Array>;
  /** Feature → both, weights then centred weights in one array: tagging looks a feature up once. */
  rows: Map<string, Float64Array>;
  /** It learnt the pooled word vectors' features ("v:0" …): tagging pools them. */
  pooling: boolean;
  /** The pooled features' rows, dimension by dimension (dims × 2K), when it pools. */
  vectorRows: Float64Array | null;
  /** Each word's vector through vectorRows (2K a word, weights then centred), computed when first met. */
  projections?: { done: Uint8Array; values: Float32Array };
}

let loaded: LoadedTopicModel | undefined;

/** The shipped model, parsed once. */
export function topicModel(): LoadedTopicModel {
  loaded ??= loadTopicModel(modelData as unknown as TopicModelFile);
  return loaded;
}

export function loadTopicModel(file: TopicModelFile): LoadedTopicModel {
  if (file.version !== 1 || !Array.isArray(file.classes) || file.bias.length !== file.classes.length) {
    throw new Error("topic-model.json: not a version 1 model with one bias per class");
  }
  const k = file.classes.length;
  const weights = new Map<string, Float64Array>();
  const centred = new Map<string, Float64Array>();
  const rows = new Map<string, Float64Array>();
  for (const [f, pairs] of Object.entries(file.weights)) {
    const row = new Float64Array(2 * k);
    for (let i = 0; i < pairs.length; i += 2) row[pairs[i]!] = pairs[i + 1]! / file.scale;
    let mean = 0;
    for (let c = 0; c < k; c++) mean += row[c]!;
    mean /= k;
    for (let c = 0; c < k; c++) row[k + c] = row[c]! - mean;
    rows.set(f, row);
    weights.set(f, row.subarray(0, k));
    centred.set(f, row.subarray(k));
  }
  const tops = file.classes.map((c) => topLevelOf(c) ?? c);
  // The pooled features' rows by dimension; one the build pruned whole (every weight near zero) counts as zeros.
  let dims = 0;
  for (const f of rows.keys()) if (f.startsWith("v:")) dims = Math.max(dims, Number(f.slice(2)) + 1);
  let vectorRows: Float64Array | null = null;
  if (dims > 0) {
    vectorRows = new Float64Array(dims * 2 * k);
    for (let d = 0; d < dims; d++) {
      const row = rows.get(vectorKey(d));
      if (row) vectorRows.set(row, d * 2 * k);
    }
  }
  return { classes: file.classes, tops, temperature: file.temperature, bias: Float64Array.from(file.bias), weights, centred, rows, pooling: dims > 0, vectorRows };
}

/**
 * What word vector `row` adds to each class per unit of pooled weight
 * (weights, then centred weights): the model is linear in the pooled vector,
 * so its part is the sum of its words' parts, and each word's part is its
 * evidence. Computed once a word, a dot product a class instead of one a
 * dimension for every token.
 */
function projections(model: LoadedTopicModel, vectors: WordVectors, rows: number[]): Float32Array {
  const K2 = model.classes.length * 2;
  const p = (model.projections ??= { done: new Uint8Array(vectors.index.size), values: new Float32Array(vectors.index.size * K2) });
  let weights = model.vectorRows!;
  if (weights.length > vectors.dims * K2) throw new Error(`topic model: ${weights.length / K2} pooled features for word vectors of ${vectors.dims} dimensions`);
  if (weights.length < vectors.dims * K2) {
    // Its last dimensions pruned whole: zeros.
    const full = new Float64Array(vectors.dims * K2);
    full.set(weights);
    model.vectorRows = weights = full;
  }
  for (const row of rows) {
    if (p.done[row]) continue;
    for (let c = 0; c < K2; c++) p.values[row * K2 + c] = dotVector(vectors, row, weights, c, K2);
    p.done[row] = 1;
  }
  return p.values;
}

export interface ClassScore {
  code: string;
  /** Its top-level topic. */
  top: string;
  /** Calibrated probability that this is the story's topic. */
  p: number;
  /** The features present that pushed this class up most, strongest first. */
  evidence: Evidence[];
}

export function softmax(z: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  const p = new Float64Array(z.length);
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += p[k] = Math.exp((z[k]! - max) / temperature);
  for (let k = 0; k < z.length; k++) p[k]! /= sum;
  return p;
}

/**
 * Every class with its calibrated probability and evidence, best first; empty
 * when the article has fewer than `minWords` words the model knows and no
 * cue feature (it says nothing).
 */
export function classifyTopics(doc: Doc, cues: CueFeature[] = [], model = topicModel(), maxEvidence = 6, minWords = 1): ClassScore[] {
  const vectors = model.pooling ? wordVectors() : null;
  const tf = topicFeatures(doc, cues, vectors, false);
  const K = model.classes.length;
  const z = Float64Array.from(model.bias);
  // The known features, kept for the evidence below.
  const fs: number[] = [];
  const vs: number[] = [];
  const rs: Float64Array[] = [];
  for (let j = 0; j < tf.keys.length; j++) {
    const row = model.rows.get(tf.keys[j]!);
    if (!row) continue;
    const v = tf.vals[j]!;
    fs.push(j);
    vs.push(v);
    rs.push(row);
    for (let k = 0; k < K; k++) z[k]! += row[k]! * v;
  }
  // The pooled vector, word by word: the same sum as its components' features, fewer products.
  const pooled = tf.pooled;
  const parts = vectors && pooled.norm > 0 ? projections(model, vectors, pooled.rows) : null;
  if (parts) {
    for (let w = 0; w < pooled.rows.length; w++) {
      const at = pooled.rows[w]! * 2 * K;
      const v = pooled.weights[w]! / pooled.norm;
      for (let k = 0; k < K; k++) z[k]! += parts[at + k]! * v;
    }
  }
  // Too few known words and no cue (a tagger's "Hello"): the probabilities would be mostly the class priors.
  let words = 0;
  let cue = false;
  for (const j of fs) {
    const at = tf.first[j]!;
    if (at < 0) cue = true;
    else if ((at & 1) === 0) words++;
  }
  if (words < minWords && !cue) return [];
  const p = softmax(z, model.temperature);
  const out: ClassScore[] = model.classes.map((code, k) => ({ code, top: model.tops[k]!, p: p[k]!, evidence: [] as Evidence[] }));
  // Evidence, only for the classes likely enough to be shown: the present
  // features that weigh most for the class against the average class.
  for (let k = 0; k < K; k++) {
    if (p[k]! < EVIDENCE_MIN_P) continue;
    const list: [number, number][] = [];
    for (let j = 0; j < fs.length; j++) {
      const c = rs[j]![K + k]! * vs[j]!;
      if (c > 0) list.push([fs[j]!, c]);
    }
    // A pooled word's part counts as its own evidence, beside its stem's.
    if (parts) {
      for (let w = 0; w < pooled.rows.length; w++) {
        const c = (parts[pooled.rows[w]! * 2 * K + K + k]! * pooled.weights[w]!) / pooled.norm;
        if (c > 0) list.push([-1 - w, c]);
      }
    }
    list.sort((a, b) => b[1] - a[1]);
    const taken: Place[] = [];
    for (const [f] of list) {
      if (taken.length >= maxEvidence) break;
      for (const pl of placesOf(tf, f)) {
        if (taken.length >= maxEvidence) break;
        // A bigram and its own words quote overlapping places: one piece of evidence, the longer span.
        const same = taken.find((t) => t.ft === pl.ft && t.start < pl.end && pl.start < t.end);
        if (same) {
          same.start = Math.min(same.start, pl.start);
          same.end = Math.max(same.end, pl.end);
        } else taken.push({ ...pl });
      }
    }
    out[k]!.evidence = taken.map((pl) => {
      const quotes = pl.ft.quotes ?? pl.ft.field;
      return { text: pl.ft.text.slice(pl.start, pl.end), start: pl.start, end: pl.end, field: quotes === "headline" ? "headline" : "body" };
    });
  }
  return out.sort((a, b) => b.p - a.p);
}

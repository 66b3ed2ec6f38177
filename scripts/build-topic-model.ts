// npm run topics:build -- [--topic-data DIR] [--epochs N] [--l2 X] [--out FILE]
// Rebuilds lib/tagging/data/topic-model.json, the learned topic classifier,
// from Wikipedia's Current events portal (CC BY-SA 4.0): every news item
// under a section heading, the heading mapped to an IPTC Media Topic by
// lib/tagging/data/topic-mapping.json. Multinomial logistic regression over
// the features of lib/tagging/topic-model.ts, trained on the days before the
// calibration and test splits (scripts/topic-data.ts), its temperature fitted
// on the calibration split. Deterministic: same data, same model.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { analyse } from "../lib/tagging/doc";
import { classifierFeatures } from "../lib/tagging/topics";
import { topLevelOf } from "../lib/tagging/taxonomy";
import type { TopicModelFile } from "../lib/tagging/topic-model";
import { TOPIC_DATA_HELP, labelOf, readCurrentEvents, splitByDate, topicDataDir, type Example } from "./topic-data";

const root = path.resolve(import.meta.dirname, "..");

const USAGE = `usage: npm run topics:build -- [--topic-data DIR] [--epochs N] [--l2 X] [--out FILE]

  --topic-data DIR  ${TOPIC_DATA_HELP}
  --epochs N        passes over the training split (default 6)
  --l2 X            L2 penalty per update (default 1e-4)
  --out FILE        where to write the model (default lib/tagging/data/topic-model.json)`;

/** A topic with fewer training items than this is not learnt: the cue lexicon keeps it (environment, here). */
const MIN_CLASS_ITEMS = 50;
/** A feature must occur in this many training items to be learnt. */
const MIN_DF = 2;
/** Weights smaller than this are dropped from the shipped file (they move no decision). */
const PRUNE = 0.02;
const SCALE = 1000;

/** A small deterministic generator, so that the same data gives the same model. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sparse {
  idx: Int32Array;
  val: Float64Array;
  y: number;
}

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        "topic-data": { type: "string" },
        epochs: { type: "string" },
        l2: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let dir: string;
  try {
    dir = topicDataDir(values["topic-data"]);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 1;
  }
  // Chosen on the calibration split: accuracy there stops rising after about 6 passes.
  const epochs = Number(values.epochs ?? 6);
  const l2 = Number(values.l2 ?? 1e-4);
  if (!(epochs >= 1) || !(l2 >= 0)) {
    console.error(`--epochs must be ≥ 1 and --l2 ≥ 0\n\n${USAGE}`);
    return 2;
  }
  const out = path.resolve(values.out ?? path.join(root, "lib/tagging/data/topic-model.json"));

  const items = readCurrentEvents(dir);
  // The same sentence filed twice (two days, two headings) teaches nothing new and could cross the split.
  const seen = new Set<string>();
  const examples: (Example & { date: string })[] = [];
  const left = new Map<string, number>();
  for (const item of items) {
    if (seen.has(item.text)) continue;
    seen.add(item.text);
    const label = labelOf(item);
    if (!label) {
      left.set(item.heading, (left.get(item.heading) ?? 0) + 1);
      continue;
    }
    examples.push({ item, label, date: item.date });
  }
  const all = splitByDate(examples);
  const trainCount = new Map<string, number>();
  for (const e of all.train) trainCount.set(e.label, (trainCount.get(e.label) ?? 0) + 1);
  const thin = [...trainCount].filter(([, n]) => n < MIN_CLASS_ITEMS);
  if (thin.length) console.log(`not learnt (under ${MIN_CLASS_ITEMS} training items; the cue lexicon keeps them): ${thin.map(([c, n]) => `${c} ×${n}`).join(", ")}`);
  const keep = (e: Example) => (trainCount.get(e.label) ?? 0) >= MIN_CLASS_ITEMS;
  const split = { train: all.train.filter(keep), calibration: all.calibration.filter(keep), test: all.test.filter(keep) };
  const classes = [...new Set(split.train.map((e) => e.label))].sort();
  const K = classes.length;
  console.log(`${items.length} portal items, ${examples.length} distinct and labelled; left out: ${[...left].map(([h, n]) => `${h} ×${n}`).join(", ") || "none"}`);
  console.log(`split by date: train ${split.train.length}, calibration ${split.calibration.length}, test ${split.test.length}`);
  for (const c of classes) {
    console.log(`  ${c}: train ${split.train.filter((e) => e.label === c).length}, test ${split.test.filter((e) => e.label === c).length}`);
  }

  const featurize = (e: Example) => classifierFeatures(analyse({ headline: "", bodyText: e.item.text }));
  const trainX = split.train.map(featurize);
  const df = new Map<string, number>();
  for (const x of trainX) for (const f of x.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df].filter(([, n]) => n >= MIN_DF).map(([f]) => f).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const F = vocab.length;
  const toSparse = (x: Map<string, number>, y: number): Sparse => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [f, v] of x) {
      const i = index.get(f);
      if (i !== undefined) {
        idx.push(i);
        val.push(v);
      }
    }
    return { idx: Int32Array.from(idx), val: Float64Array.from(val), y };
  };
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const topOf = classes.map((c) => topLevelOf(c) ?? c);
  const train = split.train.map((e, i) => toSparse(trainX[i]!, classIndex.get(e.label)!));
  const cal = split.calibration.map((e) => toSparse(featurize(e), classIndex.get(e.label)!));

  // Rarer classes weigh more (square root of the inverse frequency), so that a small class is not drowned.
  const freq = new Float64Array(K);
  for (const d of train) freq[d.y]!++;
  const classWeight = Array.from(freq, (n) => Math.sqrt(train.length / (K * Math.max(1, n))));

  // Multinomial logistic regression, AdaGrad, L2 applied to the weights an update touches.
  const W = new Float64Array(F * K);
  const G = new Float64Array(F * K).fill(1e-8);
  const b = new Float64Array(K);
  const Gb = new Float64Array(K).fill(1e-8);
  const lr = 0.5;
  const random = rng(14);
  const order = train.map((_, i) => i);
  const z = new Float64Array(K);
  const scores = (d: Sparse, out: Float64Array) => {
    out.set(b);
    for (let j = 0; j < d.idx.length; j++) {
      const base = d.idx[j]! * K;
      const v = d.val[j]!;
      for (let k = 0; k < K; k++) out[k]! += W[base + k]! * v;
    }
  };
  const probs = (zs: Float64Array, t: number) => {
    let max = -Infinity;
    for (const v of zs) if (v > max) max = v;
    let sum = 0;
    const p = new Float64Array(K);
    for (let k = 0; k < K; k++) sum += p[k] = Math.exp((zs[k]! - max) / t);
    for (let k = 0; k < K; k++) p[k]! /= sum;
    return p;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    for (const oi of order) {
      const d = train[oi]!;
      scores(d, z);
      const p = probs(z, 1);
      const cw = classWeight[d.y]!;
      loss -= cw * Math.log(Math.max(1e-12, p[d.y]!));
      for (let k = 0; k < K; k++) {
        const g = cw * (p[k]! - (k === d.y ? 1 : 0));
        Gb[k]! += g * g;
        b[k]! -= (lr * g) / Math.sqrt(Gb[k]!);
        for (let j = 0; j < d.idx.length; j++) {
          const at = d.idx[j]! * K + k;
          const gw = g * d.val[j]! + l2 * W[at]!;
          G[at]! += gw * gw;
          W[at]! -= (lr * gw) / Math.sqrt(G[at]!);
        }
      }
    }
    let right = 0;
    for (const d of cal) {
      scores(d, z);
      const p = probs(z, 1);
      const byTop = new Map<string, number>();
      classes.forEach((c, k) => byTop.set(topOf[k]!, (byTop.get(topOf[k]!) ?? 0) + p[k]!));
      const best = [...byTop].sort((a, c) => c[1] - a[1])[0]![0];
      if (best === topOf[d.y]) right++;
    }
    console.log(`epoch ${epoch + 1}: training loss ${(loss / train.length).toFixed(4)}, calibration top-level accuracy ${(right / cal.length).toFixed(3)}`);
  }

  // Temperature: the one that gives the calibration split the lowest log loss.
  const calZ = cal.map((d) => {
    const zs = new Float64Array(K);
    scores(d, zs);
    return zs;
  });
  let temperature = 1;
  let bestNll = Infinity;
  for (let t = 0.3; t <= 4.001; t += 0.05) {
    let nll = 0;
    calZ.forEach((zs, i) => (nll -= Math.log(Math.max(1e-12, probs(zs, t)[cal[i]!.y]!))));
    if (nll < bestNll) {
      bestNll = nll;
      temperature = Math.round(t * 100) / 100;
    }
  }
  console.log(`temperature ${temperature} (calibration log loss ${(bestNll / cal.length).toFixed(4)})`);

  const weights: Record<string, number[]> = {};
  let kept = 0;
  for (let f = 0; f < F; f++) {
    const pairs: number[] = [];
    for (let k = 0; k < K; k++) {
      const w = W[f * K + k]!;
      if (Math.abs(w) >= PRUNE) pairs.push(k, Math.round(w * SCALE));
    }
    if (pairs.length) {
      weights[vocab[f]!] = pairs;
      kept++;
    }
  }
  const file: TopicModelFile = {
    version: 1,
    classes,
    temperature,
    bias: Array.from(b, (v) => Math.round(v * SCALE) / SCALE),
    scale: SCALE,
    weights,
    source:
      `Wikipedia Current events portal (CC BY-SA 4.0), ${split.train.length} items of ${split.train[0]?.date ?? "?"}..${split.train.at(-1)?.date ?? "?"}; ` +
      `headings mapped by topic-mapping.json; built by scripts/build-topic-model.ts`,
  };
  writeFileSync(out, JSON.stringify(file) + "\n");
  console.log(`wrote ${path.relative(root, out)}: ${K} classes, ${kept} of ${F} features kept (|w| ≥ ${PRUNE})`);
  return 0;
}

process.exitCode = main();

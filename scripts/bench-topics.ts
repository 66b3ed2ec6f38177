// The topic half of npm run bench:tagging: the top suggested top-level topic
// (what an editor accepts with one key) against labelled general news, on
//   1. the held-out test splits of the training data, each source apart:
//      Wikipedia Current events portal items (the last days) and HuffPost
//      headlines with their short descriptions (the last dates); briefs only;
//   2. Wikinews articles of 2019-2020, a different publisher, labelled by hand
//      (scripts/topic-eval/wikinews-labels.tsv): full-length, and as briefs
//      (headline and first sentence).
// Per set: accuracy, macro-F1, per-class precision and recall, the confusion
// matrix, the reliability table of the top confidence, and articles per second.
import { readFileSync } from "node:fs";
import path from "node:path";
import { suggestTopics } from "../lib/tagging/index";
import { topicName, TOP_LEVEL_TOPICS, topLevelOf } from "../lib/tagging/taxonomy";
import { loadTopicModel, type TopicModelFile } from "../lib/tagging/topic-model";
import type { TagInput } from "../lib/tagging/types";
import { briefOf, readWikinews, topicSplits } from "./topic-data";

const root = path.resolve(import.meta.dirname, "..");
const LABELS = path.join(root, "scripts/topic-eval/wikinews-labels.tsv");

interface Case {
  input: TagInput;
  gold: string;
  also: string[];
}

interface Result {
  gold: string;
  also: string[];
  /** Top suggested top-level topic, or "none". */
  got: string;
  confidence: number;
}

const NONE = "none";
const short = (code: string) => (code === NONE ? "(none)" : topicName(code));
const pct = (x: number) => x.toFixed(3);

function run(cases: Case[], passes: number): { results: Result[]; rate: number } {
  let results: Result[] = [];
  let best = Infinity;
  for (let pass = 0; pass < passes; pass++) {
    const t0 = performance.now();
    results = cases.map((c) => {
      const top = suggestTopics(c.input).find((t) => t.scheme === "medtop" && t.level === 1);
      return { gold: c.gold, also: c.also, got: top?.code ?? NONE, confidence: top?.confidence ?? 0 };
    });
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { results, rate: cases.length / best };
}

export interface SetFigures {
  accuracy: number;
  lenient: number;
  macroF1: number;
  minRecall: { code: string; recall: number; support: number };
  rate: number;
}

function report(title: string, cases: Case[], passes: number, goal: number): SetFigures {
  const { results, rate } = run(cases, passes);
  const n = results.length;
  const right = results.filter((r) => r.got === r.gold).length;
  const lenient = results.filter((r) => r.got === r.gold || r.also.includes(r.got)).length;
  const abstained = results.filter((r) => r.got === NONE).length;
  const classes = [...new Set(results.map((r) => r.gold))].sort();
  const predicted = [...new Set(results.map((r) => r.got))].filter((c) => !classes.includes(c)).sort();
  const cols = [...classes, ...predicted];
  let f1Sum = 0;
  let minRecall = { code: "", recall: Infinity, support: 0 };
  const rows: string[] = [];
  for (const c of classes) {
    const tp = results.filter((r) => r.gold === c && r.got === c).length;
    const support = results.filter((r) => r.gold === c).length;
    const said = results.filter((r) => r.got === c).length;
    const p = said ? tp / said : 0;
    const rec = support ? tp / support : 0;
    const f1 = p + rec ? (2 * p * rec) / (p + rec) : 0;
    f1Sum += f1;
    if (rec < minRecall.recall) minRecall = { code: c, recall: rec, support };
    rows.push(`    ${short(c).padEnd(22)} precision ${pct(p)}  recall ${pct(rec)}  F1 ${pct(f1)}  (${support} labelled, ${said} suggested)`);
  }
  const macroF1 = f1Sum / (classes.length || 1);
  const accuracy = right / (n || 1);
  const mark = (ok: boolean) => (ok ? "goal met" : "goal missed");
  console.log(`  ${title}: ${n} articles`);
  console.log(`    accuracy ${pct(accuracy)}   [goal ≥ ${goal.toFixed(2)}: ${mark(accuracy >= goal)}]`);
  console.log(`    accuracy counting a second topic the label allows: ${pct(lenient / (n || 1))}`);
  console.log(`    macro-F1 ${pct(macroF1)} over the ${classes.length} labelled topics; no topic suggested for ${abstained}`);
  console.log(
    `    lowest recall: ${short(minRecall.code)} ${pct(minRecall.recall)} on ${minRecall.support}   [goal every topic ≥ 0.75: ${mark(minRecall.recall >= 0.75)}]`,
  );
  const under = classes
    .map((c) => {
      const support = results.filter((r) => r.gold === c).length;
      return { c, support, rec: results.filter((r) => r.gold === c && r.got === c).length / support };
    })
    .filter((x) => x.rec < 0.75);
  if (under.length) console.log(`    topics under 0.75 recall: ${under.map((x) => `${short(x.c)} ${pct(x.rec)} (n=${x.support})`).join(", ")}`);
  console.log(`    per topic:`);
  console.log(rows.join("\n"));
  // Confusion matrix: rows are the labels, columns the top suggestion.
  const abbrev = (c: string) => short(c).slice(0, 6).padStart(6);
  console.log(`    confusion (rows: label; columns: top suggestion):`);
  console.log(`    ${"".padEnd(22)} ${cols.map(abbrev).join(" ")}`);
  for (const g of classes) {
    const cells = cols.map((c) => String(results.filter((r) => r.gold === g && r.got === c).length).padStart(6));
    console.log(`    ${short(g).padEnd(22)} ${cells.join(" ")}`);
  }
  // Reliability: of the top suggestions made at a confidence, how many were right.
  console.log(`    reliability of the top suggestion's confidence:`);
  console.log(`      confidence   articles   mean confidence   right`);
  for (let b = 0; b < 10; b++) {
    // Tenths, 1.0 in the last one.
    const bin = results.filter((r) => r.got !== NONE && Math.min(9, Math.floor(r.confidence * 10 + 1e-9)) === b);
    if (!bin.length) continue;
    const mean = bin.reduce((s, r) => s + r.confidence, 0) / bin.length;
    const ok = bin.filter((r) => r.got === r.gold).length / bin.length;
    console.log(`      ${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)}      ${String(bin.length).padStart(8)}   ${pct(mean).padStart(15)}   ${pct(ok)}`);
  }
  console.log(`    ${Math.round(rate).toLocaleString("en")} articles per second (topics only, one thread, fastest of ${passes} passes)`);
  return { accuracy, lenient: lenient / (n || 1), macroF1, minRecall, rate };
}

/** The topic figures; throws with a clear message when the data folder is wrong. */
export function benchTopics(dir: string, passes: number): void {
  // Load time of the shipped weights, from the file, as a fresh process pays it.
  const t0 = performance.now();
  const file = JSON.parse(readFileSync(path.join(root, "lib/tagging/data/topic-model.json"), "utf8")) as TopicModelFile;
  const model = loadTopicModel(file);
  const loadMs = performance.now() - t0;
  const bytes = readFileSync(path.join(root, "lib/tagging/data/topic-model.json")).length;
  console.log(`Topics: the top suggested top-level IPTC topic against labelled general news`);
  console.log(
    `  model: ${model.classes.length} learnt classes (${model.classes.map((c) => short(topLevelOf(c) ?? c) + (topLevelOf(c) !== c ? ` > ${short(c)}` : "")).join(", ")}), ` +
      `${model.weights.size.toLocaleString("en")} features, ${(bytes / 1e6).toFixed(2)} MB; loaded in ${Math.round(loadMs)} ms   [goal < 1 s: ${loadMs < 1000 ? "goal met" : "goal missed"}]`,
  );
  const notLearnt = TOP_LEVEL_TOPICS.filter((t) => !model.classes.some((c) => (topLevelOf(c) ?? c) === t.qcode)).map((t) => t.short ?? t.label);
  console.log(`  topics from the cue lexicon only (not in the training data): ${notLearnt.join(", ")}`);
  console.log("");

  // 1. Held out: the last dates of each training source, never trained or tuned on.
  const splits = topicSplits(dir);
  const test = splits.portal.test;
  console.log(`Held-out split of the training data (Wikipedia Current events, ${test[0]?.date}..${test.at(-1)?.date}; CC BY-SA 4.0):`);
  console.log(`  full-length stories: none in this set (every portal item is a brief of one to three sentences)`);
  report(
    "short briefs (each portal item as it stands)",
    test.map((e) => ({ input: { headline: "", bodyText: e.body }, gold: topLevelOf(e.label) ?? e.label, also: [] })),
    passes,
    0.85,
  );
  console.log("");
  const hp = splits.huffpost.test;
  const hpDates = hp.map((e) => e.date).sort();
  console.log(`Held-out split of the training data (HuffPost, News Category Dataset, ${hpDates[0]}..${hpDates.at(-1)}; CC BY 4.0):`);
  report(
    "short briefs (headline and short description)",
    hp.map((e) => ({ input: { headline: e.headline, bodyText: e.body }, gold: topLevelOf(e.label) ?? e.label, also: [] })),
    passes,
    0.85,
  );
  console.log("");

  // 2. Another publisher: Wikinews.
  const wn = readWikinews(dir, LABELS);
  console.log(`Wikinews 2019-2020 (en.wikinews.org, CC BY 2.5), labelled by hand for Wiredesk (${path.relative(root, LABELS)}):`);
  report("full-length stories (headline and whole text)", wn.map((a) => ({ input: { headline: a.headline, bodyText: a.body }, gold: a.gold, also: a.also })), passes, 0.9);
  console.log("");
  report(
    "short briefs (headline and first sentence)",
    wn.map((a) => ({ input: { headline: a.headline, bodyText: briefOf(a.body) }, gold: a.gold, also: a.also })),
    passes,
    0.85,
  );
}

// npm run bench:dedup -- [--corpus DIR] [--dev-per-kind N] [--full [--sizes 100000,1000000] [--pg URL|off] [--sample N]]
//
// First, the development set of decision 011 (docs/decisions/011-stories-rewrites-templates-versions.md):
// recall and precision per kind, tuning and held-out halves, the link rate on
// template notices, and lookup speed against the engine before 011 in the
// same run. With --full, then: the duplicate engine (lib/dedup) on Reuters-21578 and on generated corpora
// built from it with planted copies of every kind; PostgreSQL pg_trgm and the
// npm `minhash` package on the same articles for comparison. Method and
// figures: docs/decisions/003-duplicate-detection.md.
import { resolve } from "node:path";
import { parseArgs } from "node:util";

import { DEFAULT_FINGERPRINT_CONFIG, type FingerprintConfig } from "../lib/dedup/config";
import { DEFAULT_CANDIDATE_RULE, type CandidateRule } from "../lib/dedup/dedup-index";
import { mulberry32 } from "../lib/dedup/hash";
import { reverseKind, type DuplicateKind } from "../lib/schemas/vocabulary";
import { runEngine, type Corpus, type EngineResult } from "./bench-dedup/engine";
import { KINDS, bruteScores, candidateRecallByResemblance, plantedScores, type KindScore } from "./bench-dedup/evaluate";
import { PLANT_KINDS, articleText, buildPool, makePlan, type Plan, type SentencePool } from "./bench-dedup/generate";
import { mib, ms, progress, ratio, table } from "./bench-dedup/measure";
import { runNpmMinhash, type MinhashResult } from "./bench-dedup/npm-minhash";
import { runPgTrgm, type PgResult } from "./bench-dedup/pg-trgm";
import { readReutersCorpus, type ReutersStory } from "./bench-dedup/reuters";
import { buildDevSet, POSITIVE } from "./bench-dedup/devset";
import { figures as devFigures, runDevSet, type DevEngine, type DevResult } from "./bench-dedup/devbench";

const USAGE = `usage: npm run bench:dedup -- [--corpus DIR] [--dev-per-kind N] [--labels FILE] [--full] [--sizes 100000,1000000] [--pg URL|off] [--pg-max N] [--sample N] [--brute N]
  --corpus DIR     Reuters-21578 folder (default: $WIREDESK_CORPUS_DIR or ../shared/corpora/reuters21578)
  --dev-per-kind N stories drawn per generated kind in the development set (default 600)
  --labels FILE    labelled Reuters pairs ("older,newer,label" NEWIDs) instead of the ones mined by rule
  --full           after the development set, the scale runs of decision 003 (about 11 minutes)
  --sizes LIST     generated corpus sizes (default 100000,1000000)
  --pg URL|off     PostgreSQL server for the pg_trgm baseline (default postgresql://postgres@127.0.0.1:5432/postgres);
                   a database wiredesk_bench_<pid> is created there and dropped afterwards
  --pg-max N       largest corpus loaded into PostgreSQL (default 100000)
  --sample N       lookups per planted kind and of random articles (default 1000)
  --brute N        queries checked by brute force against the whole corpus (default 200)
  --minhash-docs N articles for the npm minhash baseline (default 10000; 0 skips)
  --shingle K --bands B --rows R --window W --min-anchor-hits M --max-anchor-postings P   engine parameters`;

const { values: args } = parseArgs({
  options: {
    corpus: { type: "string" },
    sizes: { type: "string", default: "100000,1000000" },
    pg: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    "pg-max": { type: "string", default: "100000" },
    sample: { type: "string", default: "1000" },
    brute: { type: "string", default: "200" },
    "minhash-docs": { type: "string", default: "10000" },
    seed: { type: "string", default: "20261128" },
    "dev-per-kind": { type: "string", default: "600" },
    labels: { type: "string" },
    full: { type: "boolean" },
    shingle: { type: "string" },
    bands: { type: "string" },
    rows: { type: "string" },
    window: { type: "string" },
    "min-anchor-hits": { type: "string" },
    "max-anchor-postings": { type: "string" },
    help: { type: "boolean" },
  },
});

function int(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${v}"\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const repoRoot = resolve(import.meta.dirname, "..");
const corpusDir = resolve(args.corpus ?? process.env.WIREDESK_CORPUS_DIR ?? resolve(repoRoot, "../shared/corpora/reuters21578"));
const sizes = (args.sizes ?? "").split(",").filter(Boolean).map((s) => int("sizes", s.trim(), 0));
const sample = int("sample", args.sample, 1000);
const bruteN = int("brute", args.brute, 200);
const seed = int("seed", args.seed, 20261128);
const pgMax = int("pg-max", args["pg-max"], 100_000);
const minhashDocs = int("minhash-docs", args["minhash-docs"], 10_000);
const cfg: FingerprintConfig = {
  ...DEFAULT_FINGERPRINT_CONFIG,
  shingleSize: int("shingle", args.shingle, DEFAULT_FINGERPRINT_CONFIG.shingleSize),
  bands: int("bands", args.bands, DEFAULT_FINGERPRINT_CONFIG.bands),
  rows: int("rows", args.rows, DEFAULT_FINGERPRINT_CONFIG.rows),
  anchorWindow: int("window", args.window, DEFAULT_FINGERPRINT_CONFIG.anchorWindow),
};
const rule: CandidateRule = {
  ...DEFAULT_CANDIDATE_RULE,
  minAnchorHits: int("min-anchor-hits", args["min-anchor-hits"], DEFAULT_CANDIDATE_RULE.minAnchorHits),
  maxAnchorPostings: int("max-anchor-postings", args["max-anchor-postings"], DEFAULT_CANDIDATE_RULE.maxAnchorPostings),
};

function randomIds(n: number, count: number, rngSeed: number, skip: (id: number) => boolean = () => false): number[] {
  const rng = mulberry32(rngSeed);
  const out = new Set<number>();
  for (let tries = 0; out.size < Math.min(count, n) && tries < count * 20; tries++) {
    const id = Math.floor(rng() * n);
    if (!skip(id)) out.add(id);
  }
  return [...out];
}

function generatedCorpus(pool: SentencePool, plan: Plan): Corpus {
  const kindOf = (c: number) => PLANT_KINDS[plan.kindOf[c] ?? 0] as DuplicateKind;
  return {
    name: `generated ${plan.n.toLocaleString("en")}`,
    n: plan.n,
    text: (id) => articleText(pool, plan, id),
    planted: plan.copies,
    baseOf: (c) => plan.baseOf[c] ?? -1,
    truth(q, d) {
      if (plan.baseOf[q] === d) return kindOf(q);
      if (plan.baseOf[d] === q) return reverseKind(kindOf(d));
      return undefined;
    },
  };
}

interface SizeReport {
  corpus: Corpus;
  engine: EngineResult;
  planted: KindScore[];
  unplanted: number;
  brute: KindScore[];
  queries: number[];
  pg?: PgResult;
}

function engineRun(corpus: Corpus, queries: number[], brute: number[]): SizeReport {
  progress(`${corpus.name}: indexing with shingle ${cfg.shingleSize}, ${cfg.bands}×${cfg.rows} bands, window ${cfg.anchorWindow}`);
  const engine = runEngine(corpus, { cfg, rule, queries, bruteQueries: brute });
  const planted = plantedScores(corpus, engine, queries);
  return { corpus, engine, planted: planted.scores, unplanted: planted.unplanted, brute: bruteScores(engine), queries };
}

const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "n/a");

function printEngine(r: SizeReport): void {
  const e = r.engine;
  console.log(`\n## ${r.corpus.name} articles\n`);
  console.log(
    table(
      ["measure", "value"],
      [
        ["indexing (fingerprint + add, one thread)", `${Math.round(e.articlesPerSecond).toLocaleString("en")} articles/s (${e.indexSeconds.toFixed(1)} s)`],
        ["corpus generation (not counted above)", `${e.generateSeconds.toFixed(1)} s`],
        ["index keys / memory", `${e.keys.toLocaleString("en")} keys (${(e.keys / e.n).toFixed(1)}/article), ${mib(e.indexBytes)} (${(e.indexBytes / e.n).toFixed(0)} B/article)`],
        ["process RSS before / after indexing", `${mib(e.rssBefore)} / ${mib(e.rssAfter)} (heap ${mib(e.heapAfter)})`],
        ["lookups", `${e.lookup.n} (${e.candidatesPerQuery.toFixed(2)} candidates each)`],
        ["fingerprint p50 / p95 / p99", `${ms(e.fingerprint.p50)} / ${ms(e.fingerprint.p95)} / ${ms(e.fingerprint.p99)}`],
        ["lookup (index) p50 / p95 / p99", `${ms(e.lookup.p50)} / ${ms(e.lookup.p95)} / ${ms(e.lookup.p99)}`],
        ["verify candidates p50 / p95 / p99", `${ms(e.verify.p50)} / ${ms(e.verify.p95)} / ${ms(e.verify.p99)}`],
        ["fingerprint + lookup + verify p50 / p95 / p99", `${ms(e.total.p50)} / ${ms(e.total.p95)} / ${ms(e.total.p99)}`],
      ],
    ),
  );
  if (r.planted.length) {
    console.log(`\nAgainst the planted truth (${r.queries.length} lookups; every planted copy looked up is one pair):\n`);
    console.log(
      table(
        ["kind", "planted", "found", "as other kind", "recall", "links made", "right", "precision"],
        r.planted.map((s) => [s.kind, s.truth, s.found, s.otherKind, pct(s.recall), s.reported, s.correct, pct(s.precision)]),
      ),
    );
    const right = e.links.filter((l) => r.corpus.truth?.(l.q, l.d) === l.kind);
    const path = (band: boolean, anchor: boolean) => right.filter((l) => l.viaBand === band && (l.viaAnchor && l.anchorHits >= rule.minAnchorHits) === anchor).length;
    console.log(`links outside the planted pairs: ${r.unplanted}`);
    console.log(
      `planted pairs found by: LSH band and anchors ${path(true, true)}, LSH band alone ${path(true, false)}, anchors alone ${path(false, true)}, ` +
        `all of a short text's anchors ${path(false, false)}`,
    );
  }
  console.log(
    `\nAgainst brute force (${e.brute.queries.length} queries compared exactly with every article sharing ≥ 2 shingles: ${e.brute.pairs.length.toLocaleString("en")} pairs, ${e.brute.seconds.toFixed(1)} s):\n`,
  );
  console.log(
    table(
      ["kind", "brute-force links", "found", "as other kind", "recall", "links made", "precision"],
      r.brute.map((s) => [s.kind, s.truth, s.found, s.otherKind, pct(s.recall), s.reported, pct(s.precision)]),
    ),
  );
  const res = candidateRecallByResemblance(e, [0.9, 0.7, 0.5, 0.3, 0.2, 0.1]);
  console.log(`\nCandidate recall by exact Jaccard resemblance (${cfg.shingleSize}-word shingles), brute-force sample:`);
  console.log(table(["Jaccard ≥", "pairs", "returned by index"], res.map((x) => [x.cut, x.pairs, pct(x.recall)])));
}

function devSetReport(stories: ReutersStory[], o: { perKind: number; labelsFile?: string }): void {
  progress(`development set: building (${o.perKind} stories per generated kind)`);
  const set = buildDevSet(stories, { seed: 11, perKind: o.perKind, labelsFile: o.labelsFile });
  const count = (h: string) => set.pairs.filter((p) => p.half === h).length;
  console.log(`\n## Development set (decision 011)\n`);
  console.log(`${set.docs.length} texts (${stories.filter((s) => s.body).length} Reuters stories, the rest generated from them), ${set.pairs.length} labelled pairs: ${count("tuning")} tuning, ${count("held-out")} held-out`);
  const origins = new Map<string, number>();
  for (const p of set.pairs) origins.set(`${p.origin}:${p.label}`, (origins.get(`${p.origin}:${p.label}`) ?? 0) + 1);
  console.log(table(["origin:label", "pairs"], [...origins].sort().map(([k, v]) => [k, v])));
  const engines: DevEngine[] = [
    { name: "before 011", cfg: { ...DEFAULT_FINGERPRINT_CONFIG, nameBands: 0 }, legacy: true },
    // The same engine without the lead bands, in the same run: what they add, and what they cost.
    { name: "011, no lead bands", cfg: { ...DEFAULT_FINGERPRINT_CONFIG, leadBands: 0 }, legacy: false },
    { name: "011", cfg: DEFAULT_FINGERPRINT_CONFIG, legacy: false },
  ];
  const results = engines.map((e) => {
    progress(`development set: engine ${e.name}`);
    return runDevSet(set, e);
  });
  for (const r of results) {
    for (const half of ["tuning", "held-out"] as const) {
      const f = devFigures(r.outcomes.filter((x) => x.half === half));
      console.log(`\n### engine ${r.engine}, ${half} half\n`);
      console.log(
        table(
          ["label", "pairs", "recall (kind right) / link rate", "precision", "linked (any kind)"],
          f.kinds.map((k) => [k.label, k.pairs, pct(k.recall), POSITIVE.includes(k.label) ? pct(k.precision) : "—", pct(k.linked)]),
        ),
      );
      console.log(
        `overall precision (links on pairs that should be linked): ${pct(f.linkPrecision)}; kind right: ${pct(f.kindPrecision)}; ` +
          `template notices linked: ${pct(f.templateLinkRate)}; unrelated same-topic linked: ${pct(f.unrelatedLinkRate)}`,
      );
      // Same-story pairs by how they were made: a rewrite keeps passages and quotes, a brief only names and figures.
      const byOrigin = ["reuters", "rewrite", "brief"].map((origin) => {
        const xs = r.outcomes.filter((x) => x.half === half && x.label === "same-story" && x.origin === origin);
        return `${origin} ${xs.filter((x) => x.kind === "same-story").length}/${xs.length}`;
      });
      console.log(`same-story found, by how the pair was made: ${byOrigin.join(", ")}`);
    }
  }
  const [before, noLead, now] = results as [DevResult, DevResult, DevResult];
  console.log(`\n### Lookup speed on the development set (${set.pairs.length} lookups each)\n`);
  console.log(
    table(
      ["engine", "index keys/text", "candidates/lookup", "lookup p50", "lookup p95", "lookup mean", "fingerprint+lookup+verify p50", "p95", "mean"],
      results.map((r) => [r.engine, r.keysPerDoc.toFixed(1), r.candidatesPerLookup.toFixed(2), ms(r.lookup.p50), ms(r.lookup.p95), ms(r.lookup.mean), ms(r.full.p50), ms(r.full.p95), ms(r.full.mean)]),
    ),
  );
  console.log(
    `ratio 011 / before: lookup p50 ${ratio(now.lookup.p50 / before.lookup.p50)}, p95 ${ratio(now.lookup.p95 / before.lookup.p95)}, mean ${ratio(now.lookup.mean / before.lookup.mean)}; ` +
      `with fingerprint and verification p50 ${ratio(now.full.p50 / before.full.p50)}, p95 ${ratio(now.full.p95 / before.full.p95)}, mean ${ratio(now.full.mean / before.full.mean)}`,
  );
  console.log(
    `ratio with lead bands / without: lookup mean ${ratio(now.lookup.mean / noLead.lookup.mean)}; with fingerprint and verification mean ${ratio(now.full.mean / noLead.full.mean)}; ` +
      `candidates/lookup ${ratio(now.candidatesPerLookup / noLead.candidatesPerLookup)}`,
  );
}

async function main(): Promise<void> {
  let stories;
  try {
    stories = readReutersCorpus(corpusDir);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const t0 = performance.now();
  console.log(`# bench:dedup — ${new Date().toISOString()}`);
  devSetReport(stories, { perKind: int("dev-per-kind", args["dev-per-kind"], 600), labelsFile: args.labels });
  if (!args.full) {
    console.log(`\n(the scale runs of decision 003 need --full)\nwhole run: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    return;
  }
  console.log(
    `engine: ${cfg.shingleSize}-word shingles, MinHash ${cfg.bands * cfg.rows} values in ${cfg.bands} bands × ${cfg.rows} rows, ` +
      `winnowing window ${cfg.anchorWindow}; candidates: ≥ 1 band or ≥ ${rule.minAnchorHits} anchors (stock anchors over ${rule.maxAnchorPostings} articles skipped)`,
  );
  console.log(`corpus: ${corpusDir} (${stories.length} Reuters stories); node ${process.version}, one thread`);

  const withBody = stories.filter((s) => s.body.trim().length > 0);
  const reuters: Corpus = { name: "Reuters-21578", n: withBody.length, text: (id) => withBody[id]?.body ?? "" };
  const rq = randomIds(reuters.n, Math.min(reuters.n, sample * 2), seed);
  const reports: SizeReport[] = [engineRun(reuters, rq, rq.slice(0, bruteN * 5))];
  printEngine(reports[0] as SizeReport);
  const reutersLinks: Record<string, number> = {};
  for (const l of reports[0]?.engine.links ?? []) reutersLinks[l.kind] = (reutersLinks[l.kind] ?? 0) + 1;
  console.log(`Reuters links found for the ${rq.length} looked-up stories, by kind: ${JSON.stringify(reutersLinks)}`);

  const pool = buildPool(stories);
  progress(`sentence pool: ${pool.sentStart.length} sentences, ${pool.contentWords.length} content words`);
  let minhash: MinhashResult | undefined;
  for (const n of sizes) {
    const perKind = Math.max(10, Math.floor(n / 200));
    progress(`generated ${n}: planning ${perKind} copies of each kind`);
    const plan = makePlan(pool, n, seed, perKind);
    const corpus = generatedCorpus(pool, plan);
    const copies = new Set(PLANT_KINDS.flatMap((k) => plan.copies[k]));
    const planted = PLANT_KINDS.flatMap((k) => plan.copies[k].slice(0, sample));
    const random = randomIds(n, sample, seed + n, (id) => copies.has(id));
    const queries = [...planted, ...random];
    const brute = [...random.slice(0, Math.ceil(bruteN / 2)), ...PLANT_KINDS.flatMap((k) => plan.copies[k].slice(0, Math.ceil(bruteN / 10)))];
    const report = engineRun(corpus, queries, brute);
    printEngine(report);
    if (args.pg !== "off" && n <= pgMax) {
      // Round-robin over the kinds and random articles, so a query budget cut short still covers each.
      const lists = [...PLANT_KINDS.map((k) => plan.copies[k]), random];
      const pgSample = Array.from({ length: 40 }, (_, i) => lists.map((l) => l[i])).flat().filter((x): x is number => x !== undefined);
      report.pg = await runPgTrgm(args.pg ?? "", corpus, pgSample, report.engine);
    }
    if (!minhash && minhashDocs > 0) minhash = runNpmMinhash(corpus, plan, minhashDocs, cfg);
    reports.push(report);
  }

  console.log(`\n# Summary\n`);
  console.log(
    table(
      ["corpus", "articles/s", "lookup p50", "lookup p95", "lookup p99", "+verify p95", "memory (index)", "near R/P", "contain R/P", "exact R", "same-story R/P"],
      reports.map((r) => {
        const e = r.engine;
        const s = (k: DuplicateKind) => r.planted.find((x) => x.kind === k);
        const both = (a?: KindScore, b?: KindScore) =>
          a && b ? `${pct((a.found + b.found) / (a.truth + b.truth))}/${pct((a.correct + b.correct) / (a.reported + b.reported))}` : "—";
        const rp = (x?: KindScore) => (x ? `${pct(x.recall)}/${pct(x.precision)}` : "—");
        return [
          r.corpus.name,
          Math.round(e.articlesPerSecond).toLocaleString("en"),
          ms(e.lookup.p50),
          ms(e.lookup.p95),
          ms(e.lookup.p99),
          ms(e.total.p95),
          mib(e.indexBytes),
          rp(s("near")),
          both(s("contains"), s("contained")),
          s("exact") ? pct(s("exact")?.recall ?? Number.NaN) : "—",
          rp(s("same-story")),
        ];
      }),
    ),
  );
  for (const r of reports) {
    if (!r.pg) continue;
    const p = r.pg;
    console.log(`\n## Ours vs PostgreSQL pg_trgm on ${r.corpus.name} articles (same queries)\n`);
    console.log(`pg_trgm: load ${p.loadSeconds.toFixed(1)} s, GIN index build ${p.indexSeconds.toFixed(1)} s; ours: fingerprint + index ${r.engine.indexSeconds.toFixed(1)} s`);
    for (const m of p.modes) {
      console.log(`\npg_trgm ${m.name} (similarity ≥ ${m.threshold}, ${m.latency.n} lookups${m.timeouts ? `, ${m.timeouts} timed out` : ""}):\n`);
      console.log(
        table(
          ["measure", "ours", "pg_trgm", "pg_trgm / ours"],
          [
            ["lookup p50 (ours: index only)", ms(m.ours.lookup.p50), ms(m.latency.p50), ratio(m.latency.p50 / m.ours.lookup.p50)],
            ["lookup p95 (ours: index only)", ms(m.ours.lookup.p95), ms(m.latency.p95), ratio(m.latency.p95 / m.ours.lookup.p95)],
            ["lookup p50 (ours: fingerprint + index + verify)", ms(m.ours.total.p50), ms(m.latency.p50), ratio(m.latency.p50 / m.ours.total.p50)],
            ["lookup p95 (ours: fingerprint + index + verify)", ms(m.ours.total.p95), ms(m.latency.p95), ratio(m.latency.p95 / m.ours.total.p95)],
            ...KINDS.filter((k) => m.asked[k]).map((k) => [`recall ${k} (${m.asked[k] ?? 0} pairs)`, pct(m.oursRecall[k] ?? Number.NaN), pct(m.recall[k] ?? Number.NaN), ""]),
          ],
        ),
      );
    }
    console.log(`\n${p.description}`);
  }
  if (minhash) {
    const m = minhash;
    console.log(`\n## Ours vs npm minhash@0.0.9 on ${m.docs} articles of ${m.corpus} (same shingles, ${m.perms} permutations, bands of ${m.bandSize})\n`);
    console.log(
      table(
        ["measure", "ours", "npm minhash", "minhash / ours"],
        [
          ["indexing articles/s", Math.round(m.ours.perSecond).toLocaleString("en"), Math.round(m.theirs.perSecond).toLocaleString("en"), ratio(m.ours.perSecond / m.theirs.perSecond)],
          ["lookup p50", ms(m.ours.lookup.p50), ms(m.theirs.lookup.p50), ratio(m.theirs.lookup.p50 / m.ours.lookup.p50)],
          ["lookup p95", ms(m.ours.lookup.p95), ms(m.theirs.lookup.p95), ratio(m.theirs.lookup.p95 / m.ours.lookup.p95)],
          ...KINDS.map((k) => [`candidate recall ${k}`, pct(m.ours.recall[k] ?? Number.NaN), pct(m.theirs.recall[k] ?? Number.NaN), ""]),
          ["candidates per lookup", m.ours.candidates.toFixed(1), m.theirs.candidates.toFixed(1), ""],
        ],
      ),
    );
    console.log(m.note);
  }
  console.log(`\nwhole run: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

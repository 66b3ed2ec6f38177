// npx tsx --conditions=react-server scripts/bench-dedup-store.ts [--sizes 10000,100000] [--pg URL|off] [--corpus DIR]
//
// Duplicate lookups against the index kept in the store (table "DedupKey"),
// on SQLite and PostgreSQL, through the product's own code path
// (findDuplicates in a transaction), with the in-memory DedupIndex on the same
// articles and queries as the baseline. Articles are generated from Reuters
// sentences (scripts/bench-dedup/generate.ts) with planted copies; the
// queries are planted near copies and roundups of stored articles (each
// should find its original) and unrelated texts. Figures:
// docs/decisions/003-duplicate-detection.md, "Store-backed lookups".
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import Database from "better-sqlite3";
import pg from "pg";

import { compare, prepare } from "../lib/dedup/compare";
import { configId, DEFAULT_FINGERPRINT_CONFIG, DEFAULT_THRESHOLDS } from "../lib/dedup/config";
import { DedupIndex } from "../lib/dedup/dedup-index";
import { ANCHOR_BAND, fingerprint, indexKeys } from "../lib/dedup/fingerprint";
import { contentHash } from "../lib/ingest/text";
import { createDb, type Db } from "../lib/server/db/client";
import { migrateStore, redact } from "../lib/server/db/migrate";
import { findDuplicates } from "../lib/server/duplicates/link-duplicates";
import { articleText, buildPool, makePlan, type Plan, type SentencePool } from "./bench-dedup/generate";
import { latency, ms, ratio, table, type Latency } from "./bench-dedup/measure";
import { readReutersCorpus } from "./bench-dedup/reuters";

const USAGE = `usage: npx tsx --conditions=react-server scripts/bench-dedup-store.ts [--sizes 10000,100000] [--pg URL|off] [--corpus DIR]
  --sizes LIST  articles in the store (default 10000,100000)
  --pg URL|off  PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/test); a database
                wiredesk_bench_store_<pid> is created there and dropped afterwards
  --corpus DIR  Reuters-21578 folder (default: $WIREDESK_CORPUS_DIR or ../shared/corpora/reuters21578)`;

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000" },
    pg: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/test" },
    corpus: { type: "string" },
    seed: { type: "string", default: "20261128" },
    help: { type: "boolean" },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const repoRoot = path.resolve(import.meta.dirname, "..");
const corpusDir = path.resolve(args.corpus ?? process.env.WIREDESK_CORPUS_DIR ?? path.resolve(repoRoot, "../shared/corpora/reuters21578"));
const sizes = (args.sizes ?? "").split(",").map((s) => s.trim()).filter(Boolean).map(Number);
if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 5000)) {
  console.error(`--sizes must list whole numbers of at least 5000\n${USAGE}`);
  process.exit(2);
}
const seed = Number(args.seed);

/** Lookups per size: planted near copies, planted roundups containing an original, unrelated texts. */
const NEAR_Q = 120;
const CONTAINS_Q = 40;
const UNRELATED_Q = 40;
const WARMUP = 20;
/** As in link-duplicates: candidates verified per lookup. */
const MAX_CANDIDATES = 50;
const ARTICLE_BATCH = 1000;
const KEY_BATCH = 50_000;

const t0 = performance.now();
function progress(msg: string): void {
  process.stderr.write(`[bench:dedup-store ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);
}

interface Query {
  text: string;
  /** Store id (1-based) of the original it should find, or -1 for an unrelated text. */
  original: number;
  kind: "near" | "contains" | "unrelated";
}

interface Corpus {
  n: number;
  texts: string[];
  keys: { band: Int32Array; key: Int32Array }[];
  queries: Query[];
  warmup: string[];
  memIndex: DedupIndex;
  genSeconds: number;
  fpSeconds: number;
  keyCount: number;
}

function unrelatedPlan(n: number, planSeed: number): Plan {
  return {
    n,
    seed: planSeed,
    baseOf: new Int32Array(n).fill(-1),
    kindOf: new Uint8Array(n),
    copies: { exact: [], near: [], contains: [], contained: [], "same-story": [] },
  };
}

/** N stored articles (store ids 1..N) with planted copies, and the queries; the query copies themselves are not stored. */
function buildCorpus(pool: SentencePool, n: number): Corpus {
  const queryCopies = NEAR_Q + CONTAINS_Q;
  const total = n + queryCopies;
  const perKind = Math.max(150, Math.floor(total / 200));
  const plan = makePlan(pool, total, seed, perKind);
  const nearQ = plan.copies.near.slice(0, NEAR_Q);
  const containsQ = plan.copies.contains.slice(0, CONTAINS_Q);
  const held = new Set([...nearQ, ...containsQ]);
  const storeId = new Int32Array(total).fill(-1);
  const texts: string[] = [];
  const keys: Corpus["keys"] = [];
  const memIndex = new DedupIndex({ expectedKeys: n * 45 });
  let genMs = 0;
  let fpMs = 0;
  let keyCount = 0;
  for (let g = 0; g < total; g++) {
    if (held.has(g)) continue;
    const a = performance.now();
    const text = articleText(pool, plan, g);
    const b = performance.now();
    const fp = fingerprint(text);
    const ks = indexKeys(fp);
    const c = performance.now();
    genMs += b - a;
    fpMs += c - b;
    texts.push(text);
    storeId[g] = texts.length;
    memIndex.add(texts.length, fp);
    keys.push({ band: Int32Array.from(ks, (k) => k.band), key: Int32Array.from(ks, (k) => k.key) });
    keyCount += ks.length;
    if (texts.length % 20_000 === 0) progress(`generated and fingerprinted ${texts.length} of ${n}`);
  }
  const original = (copy: number) => storeId[plan.baseOf[copy] ?? -1] ?? -1;
  const other = unrelatedPlan(UNRELATED_Q + WARMUP, seed ^ 0x0dd5eed);
  const queries: Query[] = [
    ...nearQ.map((c) => ({ text: articleText(pool, plan, c), original: original(c), kind: "near" as const })),
    ...containsQ.map((c) => ({ text: articleText(pool, plan, c), original: original(c), kind: "contains" as const })),
    ...Array.from({ length: UNRELATED_Q }, (_, i) => ({ text: articleText(pool, other, i), original: -1, kind: "unrelated" as const })),
  ];
  if (queries.some((q) => q.kind !== "unrelated" && q.original < 1)) throw new Error("a planted query's original is not stored");
  const warmup = Array.from({ length: WARMUP }, (_, i) => articleText(pool, other, UNRELATED_Q + i));
  return { n: texts.length, texts, keys, queries, warmup, memIndex, genSeconds: genMs / 1000, fpSeconds: fpMs / 1000, keyCount };
}

interface LookupResult {
  latency: Latency;
  /** Planted originals found, by query kind. */
  found: Record<string, number>;
  asked: Record<string, number>;
  /** Matches returned for unrelated texts. */
  unrelatedMatches: number;
  matchesPerQuery: number;
  /** Lookups that threw (counted as not found, left out of the latency); the first error's message. */
  errors: number;
  firstError?: string;
}

async function timeLookups(queries: Query[], warmup: string[], lookup: (text: string) => Promise<number[]>): Promise<LookupResult> {
  for (const w of warmup) await lookup(w).catch(() => []);
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const found: Record<string, number> = {};
  const asked: Record<string, number> = {};
  let unrelatedMatches = 0;
  let matches = 0;
  for (const q of queries) {
    const a = performance.now();
    let ids: number[];
    try {
      ids = await lookup(q.text);
      samples.push(performance.now() - a);
    } catch (e) {
      errors++;
      firstError ??= (e as Error).message.trim().split("\n").filter(Boolean).slice(-1)[0];
      ids = [];
    }
    matches += ids.length;
    asked[q.kind] = (asked[q.kind] ?? 0) + 1;
    if (q.kind === "unrelated") unrelatedMatches += ids.length;
    else if (ids.includes(q.original)) found[q.kind] = (found[q.kind] ?? 0) + 1;
  }
  return { latency: latency(samples), found, asked, unrelatedMatches, matchesPerQuery: matches / queries.length, errors, firstError };
}

function memoryLookup(c: Corpus): (text: string) => Promise<number[]> {
  return async (text) => {
    const fp = fingerprint(text);
    const hits = c.memIndex
      .candidates(fp)
      .sort((a, b) => b.bandHits - a.bandHits || b.anchorHits - a.anchorHits)
      .slice(0, MAX_CANDIDATES);
    const pq = prepare(text);
    const out: number[] = [];
    for (const h of hits) if (compare(pq, c.texts[h.id - 1] ?? "", { thresholds: DEFAULT_THRESHOLDS })) out.push(h.id);
    return out;
  };
}

function storeLookup(db: Db): (text: string) => Promise<number[]> {
  return async (text) => {
    const r = await db.$transaction((tx) => findDuplicates(tx, text, DEFAULT_THRESHOLDS));
    return r.matches.map((m) => m.otherId);
  };
}

async function loadArticles(db: Db, c: Corpus): Promise<void> {
  const dedupConfig = configId(DEFAULT_FINGERPRINT_CONFIG);
  for (let start = 0; start < c.n; start += ARTICLE_BATCH) {
    const data = [];
    for (let i = start; i < Math.min(c.n, start + ARTICLE_BATCH); i++) {
      const bodyText = c.texts[i] ?? "";
      data.push({ id: i + 1, uri: `bench:${i + 1}`, headline: `Bench article ${i + 1}`, bodyText, contentHash: contentHash(bodyText), dedupConfig });
    }
    await db.article.createMany({ data });
    if ((start + ARTICLE_BATCH) % 25_000 === 0) progress(`  articles ${start + ARTICLE_BATCH} of ${c.n}`);
  }
}

function loadKeysSqlite(file: string, c: Corpus): void {
  const raw = new Database(file);
  try {
    raw.pragma("busy_timeout = 5000");
    const ins = raw.prepare(`INSERT INTO "DedupKey" ("articleId", "band", "key") VALUES (?, ?, ?)`);
    const batch = raw.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const k = c.keys[i];
        if (!k) continue;
        for (let j = 0; j < k.key.length; j++) ins.run(i + 1, k.band[j], k.key[j]);
      }
    });
    const step = 5000;
    for (let i = 0; i < c.n; i += step) batch(i, Math.min(c.n, i + step));
  } finally {
    raw.close();
  }
}

async function loadKeysPg(url: string, c: Corpus): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let ids: number[] = [];
    let bands: number[] = [];
    let keys: number[] = [];
    const flush = async () => {
      if (ids.length === 0) return;
      await client.query(
        `INSERT INTO "DedupKey" ("articleId", "band", "key") SELECT * FROM unnest($1::int[], $2::int[], $3::int[])`,
        [ids, bands, keys],
      );
      ids = [];
      bands = [];
      keys = [];
    };
    for (let i = 0; i < c.n; i++) {
      const k = c.keys[i];
      if (!k) continue;
      for (let j = 0; j < k.key.length; j++) {
        ids.push(i + 1);
        bands.push(k.band[j] ?? 0);
        keys.push(k.key[j] ?? 0);
      }
      if (ids.length >= KEY_BATCH) await flush();
    }
    await flush();
    // Autovacuum would get there shortly after a bulk load; without statistics the planner guesses.
    await client.query(`ANALYZE "Article"`);
    await client.query(`ANALYZE "DedupKey"`);
  } finally {
    await client.end();
  }
}

interface StoreRun {
  store: string;
  n: number;
  articleSeconds: number;
  keySeconds: number;
  store_: LookupResult;
  mem: LookupResult;
  note?: string;
}

async function runStore(kind: "sqlite" | "postgres", c: Corpus): Promise<StoreRun> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-bench-store-"));
    url = `file:${path.join(dir, "bench.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const server = args.pg ?? "";
    const name = `wiredesk_bench_store_${process.pid}`;
    const admin = new pg.Client({ connectionString: server });
    try {
      await admin.connect();
    } catch (e) {
      throw new Error(`Cannot reach PostgreSQL at ${redact(server)}: ${(e as Error).message} (pass --pg off to skip it)`);
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = async () => {
      const a = new pg.Client({ connectionString: server });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    };
  }
  const label = `${kind} ${c.n.toLocaleString("en")}`;
  let db: Db | undefined;
  try {
    progress(`${label}: migrating ${redact(url)}`);
    await migrateStore(url);
    db = createDb(url);
    const a = performance.now();
    await loadArticles(db, c);
    const b = performance.now();
    progress(`${label}: ${c.n} articles in ${((b - a) / 1000).toFixed(1)} s; loading ${c.keyCount.toLocaleString("en")} DedupKey rows`);
    if (kind === "sqlite") loadKeysSqlite(url.replace(/^file:/, ""), c);
    else await loadKeysPg(url, c);
    const k = performance.now();
    progress(`${label}: keys in ${((k - b) / 1000).toFixed(1)} s; ${c.queries.length} lookups through findDuplicates`);
    const storeRes = await timeLookups(c.queries, c.warmup, storeLookup(db));
    progress(`${label}: the same lookups in memory`);
    const memRes = await timeLookups(c.queries, c.warmup, memoryLookup(c));
    return { store: kind, n: c.n, articleSeconds: (b - a) / 1000, keySeconds: (k - b) / 1000, store_: storeRes, mem: memRes };
  } finally {
    await db?.$disconnect();
    await cleanup();
  }
}

const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "n/a");
const recall = (r: LookupResult, kind?: string) => {
  const kinds = kind ? [kind] : ["near", "contains"];
  const found = kinds.reduce((s, k) => s + (r.found[k] ?? 0), 0);
  const asked = kinds.reduce((s, k) => s + (r.asked[k] ?? 0), 0);
  return `${pct(found / asked)} (${found}/${asked})`;
};

async function main(): Promise<void> {
  let stories;
  try {
    stories = readReutersCorpus(corpusDir);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  console.log(`# bench:dedup-store — ${new Date().toISOString()}`);
  console.log(`corpus: ${corpusDir} (${stories.length} Reuters stories); node ${process.version}; PostgreSQL: ${args.pg === "off" ? "off" : redact(args.pg ?? "")}`);
  console.log(
    `lookups per store: ${NEAR_Q} planted near copies + ${CONTAINS_Q} planted roundups containing a stored original + ${UNRELATED_Q} unrelated texts ` +
      `(${WARMUP} warm-up lookups first, not timed); each timed from text to verified matches`,
  );
  const pool = buildPool(stories);
  const runs: StoreRun[] = [];
  for (const n of sizes) {
    progress(`size ${n}: generating articles`);
    const c = buildCorpus(pool, n);
    console.log(
      `\n## ${c.n.toLocaleString("en")} articles: ${c.keyCount.toLocaleString("en")} DedupKey rows (${(c.keyCount / c.n).toFixed(1)}/article); ` +
        `generation ${c.genSeconds.toFixed(1)} s, fingerprints ${c.fpSeconds.toFixed(1)} s (not in the load times)\n`,
    );
    const kinds: ("sqlite" | "postgres")[] = args.pg === "off" ? ["sqlite"] : ["sqlite", "postgres"];
    const rows: (string | number)[][] = [];
    for (const kind of kinds) {
      const r = await runStore(kind, c);
      runs.push(r);
      const s = r.store_;
      const m = r.mem;
      rows.push(
        [`${kind}: load articles (createMany) / keys (bulk)`, `${r.articleSeconds.toFixed(1)} s / ${r.keySeconds.toFixed(1)} s`, "", ""],
        [`${kind}: lookup p50`, ms(s.latency.p50), ms(m.latency.p50), ratio(s.latency.p50 / m.latency.p50)],
        [`${kind}: lookup p95`, ms(s.latency.p95), ms(m.latency.p95), ratio(s.latency.p95 / m.latency.p95)],
        [`${kind}: lookup p99`, ms(s.latency.p99), ms(m.latency.p99), ratio(s.latency.p99 / m.latency.p99)],
        [`${kind}: recall near`, recall(s, "near"), recall(m, "near"), ""],
        [`${kind}: recall contains`, recall(s, "contains"), recall(m, "contains"), ""],
        [`${kind}: lookups that failed`, `${s.errors}${s.firstError ? ` (${s.firstError})` : ""}`, `${m.errors}`, ""],
        [`${kind}: matches per lookup / on unrelated`, `${s.matchesPerQuery.toFixed(2)} / ${s.unrelatedMatches}`, `${m.matchesPerQuery.toFixed(2)} / ${m.unrelatedMatches}`, ""],
      );
    }
    console.log(table(["measure", "store", "in memory", "store / memory"], rows));
  }
  console.log(`\n# Summary\n`);
  console.log(
    table(
      ["store", "articles", "load art. + keys", "p50", "p95", "p99", "mem p50", "mem p95", "p50 ×", "p95 ×", "recall store", "recall mem", "failed"],
      runs.map((r) => [
        r.store,
        r.n.toLocaleString("en"),
        `${r.articleSeconds.toFixed(1)} + ${r.keySeconds.toFixed(1)} s`,
        ms(r.store_.latency.p50),
        ms(r.store_.latency.p95),
        ms(r.store_.latency.p99),
        ms(r.mem.latency.p50),
        ms(r.mem.latency.p95),
        ratio(r.store_.latency.p50 / r.mem.latency.p50),
        ratio(r.store_.latency.p95 / r.mem.latency.p95),
        recall(r.store_),
        recall(r.mem),
        r.store_.errors,
      ]),
    ),
  );
  console.log(`\nanchor band ${ANCHOR_BAND}; whole run ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

// npm run bench:ingest -- [--corpus DIR] [--size N] [--stores sqlite,postgres] [--pg URL] [--batch N] [--per-item N] [--copies N]
//
// Ingests the Reuters-21578 half in ../shared/corpora (or --corpus DIR, or
// $WIREDESK_CORPUS_DIR) and, with --size N, a generated archive of N stories
// (Reuters sentences rewritten, with planted copies: scripts/bench-dedup/generate.ts)
// into fresh SQLite and PostgreSQL stores through runIngest, the path the
// CLI, the worker and uploads take. Prints articles a second beyond
// start-up, start-up itself, peak memory, the CPU the process used beyond
// start-up in cores (on a machine of two, how near the import is to what the
// machine can give), the rate by tenth of the run (is the cost per article
// flat?), and the ratio against the per-item path
// measured in the same run on the first --per-item stories. With --languages
// FILE, also the Reuters half dated within one day, English only and then
// with articles in other languages mixed in, and what the other languages
// cost (issue #18: within 20% of English-only).
import { parseArgs } from "node:util";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { prepareStore } from "../lib/server/db/prepare";
import { DEFAULT_BATCH_SIZE, runIngest, type IngestInput } from "../lib/server/ingest/run-ingest";
import { DEFAULT_INDEX_MAX } from "../lib/server/ingest/bulk/store-batch";
import { readReutersCorpus, type ReutersStory } from "./bench-dedup/reuters";
import { articleText, buildPool, makePlan } from "./bench-dedup/generate";
import { readNtrex, readSib, SIB_LANGUAGES, type NtrexDoc, type SibRow } from "./translated-sets";

const processStart = performance.now() - process.uptime() * 1000;

const USAGE = `usage: npm run bench:ingest -- [--corpus DIR] [--size N] [--stores sqlite,postgres] [--pg URL] [--batch N] [--per-item N] [--index-max N] [--copies N]
  --corpus DIR   Reuters-21578 folder (default: $WIREDESK_CORPUS_DIR or ../shared/corpora/reuters21578)
  --size N       also ingest a generated archive of N stories (e.g. 1000000)
  --stores LIST  which stores (default sqlite,postgres)
  --pg URL       PostgreSQL server (default $WIREDESK_TEST_POSTGRES or postgresql://postgres@127.0.0.1:5432/test)
  --batch N      items a bulk transaction holds (default: ingest's, 500)
  --per-item N   stories ingested through the per-item path for the ratio (default 2000; 0: none)
  --reuters N    ingest only the first N Reuters stories (default all)
  --threads N    worker threads for the engines on the bulk path (default 1; 0: the writer's thread)
  --index-max N  largest store (articles) the run keeps its duplicate index in memory for (default: ingest's, 500000; 0: the store's lookups)
  --drop-triggers LIST  drop the store's triggers whose name holds one of these (comma-separated) before ingesting: what they cost
  --languages FILE      also ingest the Reuters half dated within one day, English only and then with these articles mixed in
                        (JSON Lines of {lang, title, text}, as decision 024's Wikinews set; again for more files), and compare
  --copies N            also ingest the first 2,000 Reuters stories (or --reuters N), each followed by N copies under other
                        mastheads, lightly edited, as a wire story reaches a desk: every copy is linked and joins its story
  --ntrex DIR, --sib DIR  also ingest the same copy in English and in each of the beat's languages (NTREX-128's stories,
                        github.com/MicrosoftTranslator/NTREX; SIB-200's sentences as briefs, github.com/dadelani/sib-200),
                        each language into a fresh store after 1,000 Reuters stories, and compare what an item costs
  --rounds N            rounds of that comparison, the languages in a new order each round (default 3)`;

const { values: args } = parseArgs({
  options: {
    corpus: { type: "string" },
    size: { type: "string" },
    stores: { type: "string" },
    pg: { type: "string" },
    batch: { type: "string" },
    "per-item": { type: "string" },
    reuters: { type: "string" },
    threads: { type: "string" },
    "index-max": { type: "string" },
    "drop-triggers": { type: "string" },
    languages: { type: "string", multiple: true },
    copies: { type: "string" },
    ntrex: { type: "string" },
    sib: { type: "string" },
    rounds: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

function int(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, not "${v}"\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const repoRoot = path.resolve(import.meta.dirname, "..");
const corpusDir = path.resolve(args.corpus ?? process.env.WIREDESK_CORPUS_DIR ?? path.resolve(repoRoot, "../shared/corpora/reuters21578"));
const size = int("size", args.size, 0);
const copiesN = int("copies", args.copies, 0);
const batch = Math.max(1, int("batch", args.batch, DEFAULT_BATCH_SIZE));
const perItemN = int("per-item", args["per-item"], 2000);
const threads = int("threads", args.threads, 1);
const indexMax = int("index-max", args["index-max"], DEFAULT_INDEX_MAX);
const reutersMax = int("reuters", args.reuters, Number.MAX_SAFE_INTEGER);
const stores = (args.stores ?? "sqlite,postgres").split(",").map((s) => s.trim());
for (const s of stores) {
  if (s !== "sqlite" && s !== "postgres") {
    console.error(`--stores takes sqlite and postgres, not "${s}"`);
    process.exit(2);
  }
}
const pgServer = args.pg ?? process.env.WIREDESK_TEST_POSTGRES ?? "postgresql://postgres@127.0.0.1:5432/test";

const progress = (s: string) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------- inputs

/** One story as a ninjs line: the bench goes through parsing as a real import does. */
const line = (uri: string, headline: string, body: string, source: string, date?: number) =>
  JSON.stringify({ uri, headline, body_text: body, infosources: [{ name: source }], ...(date !== undefined && Number.isFinite(date) ? { versioncreated: new Date(date).toISOString() } : {}) });

/** Inputs of CHUNK stories each, built when read: a million stories never sit in memory at once. */
const CHUNK = 5000;

function reutersInputs(stories: ReutersStory[], n = stories.length): IngestInput[] {
  const inputs: IngestInput[] = [];
  for (let i = 0; i < n; i += CHUNK) {
    const slice = stories.slice(i, Math.min(n, i + CHUNK));
    inputs.push({
      name: `reuters-${i}.ndjson`,
      read: async () => Buffer.from(slice.map((s) => line(`reuters:${s.newId}`, s.title || s.body.slice(0, 60), s.body, "Reuters", s.date)).join("\n")),
    });
  }
  return inputs;
}

/** An article of the --languages files. */
interface Foreign {
  lang: string;
  headline: string;
  body: string;
}

function readLanguages(files: string[]): Foreign[] {
  const out: Foreign[] = [];
  for (const file of files) {
    if (!existsSync(file)) throw new Error(`--languages ${file}: no such file (decision 024 says where the Wikinews set comes from)`);
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((text, i) => {
        if (!text.trim()) return;
        try {
          const r = JSON.parse(text) as { lang?: unknown; title?: unknown; text?: unknown };
          if (typeof r.lang !== "string" || typeof r.text !== "string" || !r.text.trim()) throw new Error("needs lang and text");
          out.push({ lang: r.lang, headline: typeof r.title === "string" ? r.title : "", body: r.text });
        } catch (e) {
          progress(`${file}:${i + 1}: skipped: ${(e as Error).message}`);
        }
      });
  }
  return out;
}

/**
 * The Reuters half with `foreign` spread evenly among it, every item dated
 * within one day (a desk's day of copy): the step that links copies in other
 * languages compares copies at most two days apart, and Reuters' own 1987
 * dates would leave it nothing to compare.
 */
function recentInputs(stories: ReutersStory[], foreign: Foreign[]): { inputs: IngestInput[]; items: number; chars: number } {
  const day = Date.UTC(2026, 0, 2);
  const lines: string[] = [];
  const every = foreign.length ? Math.ceil(stories.length / foreign.length) : Infinity;
  let chars = 0;
  let f = 0;
  const add = (uri: string, headline: string, body: string, source: string) => {
    chars += headline.length + body.length;
    lines.push(line(uri, headline, body, source, day - ((lines.length * 7919) % 86_400) * 1000));
  };
  stories.forEach((s, i) => {
    add(`reuters:${s.newId}`, s.title || s.body.slice(0, 60), s.body, "Reuters");
    if ((i + 1) % every === 0 && f < foreign.length) add(`foreign:${f}`, foreign[f]!.headline, foreign[f]!.body, `Wikinews ${foreign[f++]!.lang}`);
  });
  while (f < foreign.length) add(`foreign:${f}`, foreign[f]!.headline, foreign[f]!.body, `Wikinews ${foreign[f++]!.lang}`);
  const inputs: IngestInput[] = [];
  for (let i = 0; i < lines.length; i += CHUNK) {
    const slice = lines.slice(i, i + CHUNK);
    inputs.push({ name: `recent-${i}.ndjson`, read: async () => Buffer.from(slice.join("\n")) });
  }
  return { inputs, items: lines.length, chars };
}

/** Items ingested before the same copy in each language (--ntrex, --sib), two batches: start-up and the first batches are paid on them. */
const WARM_UP = 1000;
/** Of them, SIB-200's first dev sentences in each language, so that what a language loads once a process (its dictionary, its names) is loaded before the timing in every run. */
const WARM_UP_EACH = 20;

/**
 * The same copy in one language (NTREX-128's stories of `lang`, SIB-200's
 * train and test sentences as briefs: headline to the first comma, the
 * sentence as the body), after WARM_UP items (Reuters stories and a few
 * sentences in every language), every item dated within one day as
 * recentInputs dates them.
 */
function translatedInputs(warm: ReutersStory[], warmForeign: SibRow[], docs: NtrexDoc[], sib: SibRow[]): { inputs: IngestInput[]; items: number } {
  const day = Date.UTC(2026, 0, 2);
  const lines: string[] = [];
  const add = (uri: string, headline: string, body: string, source: string) =>
    lines.push(line(uri, headline, body, source, day - ((lines.length * 7919) % 86_400) * 1000));
  const brief = (uri: string, r: SibRow) => add(uri, r.text.split(/[,;:]/)[0]!.slice(0, 80), r.text, "SIB");
  for (const s of warm) add(`reuters:${s.newId}`, s.title || s.body.slice(0, 60), s.body, "Reuters");
  warmForeign.forEach((r, i) => brief(`warm:${i}`, r));
  const before = lines.length;
  for (const d of docs) add(`ntrex:${d.story}`, d.title, d.text, "NTREX");
  sib.forEach((r, i) => brief(`sib:${i}`, r));
  return {
    inputs: [
      { name: "warm-up.ndjson", read: async () => Buffer.from(lines.slice(0, before).join("\n")) },
      { name: "translated.ndjson", read: async () => Buffer.from(lines.slice(before).join("\n")) },
    ],
    items: lines.length,
  };
}

/**
 * What an item costs in each of the beat's languages against the same item
 * in English: each language's copy into a fresh store after WARM_UP
 * Reuters stories, timed from the warm-up's last commit to the run's end
 * (the step that links copies in other languages included), the languages
 * in a new order each round. Issue #18: within 20% of English.
 */
async function translatedRuns(kind: "sqlite" | "postgres", stories: ReutersStory[], notes: string[]): Promise<void> {
  if (args.ntrex && !existsSync(path.join(args.ntrex, "DOCUMENT_IDS.tsv"))) throw new Error(`--ntrex ${args.ntrex}: no DOCUMENT_IDS.tsv there (a copy of github.com/MicrosoftTranslator/NTREX)`);
  if (args.sib && !existsSync(path.join(args.sib, "data", "annotated"))) throw new Error(`--sib ${args.sib}: no data/annotated/ there (a copy of github.com/dadelani/sib-200)`);
  const docs = args.ntrex ? readNtrex(args.ntrex) : [];
  const folders = Object.entries(SIB_LANGUAGES);
  const langs = folders.map(([, l]) => l);
  const rounds = Math.max(1, int("rounds", args.rounds, 3));
  // Each language's sentences, read once for every round.
  const sib = new Map(folders.map(([folder, l]) => [l, args.sib ? readSib(args.sib, folder) : []]));
  const warmForeign = langs.flatMap((l) => sib.get(l)!.filter((row) => row.split === "dev").slice(0, WARM_UP_EACH));
  const warm = stories.slice(0, WARM_UP - warmForeign.length);
  const perItem = new Map<string, number[]>(langs.map((l) => [l, []]));
  const lastStep = new Map<string, number[]>(langs.map((l) => [l, []]));
  let items = 0;
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < langs.length; k++) {
      const lang = langs[(k + r) % langs.length]!;
      const set = translatedInputs(warm, warmForeign, docs.filter((d) => d.lang === lang), sib.get(lang)!.filter((row) => row.split !== "dev"));
      const before = warm.length + warmForeign.length;
      items = set.items - before;
      progress(`bulk path, the same copy in ${lang}, round ${r + 1} of ${rounds}, ${kind}`);
      const m = await measure(`${f0(items)} translated items in ${lang}`, kind, set.inputs, set.items, true, before);
      if (m.afterMarkS === undefined) throw new Error(`the run in ${lang} never committed its ${before}th item`);
      perItem.get(lang)!.push((1000 * m.afterMarkS) / items);
      lastStep.get(lang)!.push(m.lastStepS);
    }
  }
  const best = (l: string) => Math.min(...perItem.get(l)!);
  const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const median = (l: string) => middle(perItem.get(l)!);
  console.log(`\nThe same copy in each language on ${kind} (${f0(items)} items: NTREX-128's stories and SIB-200's train and test sentences; ${rounds} rounds; ms an item after ${f0(WARM_UP)} items, Reuters stories and ${WARM_UP_EACH} sentences in each language)\n`);
  console.log(`| language | ms an item, fastest | median | each round | × English, fastest | × English, median | of which the last step (linking other languages), median s |`);
  console.log(`|---|---|---|---|---|---|---|`);
  for (const l of langs) {
    console.log(
      `| ${l} | ${best(l).toFixed(3)} | ${median(l).toFixed(3)} | ${perItem.get(l)!.map((x) => x.toFixed(3)).join(", ")} | ${(best(l) / best("en")).toFixed(2)} | ${(median(l) / median("en")).toFixed(2)} | ${middle(lastStep.get(l)!).toFixed(2)} |`,
    );
  }
  const worst = Math.max(...langs.map((l) => median(l) / median("en")));
  notes.push(`the same copy in other languages on ${kind}: at most ${worst.toFixed(2)}× English an item (medians of ${rounds} rounds) [goal within 20%: ${worst <= 1.2 ? "goal met" : "goal missed"}]`);
}

const SOURCES = ["Meridian Wire", "Capital Post", "Evening Herald", "Morning Brief", "Harbour Gazette", "Daily8", "Business Recorder", "Agency"];

/**
 * Each story, then `copies` copies of it under other mastheads: the wire's
 * text with its dateline's city dropped and a word changed near the end, as
 * papers run it (near duplicates, each joining the story), an hour apart.
 */
function copiesInputs(stories: ReutersStory[], copies: number): { inputs: IngestInput[]; items: number } {
  const lines: string[] = [];
  for (const s of stories) {
    const date = Number.isFinite(s.date) ? s.date : undefined;
    lines.push(line(`reuters:${s.newId}`, s.title || s.body.slice(0, 60), s.body, "Reuters", date));
    for (let k = 1; k <= copies; k++) {
      const words = s.body.split(" ");
      const at = Math.max(0, words.length - 3 - k);
      words[at] = `${words[at]}${k % 2 ? "," : ";"}`;
      lines.push(line(`paper${k}:${s.newId}`, `${s.title || s.body.slice(0, 60)} (${k})`, words.join(" "), `Paper ${k}`, date === undefined ? undefined : date + k * 3_600_000));
    }
  }
  const inputs: IngestInput[] = [];
  for (let i = 0; i < lines.length; i += CHUNK) {
    const part = lines.slice(i, i + CHUNK);
    inputs.push({ name: `copies-${i}.ndjson`, read: async () => Buffer.from(part.join("\n")) });
  }
  return { inputs, items: lines.length };
}

function generatedInputs(stories: ReutersStory[], n: number): IngestInput[] {
  const pool = buildPool(stories);
  const plan = makePlan(pool, n, 15, Math.max(10, Math.floor(n / 200)));
  const inputs: IngestInput[] = [];
  for (let i = 0; i < n; i += CHUNK) {
    const from = i;
    const to = Math.min(n, i + CHUNK);
    inputs.push({
      name: `generated-${from}.ndjson`,
      read: async () => {
        const lines: string[] = [];
        for (let id = from; id < to; id++) {
          const text = articleText(pool, plan, id);
          const headline = text.split(/\s+/).slice(0, 10).join(" ");
          lines.push(line(`gen:${id}`, headline, text, SOURCES[id % SOURCES.length]!, Date.UTC(2026, 0, 1) + id * 1000));
        }
        return Buffer.from(lines.join("\n"));
      },
    });
  }
  return inputs;
}

// ---------------------------------------------------------------- stores

async function freshStore(kind: "sqlite" | "postgres"): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-bench-ingest-"));
    return { url: `file:${path.join(dir, "store.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `wiredesk_bench_ingest_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: pgServer });
    try {
      await c.connect();
    } catch (e) {
      throw new Error(`PostgreSQL at ${pgServer} cannot be reached (--pg, or --stores sqlite): ${(e as Error).message}`);
    }
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(pgServer);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** Drops the triggers whose name holds one of `list` (comma-separated): the baseline for what they cost. */
async function dropTriggers(db: Awaited<ReturnType<typeof prepareStore>>["db"], kind: "sqlite" | "postgres", list: string) {
  const all =
    kind === "sqlite"
      ? await db.$queryRawUnsafe<{ name: string; tbl: string }[]>(`SELECT name, tbl_name AS tbl FROM sqlite_master WHERE type = 'trigger'`)
      : await db.$queryRawUnsafe<{ name: string; tbl: string }[]>(`SELECT DISTINCT trigger_name AS name, event_object_table AS tbl FROM information_schema.triggers`);
  const parts = list.split(",").map((p) => p.trim()).filter(Boolean);
  const rows = all.filter((r) => parts.some((p) => r.name.includes(p)));
  if (!rows.length) throw new Error(`--drop-triggers ${list}: the store has no trigger whose name holds any of them`);
  for (const r of rows) await db.$executeRawUnsafe(kind === "sqlite" ? `DROP TRIGGER "${r.name}"` : `DROP TRIGGER "${r.name}" ON "${r.tbl}"`);
  progress(`  dropped ${rows.length} triggers: ${rows.map((r) => r.name).join(", ")}`);
}

// ---------------------------------------------------------------- measuring

let peakRss = 0;
let peakAnon = 0;
/**
 * The process's own memory (heap, SQLite's page cache, thread stacks): RSS
 * less the store's file pages the bulk writer maps, which are the OS's page
 * cache and reclaimable. Linux only; elsewhere RSS.
 */
function anonRss(): number {
  try {
    const kb = /^RssAnon:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss;
}
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  peakAnon = Math.max(peakAnon, anonRss());
}, 100);
sampler.unref();

interface Measured {
  label: string;
  store: string;
  items: number;
  /** Store made and migrated, taxonomy synced. */
  prepareS: number;
  /** From the call to the first stored item (model, tagger, the first input's parse). */
  firstItemS: number;
  totalS: number;
  /** Articles a second after the first item. */
  rate: number;
  tenths: number[];
  /** CPU this process used beyond start-up (every thread; not PostgreSQL's server), in cores. */
  cores: number;
  counts: string;
  peakMiB: number;
  /** Peak of the process's own memory, the mapped store's pages left out. */
  peakAnonMiB: number;
  /** Seconds from the commit of item `markAt` (measure's argument) to the run's end. */
  afterMarkS?: number;
  /** Seconds from the last batch's commit to the run's end (its last step links copies in other languages). */
  lastStepS: number;
}

async function measure(label: string, kind: "sqlite" | "postgres", inputs: IngestInput[], items: number, bulk: boolean, markAt?: number): Promise<Measured> {
  const store = await freshStore(kind);
  peakRss = process.memoryUsage().rss;
  peakAnon = anonRss();
  try {
    const t0 = performance.now();
    const { db } = await prepareStore(store.url);
    if (args["drop-triggers"]) await dropTriggers(db, kind, args["drop-triggers"]);
    const t1 = performance.now();
    let done = 0;
    let first = 0;
    let firstDone = 0;
    let cpuAtFirst: NodeJS.CpuUsage | undefined;
    let mark = 0;
    let lastCommit = 0;
    const marks: number[] = [];
    // Items are reported when their batch commits: measure over whole batches.
    const tenth = Math.max(batch, Math.ceil(items / 10 / batch) * batch);
    let lastShown = 0;
    const report = await runIngest(db, inputs, {
      origin: "cli",
      actor: "bench",
      role: "system",
      bulk,
      batchSize: batch,
      engineThreads: bulk ? threads : 0,
      memoryIndexMax: indexMax,
      onProgress: () => {
        done++;
        const now = performance.now();
        // Items are reported when their batch commits: the rate counts from the first batch's end.
        if (done === 1) {
          first = now;
          cpuAtFirst = process.cpuUsage();
        }
        if (now - first < 1) firstDone = done;
        if (done === markAt) mark = now;
        lastCommit = now;
        if (done % tenth === 0) marks.push(now);
        if (now - lastShown > 5000) {
          lastShown = now;
          const rate = done > firstDone ? (done - firstDone) / ((now - first) / 1000) : 0;
          progress(`  ${label} on ${kind}: ${done.toLocaleString("en-US")}/${items.toLocaleString("en-US")} (${rate.toFixed(0)}/s)`);
        }
      },
    });
    const t2 = performance.now();
    const cpu = cpuAtFirst ? process.cpuUsage(cpuAtFirst) : undefined;
    await db.$disconnect();
    const rates = marks.slice(1).map((m, i) => tenth / ((m - marks[i]!) / 1000));
    const c = report.totals;
    return {
      label,
      store: kind,
      items: done,
      prepareS: (t1 - t0) / 1000,
      firstItemS: (first - t1) / 1000,
      totalS: (t2 - t0) / 1000,
      rate: done > firstDone ? (done - firstDone) / ((t2 - first) / 1000) : 0,
      tenths: rates,
      cores: cpu && t2 > first ? (cpu.user + cpu.system) / 1000 / (t2 - first) : 0,
      counts: `${c.new} new, ${c.updated} updated, ${c.duplicates} links, ${c.skipped} skipped, ${c.failed} failed`,
      peakMiB: Math.max(peakRss, process.memoryUsage().rss) / 2 ** 20,
      peakAnonMiB: Math.max(peakAnon, anonRss()) / 2 ** 20,
      ...(mark ? { afterMarkS: (t2 - mark) / 1000 } : {}),
      lastStepS: lastCommit ? (t2 - lastCommit) / 1000 : 0,
    };
  } finally {
    await store.drop();
  }
}

const f0 = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

function row(m: Measured, ratio?: number): string {
  return `| ${m.label} | ${m.store} | ${f0(m.items)} | **${f0(m.rate)}** | ${ratio === undefined ? "—" : `${ratio.toFixed(1)}×`} | ${m.prepareS.toFixed(1)} + ${m.firstItemS.toFixed(1)} s | ${m.totalS.toFixed(0)} s | ${f0(m.peakMiB)} MiB | ${f0(m.peakAnonMiB)} MiB | ${m.cores.toFixed(2)} | ${m.tenths.map(f0).join(" ")} | ${m.counts} |`;
}

async function main() {
  const startupS = (performance.now() - processStart) / 1000;
  const corpus = readReutersCorpus(corpusDir).filter((s) => s.body.trim());
  const stories = corpus.slice(0, reutersMax);
  const foreign = readLanguages(args.languages ?? []);
  if (args.languages?.length && !foreign.length) throw new Error(`--languages ${args.languages.join(", ")}: no article read`);
  const notes: string[] = [];
  console.log(`# bench:ingest\n`);
  console.log(`corpus: Reuters-21578 half (${corpus.length.toLocaleString("en-US")} stories with a body, ${stories.length.toLocaleString("en-US")} ingested); node ${process.version}; batch ${batch}; engine threads ${threads}; duplicate index in memory up to ${indexMax.toLocaleString("en-US")} articles`);
  console.log(`process start-up (node, tsx, imports): ${startupS.toFixed(2)} s\n`);
  console.log(`| input | store | articles | articles/s beyond start-up | × per-item | start-up: store + to first batch | total | peak RSS | peak RSS less mapped store | cores used beyond start-up (this process) | articles/s by tenth after the first | outcome |`);
  console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|`);
  for (const kind of stores as ("sqlite" | "postgres")[]) {
    let perItemRate: number | undefined;
    if (perItemN > 0) {
      const n = Math.min(perItemN, stories.length);
      progress(`per-item path, first ${n} Reuters stories, ${kind}`);
      const one = await measure(`Reuters first ${f0(n)}, per-item path`, kind, reutersInputs(stories, n), n, false);
      perItemRate = one.rate;
      console.log(row(one));
      progress(`bulk path, first ${n} Reuters stories, ${kind}`);
      const same = await measure(`Reuters first ${f0(n)}, bulk path`, kind, reutersInputs(stories, n), n, true);
      console.log(row(same, same.rate / perItemRate));
    }
    progress(`bulk path, Reuters, ${kind}`);
    const all = await measure("Reuters half, bulk path", kind, reutersInputs(stories), stories.length, true);
    console.log(row(all, perItemRate ? all.rate / perItemRate : undefined));
    if (foreign.length) {
      progress(`bulk path, Reuters dated within a day, English only and mixed, ${kind}`);
      const en = recentInputs(stories, []);
      const one = await measure("Reuters half dated within one day, English only", kind, en.inputs, en.items, true);
      console.log(row(one));
      const mix = recentInputs(stories, foreign);
      const langs = [...new Set(foreign.map((x) => x.lang))].sort().join(", ");
      const both = await measure(`the same with ${f0(foreign.length)} articles in ${langs} mixed in`, kind, mix.inputs, mix.items, true);
      console.log(row(both));
      // The whole run (its last step links the copies in other languages), by item and by character: the articles mixed in are longer.
      const perItem = (m: Measured) => (1000 * m.totalS) / m.items;
      const perChar = (m: Measured, chars: number) => (1e6 * m.totalS) / chars;
      const ratio = perItem(both) / perItem(one);
      notes.push(
        `other languages on ${kind}, whole runs: ${perItem(both).toFixed(2)} ms an item against ${perItem(one).toFixed(2)} English only (${ratio.toFixed(2)}×; ` +
          `${perChar(both, mix.chars).toFixed(2)} against ${perChar(one, en.chars).toFixed(2)} µs a character) [goal within 20%: ${ratio <= 1.2 ? "goal met" : "goal missed"}]`,
      );
    }
    if (args.ntrex || args.sib) await translatedRuns(kind, stories, notes);
    if (copiesN > 0) {
      const first = stories.slice(0, args.reuters === undefined ? 2000 : stories.length);
      progress(`bulk path, ${first.length} Reuters stories with ${copiesN} copies each, ${kind}`);
      const c = copiesInputs(first, copiesN);
      const m = await measure(`Reuters first ${f0(first.length)}, each with ${copiesN} lightly edited copies, bulk path`, kind, c.inputs, c.items, true);
      console.log(row(m));
    }
    if (size > 0) {
      progress(`bulk path, generated ${size}, ${kind}`);
      const gen = await measure(`generated ${f0(size)}, bulk path`, kind, generatedInputs(corpus, size), size, true);
      console.log(row(gen, perItemRate ? gen.rate / perItemRate : undefined));
    }
  }
  for (const n of notes) console.log(`\n${n}`);
  console.log(`\nmaxRSS of the whole process: ${f0(process.resourceUsage().maxRSS / 1024)} MiB`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench:ingest: ${(e as Error).message}`);
    process.exit(1);
  },
);

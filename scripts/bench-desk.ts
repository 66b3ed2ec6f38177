// npm run bench:desk -- [--store sqlite|postgres] [--sizes 1000,100000] [--duration 10] [--corpus DIR] [--pg URL] [--rebuild]
//
// The desk's queue and search under load: builds stores of 1,000 and 100,000
// articles from Reuters-21578 (scripts/bench-desk/build-store.ts, a bulk
// loader; cached under data/bench/ or, for PostgreSQL, in databases of their
// own), serves the real production build on each as npm start does (scripts/serve.mjs), and drives
// it with autocannon, 20 connections per scenario. Prints p50/p95/p99 per
// scenario and store size, the 100k/1k ratio, and PASS/FAIL against p95 < 100 ms.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { freePort } from "./free-port";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { prepareStore } from "../lib/server/db/prepare";
import { createDb, type Db } from "../lib/server/db/client";
import { closeReader } from "../lib/server/db/read-rows";
import { findArticles } from "../lib/server/articles/find-articles";
import { articleFacets } from "../lib/server/articles/article-facets";
import { foldFacetCounts } from "../lib/server/articles/facet-counts";
import { articleListParams } from "../lib/schemas/articles";
import { dashboardParams } from "../lib/schemas/dashboard";
import { getDashboard } from "../lib/server/dashboard/get-dashboard";
import { migrateStore, migrationsDir, readMigrations, redact } from "../lib/server/db/migrate";
import { syncTaxonomy } from "../lib/server/tags/sync-taxonomy";
import { readReutersCorpus, type ReutersStory } from "./bench-dedup/reuters";
import { latency, ms, table, type Latency } from "./bench-dedup/measure";
import { buildStore } from "./bench-desk/build-store";
import { facetIndex } from "../lib/server/articles/facet-index";
import { decideOnNewest } from "./bench-seed";
import { buildIsStale } from "./next-build";
import { randomBytes } from "node:crypto";
import { createUser } from "../lib/server/users";
import { systemActor } from "../lib/server/audit";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);

const USAGE = `usage: npm run bench:desk -- [options]

  --store sqlite|postgres  which store to serve from (default sqlite)
  --sizes LIST             store sizes, the first is the baseline (default 1000,100000)
  --duration S             seconds per scenario (default 10)
  --connections N          concurrent clients (default 20)
  --processes N            web processes serving (default: as npm start, one per core)
  --corpus DIR             Reuters-21578 folder with reut2-*.sgm (default $WIREDESK_CORPUS_DIR,
                           else ../shared/corpora/reuters21578 beside the repo)
  --pg URL                 PostgreSQL server for --store postgres (default $WIREDESK_TEST_POSTGRES);
                           databases wiredesk_bench_desk_<size> are created there and kept as the cache
  --rebuild                build the stores again instead of reusing the cache
  --only NAMES             run only the scenarios whose names contain one of these (comma-separated)
  --build-only             build (or check) the stores and stop
  --cold-only              only the cold column: each request in process, after a change to the store
  --writes N               editors' decisions a second on the newest articles while each scenario is
                           measured (each made and undone: 2N changes a second), so that what each
                           process keeps is dropped as it would be on a working desk (default 0)`;

/** A connection-oriented load client: autocannon has no type declarations. */
interface Autocannon {
  (opts: Record<string, unknown>): Promise<{ requests: { average: number }; non2xx: number; errors: number; timeouts: number; duration: number }> & {
    on(ev: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  };
}
const autocannon = require("autocannon") as Autocannon;

const TARGET_P95_MS = 100;
/** Bump when the loader writes different rows: cached stores of an older layout are rebuilt. */
const LAYOUT = 2;

function progress(msg: string) {
  process.stderr.write(`[bench:desk ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}


function withDatabase(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A ready store of `n` articles: from the cache when it was built before, else built now. */
async function store(kind: "sqlite" | "postgres", n: number, stories: () => ReutersStory[], opts: { pg?: string; rebuild: boolean }): Promise<string> {
  let url: string;
  let exists: boolean;
  if (kind === "sqlite") {
    const dir = path.join(root, "data/bench");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `desk-${n}-v${LAYOUT}.db`);
    if (opts.rebuild) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    exists = existsSync(file);
    if (!exists) {
      // Built under a temporary name: an interrupted build is never taken for a cached store.
      const tmp = `${file}.building`;
      for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
      await build(`file:${tmp}`, "sqlite", n, stories);
      renameSync(tmp, file);
    }
    url = `file:${file}`;
  } else {
    const server = opts.pg!;
    const name = `wiredesk_bench_desk_${n}_v${LAYOUT}`;
    const admin = new pg.Client({ connectionString: server });
    try {
      await admin.connect();
    } catch (e) {
      throw new Error(`PostgreSQL at ${redact(server)} cannot be reached: ${(e as Error).message}`);
    }
    // A database holding the "done" comment is complete; anything else is built again.
    const row = await admin.query(`SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`, [name]);
    exists = !opts.rebuild && row.rows[0]?.note === "wiredesk bench store: done";
    if (!exists) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
      await build(withDatabase(server, name), "postgres", n, stories);
      await admin.query(`COMMENT ON DATABASE "${name}" IS 'wiredesk bench store: done'`);
    }
    await admin.end();
    url = withDatabase(server, name);
  }
  // A cached store still gets migrations added since it was built (new indexes).
  const { db, migrated } = await prepareStore(url);
  // The loader writes rows directly, so the counts kept at write time (decision 022) are
  // millions of unfolded rows; a desk folds them as it reads, and so does this, once.
  await foldFacetCounts(db);
  // The dashboard's hours are counted on its first view and kept (decision 025); so here, once.
  const counting = performance.now();
  await getDashboard(db, { range: "30d" }, systemActor("bench"));
  progress(`store of ${n.toLocaleString("en")}: the dashboard's first view (counts every hour of 30 days) took ${((performance.now() - counting) / 1000).toFixed(1)} s`);
  await db.$disconnect();
  if (exists) progress(`store of ${n.toLocaleString("en")}: cached (${redact(url)})${migrated.applied.length ? `, applied ${migrated.applied.join(", ")}` : ""}`);
  return url;
}

async function build(url: string, kind: "sqlite" | "postgres", n: number, stories: () => ReutersStory[]) {
  progress(`building a ${kind} store of ${n.toLocaleString("en")} articles (bulk loader)...`);
  // The triggers that keep derived figures (the facet counts, the dashboard's hours, the change
  // rows: the migrations from facet_counts on) write several rows for each row loaded, and made a
  // 1,000,000-article build take hours. So the rows are loaded before those migrations, which then
  // count what the store holds, as they do on any store upgraded to them.
  const all = readMigrations(migrationsDir(kind));
  const derived = all.findIndex((m) => m.name.endsWith("_facet_counts"));
  if (derived < 1) throw new Error("bench:desk: the facet_counts migration was not found; the loader loads before it");
  await migrateStore(url, { target: all[derived - 1]!.name });
  const db = createDb(url);
  try {
    await syncTaxonomy(db);
    const r = await buildStore(url, kind, db, stories(), n, new Date());
    progress(
      `  ${r.articles.toLocaleString("en")} articles from ${r.bases.toLocaleString("en")} corpus stories, ${r.tags.toLocaleString("en")} tag rows, ` +
        `${r.links.toLocaleString("en")} duplicate links in ${r.seconds.toFixed(0)} s`,
    );
  } finally {
    await db.$disconnect();
  }
  const counting = performance.now();
  const { applied } = await migrateStore(url);
  progress(`  then ${applied.join(", ")}, counting what was loaded, in ${((performance.now() - counting) / 1000).toFixed(0)} s`);
}

// Every request is an editor's: the desk answers nobody without a session.
const BENCH_EMAIL = "bench-reader@bench.test";
const BENCH_PASSWORD = "bench reader password";
let cookie = "";

/** The bench's editor account in the store measured (made once; kept with the cached store). */
async function ensureBenchUser(url: string) {
  const db = createDb(url);
  try {
    if (!(await db.user.findUnique({ where: { email: BENCH_EMAIL } }))) {
      await createUser(db, { email: BENCH_EMAIL, name: "Bench editor", role: "editor", password: BENCH_PASSWORD }, systemActor("bench"));
    }
  } finally {
    await db.$disconnect();
  }
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in for the bench answered ${res.status}: ${await res.text()}`);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

async function serve(url: string, processes: number): Promise<{ base: string; child: ChildProcess }> {
  await ensureBenchUser(url);
  const port = await freePort();
  // The server npm start runs: scripts/serve.mjs, one web process per core unless --processes says.
  const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      WIREDESK_WEB_PROCESSES: String(processes),
      DATABASE_URL: url,
      WIREDESK_DEMO: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString("hex"),
      // One client address signs in once per store; the limit is for people, not this bench.
      WIREDESK_SIGNIN_LIMIT: "1000",
    },
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/sign-in`);
      if (res.ok) {
        cookie = await signIn(base);
        return { base, child };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("the desk did not answer within 30 s");
}

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

interface Scenario {
  name: string;
  paths: string[];
}

/** The requests of each scenario, read from the store being measured (cursors, busiest place and topic). */
async function scenarios(base: string): Promise<Scenario[]> {
  const first = await json<{ items: { id: number }[]; nextCursor: string | null }>(`${base}/api/articles`);
  const facets = await json<{ place: { value: string }[]; topic: { value: string }[]; source: { value: string }[] }>(`${base}/api/articles/facets`);
  const newest = first.items[0]?.id ?? 1;
  const places = facets.place.slice(0, 3).map((p) => p.value);
  const topics = facets.topic.slice(0, 3).map((t) => t.value);
  const words = ["oil", "bank", "wheat", "dollar", "tokyo", "profit", "strike", "coffee"];
  // Cursors of the publication order are opaque: the second page's, and one about 1,000 rows down.
  const byPublished = await json<{ nextCursor: string | null }>(`${base}/api/articles?sort=published`);
  let deep = byPublished.nextCursor;
  for (let i = 0; i < 5 && deep; i++) deep = (await json<{ nextCursor: string | null }>(`${base}/api/articles?sort=published&limit=200&cursor=${deep}`)).nextCursor;
  const q = (s: string) => encodeURIComponent(s);
  return [
    { name: "queue, first page", paths: ["/api/articles"] },
    {
      name: "queue, filtered (place, topic, status)",
      paths: [
        `/api/articles?place=${places[0]}`,
        `/api/articles?topic=${topics[0]}`,
        "/api/articles?status=new",
        `/api/articles?place=${places[1] ?? places[0]}&status=reviewed`,
        `/api/articles?topic=${topics[1] ?? topics[0]}&place=${places[0]}`,
      ],
    },
    {
      name: "queue, more filters (source, 7 days, duplicates)",
      paths: [`/api/articles?source=${facets.source[0]?.value}`, "/api/articles?range=7d", "/api/articles?duplicates=yes", "/api/articles?range=24h&status=new"],
    },
    {
      name: "queue, next page (cursor)",
      // The second page, and pages deep in the queue.
      paths: [first.nextCursor ?? newest, Math.ceil(newest / 2), Math.ceil(newest / 10)].map((c) => `/api/articles?cursor=${c}`),
    },
    { name: "search (8 words rotated)", paths: words.map((w) => `/api/articles?q=${w}`) },
    { name: "facets", paths: ["/api/articles/facets", `/api/articles/facets?place=${places[0]}`, "/api/articles/facets?status=new", `/api/articles/facets?topic=${topics[0]}`] },
    { name: "facets with search", paths: words.slice(0, 4).map((w) => `/api/articles/facets?q=${w}`) },
    {
      name: "queue by publication time (sort=published)",
      paths: [
        "/api/articles?sort=published",
        "/api/articles?sort=published&status=new",
        `/api/articles?sort=published&place=${places[0]}`,
        ...[byPublished.nextCursor, deep].filter((c) => c).map((c) => `/api/articles?sort=published&cursor=${c}`),
      ],
    },
    {
      name: "several values (place, topic, source lists)",
      paths: [
        `/api/articles?place=${places.join(",")}`,
        `/api/articles?topic=${topics.slice(0, 2).join(",")}&status=new`,
        `/api/articles?source=${facets.source.slice(0, 3).map((s) => s.value).join(",")}`,
        `/api/articles/facets?place=${places.slice(0, 2).join(",")}`,
      ],
    },
    {
      name: "search syntax (phrase, OR, exclusion)",
      paths: [`/api/articles?q=${q('"oil prices"')}`, `/api/articles?q=${q("wheat OR coffee")}`, `/api/articles?q=${q("bank -profit")}`, `/api/articles?q=${q("-oil")}`, `/api/articles?q=tokyo&sort=published`],
    },
    { name: "dashboard, 30 days", paths: ["/api/dashboard?range=30d"] },
  ];
}

interface Measured {
  lat: Latency;
  rps: number;
  failed: number;
  /** ms for the first request after a change to the store (coldCost). */
  cold?: number;
}

async function drive(base: string, s: Scenario, connections: number, duration: number): Promise<Measured> {
  const times: number[] = [];
  let failed = 0;
  const run = autocannon({ url: base, connections, duration, requests: s.paths.map((p) => ({ method: "GET", path: p, headers: { cookie } })) });
  run.on("response", (_c, status, _b, t) => {
    times.push(t);
    if (status !== 200) failed++;
  });
  const r = await run;
  return { lat: latency(times), rps: times.length / r.duration, failed: failed + r.errors + r.timeouts };
}

/**
 * The first request after the store changed, in a process that has served
 * the desk before (its connections open and its facet index loaded, as a web
 * process's are): each request in process, preceded by an editor's decision,
 * so no count kept from before answers it. Median of 3 per path, then the
 * slowest path.
 */
async function coldCost(db: Db, s: Scenario): Promise<number> {
  const worst: number[] = [];
  for (const p of s.paths) {
    const u = new URL(p, "http://x");
    const query = Object.fromEntries(u.searchParams);
    const actor = systemActor("bench");
    const read = () =>
      u.pathname === "/api/dashboard"
        ? getDashboard(db, dashboardParams.parse(query), actor)
        : u.pathname.endsWith("/facets")
          ? articleFacets(db, articleListParams.parse(query), actor)
          : findArticles(db, articleListParams.parse(query), actor);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      await decideOnNewest(db);
      const t = performance.now();
      await read();
      times.push(performance.now() - t);
    }
    worst.push(times.sort((a, b) => a - b)[1]!);
  }
  return Math.max(...worst);
}

/** One request for `path` on each of `n` new connections, all answered before it returns. */
async function warm(base: string, path: string, n: number) {
  const r = await autocannon({ url: base, connections: n, amount: n, requests: [{ method: "GET", path, headers: { cookie } }] });
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`warming ${path} failed: ${r.non2xx} non-2xx answers, ${r.errors} errors, ${r.timeouts} timeouts`);
}

/**
 * Editors' decisions on the newest articles' tag rows, `perSecond` a second
 * (each made and undone, so the store ends as it began), until stopped; the
 * stop answers how many were made.
 */
function decideMeanwhile(db: Db, perSecond: number): () => Promise<number> {
  let stopped = false;
  let made = 0;
  const run = (async () => {
    const rows = await db.articleTag.findMany({ orderBy: { articleId: "desc" }, take: 500, select: { id: true, state: true } });
    if (rows.length === 0) throw new Error("the store has no tag rows to decide on");
    const start = performance.now();
    while (!stopped) {
      // A stride through the rows: consecutive decisions fall on different articles.
      const row = rows[(made * 7) % rows.length]!;
      await db.articleTag.update({ where: { id: row.id }, data: { state: row.state === "accepted" ? "suggested" : "accepted" } });
      await db.articleTag.update({ where: { id: row.id }, data: { state: row.state } });
      made++;
      const wait = start + (made * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  return async () => {
    stopped = true;
    await run;
    return made;
  };
}

async function measureStore(
  url: string,
  n: number,
  connections: number,
  duration: number,
  only: string[],
  coldOnly: boolean,
  processes: number,
  writes = 0,
): Promise<Map<string, Measured>> {
  const { base, child } = await serve(url, processes);
  const out = new Map<string, Measured>();
  try {
    const list = (await scenarios(base)).filter((s) => only.length === 0 || only.some((o) => s.name.includes(o)));
    if (coldOnly) child.kill("SIGTERM");
    // Each web process loads its facet index on its first page (decision 026), as a desk's processes
    // did long before anyone measured them: the loads start together here and are waited out, or the
    // first scenario would measure 2 cores shared with three loads (p95 402 ms at 1M on PostgreSQL).
    if (!coldOnly) await warm(base, "/api/articles", 2 * processes);
    const db = createDb(url);
    const t = performance.now();
    const index = await facetIndex(db, { wait: true });
    const loadMs = performance.now() - t;
    if (index) progress(`  ${n.toLocaleString("en")}: facet index loaded in ${ms(loadMs)} (${(index.bytes() / 2 ** 20).toFixed(1)} MiB)`);
    // The web processes' loads ran beside this one; give them as long again to be sure they are done.
    if (index && !coldOnly) await new Promise((r) => setTimeout(r, loadMs));
    for (const s of list) {
      const cold = await coldCost(db, s);
      if (coldOnly) {
        out.set(s.name, { lat: latency([]), rps: Number.NaN, failed: 0, cold });
        progress(`  ${n.toLocaleString("en")}: ${s.name}: cold ${ms(cold)}`);
        continue;
      }
      // Warm-up: each request once in every web process (its counts are then kept, as after
      // any first view; the cold column measures that first one), then 2 s of load. The
      // cluster hands new connections to its processes in turn: two per process reach each.
      for (const p of s.paths) await warm(base, p, 2 * processes);
      await drive(base, s, connections, 2);
      const stop = writes > 0 ? decideMeanwhile(db, writes) : null;
      const m = { ...(await drive(base, s, connections, duration)), cold };
      const decided = stop ? await stop() : 0;
      out.set(s.name, m);
      const meanwhile = stop ? `, ${(decided / duration).toFixed(1)} decisions/s meanwhile` : "";
      progress(`  ${n.toLocaleString("en")}: ${s.name}: p50 ${ms(m.lat.p50)}, p95 ${ms(m.lat.p95)}, p99 ${ms(m.lat.p99)}, ${m.rps.toFixed(0)} req/s${meanwhile}${m.failed ? `, ${m.failed} FAILED` : ""}`);
    }
    await closeReader(db);
    await db.$disconnect();
  } finally {
    child.kill("SIGTERM");
  }
  return out;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        store: { type: "string", default: "sqlite" },
        sizes: { type: "string", default: "1000,100000" },
        duration: { type: "string", default: "10" },
        connections: { type: "string", default: "20" },
        processes: { type: "string" },
        corpus: { type: "string" },
        pg: { type: "string" },
        rebuild: { type: "boolean", default: false },
        only: { type: "string", default: "" },
        "build-only": { type: "boolean", default: false },
        "cold-only": { type: "boolean", default: false },
        writes: { type: "string", default: "0" },
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
  const kind = values.store;
  if (kind !== "sqlite" && kind !== "postgres") {
    console.error(`--store must be sqlite or postgres, not "${kind}"\n\n${USAGE}`);
    return 2;
  }
  const sizes = values.sizes.split(",").map((s) => Number(s.trim()));
  if (sizes.length < 1 || sizes.some((s) => !Number.isInteger(s) || s < 100)) {
    console.error(`--sizes must list whole numbers of at least 100, not "${values.sizes}"\n\n${USAGE}`);
    return 2;
  }
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  if (!(duration > 0) || !Number.isInteger(connections) || connections < 1) {
    console.error(`--duration must be a positive number of seconds and --connections a positive whole number\n\n${USAGE}`);
    return 2;
  }
  const writes = Number(values.writes);
  if (!(writes >= 0) || writes > 1000) {
    console.error(`--writes must be a number of decisions a second from 0 to 1000, not "${values.writes}"\n\n${USAGE}`);
    return 2;
  }
  const processes = values.processes === undefined ? undefined : Number(values.processes);
  if (processes !== undefined && (!Number.isInteger(processes) || processes < 1 || processes > 64)) {
    console.error(`--processes must be a whole number from 1 to 64, not "${values.processes}"\n\n${USAGE}`);
    return 2;
  }
  const webProcesses = processes ?? Math.min(availableParallelism(), 8);
  const pgServer = values.pg ?? process.env.WIREDESK_TEST_POSTGRES;
  if (kind === "postgres" && !pgServer) {
    console.error(`--store postgres needs a server: --pg postgresql://... or WIREDESK_TEST_POSTGRES\n\n${USAGE}`);
    return 2;
  }
  const corpus = path.resolve(values.corpus ?? process.env.WIREDESK_CORPUS_DIR ?? path.join(root, "../shared/corpora/reuters21578"));
  let stories: ReutersStory[] | undefined;
  // Read only when a store has to be built: cached stores need no corpus.
  const readStories = () => (stories ??= readReutersCorpus(corpus));

  const urls: string[] = [];
  for (const n of sizes) urls.push(await store(kind, n, readStories, { pg: pgServer, rebuild: values.rebuild }));

  if (values["build-only"]) return 0;
  const nextEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (buildIsStale()) {
    progress("building the desk (next build)...");
    const b = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: nextEnv });
    if (b.status !== 0) throw new Error("next build failed");
  }

  const only = values.only ? values.only.split(",").map((s) => s.trim()) : [];
  const results: Map<string, Measured>[] = [];
  for (let i = 0; i < sizes.length; i++) {
    progress(`serving the store of ${sizes[i]!.toLocaleString("en")} (${kind}, ${webProcesses} web processes), ${connections} connections, ${duration} s per scenario`);
    results.push(await measureStore(urls[i]!, sizes[i]!, connections, duration, only, values["cold-only"], webProcesses, writes));
  }

  const base = results[0]!;
  const last = results[results.length - 1]!;
  const fmt = (m: Measured | undefined) => (m ? [ms(m.lat.p50), ms(m.lat.p95), ms(m.lat.p99)] : ["-", "-", "-"]);
  const label = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
  const header = ["scenario", ...sizes.flatMap((n) => [`${label(n)} p50`, `${label(n)} p95`, `${label(n)} p99`]), `${label(sizes.at(-1)!)} req/s`, "p95 ratio", `p95<${TARGET_P95_MS}ms`, ...sizes.map((n) => `cold ${label(n)}`)];
  let allPass = true;
  const rows = [...last.keys()].map((name) => {
    const m = last.get(name)!;
    const pass = m.lat.p95 < TARGET_P95_MS && m.failed === 0;
    allPass &&= pass;
    const b = base.get(name);
    return [
      name,
      ...results.flatMap((r) => fmt(r.get(name))),
      m.rps.toFixed(0),
      b ? `${(m.lat.p95 / b.lat.p95).toFixed(2)}x` : "-",
      pass ? "PASS" : m.failed ? `FAIL (${m.failed} errors)` : "FAIL",
      ...results.map((r) => ms(r.get(name)?.cold ?? Number.NaN)),
    ];
  });
  console.log(
    `\nwiredesk bench:desk: ${kind} store, sizes ${sizes.map(label).join(" and ")} (bulk-loaded from Reuters-21578: articles, machine tags from lib/tagging, duplicate links, FTS rows; ` +
      `no dedup keys or audit), production build served as npm start serves it (scripts/serve.mjs, ${webProcesses} web process${webProcesses === 1 ? "" : "es"}), ` +
      `autocannon ${connections} connections in this process, ${duration} s per scenario after each request once and a 2 s warm-up.\n` +
      `Machine: ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(2)} at the end (shared: figures move with other work on it).\n`,
  );
  console.log(table(header, rows));
  console.log(
    "\ncold: the first request after a change to the store (an editor's decision), in process, on a client that has served before: connections open, facet index loaded (decision 026). Median of 3 per path, the slowest path.",
  );
  console.log(`\n${allPass ? "every scenario PASSES" : "some scenarios FAIL"} p95 < ${TARGET_P95_MS} ms at ${label(sizes.at(-1)!)}.`);
  return allPass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`bench:desk: ${(e as Error).message}`);
    process.exit(1);
  },
);

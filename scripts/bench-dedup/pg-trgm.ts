import pg from "pg";

import type { DuplicateKind } from "../../lib/schemas/vocabulary";
import type { Corpus, EngineResult } from "./engine";
import { KINDS } from "./evaluate";
import { latency, progress, type Latency } from "./measure";

// What a user would reach for instead: PostgreSQL's pg_trgm, a GIN trigram
// index on the article text, queried with similarity (%) for copies and word
// similarity (<%) for a text held inside a longer one. Runs in a database it
// creates and drops itself.

/**
 * Two ways to ask: strict (threshold 0.8, the GIN index forced: near and exact
 * copies only, the fastest pg_trgm gets on whole bodies) and broad (0.3, what it
 * takes to reach rewrites and roundups; the planner picks a plan). Word
 * similarity (<%) over whole bodies ran past 60 s a query at 20,000 articles
 * and is left out.
 */
export const PG_MODES = [
  { name: "strict", threshold: 0.8, forceIndex: true, budgetMs: 90_000, maxQueries: 30 },
  { name: "broad", threshold: 0.3, forceIndex: false, budgetMs: 150_000, maxQueries: 12 },
] as const;
const STATEMENT_TIMEOUT_MS = 120_000;

export interface PgModeResult {
  name: string;
  threshold: number;
  latency: Latency;
  /** Planted pairs whose other article pg_trgm returned, by kind of the query. */
  recall: Partial<Record<DuplicateKind, number>>;
  /** Ours on exactly the same queries: found with the right kind. */
  oursRecall: Partial<Record<DuplicateKind, number>>;
  asked: Partial<Record<DuplicateKind, number>>;
  ours: { lookup: Latency; total: Latency };
  timeouts: number;
}

export interface PgResult {
  loadSeconds: number;
  indexSeconds: number;
  modes: PgModeResult[];
  description: string;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function runPgTrgm(url: string, corpus: Corpus, queries: number[], engine: EngineResult): Promise<PgResult> {
  const db = `wiredesk_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${db}`);
  await admin.query(`CREATE DATABASE ${db}`);
  const client = new pg.Client({ connectionString: withDatabase(url, db) });
  try {
    await client.connect();
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    await client.query("CREATE UNLOGGED TABLE article (id integer PRIMARY KEY, body text NOT NULL)");
    progress(`pg_trgm: loading ${corpus.n} articles into ${db}`);
    let t = performance.now();
    const batch = 1000;
    for (let start = 0; start < corpus.n; start += batch) {
      const ids: number[] = [];
      const bodies: string[] = [];
      for (let id = start; id < Math.min(corpus.n, start + batch); id++) {
        ids.push(id);
        bodies.push(corpus.text(id));
      }
      await client.query("INSERT INTO article (id, body) SELECT * FROM unnest($1::int[], $2::text[])", [ids, bodies]);
    }
    const loadSeconds = (performance.now() - t) / 1000;
    progress("pg_trgm: building the GIN trigram index");
    t = performance.now();
    await client.query("CREATE INDEX article_body_trgm ON article USING gin (body gin_trgm_ops)");
    await client.query("ANALYZE article");
    const indexSeconds = (performance.now() - t) / 1000;
    await client.query(`SET statement_timeout = ${STATEMENT_TIMEOUT_MS}`);

    const ourLinks = new Map(engine.links.map((l) => [`${l.q}:${l.d}`, l.kind]));
    const position = new Map(engine.queries.map((id, i) => [id, i]));
    const sql = "SELECT id FROM article WHERE body % $1 AND id <> $2";
    const modes: PgModeResult[] = [];
    for (const mode of PG_MODES) {
      await client.query(`SET pg_trgm.similarity_threshold = ${mode.threshold}`);
      await client.query(`SET enable_seqscan = ${mode.forceIndex ? "off" : "on"}`);
      const times: number[] = [];
      const found: Record<string, number> = {};
      const ourFound: Record<string, number> = {};
      const asked: Record<string, number> = {};
      const oursLookup: number[] = [];
      const oursTotal: number[] = [];
      let timeouts = 0;
      progress(`pg_trgm ${mode.name}: up to ${mode.maxQueries} lookups (budget ${mode.budgetMs / 1000} s)`);
      const started = performance.now();
      for (const q of queries.slice(0, mode.maxQueries)) {
        if (performance.now() - started > mode.budgetMs) break;
        const text = corpus.text(q);
        const base = corpus.baseOf?.(q) ?? -1;
        const t0 = performance.now();
        let ids: number[] = [];
        try {
          const r = await client.query<{ id: number }>(sql, [text, q]);
          ids = r.rows.map((row) => row.id);
        } catch (e) {
          if (!/statement timeout/.test(String(e))) throw e;
          timeouts++;
        }
        times.push(performance.now() - t0);
        const at = position.get(q);
        if (at !== undefined) {
          oursLookup.push(engine.lookupMs[at] ?? Number.NaN);
          oursTotal.push(engine.totalMs[at] ?? Number.NaN);
        }
        const kind = base >= 0 ? corpus.truth?.(q, base) : undefined;
        if (!kind) continue;
        asked[kind] = (asked[kind] ?? 0) + 1;
        if (ids.includes(base)) found[kind] = (found[kind] ?? 0) + 1;
        if (ourLinks.get(`${q}:${base}`) === kind) ourFound[kind] = (ourFound[kind] ?? 0) + 1;
      }
      const rate = (f: Record<string, number>) => Object.fromEntries(KINDS.map((k) => [k, asked[k] ? (f[k] ?? 0) / (asked[k] ?? 1) : Number.NaN]));
      modes.push({
        name: mode.name,
        threshold: mode.threshold,
        latency: latency(times),
        recall: rate(found),
        oursRecall: rate(ourFound),
        asked,
        ours: { lookup: latency(oursLookup), total: latency(oursTotal) },
        timeouts,
      });
    }
    return {
      loadSeconds,
      indexSeconds,
      modes,
      description:
        `"${sql}", GIN gin_trgm_ops on the whole body; strict: similarity_threshold 0.8 with enable_seqscan off; broad: 0.3, planner's choice. ` +
        `Queries cycle through the planted kinds and random articles; a pair pg_trgm returns counts as found whatever its kind, ours only with the right kind.`,
    };
  } finally {
    await client.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${db}`).catch((e: unknown) => progress(`could not drop ${db}: ${String(e)}`));
    await admin.end();
  }
}

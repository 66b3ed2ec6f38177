// How long the dashboard takes on a large store: seeds N articles (default
// 100,000) over 60 days into a fresh store with tags, sources and duplicate
// links, then times getDashboard per range against the queue's first page
// (findArticles) on the same store, as a ratio.
// npx tsx --conditions=react-server scripts/bench-dashboard.ts [--articles 100000] [--url file:/tmp/x.db | postgresql://...]
// With --url, a store that already holds articles is measured as it is (seed once, measure often).
import { parseArgs } from "node:util";
import { getDashboard } from "../lib/server/dashboard/get-dashboard";
import { findArticles } from "../lib/server/articles/find-articles";
import { systemActor } from "../lib/server/audit";
import { benchStore } from "./bench-seed";

const bench = systemActor("bench");

async function main() {
  const { values } = parseArgs({ options: { articles: { type: "string", default: "100000" }, url: { type: "string" } } });
  const n = Number(values.articles);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--articles must be a positive whole number, not "${values.articles}"`);
  const { db, done } = await benchStore(values.url, n);
  try {
    const time = async (f: () => Promise<unknown>) => {
      await f(); // warm
      const runs = 5;
      const s = performance.now();
      for (let i = 0; i < runs; i++) await f();
      return (performance.now() - s) / runs;
    };
    const base = await time(() => findArticles(db, {}, bench));
    console.log(`baseline: the queue's first page ${base.toFixed(0)} ms`);
    for (const range of ["24h", "7d", "30d"] as const) {
      const d = await getDashboard(db, { range }, bench);
      const ms = await time(() => getDashboard(db, { range }, bench));
      console.log(`dashboard ${range}: ${d.articles} articles in range, ${ms.toFixed(0)} ms = ${(ms / base).toFixed(1)}× the queue page`);
    }
  } finally {
    await done();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

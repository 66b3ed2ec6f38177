// How long the dashboard takes on a large store: seeds N articles (default
// 100,000) over 60 days into a fresh store with tags, sources and duplicate
// links, then times getDashboard per range against the queue's first page
// (findArticles) on the same store, as a ratio. The figures are kept per hour
// once counted (decision 025), so each range is timed three ways: the first
// read, which counts every hour of the window; a read with nothing changed;
// and a read after a change (an editor's decision on the newest story, which
// marks its hour to be counted again), the common case on a working desk.
// npx tsx --conditions=react-server scripts/bench-dashboard.ts [--articles 100000] [--url file:/tmp/x.db | postgresql://...]
// With --url, a store that already holds articles is measured as it is (seed once, measure often).
import { parseArgs } from "node:util";
import { getDashboard } from "../lib/server/dashboard/get-dashboard";
import { findArticles } from "../lib/server/articles/find-articles";
import { systemActor } from "../lib/server/audit";
import { benchStore, decideOnNewest } from "./bench-seed";

const bench = systemActor("bench");
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const { values } = parseArgs({ options: { articles: { type: "string", default: "100000" }, url: { type: "string" } } });
  const n = Number(values.articles);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--articles must be a positive whole number, not "${values.articles}"`);
  const { db, done } = await benchStore(values.url, n);
  try {
    const timed = async (f: () => Promise<unknown>) => {
      const s = performance.now();
      await f();
      return performance.now() - s;
    };
    await findArticles(db, {}, bench); // warm
    const pages: number[] = [];
    for (let i = 0; i < RUNS; i++) pages.push(await timed(() => findArticles(db, {}, bench)));
    const base = median(pages);
    console.log(`baseline: the queue's first page ${base.toFixed(1)} ms (median of ${RUNS})`);
    for (const range of ["24h", "7d", "30d"] as const) {
      // Nothing kept: every hour of the window counted.
      await db.$executeRawUnsafe(`DELETE FROM "DashboardHour"`);
      await db.$executeRawUnsafe(`DELETE FROM "DashboardHourDone"`);
      const first = await timed(() => getDashboard(db, { range }, bench));
      const kept: number[] = [];
      for (let i = 0; i < RUNS; i++) kept.push(await timed(() => getDashboard(db, { range }, bench)));
      const changed: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await decideOnNewest(db);
        changed.push(await timed(() => getDashboard(db, { range }, bench)));
      }
      const d = await getDashboard(db, { range }, bench);
      const ratio = (ms: number) => `${(ms / base).toFixed(1)}×`;
      console.log(
        `dashboard ${range}: ${d.articles} articles in range; first read (counts every hour) ${first.toFixed(0)} ms = ${ratio(first)} the queue page; ` +
          `kept ${median(kept).toFixed(1)} ms = ${ratio(median(kept))}; after a decision ${median(changed).toFixed(1)} ms = ${ratio(median(changed))} (medians of ${RUNS})`,
      );
    }
  } finally {
    await done();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import { createDb } from "../lib/server/db/client";
import { findArticles } from "../lib/server/articles/find-articles";
import { articleFacets } from "../lib/server/articles/article-facets";
async function main() {
  const db = createDb(process.argv[2]!);
  const cases: [string, () => Promise<unknown>][] = [
    ["first", () => findArticles(db, {})],
    ["place US", () => findArticles(db, { place: "US" })],
    ["topic econ", () => findArticles(db, { topic: "medtop:04000000" })],
    ["status new", () => findArticles(db, { status: "new" })],
    ["cursor deep", () => findArticles(db, { cursor: 10000 })],
    ["q oil", () => findArticles(db, { q: "oil" })],
    ["q tokyo", () => findArticles(db, { q: "tokyo" })],
    ["dup yes", () => findArticles(db, { duplicates: "yes" })],
    ["range 7d", () => findArticles(db, { range: "7d" })],
    ["source", () => findArticles(db, { source: "3" })],
    ["facets", () => articleFacets(db, {})],
    ["facets US", () => articleFacets(db, { place: "US" })],
    ["facets q oil", () => articleFacets(db, { q: "oil" })],
  ];
  for (const [name, f] of cases) {
    await f();
    const t = performance.now();
    for (let i = 0; i < 3; i++) await f();
    console.log(name.padEnd(14), ((performance.now() - t) / 3).toFixed(1), "ms");
  }
  await db.$disconnect();
}
main();

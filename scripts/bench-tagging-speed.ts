// npx tsx scripts/bench-tagging-speed.ts [--baseline DIR] [--corpus DIR] [--rounds N] [--limit N]
// The whole tagger's speed (topics, places and regions of one article, as
// ingest calls it) on Reuters-21578, one thread, and, with --baseline, as a
// ratio against another checkout's tagger (DIR holds its lib/, e.g. from
// `git archive main lib`) timed in the same process, passes interleaved: on a
// shared machine the absolute rate moves with the load, the ratio much less.
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { suggestTags } from "../lib/tagging/index";
import type { TagInput } from "../lib/tagging/types";
import { readCorpus } from "./reuters";

const root = path.resolve(import.meta.dirname, "..");
const USAGE = `usage: npx tsx scripts/bench-tagging-speed.ts [--baseline DIR] [--corpus DIR] [--rounds N] [--limit N]

  --baseline DIR  another checkout (its lib/tagging/index.ts) to time against, in the same process
  --corpus DIR    Reuters-21578 folder (default: $WIREDESK_CORPUS_DIR, else ../shared/corpora/reuters21578)
  --rounds N      timed passes of each tagger, interleaved (default 7)
  --limit N       read at most N documents`;

type Tagger = (input: TagInput) => unknown;

interface Timing {
  wall: number[];
  cpu: number[];
}

function pass(tag: Tagger, inputs: TagInput[], t: Timing): void {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  for (const input of inputs) tag(input);
  const cpu = process.cpuUsage(cpu0);
  t.wall.push((performance.now() - start) / 1000);
  t.cpu.push((cpu.user + cpu.system) / 1e6);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { baseline: { type: "string" }, corpus: { type: "string" }, rounds: { type: "string" }, limit: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dir = path.resolve(values.corpus ?? process.env.WIREDESK_CORPUS_DIR ?? path.join(root, "../shared/corpora/reuters21578"));
  if (!existsSync(dir)) {
    console.error(`corpus not found: ${dir}\n\n${USAGE}`);
    return 1;
  }
  const rounds = Math.max(1, Number(values.rounds ?? 7));
  const docs = readCorpus(dir, values.limit ? Number(values.limit) : Infinity);
  const inputs = docs.map((d) => ({ headline: d.title, bodyText: d.body, dateline: d.dateline }));

  const taggers: [string, Tagger][] = [["this checkout", (i) => suggestTags(i)]];
  if (values.baseline) {
    const entry = path.resolve(values.baseline, "lib/tagging/index.ts");
    if (!existsSync(entry)) {
      console.error(`no lib/tagging/index.ts in ${values.baseline}\n\n${USAGE}`);
      return 1;
    }
    const base = (await import(pathToFileURL(entry).href)) as { suggestTags: Tagger };
    taggers.unshift(["baseline", (i) => base.suggestTags(i)]);
  }
  // Load the lexicons and models, and warm the JIT, before timing.
  for (const [, tag] of taggers) for (const input of inputs.slice(0, 500)) tag(input);

  const load0 = loadavg();
  const timings = taggers.map((): Timing => ({ wall: [], cpu: [] }));
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first, so that neither always runs on a warmer or quieter machine.
    const order = r % 2 === 0 ? taggers.map((_, i) => i) : taggers.map((_, i) => i).reverse();
    for (const i of order) pass(taggers[i]![1], inputs, timings[i]!);
  }
  const load1 = loadavg();
  console.log(`${inputs.length} Reuters-21578 articles, topics + places + regions, one thread, ${rounds} interleaved passes each`);
  console.log(`load average (1, 5, 15 min): ${load0.map((x) => x.toFixed(2)).join(", ")} before, ${load1.map((x) => x.toFixed(2)).join(", ")} after`);
  taggers.forEach(([name], i) => {
    const t = timings[i]!;
    console.log(
      `  ${name.padEnd(14)} fastest ${Math.round(inputs.length / Math.min(...t.wall)).toLocaleString("en")}/s wall, ` +
        `${Math.round(inputs.length / Math.min(...t.cpu)).toLocaleString("en")}/s CPU; median ${Math.round(inputs.length / median(t.wall)).toLocaleString("en")}/s wall   [goal ≥ 5,000/s]`,
    );
  });
  if (taggers.length === 2) {
    const [b, c] = timings as [Timing, Timing];
    console.log(
      `  ratio this/baseline: ${(Math.min(...b.wall) / Math.min(...c.wall)).toFixed(2)} (fastest wall), ${(median(b.wall) / median(c.wall)).toFixed(2)} (median wall), ` +
        `${(Math.min(...b.cpu) / Math.min(...c.cpu)).toFixed(2)} (fastest CPU)`,
    );
  }
  return 0;
}

void main().then((code) => (process.exitCode = code));

// npm run fuzz -- [--inputs N] [--seed S] [--fixtures DIR] [--max-ms MS] [--max-heap-mb MB] [--out DIR]
//
// Mutated copies of the test fixtures through the ingest pipeline (runIngest,
// as uploads use it), one at a time: no uncaught exception, no input over the
// time limit, no heap over the memory limit. Prints the figures; exits 1 on a
// violation, having written each failing input to --out. See scripts/fuzz/harness.ts.
import path from "node:path";
import { parseArgs } from "node:util";

import { runFuzz } from "./fuzz/harness";

const USAGE = `usage: npm run fuzz -- [--inputs N] [--seed S] [--fixtures DIR] [--max-ms MS] [--max-heap-mb MB] [--out DIR]
  --inputs N        inputs to make and ingest (default 1000)
  --seed S          makes the same inputs again (default 1)
  --fixtures DIR    seed inputs, read recursively (default tests/fixtures)
  --max-ms MS       longest one input may take (default 2000)
  --max-heap-mb MB  largest heap (default 1536)
  --out DIR         where failing inputs are written (default tests/artifacts/fuzz)`;

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    inputs: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    fixtures: { type: "string", default: path.join(root, "tests/fixtures") },
    "max-ms": { type: "string", default: "2000" },
    "max-heap-mb": { type: "string", default: "1536" },
    out: { type: "string", default: path.join(root, "tests/artifacts/fuzz") },
    help: { type: "boolean" },
  },
});

function whole(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${v}"\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main() {
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const opts = {
    inputs: whole("inputs", args.inputs),
    seed: whole("seed", args.seed),
    fixtures: path.resolve(args.fixtures),
    maxMs: whole("max-ms", args["max-ms"]),
    maxHeapMb: whole("max-heap-mb", args["max-heap-mb"]),
    out: path.resolve(args.out),
  };
  const started = Date.now();
  const report = await runFuzz({ ...opts, onProgress: (n) => process.stderr.write(`\r${n}/${opts.inputs} inputs`) });
  process.stderr.write("\n");
  console.log(`fuzz: seed ${opts.seed}, ${report.seeds} seed files, ${report.inputs} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  stored ${report.stored}, refused ${report.refused}`);
  console.log(`  max ${report.maxMs.toFixed(0)} ms, p99 ${report.p99Ms.toFixed(0)} ms (limit ${opts.maxMs} ms)`);
  console.log(`  max heap ${report.maxHeapMb.toFixed(0)} MiB (limit ${opts.maxHeapMb} MiB)`);
  if (!report.violations.length) {
    console.log("  no violations");
    return;
  }
  console.log(`  ${report.violations.length} violation(s):`);
  for (const v of report.violations) {
    console.log(`  - input ${v.index} (${v.name}, ${v.mutation}): ${v.kind}: ${v.detail.split("\n")[0]}${v.file ? `\n    written to ${path.relative(process.cwd(), v.file)}` : ""}`);
  }
  process.exitCode = 1;
}

main().catch((e) => {
  console.error(`fuzz: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});

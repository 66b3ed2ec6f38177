// npm run ingest -- <file|dir|url>... [--source NAME]
// Ingests into the store of DATABASE_URL and prints, per input and in total,
// what went in. Exit 0: every item went in; 1: some failed; 2: usage error.
import { parseArgs } from "node:util";
import { env, fetchLimits } from "../lib/server/env";
import { prepareStore } from "../lib/server/db/prepare";
import { runIngest, type Counts } from "../lib/server/ingest/run-ingest";
import { toInputs, UsageError } from "../lib/server/ingest/inputs";

const USAGE = `usage: npm run ingest -- <file|folder|url>... [--source NAME]

  Ingests pages, feeds (RSS, Atom, JSON Feed), ninjs (JSON, NDJSON), HTML
  articles and Wiredesk exports into the store named by DATABASE_URL.
  --source NAME   publisher to credit when an input does not name one`;

const fmt = (c: Counts) =>
  `${c.new} new, ${c.updated} updated, ${c.duplicates} duplicate${c.duplicates === 1 ? "" : "s"} flagged, ${c.skipped} skipped, ${c.failed} failed`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { source: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const config = env();
  let inputs;
  try {
    inputs = toInputs(parsed.positionals, fetchLimits(config));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }

  const { db } = await prepareStore(config.DATABASE_URL);
  const tty = process.stderr.isTTY;
  try {
    const report = await runIngest(db, inputs, {
      origin: "cli",
      actor: "cli",
      role: "system",
      defaultSource: parsed.values.source,
      maxBytes: config.WIREDESK_MAX_INPUT_BYTES,
      thresholds: config.WIREDESK_DEDUP_THRESHOLDS,
      // Progress only on a terminal, and only for inputs large enough to wait on.
      onProgress: tty
        ? (input, done, total) => {
            if (total >= 50 && (done % 25 === 0 || done === total)) {
              process.stderr.write(`\r${input}: ${done}/${total} items${done === total ? "\n" : ""}`);
            }
          }
        : undefined,
    });
    for (const r of report.inputs) {
      console.log(`${r.input}${r.format ? ` (${r.format})` : ""}: ${fmt(r)}`);
      for (const e of r.errors) console.log(`  failed: ${r.input}: ${e.location}: ${e.message}`);
    }
    console.log(`Total (run ${report.runId}, ${report.inputs.length} input${report.inputs.length === 1 ? "" : "s"}): ${fmt(report.totals)}`);
    return report.totals.failed > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`ingest: ${(e as Error).message}`);
    process.exit(1);
  },
);

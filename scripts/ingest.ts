// npm run ingest -- <file|dir|url>... [--source NAME]
// Ingests into the store of DATABASE_URL and prints, per input and in total,
// what went in. Exit 0: every item went in; 1: some failed; 2: usage error.
import { parseArgs } from "node:util";
import { env, fetchLimits, sqliteFile, storeKind } from "../lib/server/env";
import { optimizeSqliteFile } from "../lib/server/db/sqlite-stats";
import { analyzeStalePostgres } from "../lib/server/db/postgres-stats";
import { prepareStore } from "../lib/server/db/prepare";
import { runIngest, type Counts, type IngestInput, type InputReport } from "../lib/server/ingest/run-ingest";
import { toInputs, UsageError } from "../lib/server/ingest/inputs";

const USAGE = `usage: npm run ingest -- <file|folder|url>... [--source NAME] [--progress]

  Ingests pages, feeds (RSS, Atom, JSON Feed), ninjs (JSON, NDJSON), HTML
  articles and Wiredesk exports into the store named by DATABASE_URL. Items
  are written in batches; an interrupted import is resumed by running it
  again (what was stored is skipped, nothing is stored twice).
  --source NAME   publisher to credit when an input does not name one
  --progress      show the progress bar even when stderr is not a terminal`;

const fmt = (c: Counts) =>
  `${c.new} new, ${c.updated} updated, ${c.duplicates} duplicate${c.duplicates === 1 ? "" : "s"} flagged, ${c.skipped} skipped, ${c.failed} failed`;

const clock = (s: number) => {
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = String(t % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
};

/**
 * One line redrawn in place: share done, items, rate and time left. The share
 * counts inputs done plus the share of the current one, so an archive of many
 * files gets an estimate before every file has been read.
 */
function progressBar(names: string[]) {
  const start = performance.now();
  const finished = new Set<string>();
  let items = 0;
  let last = 0;
  let shown = false;
  const draw = (input: string, done: number, total: number) => {
    const share = (finished.size + (finished.has(input) ? 0 : done / Math.max(total, 1))) / names.length;
    const seconds = (performance.now() - start) / 1000;
    const rate = items / Math.max(seconds, 0.001);
    const left = share > 0 ? (seconds / share) * (1 - share) : Number.NaN;
    const width = 24;
    const filled = Math.round(share * width);
    const line =
      `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ` +
      `${items.toLocaleString("en-US")} items  ${Math.round(rate).toLocaleString("en-US")}/s  ` +
      `${Number.isFinite(left) ? `${clock(left)} left` : "estimating"}  input ${Math.min(finished.size + 1, names.length)}/${names.length}`;
    process.stderr.write(`\r${line}\u001b[K`);
    shown = true;
  };
  return {
    item(input: string, done: number, total: number) {
      items++;
      if (done === total) finished.add(input);
      const now = performance.now();
      if (now - last < 200 && done !== total) return;
      last = now;
      draw(input, done, total);
    },
    end() {
      if (shown) process.stderr.write("\n");
    },
  };
}

/**
 * One report a file: the parts of a large NDJSON file (inputs.ts) summed under
 * its name. Their items' locations are the file's lines already; a part that
 * failed whole is named by its place in the file.
 */
function byFile(inputs: IngestInput[], reports: InputReport[]): InputReport[] {
  const out: InputReport[] = [];
  reports.forEach((r, k) => {
    const part = inputs[k]?.part;
    if (!part) return void out.push(r);
    const errors = r.errors.map((e) => (e.location === "file" ? { ...e, location: part.label } : e));
    const last = out.at(-1);
    if (last?.input === part.file && inputs[k - 1]?.part?.file === part.file) {
      for (const c of ["new", "updated", "duplicates", "skipped", "failed"] as const) last[c] += r[c];
      last.errors.push(...errors);
      last.format ??= r.format;
    } else out.push({ ...r, input: part.file, errors });
  });
  return out;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { source: { type: "string" }, progress: { type: "boolean" }, help: { type: "boolean", short: "h" } },
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
  // A bar only on a terminal (or when asked): a script reading stderr gets no carriage returns.
  const bar = process.stderr.isTTY || parsed.values.progress ? progressBar(inputs.map((i) => i.name)) : undefined;
  const started = performance.now();
  try {
    const report = await runIngest(db, inputs, {
      origin: "cli",
      actor: "cli",
      role: "system",
      defaultSource: parsed.values.source,
      maxBytes: config.WIREDESK_MAX_INPUT_BYTES,
      thresholds: config.WIREDESK_DEDUP_THRESHOLDS,
      // Tagging and fingerprints on a thread of their own, overlapping the writes.
      engineThreads: 1,
      onProgress: bar?.item,
    });
    bar?.end();
    const files = byFile(inputs, report.inputs);
    for (const r of files) {
      console.log(`${r.input}${r.format ? ` (${r.format})` : ""}: ${fmt(r)}`);
      for (const e of r.errors) console.log(`  failed: ${r.input}: ${e.location}: ${e.message}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const items = Object.values(report.totals).reduce((n, c) => n + c, 0) - report.totals.duplicates;
    console.log(
      `Total (run ${report.runId}, ${files.length} input${files.length === 1 ? "" : "s"}): ${fmt(report.totals)}; ` +
        `${items} item${items === 1 ? "" : "s"} in ${clock(seconds)} (${Math.round(items / Math.max(seconds, 0.001))} a second)`,
    );
    if (report.totals.skipped > 0) console.log("Items already stored were skipped: running the same import again resumes an interrupted one.");
    // An import can grow the store tenfold: the planner's statistics follow it at once, not at the worker's next hour.
    if (storeKind(config.DATABASE_URL) === "sqlite" && items > 0) optimizeSqliteFile(sqliteFile(config.DATABASE_URL));
    else if (items > 0) {
      await analyzeStalePostgres((sql) => db.$queryRawUnsafe(sql), { all: true }).catch((e: unknown) =>
        console.error(`Planner statistics not brought up to date (${(e as Error).message}): the next start or the worker will.`),
      );
    }
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

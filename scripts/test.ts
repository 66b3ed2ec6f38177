// npm test: every check and test, in the order a failure is cheapest to see.
// Set WIREDESK_TEST_POSTGRES=postgresql://... to run the store tests on
// PostgreSQL as well (CI does); when it is set and unreachable, tests fail.
// Each step's output goes through as it comes; a failed step's last lines are
// printed again at the very end, so the tail of a long run (what CI keeps)
// says which step failed and why. WIREDESK_TEST_RETRY=N retries a failed
// Vitest test N times (CI sets 1: store tests race real processes on a loaded
// machine); a test that passed only on retry is named at the end too.
import { spawn } from "node:child_process";
import path from "node:path";
import { FLAKY_PREFIX } from "../tests/support/flaky-reporter";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const retry = Number(process.env.WIREDESK_TEST_RETRY ?? 0);
const FLAKY_REPORTER = "./tests/support/flaky-reporter.ts";

const steps: { name: string; cmd: string; args: string[] }[] = [
  { name: "PostgreSQL schema is derived from the SQLite schema", cmd: "npx", args: ["tsx", "scripts/derive-postgres-schema.ts", "--check"] },
  { name: "route types", cmd: bin("next"), args: ["typegen"] },
  { name: "type check", cmd: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", cmd: bin("eslint"), args: ["."] },
  { name: "unit and store tests (Vitest)", cmd: bin("vitest"), args: ["run", ...(retry > 0 ? [`--retry=${retry}`, "--reporter=default", `--reporter=${FLAKY_REPORTER}`] : [])] },
  { name: "browser tests (Playwright, Chromium)", cmd: bin("playwright"), args: ["test"] },
];

/** Lines kept of a failed step for the summary at the end. */
const TAIL_LINES = 80;
const ANSI = /\x1b\[[0-9;]*m/g;

/** Runs a step with its output passed through, keeping its last lines and the lines naming retried tests. */
function run(cmd: string, args: string[]): Promise<{ status: number; tail: string[]; retried: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ["inherit", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? "1" : process.env.FORCE_COLOR } });
    const tail: string[] = [];
    const retried: string[] = [];
    let partial = "";
    const take = (chunk: Buffer, out: NodeJS.WriteStream) => {
      out.write(chunk);
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        const plain = line.replace(ANSI, "");
        if (plain.startsWith(FLAKY_PREFIX)) retried.push(plain.slice(FLAKY_PREFIX.length).trim());
        tail.push(plain);
        if (tail.length > TAIL_LINES) tail.shift();
      }
    };
    child.stdout.on("data", (c: Buffer) => take(c, process.stdout));
    child.stderr.on("data", (c: Buffer) => take(c, process.stderr));
    child.on("error", (e) => resolve({ status: 1, tail: [...tail, `could not start ${cmd}: ${e.message}`], retried }));
    child.on("close", (code, signal) => {
      if (partial) tail.push(partial.replace(ANSI, ""));
      resolve({ status: code ?? (signal ? 1 : 0), tail: tail.slice(-TAIL_LINES), retried });
    });
  });
}

const only = process.argv.slice(2);
console.log(
  process.env.WIREDESK_TEST_POSTGRES
    ? "wiredesk: store tests run on SQLite and PostgreSQL"
    : "wiredesk: store tests run on SQLite (set WIREDESK_TEST_POSTGRES=postgresql://... for PostgreSQL too)",
);
async function main() {
  const failed: { name: string; tail: string[] }[] = [];
  const retried: string[] = [];
  for (const s of steps) {
    if (only.length && !only.some((o) => s.name.includes(o))) continue;
    console.log(`\n=== ${s.name}`);
    const r = await run(s.cmd, s.args);
    retried.push(...r.retried);
    if (r.status !== 0) {
      console.error(`=== FAILED: ${s.name}`);
      failed.push({ name: s.name, tail: r.tail });
    }
  }
  for (const f of failed) {
    console.log(`\n=== FAILED: ${f.name}; its last ${f.tail.length} lines again:`);
    console.log(f.tail.join("\n"));
  }
  if (retried.length) console.log(`\nwiredesk: passed only on retry (flaky, to be fixed):\n${retried.map((l) => `  ${l}`).join("\n")}`);
  console.log(failed.length ? `\nwiredesk: ${failed.length} step(s) failed: ${failed.map((f) => f.name).join("; ")}` : "\nwiredesk: all tests passed");
  process.exit(failed.length ? 1 : 0);
}

void main();

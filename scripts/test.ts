// npm test: every check and test, in the order a failure is cheapest to see.
// Set WIREDESK_TEST_POSTGRES=postgresql://... to run the store tests on
// PostgreSQL as well (CI does); when it is set and unreachable, tests fail.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

const steps: { name: string; cmd: string; args: string[] }[] = [
  { name: "PostgreSQL schema is derived from the SQLite schema", cmd: "npx", args: ["tsx", "scripts/derive-postgres-schema.ts", "--check"] },
  { name: "route types", cmd: bin("next"), args: ["typegen"] },
  { name: "type check", cmd: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", cmd: bin("eslint"), args: ["."] },
  { name: "unit and store tests (Vitest)", cmd: bin("vitest"), args: ["run"] },
  { name: "browser tests (Playwright, Chromium)", cmd: bin("playwright"), args: ["test"] },
];

const only = process.argv.slice(2);
console.log(
  process.env.WIREDESK_TEST_POSTGRES
    ? "wiredesk: store tests run on SQLite and PostgreSQL"
    : "wiredesk: store tests run on SQLite (set WIREDESK_TEST_POSTGRES=postgresql://... for PostgreSQL too)",
);
let failed = 0;
for (const s of steps) {
  if (only.length && !only.some((o) => s.name.includes(o))) continue;
  console.log(`\n=== ${s.name}`);
  const r = spawnSync(s.cmd, s.args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`=== FAILED: ${s.name}`);
    failed++;
  }
}
console.log(failed ? `\nwiredesk: ${failed} step(s) failed` : "\nwiredesk: all tests passed");
process.exit(failed ? 1 : 0);

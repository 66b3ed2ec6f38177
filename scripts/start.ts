// npm start: prepares the store named by DATABASE_URL (created and migrated,
// demo data on first start), builds the desk when its sources changed, and
// serves it on PORT.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { env, storeKind } from "../lib/server/env";
import { redact } from "../lib/server/db/migrate";
import { prepareStore } from "../lib/server/db/prepare";
import { loadDemo, needsDemo } from "../lib/server/demo/load-demo";

const root = path.resolve(import.meta.dirname, "..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (d.name === "node_modules" || d.name.startsWith(".") || d.name === "generated") continue;
    const p = path.join(dir, d.name);
    newest = Math.max(newest, d.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const inputs = ["app", "components", "lib", "public"].map((d) => path.join(root, d)).filter(existsSync);
  const files = ["next.config.ts", "package-lock.json", "postcss.config.mjs", "prisma/schema.prisma"].map((f) => path.join(root, f));
  return Math.max(...inputs.map(newestMtime), ...files.filter(existsSync).map((f) => statSync(f).mtimeMs)) > built;
}

async function main() {
  const config = env();
  const url = config.DATABASE_URL;
  console.log(`wiredesk: store ${storeKind(url)} ${redact(url)}`);
  const { db, migrated, topicsAdded } = await prepareStore(url);
  if (migrated.applied.length) console.log(`wiredesk: applied migrations ${migrated.applied.join(", ")}`);
  if (topicsAdded) console.log(`wiredesk: added ${topicsAdded} IPTC Media Topics to the taxonomy`);
  try {
    if (config.WIREDESK_DEMO === "1") {
      if (await needsDemo(db)) {
        const reports = await loadDemo(db, { thresholds: config.WIREDESK_DEDUP_THRESHOLDS });
        const n = reports.reduce((s, r) => s + r.totals.new, 0);
        const failed = reports.flatMap((r) => r.inputs.flatMap((i) => i.errors.map((e) => `${i.input}: ${e.location}: ${e.message}`)));
        console.log(`wiredesk: loaded demo data: ${n} articles from ${reports.length} files`);
        for (const f of failed) console.log(`  demo item not loaded: ${f}`);
      }
    }
  } finally {
    await db.$disconnect();
  }

  const next = path.join(root, "node_modules/next/dist/bin/next");
  // The machine is offline: Next's telemetry would only print a notice and fail to send.
  const nextEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (buildIsStale()) {
    console.log("wiredesk: building the desk (next build)...");
    const b = spawnSync(process.execPath, [next, "build"], { cwd: root, stdio: "inherit", env: nextEnv });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  console.log(`wiredesk: serving the desk on http://localhost:${config.PORT}`);
  const server = spawn(process.execPath, [next, "start", "-p", String(config.PORT)], { cwd: root, stdio: "inherit", env: nextEnv });
  // One machine: the feed worker runs beside the web server. On PostgreSQL
  // workers are run apart (npm run worker), as many as wanted.
  const runWorker = (config.WIREDESK_WORKER ?? (storeKind(url) === "sqlite" ? "1" : "0")) === "1";
  const worker = runWorker
    ? spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/worker.ts")], { cwd: root, stdio: "inherit", env: process.env })
    : undefined;
  if (worker) console.log("wiredesk: feed worker started (WIREDESK_WORKER=0 to run none)");
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      server.kill(sig);
      worker?.kill(sig);
    });
  }
  worker?.on("exit", (code, signal) => {
    // The desk goes on without polling; say so rather than die.
    if (signal !== "SIGINT" && signal !== "SIGTERM") console.error(`wiredesk: the feed worker stopped (exit ${code ?? signal}); feeds are not polled`);
  });
  server.on("exit", (code) => {
    worker?.kill("SIGTERM");
    process.exit(code ?? 0);
  });
}

main().catch((e) => {
  console.error(`wiredesk: ${(e as Error).message}`);
  process.exit(1);
});

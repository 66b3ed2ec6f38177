// npm start: prepares the store named by DATABASE_URL (created and migrated,
// demo data on first start), builds the desk when its sources changed, and
// serves it on PORT.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { env, storeKind } from "../lib/server/env";
import { redact } from "../lib/server/db/migrate";
import { prepareStore } from "../lib/server/db/prepare";
import { loadDemo, needsDemo } from "../lib/server/demo/load-demo";
import { buildIsStale } from "./next-build";

const root = path.resolve(import.meta.dirname, "..");

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
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(`wiredesk: ${(e as Error).message}`);
  process.exit(1);
});

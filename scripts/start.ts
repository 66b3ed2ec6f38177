// npm start: prepares the store named by DATABASE_URL (created and migrated,
// demo data on first start), builds the desk when its sources changed, and
// serves it on PORT.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, storeKind } from "../lib/server/env";
import { redact } from "../lib/server/db/migrate";
import { prepareStore } from "../lib/server/db/prepare";
import { loadDemo, needsDemo } from "../lib/server/demo/load-demo";
import { ensureDemoUsers } from "../lib/server/demo/demo-users";
import { buildIsStale } from "./next-build";

const root = path.resolve(import.meta.dirname, "..");

/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET when set, else
 * one generated on first start and kept in data/.auth-secret (owner-only),
 * so sessions survive restarts. Never a built-in default.
 */
function authSecret(configured: string | undefined): string {
  if (configured) return configured;
  const file = path.join(root, "data/.auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  console.log("wiredesk: generated a session secret in data/.auth-secret (set BETTER_AUTH_SECRET to choose one)");
  return secret;
}

async function main() {
  const config = env();
  const url = config.DATABASE_URL;
  console.log(`wiredesk: store ${storeKind(url)} ${redact(url)}`);
  const { db, migrated, topicsAdded, reindexed } = await prepareStore(url);
  if (migrated.applied.length) console.log(`wiredesk: applied migrations ${migrated.applied.join(", ")}`);
  if (topicsAdded) console.log(`wiredesk: added ${topicsAdded} IPTC Media Topics to the taxonomy`);
  if (reindexed) console.log(`wiredesk: re-indexed ${reindexed} articles for duplicate detection (the fingerprint configuration changed)`);
  try {
    if (config.WIREDESK_DEMO === "1") {
      if (await needsDemo(db)) {
        const reports = await loadDemo(db, { thresholds: config.WIREDESK_DEDUP_THRESHOLDS });
        const n = reports.reduce((s, r) => s + r.totals.new, 0);
        const failed = reports.flatMap((r) => r.inputs.flatMap((i) => i.errors.map((e) => `${i.input}: ${e.location}: ${e.message}`)));
        console.log(`wiredesk: loaded demo data: ${n} articles from ${reports.length} files`);
        for (const f of failed) console.log(`  demo item not loaded: ${f}`);
      }
      const accounts = await ensureDemoUsers(db, config.WIREDESK_DEMO_PASSWORD);
      const note = config.WIREDESK_DEMO_PASSWORD ? "the password WIREDESK_DEMO_PASSWORD sets" : "passwords change on every start";
      console.log(`wiredesk: demo mode: sign in with one of these accounts (${note}):`);
      for (const a of accounts) console.log(`  ${a.role.padEnd(6)} ${a.email}  password: ${a.password}`);
    } else if ((await db.user.count({ where: { role: "admin", disabled: false } })) === 0) {
      console.log("wiredesk: no admin yet: create one with `npm run user:create -- --email you@example.org --name You --role admin`");
    }
  } finally {
    await db.$disconnect();
  }

  const next = path.join(root, "node_modules/next/dist/bin/next");
  // The machine is offline: Next's telemetry would only print a notice and fail to send.
  const nextEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_SECRET: authSecret(config.BETTER_AUTH_SECRET) };
  if (buildIsStale()) {
    console.log("wiredesk: building the desk (next build)...");
    const b = spawnSync(process.execPath, [next, "build"], { cwd: root, stdio: "inherit", env: nextEnv });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  console.log(`wiredesk: serving the desk on http://localhost:${config.PORT}`);
  // One web process per core (scripts/serve.mjs; WIREDESK_WEB_PROCESSES).
  const server = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], { cwd: root, stdio: "inherit", env: { ...nextEnv, PORT: String(config.PORT) } });
  // One machine: the feed worker runs beside the web server. On PostgreSQL
  // workers are run apart (npm run worker), as many as wanted.
  const runWorker = (config.WIREDESK_WORKER ?? (storeKind(url) === "sqlite" ? "1" : "0")) === "1";
  const worker = runWorker
    ? spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(root, "scripts/worker.ts")], { cwd: root, stdio: "inherit", env: process.env })
    : undefined;
  if (worker) console.log("wiredesk: worker started: feeds and webhook deliveries (WIREDESK_WORKER=0 to run none)");
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

#!/usr/bin/env node
// Makes a fresh clone runnable before `npm start`, `npm test` and the CLI:
// installs dependencies when the lock file changed, generates both Prisma
// clients when the schema changed, and (for tests) finds or installs Chromium.
// Plain Node with no dependencies, because it runs before they exist.
import { execSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const mode = process.argv[2] ?? "start";
const run = (cmd, env = {}) =>
  execSync(cmd, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
const digest = (...files) => {
  const h = createHash("sha256");
  for (const f of files) h.update(existsSync(path.join(root, f)) ? readFileSync(path.join(root, f)) : "");
  return h.digest("hex");
};
const stampOk = (stamp, value) => existsSync(stamp) && readFileSync(stamp, "utf8") === value;

// 1. Dependencies: reinstall only when the lock file changed (not when a script did).
const installStamp = path.join(root, "node_modules/.wiredesk-install");
const lockHash = digest("package-lock.json");
if (!stampOk(installStamp, lockHash)) {
  console.log("wiredesk: installing dependencies (compiling better-sqlite3 takes a minute)...");
  run(existsSync(path.join(root, "package-lock.json")) ? "npm ci --no-audit --no-fund" : "npm install --no-audit --no-fund");
  writeFileSync(installStamp, lockHash);
}

// 2. Prisma clients for both stores; the stub stands in for the schema engine,
//    which cannot be downloaded offline and which `generate` does not use.
const genStamp = path.join(root, "prisma/generated/.stamp");
const schemaHash = digest("prisma/schema.prisma", "prisma/postgres/schema.prisma", "package-lock.json");
if (!stampOk(genStamp, schemaHash)) {
  console.log("wiredesk: generating Prisma clients...");
  const env = { PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts/prisma-engine-stub.sh"), PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  run("npx prisma generate --schema prisma/schema.prisma", env);
  run("npx prisma generate --schema prisma/postgres/schema.prisma", env);
  mkdirSync(path.dirname(genStamp), { recursive: true });
  writeFileSync(genStamp, schemaHash);
}

// 3. Browser tests drive Debian's Chromium: Playwright cannot download its own here.
if (mode === "test") {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
    console.log("wiredesk: installing Chromium for the browser tests (apt-get install chromium)...");
    try {
      run(`${isRoot ? "" : "sudo "}apt-get install -y chromium || (${isRoot ? "" : "sudo "}apt-get update && ${isRoot ? "" : "sudo "}apt-get install -y chromium)`, { DEBIAN_FRONTEND: "noninteractive" });
    } catch {
      console.error(`wiredesk: Chromium is missing at ${chromium} and could not be installed. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
      process.exit(1);
    }
  }
}

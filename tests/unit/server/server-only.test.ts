// The "server-only" marker where it runs outside Next: server modules refuse
// plain Node (a client bundle would, at build time), load under the
// react-server condition the CLI scripts run with, and the files the bulk
// engine's worker threads load carry no marker (workers under Next resolve
// with plain Node).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

function load(file: string, conditions: string[] = []) {
  const url = new URL(`file://${path.join(root, file)}`).href;
  const r = spawnSync(process.execPath, [...conditions, "--import", "tsx", "--input-type=module", "-e", `await import(${JSON.stringify(url)}); console.log("loaded");`], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return { ok: r.status === 0 && r.stdout.includes("loaded"), err: r.stderr };
}

describe('"server-only" outside Next', () => {
  it("refuses a server module in plain Node and loads it under --conditions=react-server", () => {
    const plain = load("lib/server/env.ts");
    expect(plain.ok).toBe(false);
    expect(plain.err).toMatch(/Server Component/);
    expect(load("lib/server/env.ts", ["--conditions=react-server"])).toMatchObject({ ok: true });
  }, 60_000);

  it("leaves the bulk engine's worker files loadable in plain Node", () => {
    const r = load("lib/server/ingest/bulk/prepare-item.ts");
    expect(r.err).toBe("");
    expect(r.ok).toBe(true);
  }, 60_000);
});

/** The files a bulk-ingest worker thread loads: plain Node there, so no marker. */
const WORKER_FILES = new Set(["lib/server/ingest/bulk/engine-worker.ts", "lib/server/ingest/bulk/prepare-item.ts", "lib/server/tags/wanted-suggestions.ts"]);

describe("every server module carries the marker", () => {
  const files = readdirSync(path.join(root, "lib/server"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join("lib/server", f).split(path.sep).join("/"));
  it.each(files.filter((f) => !WORKER_FILES.has(f)))("%s", (f) => {
    expect(readFileSync(path.join(root, f), "utf8"), `${f}: add import "server-only"`).toMatch(/^import "server-only";$/m);
  });
});

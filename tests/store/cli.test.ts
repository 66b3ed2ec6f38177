// The CLI as an editor or a script runs it: real processes, real stores.
import { spawn, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { wireStories } from "../support/bulk-corpus";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
// lib/server modules are marked "server-only": scripts run in the server environment.
const serverEnv = "--conditions=react-server";

/** The CLI in a child process that may fetch from this process's server (spawnSync would block it). */
function cliAsync(args: string[], databaseUrl: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(tsx, [serverEnv, path.join(root, "scripts/ingest.ts"), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

function cli(script: "ingest" | "export", args: string[], databaseUrl: string) {
  const r = spawnSync(tsx, [serverEnv, path.join(root, `scripts/${script}.ts`), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.each(storeKinds())("CLI on %s", (kind) => {
  let store: TestStore;
  let dir: string;
  beforeAll(async () => {
    store = await openStore(kind);
    dir = mkdtempSync(path.join(tmpdir(), "wiredesk-cli-"));
  });
  afterAll(async () => {
    await store?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("exits 2 with usage on a usage error", () => {
    const none = cli("ingest", [], store.url);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/usage: npm run ingest/);
    const missing = cli("ingest", ["no/such/file.xml"], store.url);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no\/such\/file\.xml: no such file/);
    expect(cli("export", ["--format", "xml"], store.url).code).toBe(2);
  });

  it("exits 0 when every item went in, and prints per input and in total", () => {
    const r = cli("ingest", ["tests/fixtures/pages/seed-aggregator.txt", "--source", "Daily8"], store.url);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/seed-aggregator\.txt \(aggregator-page\): 4 new, 0 updated, 1 duplicate flagged, 0 skipped, 0 failed/);
    expect(r.out).toMatch(/Total \(run \d+, 1 input\): 4 new/);
  });

  it("exits 1 when some items failed, naming the file and the item, and takes the rest", () => {
    const r = cli("ingest", ["tests/fixtures/feeds/rss-broken-item.xml", "tests/fixtures/feeds/malformed.json"], store.url);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/failed: tests\/fixtures\/feeds\/rss-broken-item\.xml: item \d+/);
    expect(r.out).toMatch(/failed: tests\/fixtures\/feeds\/malformed\.json: file: invalid JSON/);
    expect(r.out).toMatch(/rss-broken-item\.xml \(rss\): [1-9]\d* new/);
  });

  it("exports NDJSON and CSV to a file, and the NDJSON ingests back", async () => {
    const ndjson = path.join(dir, "out.ndjson");
    const e = cli("export", ["--format", "ndjson", "--out", ndjson, "--source", "Express Tribune"], store.url);
    expect(e.code).toBe(0);
    expect(e.err).toMatch(/exported 2 articles/);
    const lines = readFileSync(ndjson, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.infosources[0].name)).toEqual(["Express Tribune", "Express Tribune"]);
    const csv = path.join(dir, "out.csv");
    expect(cli("export", ["--format", "csv", "--out", csv, "--status", "new"], store.url).code).toBe(0);
    expect(readFileSync(csv, "utf8").split("\n")[0]).toMatch(/^uri,headline,body_text,/);

    const fresh = await openStore(kind);
    try {
      const r = cli("ingest", [ndjson], fresh.url);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/\(ninjs\): 2 new/);
    } finally {
      await fresh.drop();
    }
  });

  describe("a URL", () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      const feed = readFileSync(path.join(root, "tests/fixtures/feeds/rss2.xml"));
      server = createServer((req, res) => {
        if (req.url === "/big.xml") {
          res.writeHead(200, { "content-type": "application/rss+xml" });
          res.end(Buffer.alloc(4096, 0x20));
          return;
        }
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(feed);
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it("on a loopback address is refused unless configuration allows it", async () => {
      const refused = await cliAsync([`${base}/feed.xml`], store.url);
      expect(refused.code).toBe(1);
      expect(refused.out).toMatch(/failed: http:\/\/127\.0\.0\.1:\d+\/feed\.xml: file: .*(private|loopback|not allowed)/i);
      const allowed = await cliAsync([`${base}/feed.xml`], store.url, { WIREDESK_ALLOW_PRIVATE_FETCH: "1" });
      expect(allowed.code).toBe(0);
      expect(allowed.out).toMatch(/feed\.xml \(rss\): [1-9]\d* new/);
    });

    it("larger than the configured limit is refused", async () => {
      const r = await cliAsync([`${base}/big.xml`], store.url, { WIREDESK_ALLOW_PRIVATE_FETCH: "1", WIREDESK_MAX_INPUT_BYTES: "1024" });
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/big\.xml: file: .*(limit|larger)/i);
    });
  });

  it("takes an NDJSON archive over the size limit in parts: one summary for the file, failures by the file's line, run again all skipped", () => {
    const lines = wireStories(120, 41).map((w) => JSON.stringify({ uri: `archive-${w.guid}`, headline: w.title, body_text: w.body, infosources: [{ name: "Archive" }] }));
    lines[70] = JSON.stringify({ uri: "archive-no-body", headline: "A headline alone" });
    lines[95] = JSON.stringify({ uri: "archive-too-long", headline: "Too long", body_text: "word ".repeat(4000) });
    const file = path.join(dir, "archive.ndjson");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const run = () =>
      spawnSync(tsx, [serverEnv, path.join(root, "scripts/ingest.ts"), file], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: store.url, WIREDESK_MAX_INPUT_BYTES: "12000" },
      });
    const r = run();
    expect(r.status).toBe(1);
    // One line for the file, not one for each of its parts.
    expect(r.stdout.match(/archive\.ndjson \(ninjs\): /g)).toHaveLength(1);
    expect(r.stdout).toMatch(/archive\.ndjson \(ninjs\): 118 new, 0 updated, \d+ duplicates? flagged, 0 skipped, 2 failed/);
    expect(r.stdout).toMatch(/failed: .*archive\.ndjson: line 71: missing body/);
    expect(r.stdout).toMatch(/failed: .*archive\.ndjson: part \d+ of \d+: line 96 is \d+ bytes, over the 12000-byte input limit/);
    expect(r.stdout).toMatch(/Total \(run \d+, 1 input\): 118 new/);
    const again = run();
    expect(again.stdout).toMatch(/archive\.ndjson \(ninjs\): 0 new, 0 updated, 0 duplicates flagged, 118 skipped, 2 failed/);
  }, 180_000);

  it("refuses a file over the size limit before reading it", () => {
    const r = spawnSync(tsx, [serverEnv, path.join(root, "scripts/ingest.ts"), "tests/fixtures/feeds/rss2.xml"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: store.url, WIREDESK_MAX_INPUT_BYTES: "100" },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/rss2\.xml: file: file is \d+ bytes, over the 100-byte limit/);
  });
});

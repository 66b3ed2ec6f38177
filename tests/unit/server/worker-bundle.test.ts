// The engines' worker precompiled: built once, kept while its sources stay as
// they were, built again when one changes, and run in a real worker thread.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { workerBundle } from "../../../lib/server/ingest/bulk/worker-bundle";
import { engineWorkerEntry } from "../../../lib/server/ingest/bulk/engine-pool";

const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const src = path.join(dir, "src");
const cacheDir = path.join(dir, "cache");
const entry = path.join(src, "worker.ts");
const write = (file: string, text: string) => {
  rmSync(file, { force: true });
  writeFileSync(file, text);
};

/** What the bundled worker posts back when asked. */
function answer(file: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const w = new Worker(file);
    w.once("message", (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once("error", reject);
    w.postMessage("go");
  });
}

describe("the engines' worker bundle", () => {
  it("builds once, keeps the bundle while its sources are unchanged, and builds again when one changes", async () => {
    rmSync(src, { recursive: true, force: true });
    mkdirSync(src, { recursive: true });
    write(path.join(src, "words.ts"), `export const word: string = "first";\nexport const where = import.meta.url;\n`);
    write(path.join(src, "data.json"), `{ "n": 1 }`);
    write(
      entry,
      `import { parentPort } from "node:worker_threads";\nimport { word, where } from "./words";\nimport data from "./data.json";\nparentPort?.on("message", () => parentPort?.postMessage({ word, where, n: data.n }));\n`,
    );
    const first = await workerBundle({ entry, cacheDir });
    expect(path.dirname(first)).toBe(cacheDir);
    // Each module keeps its own import.meta.url, as under tsx: a file beside it is found.
    expect(await answer(first)).toEqual({ word: "first", where: pathToFileURL(path.join(src, "words.ts")).href, n: 1 });

    // Unchanged sources: the same bundle, not rebuilt.
    const built = statSync(first).mtimeMs;
    expect(await workerBundle({ entry, cacheDir })).toBe(first);
    expect(statSync(first).mtimeMs).toBe(built);

    // One source changed (content and time): a new bundle that runs the new code.
    write(path.join(src, "words.ts"), `export const word: string = "second";\nexport const where = import.meta.url;\n`);
    utimesSync(path.join(src, "words.ts"), new Date(), new Date(Date.now() + 2000));
    const second = await workerBundle({ entry, cacheDir });
    expect(second).not.toBe(first);
    expect(await answer(second)).toMatchObject({ word: "second" });

    // A data file changed: built again too.
    write(path.join(src, "data.json"), `{ "n": 2 }`);
    utimesSync(path.join(src, "data.json"), new Date(), new Date(Date.now() + 4000));
    const third = await workerBundle({ entry, cacheDir });
    expect(third).not.toBe(second);
    expect(await answer(third)).toMatchObject({ word: "second", n: 2 });

    // The manifest names the files it was built from.
    const manifest = JSON.parse(readFileSync(path.join(cacheDir, "worker.json"), "utf8")) as { inputs: Record<string, unknown> };
    // (and the builder itself, so that a change in how bundles are built builds them again)
    expect(Object.keys(manifest.inputs).sort()).toEqual([path.join(src, "data.json"), path.join(src, "words.ts"), entry, path.resolve(import.meta.dirname, "../../../lib/server/ingest/bulk/worker-bundle.ts")].sort());
  }, 60_000);

  it("refuses a worker that does not compile, naming the file", async () => {
    const bad = path.join(dir, "bad.ts");
    write(bad, `import { parentPort } from "node:worker_threads";\nparentPort?.on("message", () => {\n`);
    await expect(workerBundle({ entry: bad, cacheDir })).rejects.toThrow(/bad\.ts/);
  });

  it("bundles the real engines' worker, which prepares an item in a thread", async () => {
    const file = await engineWorkerEntry();
    expect(file).toMatch(/node_modules[\\/]\.cache[\\/]wiredesk[\\/]engine-worker-.*\.mjs$/);
    const reply = await new Promise<{ results: { ok: boolean; prepared: { hash: string; wanted: { code: string }[] } }[] }>((resolve, reject) => {
      const w = new Worker(file, { workerData: { tagging: { hidden: [] } }, env: {} });
      w.once("message", (m) => {
        resolve(m);
        void w.terminate();
      });
      w.once("error", reject);
      w.postMessage({ id: 1, kind: "prepare", items: [{ headline: "Knicks edge Celtics in overtime", bodyText: "The Knicks beat the Celtics 101-99 in overtime on Sunday." }] });
    });
    expect(reply.results[0]!.ok).toBe(true);
    expect(reply.results[0]!.prepared.hash).toMatch(/^[0-9a-f]{64}$/);
    // Sport, from the tagger's own tables inside the bundle.
    expect(reply.results[0]!.prepared.wanted.map((t) => t.code)).toContain("medtop:15000000");
  }, 60_000);
});

describe("the real engines' worker, bundled", () => {
  it("parses a page in a thread: the page reader's own worker is found beside its module", async () => {
    const file = await engineWorkerEntry();
    const bytes = readFileSync(path.resolve(import.meta.dirname, "../../../prisma/demo/pages/harbour-gazette-article.html"));
    const reply = await new Promise<{ parsed?: { format: string; articles: { headline: string; language?: string }[] }; failed?: unknown }>((resolve, reject) => {
      const w = new Worker(file, { workerData: {}, env: {} });
      w.once("message", (m) => {
        resolve(m);
        void w.terminate();
      });
      w.once("error", reject);
      w.postMessage({ id: 1, kind: "parse", bytes, opts: { name: "harbour-gazette-article.html", ingestTime: new Date("2026-12-03T12:00:00Z") } });
    });
    expect(reply.failed).toBeUndefined();
    expect(reply.parsed!.articles.length).toBe(1);
    expect(reply.parsed!.articles[0]!.headline.length).toBeGreaterThan(10);
    expect(reply.parsed!.articles[0]!.language).toBe("en");
  }, 60_000);
});

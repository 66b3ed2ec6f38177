// Worker threads for the engines of the bulk path: a batch is prepared on a
// worker while the one before it is written. Only where the process can load
// TypeScript in a worker (the CLI, the worker process and the bench run under
// tsx; engine-worker.mjs registers tsx in the thread); the web server prepares
// on its own thread. A pool that fails leaves the work to the writer's thread.
import "server-only";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SuggestionContext } from "../../tags/wanted-suggestions";
import type { EngineInput, Prepared } from "./prepare-item";

// A path, not `new URL(…, import.meta.url)`: bundlers take that form for a
// worker to bundle, and this one is only for processes running under tsx.
// Worked out when a pool is made, never when a bundle loads this module.
// The name is put together at run time, too: Next.js's bundler follows a literal
// file name beside import.meta.url and would pull the worker (and tsx) into the
// web app, which never starts engine threads.
const WORKER_FILE = ["engine-worker", "mjs"].join(".");
const workerFile = () => path.join(path.dirname(fileURLToPath(import.meta.url)), WORKER_FILE);

type Result = { ok: true; prepared: Prepared } | { ok: false; message: string };

export class EnginePool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (r: (Prepared | Error)[]) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private turn = 0;
  /** Set when a worker failed or ended: every later batch is prepared on the writer's thread. */
  private broken?: Error;

  constructor(threads: number, tagging: SuggestionContext | undefined) {
    const data = { tagging: tagging ? { model: tagging.model, hidden: [...(tagging.hidden ?? [])] } : undefined };
    const file = workerFile();
    this.workers = Array.from({ length: threads }, () => {
      const w = new Worker(file, { workerData: data, env: {} });
      w.on("message", (m: { id: number; results: Result[] }) => {
        const job = this.pending.get(m.id);
        this.pending.delete(m.id);
        job?.resolve(m.results.map((r) => (r.ok ? r.prepared : new Error(r.message))));
      });
      const fail = (e: Error) => {
        this.broken ??= e;
        for (const job of this.pending.values()) job.reject(e);
        this.pending.clear();
      };
      w.on("error", fail);
      w.on("exit", () => fail(new Error("an engine worker ended")));
      return w;
    });
  }

  /** The engines' results for a batch, in item order; an item whose engine threw gets its Error (its batch is then redone item by item). */
  prepare(items: EngineInput[]): Promise<(Prepared | Error)[]> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, items: items.map((a) => ({ headline: a.headline, bodyText: a.bodyText, dateline: a.dateline })) });
    });
  }

  async close(): Promise<void> {
    this.broken ??= new Error("closed");
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

// Worker threads for the engines of the bulk path: a batch is prepared on a
// worker while the one before it is written. Only where the process can load
// TypeScript in a worker (the CLI, the worker process and the bench run under
// tsx); the web server prepares on its own thread. The threads run the worker
// bundled ahead (worker-bundle.ts); where it cannot be bundled, its TypeScript
// under tsx (engine-worker.mjs registers tsx in the thread). A pool that fails
// leaves the work to the writer's thread.
import "server-only";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SuggestionContext } from "../../tags/wanted-suggestions";
import type { EngineInput, Prepared } from "./prepare-item";
import type { EngineJob } from "./engine-worker";
import { workerBundle } from "./worker-bundle";
import type { ParseInputOptions } from "../../../ingest";
import { IngestInputError, type ParseResult } from "../../../ingest/types";

// Paths, not `new URL(…, import.meta.url)`: bundlers take that form for a
// worker to bundle, and this one is only for processes running under tsx.
// Worked out when a pool is made, never when a bundle loads this module.
// The names are put together at run time, too: Next.js's bundler follows a literal
// file name beside import.meta.url and would pull the worker (and tsx) into the
// web app, which never starts engine threads.
const here = () => path.dirname(fileURLToPath(import.meta.url));
const WORKER = "engine-worker";
const tsxLauncher = () => path.join(here(), [WORKER, "mjs"].join("."));

/** The bundled worker, made once a process (and kept on disk between them); the tsx launcher if it cannot be made. */
let entry: Promise<string> | undefined;
export function engineWorkerEntry(): Promise<string> {
  entry ??= workerBundle({
    entry: path.join(here(), [WORKER, "ts"].join(".")),
    // node_modules/.cache at the project's root, four folders up from here.
    cacheDir: path.resolve(here(), "../../../../node_modules/.cache/wiredesk"),
  }).catch(() => tsxLauncher());
  return entry;
}

type Result = { ok: true; prepared: Prepared } | { ok: false; message: string };
type Reply = { id: number; results?: Result[]; parsed?: ParseResult; failed?: { message: string; input?: string } };
type Job = { resolve: (r: Reply) => void; reject: (e: Error) => void };

export interface PoolOptions {
  /**
   * The threads' old-generation heap limit in MiB (`resourceLimits`); V8's
   * own when absent. A thread that needs more ends, and its work goes on on
   * the writer's thread. Limits near what the threads use saved little
   * (decision 016, last addendum), so runs set none by default.
   */
  heapMb?: number;
  /** Told once when a thread fails (out of memory, say) and the pool stops: the run goes on without it, slower. */
  onFail?: (e: Error) => void;
}

export class EnginePool {
  private readonly workers: Promise<Worker[]>;
  private readonly pending = new Map<number, Job>();
  private nextId = 1;
  private turn = 0;
  /** Set when a worker failed or ended: every later batch is prepared on the writer's thread. */
  private broken?: Error;

  constructor(threads: number, tagging: SuggestionContext | undefined, opts: PoolOptions = {}) {
    const data = { tagging: tagging ? { model: tagging.model, hidden: [...(tagging.hidden ?? [])] } : undefined };
    const resourceLimits = opts.heapMb ? { maxOldGenerationSizeMb: opts.heapMb } : undefined;
    this.workers = engineWorkerEntry().then((file) =>
      Array.from({ length: threads }, () => {
        const w = new Worker(file, { workerData: data, env: {}, resourceLimits });
        w.on("message", (m: Reply) => {
          const job = this.pending.get(m.id);
          this.pending.delete(m.id);
          job?.resolve(m);
        });
        const fail = (e: Error) => {
          // Once, and not for the threads' end at close().
          if (!this.broken) opts.onFail?.(e);
          this.broken ??= e;
          for (const job of this.pending.values()) job.reject(e);
          this.pending.clear();
        };
        w.on("error", fail);
        w.on("exit", () => fail(new Error("an engine worker ended")));
        return w;
      }),
    );
  }

  /** The engines' results for a batch, in item order; an item whose engine threw gets its Error (its batch is then redone item by item). */
  async prepare(items: EngineInput[]): Promise<(Prepared | Error)[]> {
    const m = await this.send((w) => w[this.turn++ % w.length]!, (id) => ({
      id,
      kind: "prepare",
      // Only what the engines read crosses to the thread: the language and credit among it, or other languages' copy
      // is tagged as if unknown and an agency's bare dateline as if anyone's.
      items: items.map((a) => ({ headline: a.headline, bodyText: a.bodyText, dateline: a.dateline, language: a.language, credit: a.credit })),
    }));
    return (m.results ?? []).map((r) => (r.ok ? r.prepared : new Error(r.message)));
  }

  /**
   * An input parsed as parseInputAsync parses it, on the last worker (a pool
   * made for parsing has one of its own), while this thread writes the input
   * before it. An input that cannot be read rejects with its IngestInputError.
   */
  async parse(bytes: Uint8Array, opts: ParseInputOptions): Promise<ParseResult> {
    const m = await this.send((w) => w.at(-1)!, (id) => ({ id, kind: "parse", bytes, opts }));
    if (m.failed) throw m.failed.input !== undefined ? new IngestInputError(m.failed.input, m.failed.message.replace(`${m.failed.input}: `, "")) : new Error(m.failed.message);
    return m.parsed!;
  }

  private async send(pick: (workers: Worker[]) => Worker, job: (id: number) => EngineJob): Promise<Reply> {
    const worker = pick(await this.workers);
    if (this.broken) throw this.broken;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(job(id));
    });
  }

  async close(): Promise<void> {
    this.broken ??= new Error("closed");
    await Promise.all((await this.workers).map((w) => w.terminate()));
  }
}

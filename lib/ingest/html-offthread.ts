import { Worker } from "node:worker_threads";
import type { PageFacts } from "./html-dom.mjs";

// Runs html-dom.mjs's extractPage in worker threads, so a page that takes long
// to read holds up only its own ingest item, never the process's event loop
// (every other request of the web process waits on that loop). Each page has
// a time budget; past it, the worker is terminated and the page refused. A
// worker also has a heap and stack limit: a page that needs more ends its
// worker, not the process.

export interface OffThreadLimits {
  /** Time one page may take in the worker. */
  timeMs: number;
  /** Heap of one worker (old generation), MiB. */
  maxHeapMb: number;
}

export const OFF_THREAD_LIMITS: OffThreadLimits = { timeMs: 5_000, maxHeapMb: 512 };

/** Workers kept at most: pages from concurrent uploads run side by side. */
const POOL_SIZE = 2;

/** A page the worker did not finish: past the time budget, out of memory, or its parser threw. */
export class PageReadError extends Error {}

interface Job {
  id: number;
  html: string;
  maxDepth: number | undefined;
  limits: OffThreadLimits;
  resolve: (facts: PageFacts) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  heapMb: number;
}

type Reply = { id: number; ok: true; facts: PageFacts } | { id: number; ok: false; message: string };

const idle: Slot[] = [];
const busy = new Set<Slot>();
const queue: Job[] = [];
let nextId = 1;

// Resolved against this module, so it names the file in the source tree under
// tsx and Vitest, and the copy the bundler emits in a `next build`.
const workerUrl = new URL("./html-dom.mjs", import.meta.url);

function spawn(heapMb: number): Slot {
  const worker = new Worker(workerUrl, {
    workerData: { wiredeskHtmlWorker: true },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
    // The worker needs no environment of the process (secrets, database URLs).
    env: {},
  });
  const slot: Slot = { worker, heapMb };
  worker.on("message", (reply: Reply) => {
    const job = slot.job;
    if (!job || reply.id !== job.id) return;
    finish(slot);
    if (reply.ok) job.resolve(reply.facts);
    else job.reject(new PageReadError(`could not read the page: ${reply.message}`));
    release(slot);
  });
  worker.on("error", (err: Error & { code?: string }) => {
    const job = slot.job;
    discard(slot);
    const message =
      err.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? `refused: reading the page needed more than ${slot.heapMb} MiB of memory`
        : `could not read the page: ${err.message}`;
    job?.reject(new PageReadError(message));
  });
  worker.on("exit", () => {
    const job = slot.job;
    discard(slot);
    job?.reject(new PageReadError("could not read the page: its reader stopped"));
  });
  // An idle worker does not keep a CLI run or a test process alive.
  worker.unref();
  return slot;
}

function finish(slot: Slot) {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = undefined;
  slot.job = undefined;
}

function discard(slot: Slot) {
  finish(slot);
  busy.delete(slot);
  const at = idle.indexOf(slot);
  if (at !== -1) idle.splice(at, 1);
  slot.worker.removeAllListeners("message");
  pump();
}

function release(slot: Slot) {
  busy.delete(slot);
  slot.worker.unref();
  idle.push(slot);
  pump();
}

function pump() {
  while (queue.length && busy.size < POOL_SIZE) {
    const job = queue.shift()!;
    const fits = idle.findIndex((s) => s.heapMb === job.limits.maxHeapMb);
    let slot = fits === -1 ? undefined : idle.splice(fits, 1)[0];
    if (!slot) {
      // Idle workers of another heap size make room for this one.
      if (idle.length + busy.size >= POOL_SIZE) void idle.shift()?.worker.terminate();
      slot = spawn(job.limits.maxHeapMb);
    }
    run(slot, job);
  }
}

function run(slot: Slot, job: Job) {
  busy.add(slot);
  slot.job = job;
  slot.worker.ref();
  slot.timer = setTimeout(() => {
    // Past the budget: the worker is busy in a parse that will not yield, so end it.
    const stuck = slot.job;
    discard(slot);
    void slot.worker.terminate();
    stuck?.reject(new PageReadError(`refused: reading the page took longer than ${(job.limits.timeMs / 1000).toFixed(1)} s, the limit for one page`));
  }, job.limits.timeMs);
  slot.worker.postMessage({ id: job.id, html: job.html, maxDepth: job.maxDepth });
}

/** extractPage in a worker thread; rejects with PageReadError past the limits. */
export function extractPageOffThread(html: string, maxDepth: number | undefined, limits: OffThreadLimits = OFF_THREAD_LIMITS): Promise<PageFacts> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, html, maxDepth, limits, resolve, reject });
    pump();
  });
}

/** Ends the idle workers (tests and scripts that want a clean exit). */
export async function closePageWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((s) => s.worker.terminate()));
}

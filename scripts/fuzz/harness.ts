// The ingest fuzzing harness: inputs made by mutating the test fixtures
// (bytes changed, truncated, nested, attributes inflated, pieces repeated and
// spliced) go one by one through runIngest, the function uploads use, on a
// fresh SQLite store. A violation is an uncaught exception, an input that
// takes over the time limit, or a heap past the memory limit; each failing
// input is written to a file for reproduction. The same seed makes the same
// inputs.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { mulberry32 } from "../../lib/dedup/hash";
import { closePageWorkers } from "../../lib/ingest/html-offthread";
import { systemActor } from "../../lib/server/audit";
import { prepareStore } from "../../lib/server/db/prepare";
import { closeReader } from "../../lib/server/db/read-rows";
import { runIngest } from "../../lib/server/ingest/run-ingest";

export interface FuzzOptions {
  inputs: number;
  seed: number;
  /** Folder of seed inputs, read recursively. */
  fixtures: string;
  /** Longest an input may take, ms. */
  maxMs: number;
  /** Largest heap allowed, MiB. */
  maxHeapMb: number;
  /** Where failing inputs are written. */
  out: string;
  /** Called every so often with inputs done. */
  onProgress?: (done: number) => void;
}

export interface Violation {
  index: number;
  name: string;
  mutation: string;
  kind: "crash" | "slow" | "heap";
  detail: string;
  file?: string;
}

export interface FuzzReport {
  inputs: number;
  seeds: number;
  maxMs: number;
  p99Ms: number;
  maxHeapMb: number;
  /** Inputs ingested as at least one article, and inputs refused with per-item errors. */
  stored: number;
  refused: number;
  violations: Violation[];
}

interface Seed {
  name: string;
  bytes: Uint8Array;
}

type Rng = () => number;

const MAX_FILES_WRITTEN = 20;

function readSeeds(dir: string): Seed[] {
  const out: Seed[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const p = path.join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ name: path.relative(dir, p), bytes: new Uint8Array(readFileSync(p)) });
    }
  };
  walk(dir);
  if (!out.length) throw new Error(`no seed inputs in ${dir}`);
  return out;
}

const enc = new TextEncoder();
const dec = new TextDecoder("utf-8", { fatal: false });
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Inputs are capped at the size of a large page: past it, storing hundreds of
 * honest articles takes seconds, which is work, not a fault to find.
 */
const MAX_INPUT_BYTES = 256 * 1024;

/** Repetitions of a unit that fit the cap: larger ones would be cut off anyway. */
const fit = (wanted: number, unit: number) => Math.max(1, Math.min(wanted, Math.floor(MAX_INPUT_BYTES / Math.max(1, unit))));

/** Byte-level and structure-level mutations; each names itself for the report. */
const MUTATIONS: Record<string, (b: Uint8Array, rng: Rng, seeds: Seed[]) => Uint8Array> = {
  flipBytes(b, rng) {
    const out = b.slice();
    const n = 1 + int(rng, 16);
    for (let i = 0; i < n && out.length; i++) out[int(rng, out.length)] = int(rng, 256);
    return out;
  },
  insertBytes(b, rng) {
    const at = int(rng, b.length + 1);
    const special = pick(rng, ["\u0000", "\uFFFD", "\uD800", "<", ">", "&", "&amp;", "]]>", "<!--", "\"", "'", "\r\n", "\\u0000", "{", "[", "\u2028", "&#0;", "&#xD800;"]);
    const junk = enc.encode(special.repeat(1 + int(rng, 64)));
    return concat(b.subarray(0, at), junk, b.subarray(at));
  },
  deleteRange(b, rng) {
    const at = int(rng, b.length + 1);
    return concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + int(rng, 256))));
  },
  truncate(b, rng) {
    return b.subarray(0, int(rng, b.length + 1));
  },
  nest(b, rng) {
    // Wrap a slice of the input in many levels of one construct.
    const text = dec.decode(b);
    const depth = pick(rng, [10, 100, 500, 2_000, 20_000, 100_000]);
    const [open, close] = pick(rng, [
      ["<div>", "</div>"],
      ["<span>", "</span>"],
      ["<b><i>", "</b></i>"],
      ["<p>", ""],
      ["<div/>", ""],
      ["<table><tr><td>", "</td></tr></table>"],
      ["<item>", "</item>"],
      ["<![CDATA[", "]]>"],
      ["[", "]"],
      ['{"a":', "}"],
      ["<blockquote>", "</blockquote>"],
    ] as const);
    const a = int(rng, text.length + 1);
    const z = a + int(rng, text.length - a + 1);
    const n = fit(depth, open.length + close.length);
    return enc.encode(text.slice(0, a) + open.repeat(n) + text.slice(a, z) + close.repeat(n) + text.slice(z));
  },
  nestElements(b, rng) {
    // Deeply nested elements with text, after a tag: where a page's story is.
    const text = dec.decode(b);
    const body = Math.max(0, text.search(/<body\b/i));
    const ends = [...text.matchAll(/>/g)].map((m) => m.index! + 1).filter((i) => i > body);
    const at = ends.length ? pick(rng, ends) : int(rng, text.length + 1);
    const tag = pick(rng, ["div", "span", "blockquote", "section", "font", "td"]);
    const n = fit(pick(rng, [50, 200, 1_000, 3_000]), 2 * tag.length + 5);
    return enc.encode(text.slice(0, at) + `<${tag}>`.repeat(n) + "Words of a story, in a sentence." + `</${tag}>`.repeat(n) + text.slice(at));
  },
  inflateAttribute(b, rng) {
    const text = dec.decode(b);
    const quotes = [...text.matchAll(/="|='|": "/g)].map((m) => m.index! + m[0].length);
    const at = quotes.length ? pick(rng, quotes) : int(rng, text.length + 1);
    const unit = pick(rng, [" ", "\t", "a", "-", "| ", "&amp;", "\\\"", "og:", "<", "é"]);
    const run = unit.repeat(fit(pick(rng, [1_000, 20_000, 80_000, 200_000]), unit.length));
    return enc.encode(text.slice(0, at) + run + text.slice(at));
  },
  inflateMeta(b, rng) {
    const text = dec.decode(b);
    const at = Math.max(0, text.indexOf("<head>") + 6);
    const spaces = " ".repeat(fit(pick(rng, [10_000, 80_000, 200_000]), 1));
    const tag = pick(rng, [`<meta property="og:${spaces}x" content="y">`, `<meta property="og:title" content="A${spaces}| B">`, `<meta name="${spaces}author" content="x">`, `<title>A${spaces}- B</title>`]);
    return enc.encode(text.slice(0, at) + tag + text.slice(at));
  },
  repeatSlice(b, rng) {
    const text = dec.decode(b);
    const a = int(rng, text.length + 1);
    const z = Math.min(text.length, a + 1 + int(rng, 400));
    return enc.encode(text.slice(0, z) + text.slice(a, z).repeat(fit(pick(rng, [2, 10, 50, 200]), z - a)) + text.slice(z));
  },
  splice(b, rng, seeds) {
    const other = pick(rng, seeds).bytes;
    return concat(b.subarray(0, int(rng, b.length + 1)), other.subarray(int(rng, other.length + 1)));
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);


/** The index-th input of a run with this seed: seed file, mutations applied, and their names. */
export function makeInput(seeds: Seed[], seed: number, index: number): { name: string; bytes: Uint8Array; mutation: string } {
  // One generator per input, from (seed, index): an input can be remade alone.
  const rng = mulberry32((seed * 1_000_003 + index * 7919) >>> 0);
  // A kind of input (by extension) first, then a file of it: the one HTML
  // page gets as many inputs as the eleven feeds.
  const kinds = [...new Set(seeds.map((s) => path.extname(s.name)))].sort();
  const kind = pick(rng, kinds);
  const base = pick(rng, seeds.filter((s) => path.extname(s.name) === kind));
  let bytes = base.bytes;
  const steps: string[] = [];
  const n = 1 + int(rng, 3);
  for (let i = 0; i < n; i++) {
    const m = pick(rng, MUTATION_NAMES);
    bytes = MUTATIONS[m]!(bytes, rng, seeds);
    if (bytes.length > MAX_INPUT_BYTES) bytes = bytes.subarray(0, MAX_INPUT_BYTES);
    steps.push(m);
  }
  return { name: base.name, bytes, mutation: steps.join("+") };
}

const heapMb = () => process.memoryUsage().heapUsed / (1024 * 1024);

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const seeds = readSeeds(opts.fixtures);
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-fuzz-"));
  const { db } = await prepareStore(`file:${path.join(dir, "store.db")}`);
  const actor = systemActor("fuzz");
  const times: number[] = [];
  const violations: Violation[] = [];
  let maxHeap = heapMb();
  let stored = 0;
  let refused = 0;
  // An exception thrown outside runIngest's promise (a timer, a stream) is a crash too.
  let stray: unknown;
  const onStray = (e: unknown) => {
    stray = e;
  };
  process.on("uncaughtException", onStray);
  process.on("unhandledRejection", onStray);

  const record = (v: Omit<Violation, "file">, bytes: Uint8Array) => {
    const violation: Violation = { ...v };
    if (violations.length < MAX_FILES_WRITTEN) {
      mkdirSync(opts.out, { recursive: true });
      const ext = path.extname(v.name) || ".bin";
      violation.file = path.join(opts.out, `fuzz-seed${opts.seed}-input${v.index}${ext}`);
      writeFileSync(violation.file, bytes);
    }
    violations.push(violation);
  };

  try {
    // The first input of a process loads the tagger and starts a page worker: not the input's cost.
    const warm = seeds.find((s) => s.name.endsWith(".html")) ?? seeds[0]!;
    await runIngest(db, [{ name: warm.name, read: async () => warm.bytes }], { origin: "cli", actor: actor.name, role: "system" });

    for (let index = 0; index < opts.inputs; index++) {
      const input = makeInput(seeds, opts.seed, index);
      const started = performance.now();
      stray = undefined;
      try {
        const report = await runIngest(db, [{ name: input.name, read: async () => input.bytes }], { origin: "cli", actor: actor.name, role: "system" });
        if (report.totals.new + report.totals.updated + report.totals.skipped > 0) stored++;
        else refused++;
      } catch (e) {
        record({ index, name: input.name, mutation: input.mutation, kind: "crash", detail: e instanceof Error ? (e.stack ?? e.message) : String(e) }, input.bytes);
      }
      const took = performance.now() - started;
      times.push(took);
      if (stray !== undefined) {
        record({ index, name: input.name, mutation: input.mutation, kind: "crash", detail: `uncaught: ${stray instanceof Error ? (stray.stack ?? stray.message) : String(stray)}` }, input.bytes);
      }
      if (took > opts.maxMs) {
        record({ index, name: input.name, mutation: input.mutation, kind: "slow", detail: `${Math.round(took)} ms, over ${opts.maxMs} ms` }, input.bytes);
      }
      const heap = heapMb();
      if (heap > maxHeap) maxHeap = heap;
      if (heap > opts.maxHeapMb) {
        record({ index, name: input.name, mutation: input.mutation, kind: "heap", detail: `${Math.round(heap)} MiB heap, over ${opts.maxHeapMb} MiB` }, input.bytes);
      }
      if ((index + 1) % 100 === 0) opts.onProgress?.(index + 1);
    }
  } finally {
    process.off("uncaughtException", onStray);
    process.off("unhandledRejection", onStray);
    await closePageWorkers();
    await closeReader(db);
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    inputs: opts.inputs,
    seeds: seeds.length,
    maxMs: sorted.at(-1) ?? 0,
    p99Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
    maxHeapMb: maxHeap,
    stored,
    refused,
    violations,
  };
}

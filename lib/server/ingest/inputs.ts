// Ingest inputs from files, folders and URLs: the CLI, the upload route and the demo loader share them.
import "server-only";
import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { fetchUrl } from "../fetch-url";
import type { IngestInput } from "./run-ingest";
import type { fetchLimits } from "../env";

type FetchLimits = ReturnType<typeof fetchLimits>;

export class UsageError extends Error {}

export const isUrl = (arg: string) => /^https?:\/\//i.test(arg);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith("."))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      const p = path.join(dir, d.name);
      return d.isDirectory() ? walk(p) : d.isFile() ? [p] : [];
    });
}

/** Reads a file, refusing it before reading when it is over the limit. */
export async function readLimited(file: string, maxBytes: number): Promise<Uint8Array> {
  return readRange(file, 0, (size) => {
    if (size > maxBytes) throw new Error(`file is ${size} bytes, over the ${maxBytes}-byte limit`);
    return size;
  });
}

/** Bytes start to end of a file; end from the file's size when a function. */
async function readRange(file: string, start: number, end: number | ((size: number) => number)): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const to = typeof end === "number" ? end : end((await handle.stat()).size);
    const buf = Buffer.alloc(to - start);
    let at = 0;
    while (at < buf.length) {
      const { bytesRead } = await handle.read(buf, at, buf.length - at, start + at);
      if (bytesRead === 0) throw new Error(`the file ended at byte ${start + at}, before ${to}: it changed while being read`);
      at += bytesRead;
    }
    return buf;
  } finally {
    await handle.close();
  }
}

/** A URL as an ingest input, fetched with the configured limits when it is read. */
export function urlInput(url: string, limits: FetchLimits): IngestInput {
  return { name: url, baseUrl: url, read: async () => (await fetchUrl(url, limits)).bytes };
}

export function toInputs(args: string[], limits: FetchLimits, partBytes = NDJSON_PART_BYTES): IngestInput[] {
  const inputs: IngestInput[] = [];
  for (const arg of args) {
    if (isUrl(arg)) {
      inputs.push(urlInput(arg, limits));
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      throw new UsageError(`${arg}: no such file, folder or URL`);
    }
    const files = stat.isDirectory() ? walk(arg) : [arg];
    if (stat.isDirectory() && files.length === 0) throw new UsageError(`${arg}: folder holds no files`);
    // Parts never over the input limit: a file over it goes in by parts rather than not at all.
    for (const f of files) inputs.push(...fileInputs(f, limits.maxBytes, Math.min(partBytes, limits.maxBytes)));
  }
  return inputs;
}

/**
 * NDJSON files larger than this are read in parts of about this size, cut at
 * line ends: an archive exported as one file (a million stories, gigabytes)
 * goes in whole, whatever the input limit, without ever being held whole; its
 * first batch is written once the first part is parsed, and each next part is
 * parsed while the one before is written. Each line is one item, so a part
 * is as good an input as the file.
 */
export const NDJSON_PART_BYTES = 4 * 1024 * 1024;

/** A file as its inputs: itself, or its parts when it is a large NDJSON file. */
function fileInputs(file: string, maxBytes: number, partBytes: number): IngestInput[] {
  const whole = [{ name: file, read: () => readLimited(file, maxBytes) }];
  let size;
  try {
    size = statSync(file).size;
  } catch {
    return whole;
  }
  if (size <= partBytes) return whole;
  const fd = openSync(file, "r");
  try {
    if (!looksLikeNdjson(fd)) return whole;
    const ends = partEnds(fd, size, partBytes);
    const starts = [0, ...ends.slice(0, -1)];
    // A part's first line is the file's line number: the part before it settles it once read, with its own count of lines.
    const settle: ((line: number) => void)[] = [];
    const firstLines = starts.map((_, k) => (k === 0 ? Promise.resolve(1) : new Promise<number>((resolve) => (settle[k] = resolve))));
    return starts.map((start, k) => {
      const end = ends[k]!;
      const next = (lines: number) => void firstLines[k]!.then((line) => settle[k + 1]?.(line + lines));
      const label = `part ${k + 1} of ${starts.length}`;
      return {
        name: `${file} (${label})`,
        part: { file, label, firstLine: () => firstLines[k]! },
        read: async () => {
          let bytes;
          try {
            bytes = await readRange(file, start, end);
          } catch (e) {
            // The parts after it must not wait for a count that will not come; their lines are then numbered short by this part's.
            next(0);
            throw e;
          }
          next(newlines(bytes));
          if (end - start > maxBytes) {
            // Only a line longer than the limit makes a part longer (partEnds): it is the part's one line, which fails alone.
            throw new Error(`line ${await firstLines[k]} is ${end - start} bytes, over the ${maxBytes}-byte input limit`);
          }
          return bytes;
        },
      };
    });
  } finally {
    closeSync(fd);
  }
}

/** NDJSON: the file's first line is a whole JSON object, and a line after it opens another. */
function looksLikeNdjson(fd: number): boolean {
  const head = Buffer.alloc(1024 * 1024);
  const n = readSync(fd, head, 0, head.length, 0);
  const text = head.subarray(0, n).toString("utf8").replace(/^\uFEFF/, "");
  const lines = text.split("\n");
  // The last piece may be cut short by the window: only whole lines count.
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first < 0 || first >= lines.length - 1) return false;
  try {
    const value: unknown = JSON.parse(lines[first]!);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  } catch {
    return false;
  }
  return lines.slice(first + 1).some((l) => l.trimStart().startsWith("{"));
}

/**
 * Where each part ends: just past the last line end within partBytes of its
 * start (past the first one after, when a single line is longer), and the
 * file's end.
 */
function partEnds(fd: number, size: number, partBytes: number): number[] {
  const ends: number[] = [];
  const window = Buffer.alloc(64 * 1024);
  let from = 0;
  while (from + partBytes < size) {
    let end = -1;
    // Back from the part's size to its start: its last line end.
    for (let hi = from + partBytes; hi > from && end < 0; hi -= window.length) {
      const lo = Math.max(from, hi - window.length);
      const n = readSync(fd, window, 0, hi - lo, lo);
      const nl = window.subarray(0, n).lastIndexOf(10);
      if (nl >= 0) end = lo + nl + 1;
    }
    // No line end in it: one line over the part's size, which ends at the next line end.
    for (let pos = from + partBytes; end < 0 && pos < size; ) {
      const n = readSync(fd, window, 0, window.length, pos);
      const nl = window.subarray(0, n).indexOf(10);
      if (nl >= 0) end = pos + nl + 1;
      pos += n;
    }
    if (end < 0 || end >= size) break;
    ends.push(end);
    from = end;
  }
  ends.push(size);
  return ends;
}

function newlines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

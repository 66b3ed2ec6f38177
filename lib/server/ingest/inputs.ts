// Ingest inputs from files, folders and URLs: the CLI, the upload route and the demo loader share them.
import "server-only";
import { readdirSync, statSync } from "node:fs";
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
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new Error(`file is ${size} bytes, over the ${maxBytes}-byte limit`);
    }
    const buf = Buffer.alloc(size);
    await handle.read(buf, 0, size, 0);
    return buf;
  } finally {
    await handle.close();
  }
}

/** A URL as an ingest input, fetched with the configured limits when it is read. */
export function urlInput(url: string, limits: FetchLimits): IngestInput {
  return { name: url, baseUrl: url, read: async () => (await fetchUrl(url, limits)).bytes };
}

export function toInputs(args: string[], limits: FetchLimits): IngestInput[] {
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
    for (const f of files) inputs.push({ name: f, read: () => readLimited(f, limits.maxBytes) });
  }
  return inputs;
}

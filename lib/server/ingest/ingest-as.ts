// An ingest run for a caller of the API: files, a URL or a JSON body as
// inputs, run with the desk's limits under the caller's name and role (a
// token's run is audited as token:<name>).
import "server-only";
import type { Actor } from "../audit";
import type { Db } from "../db/client";
import { env, fetchLimits } from "../env";
import { urlInput } from "./inputs";
import { runIngest, type IngestInput, type RunOptions, type RunReport } from "./run-ingest";

/** An uploaded file as an input; one over the limit fails alone, as its input's error. */
export function fileInput(f: File, maxBytes: number): IngestInput {
  return {
    name: f.name,
    read: async () => {
      if (f.size > maxBytes) throw new Error(`file is ${f.size} bytes, over the ${maxBytes}-byte limit`);
      return new Uint8Array(await f.arrayBuffer());
    },
  };
}

export interface IngestRequest {
  files?: File[];
  url?: string;
  /** The body of a JSON request, already read: ninjs. */
  json?: unknown;
  /** The source for items that name none. */
  source?: string;
}

export async function ingestAs(db: Db, actor: Actor, req: IngestRequest): Promise<RunReport> {
  const config = env();
  const inputs: IngestInput[] = (req.files ?? []).map((f) => fileInput(f, config.WIREDESK_MAX_INPUT_BYTES));
  if (req.url) inputs.push(urlInput(req.url, fetchLimits(config)));
  if (req.json !== undefined) {
    const bytes = new TextEncoder().encode(JSON.stringify(req.json));
    inputs.push({ name: "ninjs", read: async () => bytes });
  }
  const origin: RunOptions["origin"] = req.url && inputs.length === 1 ? "url" : "upload";
  return runIngest(db, inputs, {
    origin,
    actor: actor.name,
    userId: actor.userId,
    role: actor.role,
    defaultSource: req.source || undefined,
    reportItems: true,
    maxBytes: config.WIREDESK_MAX_INPUT_BYTES,
    thresholds: config.WIREDESK_DEDUP_THRESHOLDS,
  });
}

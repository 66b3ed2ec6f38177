// POST /api/ingest - ingest uploaded files (multipart "files") and/or a URL ("url"), filed under "source" when the items name none
import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { env, fetchLimits } from "@/lib/server/env";
import { urlInput } from "@/lib/server/ingest/inputs";
import { runIngest, type IngestInput } from "@/lib/server/ingest/run-ingest";
import { apiRoute } from "@/lib/server/http/route";
import { ApiError, validationError } from "@/lib/server/http/problem";
import { BodyTooLargeError, readBodyBytes } from "@/lib/server/http/read-body";

const formFields = z.object({
  url: z.url({ protocol: /^https?$/, message: "url must be an http or https address" }).optional(),
  source: z.string().trim().max(200, "source: at most 200 characters"),
});

/** The form, read as it streams in and no further than `limit` (a declared length is not trusted). */
async function readForm(req: Request, limit: number): Promise<FormData> {
  try {
    const body = await readBodyBytes(req, limit);
    return await new Response(body, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch (e) {
    if (e instanceof BodyTooLargeError) throw e;
    throw new ApiError(400, "expected a multipart form with files and/or a url");
  }
}

export const POST = apiRoute({ need: "ingest", multipart: true }, async ({ req, actor }) => {
  const config = env();
  // Several files may come at once; the whole request gets a few inputs' worth.
  const form = await readForm(req, config.WIREDESK_MAX_INPUT_BYTES * 5);
  const files = form.getAll("files").filter((f): f is File => typeof f !== "string" && f.size >= 0 && f.name !== "");
  const rawUrl = form.get("url");
  const rawSource = form.get("source");
  const fields = formFields.safeParse({
    url: typeof rawUrl === "string" && rawUrl.trim() ? rawUrl.trim() : undefined,
    source: typeof rawSource === "string" ? rawSource : "",
  });
  if (!fields.success) throw validationError(fields.error, "body");
  const { url, source } = fields.data;
  if (files.length === 0 && !url) throw new ApiError(400, "choose at least one file or give a URL");
  const inputs: IngestInput[] = files.map((f) => ({
    name: f.name,
    read: async () => {
      if (f.size > config.WIREDESK_MAX_INPUT_BYTES) {
        throw new Error(`file is ${f.size} bytes, over the ${config.WIREDESK_MAX_INPUT_BYTES}-byte limit`);
      }
      return new Uint8Array(await f.arrayBuffer());
    },
  }));
  if (url) inputs.push(urlInput(url, fetchLimits(config)));
  return runIngest(db(), inputs, {
    origin: url && files.length === 0 ? "url" : "upload",
    actor: actor.name,
    userId: actor.userId,
    defaultSource: source || undefined,
    reportItems: true,
    role: actor.role,
    maxBytes: config.WIREDESK_MAX_INPUT_BYTES,
    thresholds: config.WIREDESK_DEDUP_THRESHOLDS,
  });
});

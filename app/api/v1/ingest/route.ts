// POST /api/v1/ingest - ingest files (multipart "files") and/or a URL ("url"), filed under "source" when the items name none
import { db } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import { v1Route } from "@/lib/server/http/v1";
import { readBodyBytes } from "@/lib/server/http/read-body";
import { ApiError, validationError } from "@/lib/server/http/problem";
import { ingestAs } from "@/lib/server/ingest/ingest-as";
import { ingestForm } from "@/lib/schemas/ingest";
import * as api from "@/lib/schemas/v1/ingest";

const text = (v: FormDataEntryValue | null) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

export const POST = v1Route(api.ingestFiles, async ({ req, actor }) => {
  // Several files may come at once: the request gets five inputs' worth, read
  // as it streams in and no further (a 413 past it; a declared length is not trusted).
  const bytes = await readBodyBytes(req, env().WIREDESK_MAX_INPUT_BYTES * 5);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new ApiError(422, "the body is not a multipart form", { kind: "validation", errors: [{ path: "body", message: "not a multipart form" }] });
  }
  const files = form.getAll("files").filter((f): f is File => typeof f !== "string" && f.name !== "");
  const parsed = ingestForm.safeParse({ files, url: text(form.get("url")), source: text(form.get("source")) });
  if (!parsed.success) throw validationError(parsed.error, "body");
  return ingestAs(db(), actor, parsed.data);
});

// POST /api/ingest - ingest uploaded files (multipart "files") and/or a URL ("url"), filed under "source" when the items name none
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { env, fetchLimits } from "@/lib/server/env";
import { urlInput } from "@/lib/server/ingest/inputs";
import { runIngest, type IngestInput } from "@/lib/server/ingest/run-ingest";
import { guard, refusal } from "@/lib/server/auth/guard";
import { BodyTooLargeError, readBodyBytes, tooLarge } from "@/lib/server/http/read-body";

const urlField = z.url({ protocol: /^https?$/, message: "url must be an http or https address" }).optional();
const sourceField = z.string().trim().max(200, "source: at most 200 characters");

export async function POST(req: NextRequest) {
  const g = await guard(req, "ingest", { contentType: "multipart" });
  if (g instanceof Response) return g;
  const config = env();
  // Several files may come at once; the whole request gets a few inputs' worth,
  // read as it streams in and no further (a declared length is not trusted).
  let form: FormData;
  try {
    const body = await readBodyBytes(req, config.WIREDESK_MAX_INPUT_BYTES * 5);
    form = await new Response(body, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch (e) {
    if (e instanceof BodyTooLargeError) return tooLarge(e);
    return NextResponse.json({ error: "expected a multipart form with files and/or a url" }, { status: 400 });
  }
  const files = form.getAll("files").filter((f): f is File => typeof f !== "string" && f.size >= 0 && f.name !== "");
  const rawUrl = form.get("url");
  const url = urlField.safeParse(typeof rawUrl === "string" && rawUrl.trim() ? rawUrl.trim() : undefined);
  if (!url.success) return NextResponse.json({ error: url.error.issues[0]?.message ?? "invalid url" }, { status: 400 });
  const rawSource = form.get("source");
  const source = sourceField.safeParse(typeof rawSource === "string" ? rawSource : "");
  if (!source.success) return NextResponse.json({ error: source.error.issues[0]?.message ?? "invalid source" }, { status: 400 });
  if (files.length === 0 && !url.data) {
    return NextResponse.json({ error: "choose at least one file or give a URL" }, { status: 400 });
  }
  const inputs: IngestInput[] = files.map((f) => ({
    name: f.name,
    read: async () => {
      if (f.size > config.WIREDESK_MAX_INPUT_BYTES) {
        throw new Error(`file is ${f.size} bytes, over the ${config.WIREDESK_MAX_INPUT_BYTES}-byte limit`);
      }
      return new Uint8Array(await f.arrayBuffer());
    },
  }));
  if (url.data) inputs.push(urlInput(url.data, fetchLimits(config)));
  try {
    const report = await runIngest(db(), inputs, {
      origin: url.data && files.length === 0 ? "url" : "upload",
      actor: g.actor.name,
      userId: g.user.id,
      defaultSource: source.data || undefined,
      reportItems: true,
      role: g.user.role,
      maxBytes: config.WIREDESK_MAX_INPUT_BYTES,
      thresholds: config.WIREDESK_DEDUP_THRESHOLDS,
    });
    return NextResponse.json(report);
  } catch (e) {
    return refusal(e);
  }
}

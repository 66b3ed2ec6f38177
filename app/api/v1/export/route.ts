// GET /api/v1/export - articles as ninjs NDJSON with the queue's filters, streamed a page at a time
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { exportChunks } from "@/lib/server/export/export-articles";
import * as api from "@/lib/schemas/v1/export";

export const dynamic = "force-dynamic";

export const GET = v1Route(api.exportNinjs, async ({ query, actor }) => {
  const chunks = exportChunks(db(), "ndjson", actor, query);
  // The first page is read before the answer starts, so a refusal (a busy
  // store) is still problem details; later pages are read as the client takes them.
  const first = await chunks.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      if (first.done) c.close();
      else c.enqueue(encoder.encode(first.value));
    },
    async pull(c) {
      const next = await chunks.next();
      if (next.done) c.close();
      else c.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(0);
    },
  });
  return new Response(body, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "content-disposition": 'attachment; filename="wiredesk-export.ndjson"', "cache-control": "no-store" },
  });
});

// GET /api/events - live updates as Server-Sent Events: new articles and others' changes, about every second
import { guard } from "@/lib/server/auth/guard";
import type { NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import { nextChanges, openCursor } from "@/lib/server/live/changes";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

export async function GET(req: NextRequest) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const store = db();
  const cursor = await openCursor(store);
  const pollMs = env().WIREDESK_LIVE_POLL_MS;
  const encoder = new TextEncoder();
  const signal = req.signal;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      // Browsers reconnect after this long if the connection drops.
      send(`retry: 2000\n: connected\n\n`);
      let lastSent = Date.now();
      while (!signal.aborted) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(done, pollMs);
          function done() {
            clearTimeout(t);
            signal.removeEventListener("abort", done);
            resolve();
          }
          signal.addEventListener("abort", done, { once: true });
        });
        if (signal.aborted) break;
        try {
          const event = await nextChanges(store, cursor);
          if (event) {
            send(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
            lastSent = Date.now();
          } else if (Date.now() - lastSent > HEARTBEAT_MS) {
            // Keeps proxies from closing an idle connection.
            send(`: heartbeat\n\n`);
            lastSent = Date.now();
          }
        } catch {
          // The store hiccuped: the client reconnects and starts afresh.
          break;
        }
      }
      try {
        controller.close();
      } catch {
        // already closed by the client going away
      }
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: Next's gzip would buffer the stream; nginx honours X-Accel-Buffering.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      connection: "keep-alive",
    },
  });
}

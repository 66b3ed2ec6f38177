// GET /api/events - live updates as Server-Sent Events: new articles and others' changes, as the process's hub reads them
import type { NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { authenticate, toProblem } from "@/lib/server/http/route";
import { subscribe } from "@/lib/server/live/hub";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

export async function GET(req: NextRequest) {
  // A stream is no handler's return value: the caller is checked here, refused as problem details.
  try {
    await authenticate(req, "read", "session");
  } catch (e) {
    return toProblem(e, [], req.nextUrl.pathname);
  }
  const store = db();
  const encoder = new TextEncoder();
  const signal = req.signal;
  let unsubscribe = () => {};
  let heartbeat: NodeJS.Timeout | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let lastSent = Date.now();
      const close = () => {
        unsubscribe();
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
          lastSent = Date.now();
        } catch {
          close();
        }
      };
      // Browsers reconnect after this long if the connection drops.
      send(`retry: 2000\n: connected\n\n`);
      // The process's one reader of the store tells every open tab (lib/server/live/hub.ts): a tab costs no store query.
      unsubscribe = subscribe(store, (event) => send(`event: change\ndata: ${JSON.stringify(event)}\n\n`));
      // Keeps proxies from closing an idle connection.
      heartbeat = setInterval(() => {
        if (Date.now() - lastSent > HEARTBEAT_MS) send(`: heartbeat\n\n`);
      }, HEARTBEAT_MS / 3);
      if (signal.aborted) close();
      else signal.addEventListener("abort", close, { once: true });
    },
    cancel() {
      unsubscribe();
      clearInterval(heartbeat);
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

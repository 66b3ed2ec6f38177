// A real HTTP server for feed-polling tests: serves whatever a test sets at a
// path, answers conditional requests with 304 as a well-behaved feed host
// does, and logs what each request asked.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FeedResponse {
  body: string;
  contentType?: string;
  /** Sent as ETag; If-None-Match with it gets 304. */
  etag?: string;
  /** Sent as Last-Modified; If-Modified-Since with it gets 304. */
  lastModified?: string;
  /** Wait this long before answering (a slow host). */
  delayMs?: number;
  status?: number;
}

export interface SeenRequest {
  path: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  status: number;
}

export interface FeedServer {
  base: string;
  url: (path: string) => string;
  set: (path: string, r: FeedResponse) => void;
  seen: SeenRequest[];
  /** Requests for one path. */
  seenAt: (path: string) => SeenRequest[];
  close: () => Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, FeedResponse>();
  const seen: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const r = routes.get(path);
    const log: SeenRequest = { path, status: 0 };
    const inm = req.headers["if-none-match"];
    const ims = req.headers["if-modified-since"];
    if (typeof inm === "string") log.ifNoneMatch = inm;
    if (typeof ims === "string") log.ifModifiedSince = ims;
    seen.push(log);
    const answer = () => {
      if (!r) {
        log.status = 404;
        res.writeHead(404).end("not found");
        return;
      }
      const validators: Record<string, string> = {};
      if (r.etag) validators.etag = r.etag;
      if (r.lastModified) validators["last-modified"] = r.lastModified;
      const fresh = (r.etag && inm === r.etag) || (!inm && r.lastModified && ims === r.lastModified);
      if (fresh) {
        log.status = 304;
        res.writeHead(304, validators).end();
        return;
      }
      log.status = r.status ?? 200;
      res.writeHead(log.status, { "content-type": r.contentType ?? "application/rss+xml; charset=utf-8", ...validators }).end(r.body);
    };
    if (r?.delayMs) {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) answer();
      }, r.delayMs);
      timers.add(t);
    } else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (p) => `${base}${p}`,
    set: (p, r) => routes.set(p, r),
    seen,
    seenAt: (p) => seen.filter((s) => s.path === p),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Request bodies are read against a limit, as they stream in: a client may
// send no Content-Length (chunked) or a false one, and request.json(),
// .formData() and .text() read everything first (a 300 MB chunked body to the
// sign-in route grew the server by 612 MB). Reading stops at the limit and
// the route answers 413.
import "server-only";
import type { NextResponse } from "next/server";
import { problem } from "./problem";

/** Per-route body limits, in bytes. */
export const BODY_LIMITS = {
  /** The JSON of the desk's own API (a view, a tag action, 500 ids at most). */
  json: 64 * 1024,
  /** better-auth's routes: an email and password, a name. */
  auth: 64 * 1024,
  /** An OPML file of feeds. */
  opml: 2 * 1024 * 1024,
} as const;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the request body is larger than ${limit} bytes, the limit for this request`);
  }
}

/** Reads the body, at most `limit` bytes; throws BodyTooLargeError past it, having stopped reading. */
export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  // A declared length over the limit is refused before reading a byte.
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop the stream: the rest of the body is never pulled from the socket.
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * The request with its body read (at most `limit` bytes) into memory, for a
 * handler that reads the body itself (better-auth): it then cannot read more.
 */
export async function withBufferedBody(req: Request, limit: number): Promise<Request | NextResponse> {
  if (req.method === "GET" || req.method === "HEAD") return req;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readBodyBytes(req, limit);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return problem(413, e.message);
    throw e;
  }
  const headers = new Headers(req.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(bytes.byteLength));
  return new Request(req.url, { method: req.method, headers, body: bytes.byteLength ? bytes : null, signal: req.signal });
}

import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";

// Server-side fetching of feeds and pages an editor pastes in. Anything that
// reaches the network from here must not become a way into the newsroom's own
// network (SSRF): every address a host resolves to is checked at connect time,
// on every redirect, so DNS rebinding cannot slip a private address past us.

const MiB = 1024 * 1024;

const ACCEPT = [
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
  "application/json",
  "text/html",
  "text/plain;q=0.9",
  "*/*;q=0.5",
].join(", ");

export const FETCH_DEFAULTS = {
  timeoutMs: 15_000,
  maxBytes: 20 * MiB,
  maxRedirects: 5,
} as const;

export interface FetchOptions {
  /** Whole-fetch deadline, redirects and body included (default 15 s). */
  timeoutMs?: number;
  /** Largest body accepted, after decompression (default 20 MiB). */
  maxBytes?: number;
  /** Allow private, loopback and link-local targets (default false; configured by WIREDESK_ALLOW_PRIVATE_FETCH in lib/server/env.ts). */
  allowPrivate?: boolean;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Validators from the last fetch: sent as If-None-Match / If-Modified-Since, so an unchanged feed answers 304. */
  conditional?: { etag?: string | null; lastModified?: string | null };
}

export interface FetchResult {
  bytes: Uint8Array;
  /** The URL after redirects. */
  finalUrl: string;
  contentType?: string;
  /** True when a conditional request was answered 304 Not Modified: bytes is empty. */
  notModified: boolean;
  /** The validators to send next time. */
  etag?: string;
  lastModified?: string;
}

export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${url}: ${message}`);
    this.name = "FetchError";
  }
}


// ------------------------------------------------------------- addresses

/**
 * True for any address a server-side fetch must not reach: private,
 * loopback, link-local, unique-local, CGNAT, multicast, unspecified,
 * reserved, and IPv6 forms that embed one of those. Unparseable → true.
 */
export function isForbiddenAddress(ip: string): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip.trim().replace(/^\[|\]$/g, ""));
  } catch {
    return true;
  }
  if (addr.kind() === "ipv4") return (addr as ipaddr.IPv4).range() !== "unicast";
  const v6 = addr as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded) return embedded.range() !== "unicast";
  // Only global unicast (2000::/3) is the open internet.
  return v6.range() !== "unicast" || (v6.parts[0]! & 0xe000) !== 0x2000;
}

/** The IPv4 address inside mapped, translated, NAT64 and 6to4 forms; those route to it. */
function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = v6.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  switch (v6.range()) {
    case "ipv4Mapped":
    case "rfc6145":
      return v4(p[6]!, p[7]!);
    case "rfc6052":
      // 64:ff9b::/96 carries the address in the last 32 bits; 64:ff9b:1::/48 is local use.
      return p[2] === 0 ? v4(p[6]!, p[7]!) : new ipaddr.IPv4([0, 0, 0, 0]);
    case "6to4":
      return v4(p[1]!, p[2]!);
    default:
      return undefined;
  }
}

/** A dns.lookup that refuses forbidden addresses; runs inside connect, so it sees what is dialled. */
function guardedLookup(url: string, allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    const query = { all: true, family: options.family ?? 0, hints: options.hints ?? 0 } as const;
    dnsLookup(hostname, query, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, []);
      const bad = allowPrivate ? undefined : addresses.find((a) => isForbiddenAddress(a.address));
      if (bad) return callback(refusal(url, hostname, bad.address), []);
      const first = addresses[0];
      if (!first) return callback(new FetchError(url, `could not resolve ${hostname}`), []);
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

function refusal(url: string, host: string, address: string): FetchError {
  // Said to whoever pasted the URL: what is wrong with it, not how to configure the server.
  return new FetchError(url, `refused: ${privateMessage(host, address)}`);
}

const privateMessage = (host: string, address: string) =>
  `${host === address ? `${address} is` : `${host} resolves to ${address},`} a private or local address; the desk only fetches public addresses`;

/**
 * Why the desk would refuse to fetch this URL because of where it points
 * (an address literal or a host name resolving to a private, loopback or
 * link-local address), or null. For checking a URL when it is saved, so the
 * one who types it hears at once; fetchUrl still checks every connection,
 * since DNS may answer differently later. A host that does not resolve (yet)
 * is not refused here: the fetch reports that.
 */
export async function privateAddressProblem(url: string, timeoutMs = 3000): Promise<string | null> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return null;
  }
  if (net.isIP(host)) return isForbiddenAddress(host) ? privateMessage(host, host) : null;
  const addresses = await new Promise<LookupAddress[]>((resolve) => {
    const timer = setTimeout(() => resolve([]), timeoutMs);
    dnsLookup(host, { all: true }, (err, found) => {
      clearTimeout(timer);
      resolve(err ? [] : found);
    });
  });
  const bad = addresses.find((a) => isForbiddenAddress(a.address));
  return bad ? privateMessage(host, bad.address) : null;
}

// ----------------------------------------------------------------- fetch

/** GET a URL with SSRF, size, time and redirect limits. Errors are FetchError. */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const {
    timeoutMs = FETCH_DEFAULTS.timeoutMs,
    maxBytes = FETCH_DEFAULTS.maxBytes,
    allowPrivate = false,
    maxRedirects = FETCH_DEFAULTS.maxRedirects,
    conditional,
  } = opts;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const target = checkTarget(current, allowPrivate);
      const { req, res } = await get(target, allowPrivate, controller.signal, conditionalHeaders(conditional));
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        req.destroy();
        if (hop >= maxRedirects) throw new FetchError(url, `too many redirects (more than ${maxRedirects})`);
        current = resolveRedirect(current, location);
        continue;
      }
      if (status === 304 && conditional && (conditional.etag || conditional.lastModified)) {
        req.destroy();
        return { bytes: new Uint8Array(), finalUrl: current, notModified: true, ...validators(res, conditional) };
      }
      if (status < 200 || status >= 300) {
        req.destroy();
        const text = res.statusMessage ? ` ${res.statusMessage}` : "";
        throw new FetchError(current, `HTTP ${status}${text}`, status);
      }
      const bytes = await readBody(req, res, maxBytes, current);
      const result: FetchResult = { bytes, finalUrl: current, notModified: false, ...validators(res) };
      const contentType = res.headers["content-type"];
      if (contentType) result.contentType = contentType;
      return result;
    }
  } catch (error) {
    if (controller.signal.aborted) throw new FetchError(current, `timed out after ${seconds(timeoutMs)}`);
    if (error instanceof FetchError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new FetchError(current, `request failed: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
}

export interface PostResult {
  status: number;
  /** The start of the answer's body (at most maxBytes, as text). */
  body: string;
}

/**
 * POST a body (a webhook delivery) with the same address checks as fetchUrl,
 * at connect time. Redirects are not followed: a 3xx is the answer, so a
 * receiver cannot bounce the desk to an address it may not reach. Errors
 * (refused address, timeout, no connection) are FetchError.
 */
export async function postUrl(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs?: number; allowPrivate?: boolean; maxBytes?: number } = {},
): Promise<PostResult> {
  const { timeoutMs = FETCH_DEFAULTS.timeoutMs, allowPrivate = false, maxBytes = 4096 } = opts;
  const target = checkTarget(url, allowPrivate);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const client = target.protocol === "https:" ? https : http;
    const res = await new Promise<{ req: http.ClientRequest; res: http.IncomingMessage }>((resolve, reject) => {
      const req = client.request(target, {
        method: "POST",
        agent: false,
        lookup: guardedLookup(target.href, allowPrivate),
        signal: controller.signal,
        headers: { "user-agent": "Wiredesk/0.1 (webhooks)", "content-length": String(Buffer.byteLength(body)), ...headers },
      });
      req.once("response", (r) => resolve({ req, res: r }));
      req.once("error", reject);
      req.end(body);
    });
    // Only the start is kept: a receiver's answer is shown to an admin, not processed.
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of res.res) {
      const buf = chunk as Buffer;
      chunks.push(buf);
      total += buf.length;
      if (total >= maxBytes) {
        res.req.destroy();
        break;
      }
    }
    return { status: res.res.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8") };
  } catch (error) {
    if (controller.signal.aborted) throw new FetchError(url, `timed out after ${seconds(timeoutMs)}`);
    if (error instanceof FetchError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new FetchError(url, `request failed: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
}

function conditionalHeaders(c: FetchOptions["conditional"]): Record<string, string> {
  const h: Record<string, string> = {};
  if (c?.etag) h["if-none-match"] = c.etag;
  if (c?.lastModified) h["if-modified-since"] = c.lastModified;
  return h;
}

/** ETag and Last-Modified of a response; a 304 may omit them, and then the ones sent still hold. */
function validators(res: http.IncomingMessage, sent?: FetchOptions["conditional"]): { etag?: string; lastModified?: string } {
  const out: { etag?: string; lastModified?: string } = {};
  const etag = header(res.headers.etag) ?? sent?.etag ?? undefined;
  const lastModified = header(res.headers["last-modified"]) ?? sent?.lastModified ?? undefined;
  if (etag) out.etag = etag;
  if (lastModified) out.lastModified = lastModified;
  return out;
}

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** Parse and vet a URL before connecting; IP literals never reach lookup, so they are checked here. */
function checkTarget(raw: string, allowPrivate: boolean): URL {
  let target: URL;
  try {
    target = new URL(raw);
  } catch {
    throw new FetchError(raw, "not a valid URL");
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    throw new FetchError(raw, `only http and https URLs can be fetched, not ${target.protocol}`);
  }
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && net.isIP(host) && isForbiddenAddress(host)) throw refusal(raw, host, host);
  return target;
}

function resolveRedirect(from: string, location: string): string {
  try {
    return new URL(location, from).href;
  } catch {
    throw new FetchError(from, `redirect to an invalid URL: ${location}`);
  }
}

function get(
  target: URL,
  allowPrivate: boolean,
  signal: AbortSignal,
  extraHeaders: Record<string, string> = {},
): Promise<{ req: http.ClientRequest; res: http.IncomingMessage }> {
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(target, {
      method: "GET",
      // No pooling: a reused socket would skip the address check.
      agent: false,
      lookup: guardedLookup(target.href, allowPrivate),
      signal,
      headers: {
        "user-agent": "Wiredesk/0.1 (newsroom triage desk)",
        accept: ACCEPT,
        "accept-encoding": "gzip, deflate, br",
        ...extraHeaders,
      },
    });
    req.once("response", (res) => resolve({ req, res }));
    req.once("error", reject);
    req.end();
  });
}

/** Read the body, decompressing, and stop as soon as it passes maxBytes. */
async function readBody(
  req: http.ClientRequest,
  res: http.IncomingMessage,
  maxBytes: number,
  url: string,
): Promise<Uint8Array> {
  const tooLarge = () => new FetchError(url, `larger than ${formatBytes(maxBytes)} limit`);
  const encoding = String(res.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const declared = Number(res.headers["content-length"]);
  if (encoding === "identity" && Number.isFinite(declared) && declared > maxBytes) {
    req.destroy();
    throw tooLarge();
  }
  const stream = decoded(res, encoding, url);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > maxBytes) throw tooLarge();
      chunks.push(buf);
    }
  } finally {
    if (total > maxBytes) req.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

function decoded(res: http.IncomingMessage, encoding: string, url: string): Readable {
  const noop = () => {};
  switch (encoding) {
    case "identity":
    case "":
      return res;
    case "gzip":
    case "x-gzip":
      return pipeline(res, zlib.createGunzip(), noop);
    case "deflate":
      return pipeline(res, zlib.createInflate(), noop);
    case "br":
      return pipeline(res, zlib.createBrotliDecompress(), noop);
    default:
      res.destroy();
      throw new FetchError(url, `unsupported content encoding "${encoding}"`);
  }
}

function formatBytes(n: number): string {
  if (n >= MiB) return `${n % MiB === 0 ? n / MiB : (n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${n % 1024 === 0 ? n / 1024 : (n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

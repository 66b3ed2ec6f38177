import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FetchError,
  fetchUrl,
  isForbiddenAddress,
} from "../../../lib/server/fetch-url";

let server: http.Server;
let base: string;
const pending = new Set<NodeJS.Timeout>();

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title></channel></rss>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/feed.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
      res.end(FEED);
    } else if (path === "/conditional") {
      // A host that validates with an ETag (its 304 repeats it) and, for the other client, Last-Modified.
      const lm = "Tue, 03 Mar 2026 10:00:00 GMT";
      if (req.headers["if-none-match"] === '"v7"') res.writeHead(304, { etag: '"v7"' }).end();
      else if (req.headers["if-modified-since"] === lm) res.writeHead(304).end();
      else res.writeHead(200, { etag: '"v7"', "last-modified": lm, "content-type": "application/rss+xml" }).end(FEED);
    } else if (path === "/always-304") {
      res.writeHead(304).end();
    } else if (path === "/slow") {
      // Answers long after any test's deadline; the timer is cleared in afterAll.
      const t = setTimeout(() => res.end("too late"), 5_000);
      pending.add(t);
    } else if (path === "/slow-body") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first part ");
      pending.add(setTimeout(() => res.end("rest"), 5_000));
    } else if (path === "/big") {
      res.writeHead(200, { "content-type": "text/plain", "content-length": "4096" });
      res.end("x".repeat(4096));
    } else if (path === "/big-chunked") {
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 8; i++) res.write("y".repeat(512));
      res.end();
    } else if (path === "/gzip") {
      res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
      res.end(gzipSync("unzipped words"));
    } else if (path === "/gzip-bomb") {
      res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
      res.end(gzipSync(Buffer.alloc(1024 * 1024)));
    } else if (path === "/redirect") {
      res.writeHead(302, { location: "/feed.xml" });
      res.end();
    } else if (path === "/redirect-ftp") {
      res.writeHead(301, { location: "ftp://files.example.com/feed.xml" });
      res.end();
    } else if (path === "/loop") {
      res.writeHead(307, { location: "/loop" });
      res.end();
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("nope");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of pending) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error("expected the fetch to fail");
}

describe("isForbiddenAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.20",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.251",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:7f00:1",
    "64:ff9b::a00:1", // NAT64 of 10.0.0.1
    "2002:c0a8:0101::1", // 6to4 of 192.168.1.1
    "::127.0.0.1", // deprecated IPv4-compatible form
    "not an ip",
  ])("forbids %s", (ip) => {
    expect(isForbiddenAddress(ip)).toBe(true);
  });

  it.each(["8.8.8.8", "1.1.1.1", "93.184.216.34", "2001:4860:4860::8888", "::ffff:8.8.8.8", "2a00:1450:4001:80e::200e", "[2001:4860:4860::8888]"])(
    "allows %s",
    (ip) => {
      expect(isForbiddenAddress(ip)).toBe(false);
    },
  );
});


describe("fetchUrl", () => {
  it("refuses a loopback address by default, with a clear message", async () => {
    const err = await failure(fetchUrl(`${base}/feed.xml`, { allowPrivate: false }));
    expect(err.message).toContain(`${base}/feed.xml`);
    expect(err.message).toMatch(/refused: 127\.0\.0\.1 is a private or local address/);
  });

  it("refuses a host name that resolves to loopback (checked in the connect-time lookup)", async () => {
    const port = (server.address() as AddressInfo).port;
    const err = await failure(fetchUrl(`http://localhost:${port}/feed.xml`, { allowPrivate: false }));
    expect(err.message).toMatch(/refused: localhost resolves to (127\.0\.0\.1|::1), a private or local address/);
  });

  it("fetches when private addresses are allowed", async () => {
    const res = await fetchUrl(`${base}/feed.xml`, { allowPrivate: true });
    expect(new TextDecoder().decode(res.bytes)).toBe(FEED);
    expect(res.finalUrl).toBe(`${base}/feed.xml`);
    expect(res.contentType).toBe("application/rss+xml; charset=utf-8");
  });

  it("follows redirects and reports the final URL", async () => {
    const res = await fetchUrl(`${base}/redirect`, { allowPrivate: true });
    expect(res.finalUrl).toBe(`${base}/feed.xml`);
    expect(new TextDecoder().decode(res.bytes)).toBe(FEED);
  });

  it("refuses redirects to other protocols", async () => {
    const err = await failure(fetchUrl(`${base}/redirect-ftp`, { allowPrivate: true }));
    expect(err.message).toMatch(/only http and https URLs can be fetched, not ftp:/);
  });

  it("stops after maxRedirects", async () => {
    const err = await failure(fetchUrl(`${base}/loop`, { allowPrivate: true, maxRedirects: 3 }));
    expect(err.message).toMatch(/too many redirects \(more than 3\)/);
  });

  it("times out on a slow server", async () => {
    const started = Date.now();
    const err = await failure(fetchUrl(`${base}/slow`, { allowPrivate: true, timeoutMs: 200 }));
    expect(err.message).toMatch(/timed out after 0\.2 s$/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("times out on a body that trickles", async () => {
    const err = await failure(fetchUrl(`${base}/slow-body`, { allowPrivate: true, timeoutMs: 200 }));
    expect(err.message).toMatch(/timed out after 0\.2 s$/);
  });

  it("says the default timeout in seconds", async () => {
    const { FETCH_DEFAULTS } = await import("../../../lib/server/fetch-url");
    expect(FETCH_DEFAULTS.timeoutMs).toBe(15_000);
    expect(FETCH_DEFAULTS.maxBytes).toBe(20 * 1024 * 1024);
  });

  it("refuses a body over the size limit (declared length)", async () => {
    const err = await failure(fetchUrl(`${base}/big`, { allowPrivate: true, maxBytes: 1024 }));
    expect(err.message).toMatch(/larger than 1 KiB limit/);
  });

  it("refuses a body over the size limit (streamed)", async () => {
    const err = await failure(fetchUrl(`${base}/big-chunked`, { allowPrivate: true, maxBytes: 1024 }));
    expect(err.message).toMatch(/larger than 1 KiB limit/);
  });

  it("decompresses gzip and counts the limit after decompression", async () => {
    const res = await fetchUrl(`${base}/gzip`, { allowPrivate: true });
    expect(new TextDecoder().decode(res.bytes)).toBe("unzipped words");
    const err = await failure(fetchUrl(`${base}/gzip-bomb`, { allowPrivate: true, maxBytes: 64 * 1024 }));
    expect(err.message).toMatch(/larger than 64 KiB limit/);
  });

  it("reports non-2xx statuses", async () => {
    const err = await failure(fetchUrl(`${base}/missing`, { allowPrivate: true }));
    expect(err.status).toBe(404);
    expect(err.message).toBe(`${base}/missing: HTTP 404 Not Found`);
  });

  it("refuses non-http URLs and garbage", async () => {
    expect((await failure(fetchUrl("file:///etc/passwd"))).message).toMatch(/only http and https/);
    expect((await failure(fetchUrl("not a url"))).message).toMatch(/not a valid URL/);
    expect((await failure(fetchUrl("http://[::1]:1/"))).message).toMatch(/refused: ::1 is a private/);
  });

  it("sends the validators it was given and reports 304 Not Modified with no body", async () => {
    const full = await fetchUrl(`${base}/conditional`, { allowPrivate: true });
    expect(full).toMatchObject({ notModified: false, etag: '"v7"', lastModified: "Tue, 03 Mar 2026 10:00:00 GMT" });
    const byEtag = await fetchUrl(`${base}/conditional`, { allowPrivate: true, conditional: { etag: full.etag } });
    expect(byEtag).toMatchObject({ notModified: true, etag: '"v7"' });
    expect(byEtag.bytes).toHaveLength(0);
    const byDate = await fetchUrl(`${base}/conditional`, { allowPrivate: true, conditional: { lastModified: full.lastModified } });
    // The 304 gave no validators: the ones sent still hold.
    expect(byDate).toMatchObject({ notModified: true, lastModified: "Tue, 03 Mar 2026 10:00:00 GMT" });
  });

  it("treats a 304 to an unconditional request as the error it is", async () => {
    expect((await failure(fetchUrl(`${base}/always-304`, { allowPrivate: true }))).message).toMatch(/HTTP 304/);
  });
});

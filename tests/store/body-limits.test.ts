// Request bodies are read against a per-route limit as they stream in: a
// chunked body with no Content-Length past the limit gets 413 and the route
// stops pulling it, for each kind of route (JSON, multipart upload, OPML
// text, better-auth's own routes).
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { usersByRole } from "../support/auth";
import type { Db } from "../../lib/server/db/client";
import { BODY_LIMITS } from "../../lib/server/http/read-body";
import { POST as saveView } from "../../app/api/views/route";
import { POST as ingest } from "../../app/api/ingest/route";
import { POST as importOpml } from "../../app/api/sources/opml/route";
import { POST as auth } from "../../app/api/auth/[...all]/route";

/** What Next passes a route without path parameters. */
const noParams = { params: Promise.resolve({}) };

const CHUNK = 64 * 1024;
const INPUT_LIMIT = 1024 * 1024; // WIREDESK_MAX_INPUT_BYTES here: an upload request may be 5 MiB

/** A body of `total` bytes, made only as the reader pulls it; counts what was pulled. */
function streamedBody(total: number, fill = 0x20) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= total) return controller.close();
        const n = Math.min(CHUNK, total - pulled);
        pulled += n;
        controller.enqueue(new Uint8Array(n).fill(fill));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

describe.each(storeKinds())("request body limits on %s", (kind) => {
  let store: TestStore;
  let users: Awaited<ReturnType<typeof usersByRole>>;
  const g = globalThis as unknown as { wiredeskDb?: Db };
  const savedLimit = process.env.WIREDESK_MAX_INPUT_BYTES;

  beforeAll(async () => {
    process.env.WIREDESK_MAX_INPUT_BYTES = String(INPUT_LIMIT);
    store = await openStore(kind);
    g.wiredeskDb = store.db;
    users = await usersByRole(store.db, "body");
  }, 120_000);
  afterAll(async () => {
    g.wiredeskDb = undefined;
    if (savedLimit === undefined) delete process.env.WIREDESK_MAX_INPUT_BYTES;
    else process.env.WIREDESK_MAX_INPUT_BYTES = savedLimit;
    await store?.drop();
  });

  const post = (path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
    new NextRequest(`http://desk.test${path}`, {
      method: "POST",
      headers: { origin: "http://desk.test", host: "desk.test", ...headers },
      body,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);

  async function expectRefused(res: Response, pulled: number, limit: number) {
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 413, detail: `the request body is larger than ${limit} bytes, the limit for this request` });
    // Reading stopped at the limit: at most one chunk past it was pulled.
    expect(pulled).toBeGreaterThan(limit);
    expect(pulled).toBeLessThanOrEqual(limit + CHUNK);
  }

  it("a viewer's 40 MB chunked JSON to /api/views", async () => {
    const body = streamedBody(40_000_000);
    const res = await saveView(post("/api/views", body.stream, { cookie: users.viewer.cookie, "content-type": "application/json" }), noParams);
    await expectRefused(res, body.pulled(), BODY_LIMITS.json);
    expect(await store.db.savedView.count()).toBe(0);
  });

  it("a small JSON body still saves the view", async () => {
    const json = new TextEncoder().encode(JSON.stringify({ name: "Mine", query: "status=new" }));
    const stream = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(json), c.close()) });
    const res = await saveView(post("/api/views", stream, { cookie: users.viewer.cookie, "content-type": "application/json" }), noParams);
    expect(res.status).toBe(201);
  });

  it("an editor's 50 MB chunked upload, over the 5 MiB an upload may be", async () => {
    const body = streamedBody(50_000_000);
    const res = await ingest(post("/api/ingest", body.stream, { cookie: users.editor.cookie, "content-type": "multipart/form-data; boundary=x" }), noParams);
    await expectRefused(res, body.pulled(), INPUT_LIMIT * 5);
    expect(await store.db.ingestRun.count()).toBe(0);
  });

  it("an admin's 40 MB chunked OPML import", async () => {
    const body = streamedBody(40_000_000);
    const res = await importOpml(post("/api/sources/opml", body.stream, { cookie: users.admin.cookie, "content-type": "text/x-opml" }), noParams);
    await expectRefused(res, body.pulled(), BODY_LIMITS.opml);
    expect(await store.db.source.count()).toBe(0);
  });

  it("an anonymous 300 MB chunked sign-in, refused before better-auth reads it", async () => {
    const body = streamedBody(300_000_000);
    const res = await auth(post("/api/auth/sign-in/email", body.stream, { "content-type": "application/json" }));
    await expectRefused(res, body.pulled(), BODY_LIMITS.auth);
  });

  it("a sign-in within the limit still signs in, from a streamed body", async () => {
    const json = new TextEncoder().encode(JSON.stringify({ email: users.editor.email, password: "a long test password" }));
    const stream = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(json), c.close()) });
    const res = await auth(post("/api/auth/sign-in/email", stream, { "content-type": "application/json" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/session_token=/);
  });
});

// Hostile input through the upload route, as a signed-in editor: oversized
// uploads, entity-expansion XML and internal fetch targets are refused and
// leave no article behind.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { usersByRole } from "../support/auth";
import type { Db } from "../../lib/server/db/client";
import { POST } from "../../app/api/ingest/route";

/** What Next passes a route without path parameters. */
const noParams = { params: Promise.resolve({}) };

describe.each(storeKinds())("hostile uploads on %s", (kind) => {
  let store: TestStore;
  let cookie: string;
  const g = globalThis as unknown as { wiredeskDb?: Db };

  beforeAll(async () => {
    store = await openStore(kind);
    g.wiredeskDb = store.db;
    cookie = (await usersByRole(store.db, "hostile")).editor.cookie;
  }, 120_000);
  afterAll(async () => {
    g.wiredeskDb = undefined;
    await store?.drop();
  });

  const upload = (form: FormData, headers: Record<string, string> = {}) =>
    POST(new NextRequest("http://desk.test/api/ingest", { method: "POST", headers: { cookie, origin: "http://desk.test", host: "desk.test", ...headers }, body: form }), noParams);

  it("refuses an upload declared larger than the limit before reading it", async () => {
    const form = new FormData();
    form.append("files", new File(["x"], "big.txt"));
    const req = new NextRequest("http://desk.test/api/ingest", { method: "POST", headers: { cookie, origin: "http://desk.test", host: "desk.test" }, body: form });
    // The declared length is what a client says before sending the body.
    Object.defineProperty(req, "headers", { value: new Headers({ ...Object.fromEntries(req.headers), "content-length": String(200 * 1024 * 1024) }) });
    const res = await POST(req, noParams);
    expect(res.status).toBe(413);
    expect(await store.db.article.count()).toBe(0);
  });

  it("refuses XML entity expansion, item by item, storing nothing from it", async () => {
    const form = new FormData();
    form.append("files", new File([`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title><item><title>&b;</title><description>&b;</description></item></channel></rss>`], "laughs.xml"));
    const res = await upload(form);
    expect(res.status).toBe(200);
    const report = (await res.json()) as { totals: { new: number; failed: number }; inputs: { errors: { message: string }[] }[] };
    expect(report.totals.new).toBe(0);
    expect(report.inputs[0]!.errors[0]!.message).toMatch(/entity/);
    expect(await store.db.article.count()).toBe(0);
  });

  it.each(["http://127.0.0.1:9/feed.xml", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://localhost/"])("refuses to fetch %s (SSRF)", async (url) => {
    const form = new FormData();
    form.append("url", url);
    const res = await upload(form);
    const text = await res.text();
    expect(res.status, text).toBeLessThan(500);
    expect(text).toMatch(/not allowed|private|loopback|link-local|refused/i);
    expect(await store.db.article.count()).toBe(0);
  });
});

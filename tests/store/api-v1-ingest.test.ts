// /api/v1 ingest and export with API tokens, on a real store: a fixture file
// in with an ingest token (its tags stored, the run audited under the
// token's name), ninjs with a broken item (it costs that item alone), the
// NDJSON export streamed page by page and matching its filters, and the
// refusals (a read token may not ingest; a body past the limit is a 413).
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import type { Db } from "../../lib/server/db/client";
import { createToken } from "../../lib/server/auth/tokens";
import { systemActor } from "../../lib/server/audit";
import { ingestReport, type IngestReport } from "../../lib/schemas/ingest";
import { ninjsItem, type NinjsItem } from "../../lib/schemas/ninjs";
import { problemSchema } from "../../lib/schemas/problem";
import { POST as ingestFiles } from "../../app/api/v1/ingest/route";
import { POST as ingestNinjs } from "../../app/api/v1/ingest/ninjs/route";
import { GET as exportNinjs } from "../../app/api/v1/export/route";
import { POST as createSource } from "../../app/api/v1/sources/route";
import { POST as pollSource } from "../../app/api/v1/sources/[id]/poll/route";
import { sourceView } from "../../lib/schemas/sources";
import { GET as getArticle } from "../../app/api/v1/articles/[id]/route";
import { articlePreview } from "../../lib/schemas/preview";

const INPUT_LIMIT = 256 * 1024; // WIREDESK_MAX_INPUT_BYTES here
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/feeds", name));
const noParams = { params: Promise.resolve({}) };

/** A body of `total` bytes, made only as the reader pulls it (no Content-Length). */
function streamedBody(total: number, head = "") {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (pulled >= total) return c.close();
        const chunk = pulled === 0 ? new TextEncoder().encode(head.padEnd(64 * 1024, " ")) : new Uint8Array(64 * 1024).fill(0x20);
        pulled += chunk.byteLength;
        c.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

describe.each(storeKinds())("/api/v1 ingest and export on %s", (kind) => {
  let store: TestStore;
  const g = globalThis as unknown as { wiredeskDb?: Db };
  const savedLimit = process.env.WIREDESK_MAX_INPUT_BYTES;
  const tokens = { ingest: "", read: "", admin: "" };

  beforeAll(async () => {
    process.env.WIREDESK_MAX_INPUT_BYTES = String(INPUT_LIMIT);
    store = await openStore(kind);
    g.wiredeskDb = store.db;
    tokens.ingest = (await createToken(store.db, systemActor("test"), { name: "cms bot", scopes: ["ingest"] })).token;
    tokens.read = (await createToken(store.db, systemActor("test"), { name: "reader", scopes: ["read"] })).token;
    tokens.admin = (await createToken(store.db, systemActor("test"), { name: "setup", scopes: ["admin"] })).token;
  }, 120_000);
  afterAll(async () => {
    g.wiredeskDb = undefined;
    if (savedLimit === undefined) delete process.env.WIREDESK_MAX_INPUT_BYTES;
    else process.env.WIREDESK_MAX_INPUT_BYTES = savedLimit;
    await store?.drop();
  });

  // A server's request: a token, no Origin.
  const request = (url: string, token: string, init: { method?: string; body?: BodyInit | ReadableStream; type?: string } = {}) =>
    new NextRequest(`http://desk.test${url}`, {
      method: init.method ?? "POST",
      headers: { host: "desk.test", authorization: `Bearer ${token}`, ...(init.type ? { "content-type": init.type } : {}) },
      body: init.body,
      ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as ConstructorParameters<typeof NextRequest>[1]);

  async function report(res: Response): Promise<IngestReport> {
    const text = await res.text();
    expect(res.status, text.slice(0, 400)).toBe(200);
    return ingestReport.parse(JSON.parse(text));
  }

  async function refused(res: Response, status: number) {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    return problemSchema.parse(await res.json());
  }

  async function exported(query: string, token = tokens.read): Promise<{ items: NinjsItem[]; chunks: number }> {
    const res = await exportNinjs(request(`/api/v1/export?${query}`, token, { method: "GET" }), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const reader = res.body!.getReader();
    let text = "";
    let chunks = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      text += new TextDecoder().decode(value);
    }
    const items = text.split("\n").filter(Boolean).map((line) => ninjsItem.parse(JSON.parse(line)));
    return { items, chunks };
  }

  it("ingests a fixture file with an ingest token: its tags are stored, and the run is the token's", async () => {
    const form = new FormData();
    form.append("files", new File([fixture("ninjs2-single.json")], "ninjs2-single.json", { type: "application/json" }));
    const r = await report(await ingestFiles(request("/api/v1/ingest", tokens.ingest, { body: form }), noParams));
    expect(r.totals).toMatchObject({ new: 1, failed: 0 });
    const item = r.inputs[0]!.items![0]!;
    expect(item).toMatchObject({ outcome: "new", headline: "Villagers challenge quarry expansion in court" });

    const tags = await store.db.articleTag.findMany({ where: { articleId: item.articleId! }, include: { tag: true } });
    const byCode = new Map(tags.map((t) => [t.tag.code, t]));
    // The topics and the place the file names, as its creators gave them.
    expect(byCode.get("medtop:06000000")).toMatchObject({ origin: "machine" });
    expect(byCode.get("medtop:02000000")).toMatchObject({ origin: "editor", state: "accepted" });
    expect(byCode.get("GB")).toMatchObject({ origin: "editor", state: "accepted" });

    // No user behind a token: the run has none, and the audit log names the token.
    const run = await store.db.ingestRun.findUniqueOrThrow({ where: { id: r.runId } });
    expect(run).toMatchObject({ userId: null, origin: "upload", newCount: 1 });
    const audit = await store.db.auditEntry.findMany({ where: { articleId: item.articleId! } });
    expect(audit.length).toBeGreaterThan(0);
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set(["token:cms bot"]));
  });

  it("ingests a file and reads its tags back over the API with one token of ingest and read scopes", async () => {
    // The README's curl example: POST the file, then GET the article the report names.
    const both = (await createToken(store.db, systemActor("test"), { name: "script", scopes: ["ingest", "read"] })).token;
    const form = new FormData();
    form.append("files", new File([fixture("ninjs2-single.json")], "quarry.json"));
    const r = await report(await ingestFiles(request("/api/v1/ingest", both, { body: form }), noParams));
    const id = r.inputs[0]!.items![0]!.articleId!;
    const res = await getArticle(request(`/api/v1/articles/${id}`, both, { method: "GET" }), { params: Promise.resolve({ id: String(id) }) });
    expect(res.status).toBe(200);
    const article = articlePreview.parse(await res.json());
    expect(article.tags.map((t) => t.code)).toEqual(expect.arrayContaining(["medtop:06000000", "medtop:02000000", "GB"]));
    // An ingest-only token may not read it.
    const ingestOnly = await getArticle(request(`/api/v1/articles/${id}`, tokens.ingest, { method: "GET" }), { params: Promise.resolve({ id: String(id) }) });
    await refused(ingestOnly, 403);
  });

  it("takes a file and a URL in one request; a URL the desk may not fetch fails alone", async () => {
    const form = new FormData();
    form.append("files", new File([fixture("rss2.xml")], "rss2.xml"));
    // A loopback address: refused by the SSRF-safe fetch, as the desk does not allow private addresses here.
    form.append("url", "http://127.0.0.1:9/feed.xml");
    const r = await report(await ingestFiles(request("/api/v1/ingest", tokens.ingest, { body: form }), noParams));
    const [file, url] = r.inputs;
    expect(file).toMatchObject({ input: "rss2.xml", format: "rss", failed: 0 });
    expect(file!.new).toBeGreaterThan(0);
    expect(url).toMatchObject({ input: "http://127.0.0.1:9/feed.xml", failed: 1, new: 0 });
    expect(url!.errors[0]!.location).toBe("file");
    expect(url!.errors[0]!.message).toMatch(/private|loopback|not allowed|refused/i);

    const none = await ingestFiles(request("/api/v1/ingest", tokens.ingest, { body: new FormData() }), noParams);
    expect((await refused(none, 422)).errors).toEqual([{ path: "body.files", message: "choose at least one file or give a URL" }]);
  });

  it("stores two of three ninjs items and names the broken one", async () => {
    const items = [
      { uri: "urn:v1:ninjs:1", headline: "Ferry timetable changes for winter", body_text: "The ferry operator publishes its winter timetable." },
      { uri: "urn:v1:ninjs:2", headline: 42, body_text: "The headline is not a string." },
      { uri: "urn:v1:ninjs:3", headline: "Library extends opening hours", body_text: "The town library opens until nine on weekdays." },
    ];
    const req = request("/api/v1/ingest/ninjs?source=Harbour%20Desk", tokens.ingest, { body: JSON.stringify(items), type: "application/json" });
    const r = await report(await ingestNinjs(req, noParams));
    expect(r.totals).toMatchObject({ new: 2, failed: 1 });
    const input = r.inputs[0]!;
    expect(input.format).toBe("ninjs");
    expect(input.errors).toHaveLength(1);
    expect(input.errors[0]!.location).toBe("item 2");
    expect(input.errors[0]!.message).toMatch(/headline/);
    // Items the engine could not read come first, then the stored ones.
    expect(input.items!.map((i) => [i.location, i.outcome]).sort()).toEqual([
      ["item 1", "new"],
      ["item 2", "failed"],
      ["item 3", "new"],
    ]);
    const stored = await store.db.article.findMany({ where: { uri: { startsWith: "urn:v1:ninjs:" } }, include: { source: true }, orderBy: { uri: "asc" } });
    expect(stored.map((a) => [a.uri, a.source?.name])).toEqual([
      ["urn:v1:ninjs:1", "Harbour Desk"],
      ["urn:v1:ninjs:3", "Harbour Desk"],
    ]);
  });

  it("exports NDJSON lines that parse as ninjs and match the queue's filters", async () => {
    await store.db.article.update({ where: { uri: "urn:v1:ninjs:3" }, data: { status: "reviewed" } });

    const reviewed = await exported("status=reviewed&source=Harbour%20Desk");
    expect(reviewed.items.map((n) => [n.uri, n.status, n.infosources[0]?.name])).toEqual([["urn:v1:ninjs:3", "reviewed", "Harbour Desk"]]);

    const fresh = await exported("status=new&source=Harbour%20Desk");
    expect(fresh.items.map((n) => n.uri)).toEqual(["urn:v1:ninjs:1"]);

    // A place filter, as the queue reads it: the quarry story, with its tags as ninjs.
    const gb = await exported("place=GB");
    expect(gb.items.map((n) => n.uri)).toEqual(["urn:newsml:wiredesk.example:20250610:quarry-expansion"]);
    expect(gb.items[0]!.places).toContainEqual(expect.objectContaining({ code: "GB", creator: "editor" }));
    expect(gb.items[0]!.subjects.map((s) => s.uri)).toContain("http://cv.iptc.org/newscodes/mediatopic/02000000");

    // A bad filter is a 422 before any line is written.
    const bad = await exportNinjs(request("/api/v1/export?place=Spain", tokens.read, { method: "GET" }), noParams);
    expect((await refused(bad, 422)).errors?.[0]?.path).toBe("query.place");
  });

  it("streams a large export a page at a time, every article once and in order", async () => {
    const source = await store.db.source.create({ data: { name: "Bulk Wire", kind: "wire" } });
    await store.db.article.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({ uri: `urn:bulk:${i}`, headline: `Bulk item ${i}`, bodyText: `Body of bulk item ${i}.`, contentHash: `bulk-${i}`, sourceId: source.id })),
    });
    const all = await exported("source=Bulk%20Wire");
    expect(all.items).toHaveLength(1203);
    expect(new Set(all.items.map((n) => n.uri)).size).toBe(1203);
    expect(all.items[0]!.uri).toBe("urn:bulk:0");
    expect(all.items.at(-1)!.uri).toBe("urn:bulk:1202");
    // 500 articles a page: three pages, each its own chunk of the answer.
    expect(all.chunks).toBe(3);
    expect((await exported("source=Bulk%20Wire&limit=501")).items).toHaveLength(501);
  });

  it("refuses ingest to a read-scope token, storing nothing", async () => {
    const runs = await store.db.ingestRun.count();
    const body = JSON.stringify({ uri: "urn:v1:refused", headline: "Should not be stored", body_text: "A read token sent this." });
    const p = await refused(await ingestNinjs(request("/api/v1/ingest/ninjs", tokens.read, { body, type: "application/json" }), noParams), 403);
    expect(p.detail).toMatch(/lacks the ingest scope/);
    const form = new FormData();
    form.append("files", new File([fixture("ninjs1.json")], "ninjs1.json"));
    await refused(await ingestFiles(request("/api/v1/ingest", tokens.read, { body: form }), noParams), 403);
    expect(await store.db.ingestRun.count()).toBe(runs);
    expect(await store.db.article.count({ where: { uri: "urn:v1:refused" } })).toBe(0);
  });

  it("answers a body past the input limit with 413, having stopped reading it", async () => {
    const json = streamedBody(INPUT_LIMIT * 4, '[{"headline": "x", "body_text": "');
    await refused(await ingestNinjs(request("/api/v1/ingest/ninjs", tokens.ingest, { body: json.stream, type: "application/json" }), noParams), 413);
    expect(json.pulled()).toBeLessThanOrEqual(INPUT_LIMIT + 64 * 1024);

    // An upload may hold five inputs' worth, no more.
    const upload = streamedBody(INPUT_LIMIT * 20, "--x\r\n");
    await refused(await ingestFiles(request("/api/v1/ingest", tokens.ingest, { body: upload.stream, type: "multipart/form-data; boundary=x" }), noParams), 413);
    expect(upload.pulled()).toBeLessThanOrEqual(INPUT_LIMIT * 5 + 64 * 1024);
  });

  it("answers the sources' refusals as problem details with their statuses", async () => {
    const feed = (name: string, feedUrl: string, defaultTags: string[] = []) =>
      createSource(request("/api/v1/sources", tokens.admin, { body: JSON.stringify({ name, feedUrl, defaultTags }), type: "application/json" }), noParams);
    const res = await feed("Quay Times", "https://93.184.215.14/quay.xml", ["ES"]);
    expect(res.status).toBe(201);
    const created = sourceView.parse(await res.json());
    expect(created).toMatchObject({ name: "Quay Times", defaultTags: [{ code: "ES", name: "Spain" }], nextPollAt: null });
    const audit = await store.db.auditEntry.findFirstOrThrow({ where: { action: "source.create", entityId: String(created.id) } });
    expect(audit.actor).toBe("token:setup");

    expect((await refused(await feed("Quay Times", "https://93.184.215.14/other.xml"), 409)).detail).toMatch(/already exists/);
    expect((await refused(await feed("Pier Post", "https://93.184.215.14/pier.xml", ["medtop:99999999"]), 422)).detail).toMatch(/unknown tag code/);
    expect((await refused(await feed("Loopback", "http://127.0.0.1/feed.xml"), 422)).detail).toMatch(/refused/);
    const missing = await refused(await pollSource(request("/api/v1/sources/999999/poll", tokens.admin), { params: Promise.resolve({ id: "999999" }) }), 404);
    expect(missing.type).toBe("/api/v1/problems/not-found");
    // Set-up needs the admin scope: an ingest token is refused.
    await refused(await createSource(request("/api/v1/sources", tokens.ingest, { body: "{}", type: "application/json" }), noParams), 403);
  });
});

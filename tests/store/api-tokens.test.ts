// API tokens as a machine client and an attacker meet them: only a hash is
// kept, a revoked token stops at once, a token from a browser is refused, the
// rate limit is counted in the store (so across instances), writes are
// audited under the token's name, and a token cannot mint tokens. Every call
// goes through the real route handlers and the real route wrapper.
import { readFileSync, existsSync } from "node:fs";
import { NextRequest } from "next/server";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Before anything reads the environment (it is read once, on first use): a
// small limit, so the test reaches it in a few calls.
process.env.WIREDESK_API_TOKEN_LIMIT = "3";

import { openStore, storeKinds, type TestStore } from "../support/stores";
import { usersByRole } from "../support/auth";
import { createDb, db as currentDb, type Db } from "../../lib/server/db/client";
import { env, sqliteFile } from "../../lib/server/env";
import { endpoint } from "../../lib/schemas/endpoint";
import { idParam } from "../../lib/schemas/ids";
import { problemSchema } from "../../lib/schemas/problem";
import { tokenCreated, tokenView, type TokenScope } from "../../lib/schemas/tokens";
import { workflowStatus } from "../../lib/schemas/vocabulary";
import { v1Route } from "../../lib/server/http/v1";
import { getArticle } from "../../lib/server/articles/get-article";
import { setStatus } from "../../lib/server/articles/set-status";
import { createToken, hashToken } from "../../lib/server/auth/tokens";
import { systemActor } from "../../lib/server/audit";
import * as tokensRoute from "../../app/api/v1/tokens/route";
import * as tokenRoute from "../../app/api/v1/tokens/[id]/route";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

// Stand-ins for the token-accepting /api/v1 operations (stories, tags,
// ingest...) that live on other branches: declared and built exactly as
// those are (endpoint + v1Route, the one wrapper that authenticates tokens),
// around the real server functions. Only the tokens' own routes exist here.
const readArticle = endpoint({
  id: "testReadArticle",
  method: "get",
  path: "/api/v1/test-articles/{id}",
  group: "Test",
  summary: "Read an article (test stand-in)",
  need: "read",
  params: z.object({ id: idParam }),
  response: z.object({ id: z.number(), status: z.string(), version: z.number() }),
});
const setArticleStatus = endpoint({
  id: "testSetStatus",
  method: "post",
  path: "/api/v1/test-articles/{id}/status",
  group: "Test",
  summary: "Set an article's status (test stand-in)",
  need: "triage",
  params: z.object({ id: idParam }),
  body: z.object({ status: workflowStatus, version: z.number().int() }),
  response: z.object({ status: z.string(), version: z.number() }),
});
const readRoute = v1Route(readArticle, async ({ params, actor }) => {
  const a = await getArticle(currentDb(), params.id, actor);
  if (!a) throw new Error("no such article");
  return { id: a.id, status: a.status, version: a.version };
}) as Handler;
const statusRoute = v1Route(setArticleStatus, async ({ actor, params, body }) => {
  const a = await setStatus(currentDb(), params.id, body.status, body.version, actor);
  return { status: a.status, version: a.version };
}) as Handler;

const HOST = "http://desk.test";

function call(handler: Handler, path: string, init: { method?: string; headers: Record<string, string>; json?: unknown; params?: Record<string, string> }) {
  const headers = new Headers({ host: "desk.test", ...init.headers });
  if (init.json !== undefined) headers.set("content-type", "application/json");
  const req = new NextRequest(`${HOST}${path}`, { method: init.method ?? "GET", headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  return handler(req, { params: Promise.resolve(init.params ?? {}) });
}

const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });

async function expectProblem(res: Response, status: number, detail: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const body = problemSchema.parse(await res.json());
  expect(body.status).toBe(status);
  expect(body.detail).toMatch(detail);
  return body;
}

describe.each(storeKinds())("API tokens on %s", (kind) => {
  let store: TestStore;
  let other: Db;
  let admin: Record<string, string>;
  let articleId: number;
  const g = globalThis as unknown as { wiredeskDb?: Db };
  let n = 0;
  const mint = async (scopes: TokenScope[], name = `token ${++n}`) => (await createToken(store.db, systemActor("test"), { name, scopes })).token;

  beforeAll(async () => {
    store = await openStore(kind);
    // A second client on the same store: another web process or instance.
    other = createDb(store.url);
    g.wiredeskDb = store.db;
    const users = await usersByRole(store.db, "tokens");
    admin = { origin: HOST, cookie: users.admin.cookie };
    const source = await store.db.source.create({ data: { name: "Token Wire", kind: "wire" } });
    articleId = (
      await store.db.article.create({ data: { uri: "token-a", headline: "Harbour reopens", bodyText: "The harbour reopened on Monday after the storms.", contentHash: "token-a", sourceId: source.id } })
    ).id;
  }, 120_000);
  afterAll(async () => {
    g.wiredeskDb = undefined;
    await other?.$disconnect();
    await store?.drop();
  });

  it("reads the small limit this test set", () => {
    expect(env().WIREDESK_API_TOKEN_LIMIT).toBe(3);
  });

  it("keeps only the token's hash: the secret is nowhere in the store", async () => {
    const res = await call(tokensRoute.POST, "/api/v1/tokens", { method: "POST", headers: admin, json: { name: "CMS publisher", scopes: ["read", "triage"] } });
    expect(res.status).toBe(201);
    const created = tokenCreated.parse(await res.json());
    expect(created.token).toMatch(/^wd_[A-Za-z0-9_-]{43}$/);
    expect(created.scopes).toEqual(["read", "triage"]);

    const row = await store.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).toBe(hashToken(created.token));
    expect(row.prefix).toBe(created.token.slice(0, 10));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const audit = await store.db.auditEntry.findMany({ where: { entityType: "token" } });
    expect(audit.map((a) => a.action)).toContain("token.create");
    expect(JSON.stringify(audit)).not.toContain(created.token);
    if (kind === "sqlite") {
      // The file itself (and its write-ahead log): the hash is there, the secret is not.
      const file = sqliteFile(store.url);
      const bytes = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
      expect(bytes.includes(row.hash)).toBe(true);
      expect(bytes.includes(created.token)).toBe(false);
      expect(bytes.includes(created.token.slice(10))).toBe(false);
    }

    // The list never shows it again.
    const list = await call(tokensRoute.GET, "/api/v1/tokens", { headers: admin });
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toContain(created.token);
    const listed = z.object({ tokens: z.array(tokenView) }).parse(JSON.parse(text)).tokens.find((t) => t.id === created.id);
    expect(listed).toMatchObject({ name: "CMS publisher", prefix: created.token.slice(0, 10), uses: 0, revokedAt: null });
    expect(listed).not.toHaveProperty("token");
  });

  it("refuses a revoked token with a 401 problem, at once", async () => {
    const token = await mint(["read"], "to be revoked");
    const path = `/api/v1/test-articles/${articleId}`;
    const ok = await call(readRoute, path, { headers: bearer(token), params: { id: String(articleId) } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: articleId, status: "new" });

    const row = await store.db.apiToken.findUniqueOrThrow({ where: { hash: hashToken(token) } });
    expect(row).toMatchObject({ uses: 1 });
    expect(row.lastUsedAt).not.toBeNull();
    const revoked = await call(tokenRoute.DELETE, `/api/v1/tokens/${row.id}`, { method: "DELETE", headers: admin, params: { id: String(row.id) } });
    expect(revoked.status).toBe(200);
    expect(tokenView.parse(await revoked.json()).revokedAt).not.toBeNull();

    await expectProblem(await call(readRoute, path, { headers: bearer(token), params: { id: String(articleId) } }), 401, /unknown or revoked/);
    // The refused call is not counted as a use.
    expect((await store.db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).uses).toBe(1);
    // An unknown token is refused the same way.
    await expectProblem(await call(readRoute, path, { headers: bearer(`wd_${"x".repeat(43)}`), params: { id: String(articleId) } }), 401, /unknown or revoked/);
  });

  it("refuses a token sent from a browser (Origin or Sec-Fetch-Site) with 403, before it is even looked up", async () => {
    const token = await mint(["read"]);
    const path = `/api/v1/test-articles/${articleId}`;
    const params = { id: String(articleId) };
    const browsers: Record<string, string>[] = [{ origin: HOST }, { origin: "https://elsewhere.example" }, { "sec-fetch-site": "same-origin" }, { "sec-fetch-site": "cross-site" }];
    for (const browser of browsers) {
      await expectProblem(await call(readRoute, path, { headers: bearer(token, browser), params }), 403, /not accepted from a browser/);
    }
    expect((await store.db.apiToken.findUniqueOrThrow({ where: { hash: hashToken(token) } })).uses).toBe(0);
    // The same token from a server works.
    expect((await call(readRoute, path, { headers: bearer(token), params })).status).toBe(200);
  });

  it("answers 429 with Retry-After once a token passes WIREDESK_API_TOKEN_LIMIT, counted across instances", async () => {
    const token = await mint(["read"]);
    const path = `/api/v1/test-articles/${articleId}`;
    const params = { id: String(articleId) };
    const on = async (client: Db) => {
      g.wiredeskDb = client;
      try {
        return await call(readRoute, path, { headers: bearer(token), params });
      } finally {
        g.wiredeskDb = store.db;
      }
    };
    // Three calls shared between two instances: neither made three itself.
    expect((await on(store.db)).status).toBe(200);
    expect((await on(other)).status).toBe(200);
    expect((await on(store.db)).status).toBe(200);
    const refused = await on(other);
    const body = await expectProblem(refused, 429, /more than 3 requests this minute/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.retryAfter).toBe(retryAfter);
    expect((await on(store.db)).status).toBe(429);
    // The count is the store's, not a process's: it is there, and once its
    // window is gone (the row removed) either instance lets the token in again.
    const id = (await store.db.apiToken.findUniqueOrThrow({ where: { hash: hashToken(token) } })).id;
    const key = `api-token:${id}`;
    expect((await other.rateLimit.findUniqueOrThrow({ where: { key } })).count).toBe(3);
    await other.rateLimit.delete({ where: { key } });
    expect((await on(store.db)).status).toBe(200);
    // The limit is the token's own: another token is not held back.
    const second = await mint(["read"]);
    expect((await call(readRoute, path, { headers: bearer(second), params })).status).toBe(200);
  });

  it("audits a write made with a token under token:<name>, and refuses it without the scope", async () => {
    const path = `/api/v1/test-articles/${articleId}/status`;
    const params = { id: String(articleId) };
    const before = await store.db.article.findUniqueOrThrow({ where: { id: articleId } });

    const reader = await mint(["read"], "Chat bot");
    await expectProblem(await call(statusRoute, path, { method: "POST", headers: bearer(reader), params, json: { status: "reviewed", version: before.version } }), 403, /lacks the triage scope/);
    expect((await store.db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe(before.status);

    const writer = await mint(["triage"], "Publisher script");
    const res = await call(statusRoute, path, { method: "POST", headers: bearer(writer), params, json: { status: "reviewed", version: before.version } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "reviewed", version: before.version + 1 });
    const entry = await store.db.auditEntry.findFirstOrThrow({ where: { action: "article.status", articleId }, orderBy: { id: "desc" } });
    expect(entry.actor).toBe("token:Publisher script");
    expect(entry.userId).toBeNull();
  });

  it("cannot make, list or revoke tokens with a token, whatever its scopes (401)", async () => {
    const token = await mint(["read", "triage", "ingest", "admin"], "Everything");
    const before = await store.db.apiToken.count();
    await expectProblem(
      await call(tokensRoute.POST, "/api/v1/tokens", { method: "POST", headers: bearer(token), json: { name: "minted by a token", scopes: ["admin"] } }),
      401,
      /not an API token/,
    );
    await expectProblem(await call(tokensRoute.GET, "/api/v1/tokens", { headers: bearer(token) }), 401, /not an API token/);
    const id = String((await store.db.apiToken.findUniqueOrThrow({ where: { hash: hashToken(token) } })).id);
    await expectProblem(await call(tokenRoute.DELETE, `/api/v1/tokens/${id}`, { method: "DELETE", headers: bearer(token), params: { id } }), 401, /not an API token/);
    expect(await store.db.apiToken.count()).toBe(before);
    expect((await store.db.apiToken.findUniqueOrThrow({ where: { id: Number(id) } })).revokedAt).toBeNull();
  });
});

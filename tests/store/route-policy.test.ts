// Every route handler, as every role and as nobody. Route files and pages
// are found on disk, so a route added later without a declared policy fails
// here. Allowed calls must work; refused ones get 401 (no session) or 403
// (wrong role) and leave the store exactly as it was.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { usersByRole } from "../support/auth";
import { apiPolicy, pagePolicy, v1Policy, type Method } from "../../lib/server/auth/route-policy";
import { can, type Role } from "../../lib/schemas/roles";
import { systemActor } from "../../lib/server/audit";
import { decideLink } from "../../lib/server/duplicates/decide-link";
import { changeUser } from "../../lib/server/users";
import { READ_SESSION_TTL_MS } from "../../lib/server/auth/session";
import type { Db } from "../../lib/server/db/client";
import { problemSchema } from "../../lib/schemas/problem";

const root = path.resolve(import.meta.dirname, "../..");
const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function walk(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(path.join(dir, d.name), name) : d.name === name ? [path.join(dir, d.name)] : [],
  );
}
const routeOf = (file: string, name: string) => "/" + path.relative(path.join(root, "app"), file).replace(new RegExp(`/?${name.replace(".", "\\.")}$`), "").split(path.sep).join("/");
const allRouteFiles = walk(path.join(root, "app/api"), "route.ts").map((f) => ({ file: f, route: routeOf(f, "route.ts") }));
// /api/v1 is declared by its endpoints and called as every role and token scope by tests/store/api-contract.test.ts.
const isV1 = (route: string) => route.startsWith("/api/v1/");
const routeFiles = allRouteFiles.filter((r) => !isV1(r.route));
const v1Files = allRouteFiles.filter((r) => isV1(r.route));
const pageFiles = walk(path.join(root, "app"), "page.tsx").map((f) => ({ file: f, route: routeOf(f, "page.tsx").replace(/^\/$/, "/") }));

interface Sample {
  params?: Record<string, string>;
  query?: string;
  json?: unknown;
  form?: FormData;
  /** A raw body (an OPML file). */
  text?: string;
}

/** A store with something of everything a route touches. */
async function seed(db: Db) {
  const source = await db.source.create({ data: { name: "Policy Wire", kind: "wire" } });
  const mk = (uri: string, headline: string) =>
    db.article.create({ data: { uri, headline, bodyText: `${headline}. The finance ministry said on Monday the budget would pass.`, contentHash: uri, sourceId: source.id } });
  const a = await mk("policy-a", "Budget passes");
  const b = await mk("policy-b", "Budget passes, says ministry");
  const topic = await db.tag.findFirstOrThrow({ where: { scheme: "medtop", parentId: { not: null } } });
  await db.articleTag.create({ data: { articleId: a.id, tagId: topic.id, origin: "machine", confidence: 0.8 } });
  const link = await db.duplicateLink.create({ data: { articleId: b.id, otherId: a.id, kind: "near", score: 0.9 } });
  const target = await db.user.create({ data: { email: "target@desk.test", name: "Target", role: "viewer" } });
  return { a: a.id, tagId: topic.id, linkId: link.id, targetUser: target.id };
}

type Seeded = Awaited<ReturnType<typeof seed>>;
let counter = 0;

/** A valid request for each route: what an allowed caller would send now. */
const samples: Record<string, Partial<Record<Method, (db: Db, s: Seeded) => Promise<Sample>>>> = {
  "/api/auth/[...all]": {
    GET: async () => ({ params: { all: "get-session" } }),
    POST: async () => ({ params: { all: "sign-out" }, json: {} }),
  },
  "/api/articles": { GET: async () => ({ query: "limit=5" }) },
  "/api/articles/[id]": { GET: async (_db, s) => ({ params: { id: String(s.a) } }) },
  "/api/articles/[id]/status": {
    POST: async (db, s) => {
      const a = await db.article.findUniqueOrThrow({ where: { id: s.a } });
      return { params: { id: String(s.a) }, json: { status: a.status === "new" ? "reviewed" : "new", version: a.version } };
    },
  },
  "/api/articles/[id]/tags": {
    POST: async (db, s) => {
      const t = await db.articleTag.findUniqueOrThrow({ where: { articleId_tagId: { articleId: s.a, tagId: s.tagId } } });
      return { params: { id: String(s.a) }, json: { action: t.state === "accepted" ? "reject" : "accept", tagId: s.tagId, version: t.version } };
    },
  },
  "/api/articles/[id]/canonical": { POST: async (_db, s) => ({ params: { id: String(s.a) } }) },
  "/api/articles/[id]/presence": {
    POST: async (_db, s) => ({ params: { id: String(s.a) } }),
    DELETE: async (_db, s) => ({ params: { id: String(s.a) } }),
  },
  "/api/duplicates/[id]": {
    POST: async (db, s) => {
      const l = await db.duplicateLink.findUniqueOrThrow({ where: { id: s.linkId } });
      return { params: { id: String(s.linkId) }, json: { state: l.state === "confirmed" ? "dismissed" : "confirmed" } };
    },
  },
  "/api/audit": { GET: async () => ({ query: "action=link." }) },
  "/api/audit/[id]/undo": {
    POST: async (db, s) => {
      // A fresh decision to undo, made before the store is fingerprinted.
      const l = await db.duplicateLink.findUniqueOrThrow({ where: { id: s.linkId } });
      await decideLink(db, s.linkId, l.state === "confirmed" ? "dismissed" : "confirmed", systemActor("setup"));
      const e = await db.auditEntry.findFirstOrThrow({ where: { entityType: "duplicateLink" }, orderBy: { id: "desc" } });
      return { params: { id: String(e.id) } };
    },
  },
  "/api/ingest": {
    POST: async () => {
      const form = new FormData();
      const n = ++counter;
      form.append("files", new File([JSON.stringify({ uri: `policy-ingest-${n}`, headline: `Ingested story ${n}`, body_text: `Story number ${n} about the harbour reopening after storms.` })], `item-${n}.ndjson`));
      return { form };
    },
  },
  "/api/tags": { GET: async () => ({ query: "q=sport" }) },
  "/api/taxonomy": { POST: async (_db, s) => ({ json: { action: "rename", tagId: s.tagId, name: `Renamed ${++counter}` } }) },
  "/api/users": {
    GET: async () => ({}),
    POST: async () => ({ json: { email: `new-${++counter}@desk.test`, name: "New", role: "viewer", password: "another long password" } }),
  },
  "/api/users/[id]": {
    POST: async (db, s) => {
      const u = await db.user.findUniqueOrThrow({ where: { id: s.targetUser } });
      return { params: { id: String(s.targetUser) }, json: { role: u.role === "viewer" ? "editor" : "viewer" } };
    },
  },
  "/api/users/[id]/password": {
    POST: async (_db, s) => ({ params: { id: String(s.targetUser) }, json: { password: `a new long password ${++counter}` } }),
  },
  "/api/articles/status": {
    POST: async (db, s) => {
      const a = await db.article.findUniqueOrThrow({ where: { id: s.a } });
      return { json: { status: a.status === "new" ? "reviewed" : "new", items: [{ id: s.a, version: a.version }] } };
    },
  },
  "/api/articles/facets": { GET: async () => ({ query: "status=new&duplicates=yes" }) },
  "/api/stories/[id]": {
    GET: async (db, s) => {
      const other = await db.article.findFirstOrThrow({ where: { id: { not: s.a } }, select: { id: true } });
      const story = await db.story.create({ data: { firstId: s.a, leadId: other.id, copies: 2, firstSeenAt: new Date(), lastUpdatedAt: new Date() } });
      await db.article.updateMany({ where: { id: { in: [s.a, other.id] } }, data: { storyId: story.id } });
      return { params: { id: String(story.id) } };
    },
  },
  "/api/stories/move": {
    // Back and forth: out of its story, then into the other article's.
    POST: async (db, s) => {
      const a = await db.article.findUniqueOrThrow({ where: { id: s.a }, select: { storyId: true } });
      const other = await db.article.findFirstOrThrow({ where: { id: { not: s.a } }, select: { id: true } });
      return { json: { articleId: s.a, to: a.storyId === null ? { article: other.id } : "alone" } };
    },
  },
  "/api/duplicates/cluster": {
    // A fresh copy of the seeded story, suggested, so there is a cluster to resolve.
    POST: async (db, s) => {
      const n = ++counter;
      const copy = await db.article.create({ data: { uri: `policy-copy-${n}`, headline: `Budget passes ${n}`, bodyText: "Budget passes.", contentHash: `policy-copy-${n}` } });
      await db.duplicateLink.create({ data: { articleId: copy.id, otherId: s.a, kind: "exact", score: 1 } });
      return { json: { keep: copy.id } };
    },
  },
  "/api/views": {
    GET: async () => ({}),
    POST: async () => ({ json: { name: `View ${++counter}`, query: "status=new" } }),
  },
  "/api/views/[id]": {
    // A view shared with the desk (no owner), which any signed-in user may remove.
    DELETE: async (db) => ({ params: { id: String((await db.savedView.create({ data: { name: `Shared ${++counter}`, query: "status=new" } })).id) } }),
  },
  "/api/dashboard": { GET: async () => ({ query: "range=7d" }) },
  "/api/events": { GET: async () => ({}) },
  "/api/sources": {
    GET: async () => ({}),
    POST: async () => ({ json: { name: `Feed ${++counter}`, feedUrl: `https://feeds.example/${counter}.xml`, pollMinutes: 30 } }),
  },
  "/api/sources/[id]": {
    PATCH: async (db) => ({ params: { id: String((await feedSource(db)).id) }, json: { pollMinutes: 45 } }),
    DELETE: async (db) => ({ params: { id: String((await feedSource(db)).id) } }),
  },
  "/api/sources/[id]/poll": { POST: async (db) => ({ params: { id: String((await feedSource(db)).id) } }) },
  "/api/sources/opml": {
    GET: async () => ({}),
    POST: async () => ({
      text: `<?xml version="1.0"?><opml version="2.0"><head><title>Feeds</title></head><body><outline type="rss" text="Opml ${++counter}" xmlUrl="https://opml.example/${counter}.xml"/></body></opml>`,
    }),
  },
};

/** A polled feed for the source routes to act on. */
const feedSource = (db: Db) => db.source.create({ data: { name: `Polled ${++counter}`, kind: "feed", feedUrl: `https://polled.example/${counter}.xml`, pollMinutes: 15 } });

/** Everything a refused call must leave as it was. */
async function fingerprint(db: Db) {
  const [articles, tags, articleTags, links, users, counts] = await Promise.all([
    db.article.findMany({ select: { id: true, status: true, version: true, canonical: true }, orderBy: { id: "asc" } }),
    db.tag.findMany({ select: { id: true, name: true, hidden: true }, where: { scheme: { not: "medtop" } }, orderBy: { id: "asc" } }),
    db.articleTag.findMany({ select: { id: true, state: true, version: true }, orderBy: { id: "asc" } }),
    db.duplicateLink.findMany({ select: { id: true, state: true }, orderBy: { id: "asc" } }),
    db.user.findMany({ select: { id: true, role: true, disabled: true }, orderBy: { id: "asc" } }),
    Promise.all([db.auditEntry.count(), db.ingestRun.count(), db.presence.count(), db.account.count(), db.tag.count(), db.article.count(), db.source.count(), db.savedView.count()]),
  ]);
  const renamed = await db.tag.findMany({ where: { name: { startsWith: "Renamed" } }, select: { id: true, name: true } });
  return JSON.stringify({ articles, tags, articleTags, links, users, counts, renamed });
}

function request(route: string, method: Method, s: Sample, cookie?: string): NextRequest {
  const url = `http://desk.test${route.replace(/\[\.\.\.(\w+)\]|\[(\w+)\]/g, (_, rest, one) => s.params?.[rest ?? one] ?? "x")}${s.query ? `?${s.query}` : ""}`;
  const headers = new Headers({ origin: "http://desk.test", host: "desk.test" });
  if (cookie) headers.set("cookie", cookie);
  let body: BodyInit | undefined;
  if (s.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(s.json);
  } else if (s.form) {
    body = s.form;
  } else if (s.text !== undefined) {
    headers.set("content-type", "text/x-opml");
    body = s.text;
  }
  return new NextRequest(url, { method, headers, body });
}

async function call(file: string, route: string, method: Method, s: Sample, cookie?: string) {
  const mod = (await import(file)) as Record<string, (req: NextRequest, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>>;
  const params = Object.fromEntries(Object.entries(s.params ?? {}).map(([k, v]) => [k, route.includes(`[...${k}]`) ? v.split("/") : v]));
  return mod[method]!(request(route, method, s, cookie), { params: Promise.resolve(params) });
}

/** The body, or for an event stream its first message (the stream itself never ends). */
async function bodyOf(res: Response): Promise<string> {
  if (!(res.headers.get("content-type") ?? "").startsWith("text/event-stream")) return res.text();
  const reader = res.body!.getReader();
  const first = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(first.value);
}

/** Keys a response must never carry. */
const SECRET_KEYS = /"(password|passwordHash|token|secret|accessToken|refreshToken|idToken)"\s*:/;

describe("every route and page has a declared policy", () => {
  it("finds the routes on disk", () => {
    expect(routeFiles.length).toBeGreaterThan(10);
    expect(pageFiles.length).toBeGreaterThan(5);
  });

  it.each(routeFiles)("$route: each exported method is in apiPolicy and has a sample request", async ({ file, route }) => {
    const mod = (await import(file)) as Record<string, unknown>;
    const exported = METHODS.filter((m) => typeof mod[m] === "function");
    expect(exported.length, `${route} exports no handler`).toBeGreaterThan(0);
    expect(Object.keys(apiPolicy[route] ?? {}).sort(), `declare ${route} in lib/server/auth/route-policy.ts`).toEqual(exported.sort());
    expect(Object.keys(samples[route] ?? {}).sort(), `add a sample request for ${route} in this test`).toEqual(exported.sort());
  });

  it.each(v1Files)("$route: each exported method is declared in lib/schemas/v1", async ({ file, route }) => {
    const mod = (await import(file)) as Record<string, unknown>;
    const exported = METHODS.filter((m) => typeof mod[m] === "function");
    expect(Object.keys(v1Policy[route] ?? {}).sort(), `declare ${route} in lib/schemas/v1`).toEqual(exported.sort());
  });

  it("declares no /api/v1 operation without its route", () => {
    expect(Object.keys(v1Policy).sort()).toEqual(v1Files.map((r) => r.route).sort());
  });

  it("declares no route that does not exist", () => {
    expect(Object.keys(apiPolicy).sort()).toEqual(routeFiles.map((r) => r.route).sort());
    expect(Object.keys(pagePolicy).sort()).toEqual(pageFiles.map((p) => p.route).sort());
  });

  it.each(pageFiles)("page $route checks the session with its declared permission", ({ file, route }) => {
    const need = pagePolicy[route];
    const src = readFileSync(file, "utf8");
    if (need === "public") {
      expect(src, `${route} is public: it must not demand a role`).not.toMatch(/requirePageUser\(/);
    } else {
      expect(src, `${route} must open with requirePageUser("${need}", ...)`).toMatch(new RegExp(`requirePageUser\\("${need}"`));
    }
  });
});

describe.each(storeKinds())("route handlers by role on %s", (kind) => {
  let store: TestStore;
  let seeded: Seeded;
  let users: Awaited<ReturnType<typeof usersByRole>>;
  const g = globalThis as unknown as { wiredeskDb?: Db };

  beforeAll(async () => {
    store = await openStore(kind);
    // The handlers reach the store through db(): point it at this one.
    g.wiredeskDb = store.db;
    seeded = await seed(store.db);
    users = await usersByRole(store.db, "policy");
  }, 120_000);
  afterAll(async () => {
    g.wiredeskDb = undefined;
    await store?.drop();
  });

  const cases = routeFiles.flatMap(({ file, route }) =>
    (Object.entries(apiPolicy[route] ?? {}) as [Method, string][])
      .filter(([, need]) => need !== "public")
      .flatMap(([method, need]) => (["none", "viewer", "editor", "admin"] as const).map((who) => ({ file, route, method, need, who }))),
  );

  it.each(cases)("$method $route as $who", async ({ file, route, method, need, who }) => {
    const sample = await samples[route]![method]!(store.db, seeded);
    const cookie = who === "none" ? undefined : users[who].cookie;
    const allowed = who !== "none" && can(who as Role, need as Parameters<typeof can>[1]);
    const before = await fingerprint(store.db);
    const res = await call(file, route, method, sample, cookie);
    const text = await bodyOf(res);
    if (allowed) {
      expect(res.status, `${method} ${route} as ${who}: ${text.slice(0, 300)}`).toBeLessThan(300);
      expect(text).not.toMatch(SECRET_KEYS);
    } else {
      expect(res.status, `${method} ${route} as ${who}: ${text.slice(0, 300)}`).toBe(who === "none" ? 401 : 403);
      // Refusals are problem details (RFC 9457), whatever the route.
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(problemSchema.parse(JSON.parse(text))).toMatchObject({ status: res.status, detail: expect.any(String) });
      expect(await fingerprint(store.db), `${method} ${route} as ${who} wrote to the store`).toBe(before);
    }
  });

  it("answers refusals as problem details, with the status each route gave them before", async () => {
    const file = (route: string) => path.join(root, `app${route}/route.ts`);
    const asProblem = async (res: Response) => {
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      return problemSchema.parse(await res.json());
    };
    const before = await fingerprint(store.db);
    const a = await store.db.article.findUniqueOrThrow({ where: { id: seeded.a } });
    const stale = await call(file("/api/articles/[id]/status"), "/api/articles/[id]/status", "POST", { params: { id: String(a.id) }, json: { status: a.status === "spiked" ? "new" : "spiked", version: a.version + 5 } }, users.editor.cookie);
    expect(stale.status).toBe(409);
    expect(await asProblem(stale)).toMatchObject({ type: "/api/v1/problems/stale-write", current: { version: a.version } });
    const invalid = await call(file("/api/articles/[id]/status"), "/api/articles/[id]/status", "POST", { params: { id: String(a.id) }, json: { status: "done" } }, users.editor.cookie);
    expect(invalid.status).toBe(422);
    expect((await asProblem(invalid)).errors?.map((e) => e.path).sort()).toEqual(["body.status", "body.version"]);
    const missing = await call(file("/api/articles/[id]"), "/api/articles/[id]", "GET", { params: { id: "2147483647" } }, users.viewer.cookie);
    expect(missing.status).toBe(404);
    expect(await asProblem(missing)).toMatchObject({ type: "/api/v1/problems/not-found", detail: "Article 2147483647 does not exist." });
    const unknownTopic = await call(file("/api/articles/[id]/tags"), "/api/articles/[id]/tags", "POST", { params: { id: String(a.id) }, json: { action: "add", scheme: "medtop", code: "medtop:99999999" } }, users.editor.cookie);
    expect(unknownTopic.status).toBe(422);
    expect((await asProblem(unknownTopic)).detail).toMatch(/not an IPTC Media Topic/);
    const taken = await call(file("/api/users"), "/api/users", "POST", { json: { email: users.editor.email, name: "Someone Else", role: "viewer", password: "a long enough password" } }, users.admin.cookie);
    expect(taken.status).toBe(409);
    await asProblem(taken);
    const noFeed = await call(file("/api/sources/[id]/poll"), "/api/sources/[id]/poll", "POST", { params: { id: "2147483647" } }, users.admin.cookie);
    expect(noFeed.status).toBe(404);
    expect(await asProblem(noFeed)).toMatchObject({ detail: "no feed source 2147483647" });
    expect(await fingerprint(store.db)).toBe(before);
  });

  it("public sign-in routes answer without a session, and never with the session token", async () => {
    const res = await call(path.join(root, "app/api/auth/[...all]/route.ts"), "/api/auth/[...all]", "POST", {
      params: { all: "sign-in/email" },
      json: { email: users.editor.email, password: "a long test password" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(res.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);
    const text = await res.text();
    expect(text).not.toMatch(SECRET_KEYS);
    expect(JSON.parse(text).user).toEqual({ id: expect.anything(), email: users.editor.email, name: "editor policy", role: "editor" });
  });

  it("refuses a write from another site (CSRF) and writes nothing", async () => {
    const file = path.join(root, "app/api/articles/[id]/status/route.ts");
    const sample = await samples["/api/articles/[id]/status"]!.POST!(store.db, seeded);
    const before = await fingerprint(store.db);
    const mod = (await import(file)) as { POST: (r: NextRequest, c: unknown) => Promise<Response> };
    const req = request("/api/articles/[id]/status", "POST", sample, users.editor.cookie);
    const evil = new NextRequest(req.url, { method: "POST", headers: { ...Object.fromEntries(req.headers), origin: "https://evil.example" }, body: JSON.stringify(sample.json) });
    const res = await mod.POST(evil, { params: Promise.resolve(sample.params) });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ status: 403, detail: "refused: origin https://evil.example is not this desk" });
    const res2 = await mod.POST(
      new NextRequest(req.url, { method: "POST", headers: { ...Object.fromEntries(req.headers), "sec-fetch-site": "cross-site" }, body: JSON.stringify(sample.json) }),
      { params: Promise.resolve(sample.params) },
    );
    expect(res2.status).toBe(403);
    const res3 = await mod.POST(
      new NextRequest(req.url, { method: "POST", headers: { ...Object.fromEntries(req.headers), "content-type": "text/plain" }, body: JSON.stringify(sample.json) }),
      { params: Promise.resolve(sample.params) },
    );
    expect(res3.status).toBe(415);
    expect(await fingerprint(store.db)).toBe(before);
  });

  it("a disabled user's session stops working: for writes at once, for reads within two seconds (at once when disabled in the desk)", async () => {
    const articles = path.join(root, "app/api/articles/route.ts");
    const views = path.join(root, "app/api/views/route.ts");
    const read = () => call(articles, "/api/articles", "GET", { query: "limit=1" }, users.viewer.cookie);
    expect((await read()).status).toBe(200);
    // Disabled behind the desk's back (straight in the store): a write is refused at once...
    await store.db.user.update({ where: { id: users.viewer.id }, data: { disabled: true } });
    const write = await call(views, "/api/views", "POST", { json: { name: `Disabled ${++counter}`, query: "status=new" } }, users.viewer.cookie);
    expect(write.status).toBe(401);
    // ...and reads once the remembered answer is older than READ_SESSION_TTL_MS.
    await new Promise((r) => setTimeout(r, READ_SESSION_TTL_MS + 100));
    expect((await read()).status).toBe(401);
    // Enabled and disabled again by an admin in the desk: reads on this instance follow at once.
    const admin = await store.db.user.findUniqueOrThrow({ where: { id: users.admin.id } });
    const asAdmin = { name: admin.name, userId: admin.id, role: "admin" as const };
    await changeUser(store.db, users.viewer.id, { disabled: false }, asAdmin);
    expect((await read()).status).toBe(200);
    await changeUser(store.db, users.viewer.id, { disabled: true }, asAdmin);
    expect((await read()).status).toBe(401);
    await changeUser(store.db, users.viewer.id, { disabled: false }, asAdmin);
  });
});

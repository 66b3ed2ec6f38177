// The /api/v1 contract: every declared operation, called as nobody, as each
// role (session cookie) and as a token of each scope. Allowed calls must
// succeed with a body that matches the operation's zod schema AND the
// published OpenAPI document (validated with Ajv, JSON Schema 2020-12);
// refusals must be problem details with the right status. Samples per group
// live in tests/store/api-contract/*.ts.
import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { usersByRole } from "../support/auth";
import { v1Endpoints } from "../../lib/schemas/v1";
import type { Endpoint } from "../../lib/schemas/endpoint";
import { buildOpenApi } from "../../lib/schemas/openapi";
import { problemSchema } from "../../lib/schemas/problem";
import { can, type Role } from "../../lib/schemas/roles";
import { createToken, scopeFor } from "../../lib/server/auth/tokens";
import { tokenScopes, type TokenScope } from "../../lib/schemas/tokens";
import { systemActor } from "../../lib/server/audit";
import type { Db } from "../../lib/server/db/client";
import type { ApiSample, Samples } from "./api-contract/samples";

const root = path.resolve(import.meta.dirname, "../..");
const sampleDir = path.join(import.meta.dirname, "api-contract");
const samples: Samples = {};
for (const f of readdirSync(sampleDir).filter((f) => f.endsWith(".ts") && f !== "samples.ts")) {
  Object.assign(samples, ((await import(path.join(sampleDir, f))) as { samples: Samples }).samples);
}

const doc = buildOpenApi(v1Endpoints, { version: "test" }) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
  components: { schemas: Record<string, unknown> };
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: "wiredesk:openapi", components: doc.components });
/** The OpenAPI document's schema for an operation's answer, as Ajv checks it. */
function documented(e: Endpoint, status: string, mediaType: string) {
  const schema = doc.paths[e.path]?.[e.method]?.responses[status]?.content?.[mediaType]?.schema;
  if (!schema) return null;
  const resolved = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"wiredesk:openapi#/components/'));
  return ajv.compile(resolved);
}

type Caller = { kind: "none" } | { kind: "role"; role: Role } | { kind: "token"; scope: TokenScope };
const callers: Caller[] = [
  { kind: "none" },
  ...(["viewer", "editor", "admin"] as const).map((role) => ({ kind: "role" as const, role })),
  ...tokenScopes.map((scope) => ({ kind: "token" as const, scope })),
];
const callerName = (c: Caller) => (c.kind === "none" ? "nobody" : c.kind === "role" ? c.role : `token:${c.scope}`);

function expected(e: Endpoint, c: Caller): number | "ok" {
  if (e.need === "public") return "ok";
  if (c.kind === "none") return 401;
  if (c.kind === "role") return can(c.role, e.need) ? "ok" : 403;
  if (e.sessionOnly) return 401;
  return scopeFor(e.need) === c.scope ? "ok" : 403;
}

const routeFile = (e: Endpoint) => path.join(root, "app", e.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");

function request(e: Endpoint, s: ApiSample, headers: Headers): NextRequest {
  const url = `http://desk.test${e.path.replace(/\{(\w+)\}/g, (_, k: string) => s.params?.[k] ?? "x")}${s.query ? `?${s.query}` : ""}`;
  let body: BodyInit | undefined;
  if (s.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(s.json);
  } else if (s.form) {
    body = s.form;
  }
  return new NextRequest(url, { method: e.method.toUpperCase(), headers, body });
}

async function call(e: Endpoint, s: ApiSample, headers: Headers): Promise<Response> {
  const mod = (await import(routeFile(e))) as Record<string, (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
  const handler = mod[e.method.toUpperCase()];
  if (!handler) throw new Error(`${routeFile(e)} exports no ${e.method.toUpperCase()}`);
  return handler(request(e, s, headers), { params: Promise.resolve(s.params ?? {}) });
}

describe("every /api/v1 operation", () => {
  it.each(v1Endpoints.map((e) => ({ id: e.id, e })))("$id has a route and a sample", async ({ e }) => {
    expect(samples[e.id], `add a sample for ${e.id} in tests/store/api-contract/`).toBeTypeOf("function");
    const mod = (await import(routeFile(e))) as Record<string, unknown>;
    expect(mod[e.method.toUpperCase()], `${routeFile(e)} must export ${e.method.toUpperCase()}`).toBeTypeOf("function");
  });

  it("has unique ids and method+path pairs", () => {
    expect(new Set(v1Endpoints.map((e) => e.id)).size).toBe(v1Endpoints.length);
    expect(new Set(v1Endpoints.map((e) => `${e.method} ${e.path}`)).size).toBe(v1Endpoints.length);
  });
});

describe.each(storeKinds())("the /api/v1 contract on %s", (kind) => {
  let store: TestStore;
  let users: Awaited<ReturnType<typeof usersByRole>>;
  const tokens = {} as Record<TokenScope, string>;
  const g = globalThis as unknown as { wiredeskDb?: Db };

  beforeAll(async () => {
    store = await openStore(kind);
    g.wiredeskDb = store.db;
    users = await usersByRole(store.db, "contract");
    for (const scope of tokenScopes) tokens[scope] = (await createToken(store.db, systemActor("test"), { name: `contract ${scope}`, scopes: [scope] })).token;
  }, 120_000);
  afterAll(async () => {
    g.wiredeskDb = undefined;
    await store?.drop();
  });

  function headersFor(c: Caller): Headers {
    // A browser's session comes with its Origin; a token comes from a server, with none.
    if (c.kind === "role") return new Headers({ origin: "http://desk.test", host: "desk.test", cookie: users[c.role].cookie });
    if (c.kind === "token") return new Headers({ host: "desk.test", authorization: `Bearer ${tokens[c.scope]}` });
    return new Headers({ host: "desk.test" });
  }

  const cases = v1Endpoints.flatMap((e) => callers.map((c) => ({ op: e.id, who: callerName(c), e, c })));

  it.each(cases)("$op as $who", async ({ e, c }) => {
    const sample = await samples[e.id]!(store.db);
    const res = await call(e, sample, headersFor(c));
    const want = expected(e, c);
    const type = res.headers.get("content-type") ?? "";
    if (want === "ok") {
      const text = await res.text();
      expect(res.status, `${e.id} as ${callerName(c)}: ${text.slice(0, 400)}`).toBe(e.status ?? 200);
      if ("mediaType" in e.response) {
        expect(type).toContain(e.response.mediaType);
        return;
      }
      const body = JSON.parse(text) as unknown;
      const parsed = (e.response as z.ZodType).safeParse(body);
      expect(parsed.success, `${e.id}: the answer does not match its zod schema: ${parsed.error?.message.slice(0, 600)}`).toBe(true);
      const validate = documented(e, String(e.status ?? 200), "application/json");
      expect(validate, `${e.id}: no schema in the OpenAPI document`).not.toBeNull();
      expect(validate!(body), `${e.id}: the answer does not match the OpenAPI document: ${ajv.errorsText(validate!.errors)}`).toBe(true);
    } else {
      expect(res.status, `${e.id} as ${callerName(c)}`).toBe(want);
      expect(type).toContain("application/problem+json");
      const body = (await res.json()) as unknown;
      expect(problemSchema.safeParse(body).success).toBe(true);
      expect(documented(e, String(want), "application/problem+json")!(body), `${e.id}: ${want} not documented`).toBe(true);
    }
  });
});

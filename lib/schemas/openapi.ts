// The OpenAPI 3.1 document, generated from the /api/v1 declarations and
// their zod schemas (OpenAPI 3.1 schemas are JSON Schema 2020-12, which zod
// writes itself). Named schemas (.meta({ id })) become components.
import { z } from "zod";
import type { Endpoint } from "./endpoint";
import { problemSchema, PROBLEM_CONTENT_TYPE } from "./problem";

type Json = Record<string, unknown>;

const REASONS: Record<number, string> = {
  400: "Bad request",
  401: "No session or token, or an unknown or revoked token",
  403: "The caller's role or token scope does not allow this, or a token sent from a browser",
  404: "Not found",
  409: "Conflict: a stale version, or a name in use",
  413: "The body is larger than this operation accepts",
  415: "The body is not of the media type this operation takes",
  422: "The path, query or body is not valid; errors names each field",
  429: "The token's rate limit was reached; Retry-After says when to try again",
  503: "The store is busy; nothing was written, try again",
};

class Components {
  schemas: Record<string, Json> = {};
  /** A schema as JSON Schema, its named parts moved to components. */
  add(schema: z.ZodType, io: "input" | "output"): Json {
    const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
    const defs = (json.$defs ?? {}) as Record<string, Json>;
    delete json.$defs;
    delete json.$schema;
    for (const [name, def] of Object.entries(defs)) this.schemas[name] ??= rewrite(def) as Json;
    const id = z.globalRegistry.get(schema)?.id;
    if (typeof id === "string") {
      this.schemas[id] ??= rewrite(json) as Json;
      return { $ref: `#/components/schemas/${id}` };
    }
    return rewrite(json) as Json;
  }
}

function rewrite(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(rewrite);
  if (!v || typeof v !== "object") return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) {
    out[k] = k === "$ref" && typeof x === "string" ? x.replace(/^#\/\$defs\//, "#/components/schemas/") : rewrite(x);
  }
  return out;
}

function parameters(c: Components, schema: z.ZodType | undefined, where: "path" | "query"): Json[] {
  if (!schema) return [];
  const json = c.add(schema, "input");
  const props = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === "path" || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

export function buildOpenApi(endpoints: Endpoint[], info: { version: string; serverUrl?: string }): Json {
  const c = new Components();
  const paths: Record<string, Record<string, Json>> = {};
  for (const e of endpoints) {
    const responses: Record<string, Json> = {};
    const ok = String(e.status ?? 200);
    if ("mediaType" in e.response) {
      const r = e.response;
      responses[ok] = { description: r.description, content: { [r.mediaType]: r.schema ? { schema: c.add(r.schema, "output") } : {} } };
    } else {
      responses[ok] = { description: "OK", content: { "application/json": { schema: c.add(e.response as z.ZodType, "output") } } };
    }
    const errors = new Set(e.errors ?? []);
    if (e.need !== "public") [401, 403, 429].forEach((s) => errors.add(s));
    if (e.params || e.query || e.body || e.multipart) errors.add(422);
    if (e.body || e.multipart) [413, 415].forEach((s) => errors.add(s));
    if (e.method !== "get") errors.add(503);
    for (const s of [...errors].sort()) {
      responses[String(s)] = { description: REASONS[s] ?? "Error", content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } } };
    }
    const op: Json = {
      operationId: e.id,
      tags: [e.group],
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      "x-permission": e.need,
      ...(e.need === "public" ? { security: [] } : e.sessionOnly ? { security: [{ session: [] }] } : {}),
      parameters: [...parameters(c, e.params, "path"), ...parameters(c, e.query, "query")],
      responses,
    };
    if (e.body) op.requestBody = { required: true, content: { "application/json": { schema: c.add(e.body, "input") } } };
    if (e.multipart) op.requestBody = { required: true, content: { "multipart/form-data": { schema: c.add(e.multipart, "input") } } };
    (paths[e.path] ??= {})[e.method] = op;
  }
  c.add(problemSchema, "output");
  return {
    openapi: "3.1.0",
    info: {
      title: "Wiredesk API",
      version: info.version,
      description:
        "The desk's public API: read the queue, tag and triage stories, ingest copy, manage sources, export ninjs. " +
        "Send an API token (`Authorization: Bearer wd_…`, made by an admin on /admin/tokens) from a server; " +
        "the browser desk's session cookie works too. Errors are RFC 9457 problem details.",
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    security: [{ token: [] }, { session: [] }],
    paths,
    components: {
      schemas: c.schemas,
      securitySchemes: {
        token: { type: "http", scheme: "bearer", description: "An API token; its scopes (read, triage, ingest, admin) decide what it may do." },
        session: { type: "apiKey", in: "cookie", name: "wiredesk.session_token", description: "The desk's sign-in cookie (browsers only)." },
      },
    },
  };
}

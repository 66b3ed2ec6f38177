// The one route wrapper (decision 020): who is asking (session cookie or API
// token), what they may do, the path, query and body read against their
// schemas, the call, and every refusal as problem details. Handlers are the
// call alone.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { db } from "../db/client";
import { env } from "../env";
import { ForbiddenError, type Actor } from "../audit";
import { NotFoundError, StaleWriteError } from "../articles/set-status";
import { isBusy, StoreBusyError } from "../db/busy";
import { can, type Permission } from "../../schemas/roles";
import { crossSiteReason } from "../auth/guard";
import { actorFor, sessionUser, type SessionUser } from "../auth/session";
import { consumeInWindow } from "../auth/account-limit";
import { scopeFor, tokenActor, verifyToken, type VerifiedToken } from "../auth/tokens";
import { BodyTooLargeError, BODY_LIMITS, readBodyBytes } from "./read-body";
import { ApiError, problem, problemFromApiError, validationError } from "./problem";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Error classes of the data layer and the status each means on a route that names it. */
export type Refusals = [new (...args: never[]) => Error, number][];

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  /** What the caller needs: a permission, or "public". */
  need: Permission | "public";
  /** Who may call: the browser's session, an API token, or both (default: session). */
  auth?: "session" | "token" | "both";
  params?: P;
  query?: Q;
  /** The JSON body's schema (the request must then be application/json). */
  body?: B;
  /** A multipart body, read by the handler itself. */
  multipart?: boolean;
  bodyLimit?: number;
  /** Data-layer errors this route maps to a status (others: see toProblem). */
  refusals?: Refusals;
}

export interface Caller {
  actor: Actor;
  /** The signed-in user, when the call came with a session. */
  user?: SessionUser;
  token?: VerifiedToken;
}

export interface RouteInput<P, Q, B> extends Caller {
  req: NextRequest;
  params: P;
  query: Q;
  body: B;
}

type Ctx = { params: Promise<Record<string, string | string[] | undefined>> };

/** The caller behind a request, or the ApiError refusing it. Exported for the few handlers that stream. */
export async function authenticate(req: Request, need: Permission | "public", auth: "session" | "token" | "both"): Promise<Caller | null> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  if (bearer) {
    if (auth === "session") throw new ApiError(401, "this route takes the desk's session, not an API token; machine clients use /api/v1", { kind: "unauthenticated" });
    // A token is a server's credential: from a page in a browser it would be a
    // secret in the page's reach, so a browser's request with one is refused.
    if (req.headers.get("origin") || req.headers.get("sec-fetch-site") || req.headers.get("sec-fetch-mode")) {
      throw new ApiError(403, "API tokens are not accepted from a browser; sign in to the desk instead", { kind: "forbidden" });
    }
    const token = await verifyToken(db(), bearer);
    if (!token) throw new ApiError(401, "the API token is unknown or revoked", { kind: "unauthenticated" });
    if (need !== "public" && !token.scopes.includes(scopeFor(need))) {
      throw new ApiError(403, `the token "${token.name}" lacks the ${scopeFor(need)} scope`, { kind: "forbidden" });
    }
    const verdict = await consumeInWindow(db(), `api-token:${token.id}`, env().WIREDESK_API_TOKEN_LIMIT, 60);
    if (!verdict.allowed) {
      throw new ApiError(429, `the token "${token.name}" made more than ${env().WIREDESK_API_TOKEN_LIMIT} requests this minute`, { kind: "rate-limited", retryAfter: verdict.retryAfter });
    }
    return { actor: tokenActor(token), token };
  }
  const crossSite = crossSiteReason(req);
  if (crossSite) throw new ApiError(403, `refused: ${crossSite}`, { kind: "forbidden" });
  if (need === "public") return null;
  if (auth === "token") throw new ApiError(401, "send an API token: Authorization: Bearer wd_…", { kind: "unauthenticated" });
  const user = await sessionUser(db(), req.headers, { forRead: SAFE.has(req.method) });
  if (!user) throw new ApiError(401, "sign in first", { kind: "unauthenticated" });
  if (!can(user.role, need)) throw new ApiError(403, `a ${user.role} may not do this`, { kind: "forbidden" });
  return { user, actor: actorFor(user) };
}

/** Any error as problem details; unknown errors are rethrown (a 500, logged by Next). */
export function toProblem(e: unknown, refusals: Refusals = [], instance?: string): NextResponse {
  if (e instanceof ApiError) return problemFromApiError(e, instance);
  for (const [type, status] of refusals) if (e instanceof type) return problem(status, e.message, { instance });
  if (e instanceof ForbiddenError) return problem(403, e.message, { kind: "forbidden", instance });
  if (e instanceof StaleWriteError) return problem(409, e.message, { kind: "stale-write", current: e.current, instance });
  if (e instanceof NotFoundError) return problem(404, e.message, { kind: "not-found", instance });
  if (e instanceof BodyTooLargeError) return problem(413, e.message, { instance });
  // A store still busy after the write's retries: try again shortly, nothing was written.
  if (isBusy(e)) return problem(503, new StoreBusyError(e).message, { retryAfter: 1, instance });
  throw e;
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: "body" | "query" | "path"): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error, where);
  return r.data;
}

export function apiRoute<P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<unknown>,
): (req: NextRequest, ctx: Ctx) => Promise<Response> {
  return async (req, ctx) => {
    const instance = req.nextUrl.pathname;
    try {
      if (!SAFE.has(req.method) && (spec.body || spec.multipart)) {
        const type = req.headers.get("content-type") ?? "";
        const ok = spec.multipart ? /^multipart\/form-data\b/i.test(type) : /^application\/json\b/i.test(type);
        // Checked before the caller: a form from another site cannot send JSON without a preflight.
        if (!ok) throw new ApiError(415, `expected ${spec.multipart ? "multipart/form-data" : "application/json"}`);
      }
      const caller = await authenticate(req, spec.need, spec.auth ?? "session");
      const params = parse(spec.params, await ctx.params, "path");
      const query = parse(spec.query, Object.fromEntries(req.nextUrl.searchParams), "query");
      let body: unknown;
      if (spec.body) {
        const bytes = await readBodyBytes(req, spec.bodyLimit ?? BODY_LIMITS.json);
        let json: unknown;
        try {
          json = JSON.parse(new TextDecoder().decode(bytes));
        } catch {
          throw new ApiError(422, "the request's body is not JSON", { kind: "validation", errors: [{ path: "body", message: "not JSON" }] });
        }
        body = parse(spec.body, json, "body");
      }
      const out = await handler({ req, ...(caller ?? { actor: { name: "anonymous", role: "viewer" } }), params, query, body: body as z.infer<B> });
      if (out instanceof Response) return out;
      return NextResponse.json(out ?? { ok: true });
    } catch (e) {
      return toProblem(e, spec.refusals, instance);
    }
  };
}

// The one guard every route handler opens with: same-origin check for writes
// (CSRF), then the session (401), then the role (403). Errors are JSON.
import "server-only";
import { NextResponse } from "next/server";
import { db } from "../db/client";
import { env } from "../env";
import { ForbiddenError, type Actor } from "../audit";
import { StaleWriteError } from "../articles/set-status";
import { isBusy, StoreBusyError } from "../db/busy";
import { can, type Permission } from "../../schemas/roles";
import { actorFor, sessionUser, type SessionUser } from "./session";

export interface Guarded {
  user: SessionUser;
  actor: Actor;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write from another site is refused: browsers send Origin (and
 * Sec-Fetch-Site) with every POST, so a page elsewhere cannot post with the
 * editor's cookie. Clients that send neither (scripts) are not browsers and
 * carry no ambient cookie to abuse; they still need a session.
 */
export function crossSiteReason(req: Request): string | null {
  if (SAFE.has(req.method)) return null;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `cross-site request (${site})`;
  const origin = req.headers.get("origin");
  if (!origin) return null;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "unreadable Origin header";
  }
  const config = env();
  const trusted = [config.WIREDESK_URL, ...config.WIREDESK_TRUSTED_ORIGINS].filter(Boolean).map((o) => new URL(o!).host);
  if (originHost !== host && !trusted.includes(originHost)) return `origin ${origin} is not this desk`;
  return null;
}

export const jsonError = (status: number, error: string, extra: Record<string, unknown> = {}) => NextResponse.json({ error, ...extra }, { status });

/**
 * Checks a request; returns the user and actor, or the response refusing it.
 * `contentType` "json" also refuses writes whose body is not JSON (forms from
 * elsewhere cannot send JSON without a preflight).
 */
export async function guard(req: Request, permission: Permission, opts: { contentType?: "json" | "multipart" } = {}): Promise<Guarded | NextResponse> {
  const crossSite = crossSiteReason(req);
  if (crossSite) return jsonError(403, `refused: ${crossSite}`);
  if (!SAFE.has(req.method) && opts.contentType) {
    const type = req.headers.get("content-type") ?? "";
    const ok = opts.contentType === "json" ? /^application\/json\b/i.test(type) : /^multipart\/form-data\b/i.test(type);
    if (!ok) return jsonError(415, `expected ${opts.contentType === "json" ? "application/json" : "multipart/form-data"}`);
  }
  const user = await sessionUser(db(), req.headers, { forRead: SAFE.has(req.method) });
  if (!user) return jsonError(401, "sign in first");
  if (!can(user.role, permission)) return jsonError(403, `a ${user.role} may not do this`);
  return { user, actor: actorFor(user) };
}

/** Maps the data layer's refusals to responses; anything else is rethrown (a 500). */
export function refusal(e: unknown): NextResponse {
  if (e instanceof ForbiddenError) return jsonError(403, e.message);
  if (e instanceof StaleWriteError) return jsonError(409, e.message, { current: e.current });
  // A store still busy after the write's retries: try again shortly, nothing was written.
  if (isBusy(e)) {
    const res = jsonError(503, new StoreBusyError(e).message);
    res.headers.set("Retry-After", "1");
    return res;
  }
  throw e;
}

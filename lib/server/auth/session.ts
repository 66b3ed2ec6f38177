// Who is asking: the session behind a request. Every write (and every page)
// is checked against the store, so a disabled user or a changed role takes
// effect at once for anything that changes the desk. Reads through the API
// (the queue's requests, polled by every open desk) may use an answer from
// the last two seconds: the session lookup costs more CPU than the queue's
// own queries, and 20 editors polling would spend most of a core on it.
import "server-only";
import { authFor } from "./auth";
import { role as roleSchema, type Role } from "../../schemas/roles";
import type { Db } from "../db/client";
import type { Actor } from "../audit";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

/** How long a read may reuse a session's answer, in ms. */
export const READ_SESSION_TTL_MS = 2000;
const recent = new Map<string, { user: Promise<SessionUser | null>; until: number }>();

/** Forgets every remembered session answer (a user was changed or disabled on this instance). */
export function forgetSessions() {
  recent.clear();
}

/**
 * The signed-in user, or null. `forRead` lets a read reuse an answer from the
 * last READ_SESSION_TTL_MS for the same cookie (reads arriving while it is
 * being looked up share that lookup); writes and pages never do.
 */
export async function sessionUser(db: Db, headers: Headers, opts: { forRead?: boolean } = {}): Promise<SessionUser | null> {
  const cookie = headers.get("cookie") ?? "";
  // No session cookie at all: no need to ask better-auth.
  if (!/wiredesk[.-]session_token=/.test(cookie)) return null;
  const now = Date.now();
  if (opts.forRead) {
    const hit = recent.get(cookie);
    if (hit && hit.until > now) return hit.user;
  }
  const user = lookUp(db, headers);
  if (recent.size > 10_000) recent.clear();
  const entry = { user, until: now + READ_SESSION_TTL_MS };
  recent.set(cookie, entry);
  // A failed lookup is not remembered.
  user.catch(() => recent.get(cookie) === entry && recent.delete(cookie));
  return user;
}

async function lookUp(db: Db, headers: Headers): Promise<SessionUser | null> {
  const s = await authFor(db, headers).api.getSession({ headers });
  if (!s) return null;
  const u = await db.user.findUnique({ where: { id: Number(s.user.id) }, select: { id: true, email: true, name: true, role: true, disabled: true } });
  if (!u || u.disabled) return null;
  const r = roleSchema.safeParse(u.role);
  if (!r.success) return null;
  return { id: u.id, email: u.email, name: u.name, role: r.data };
}

/** The actor a signed-in user's actions are recorded and authorized as. */
export const actorFor = (u: SessionUser): Actor => ({ name: u.name, userId: u.id, role: u.role });

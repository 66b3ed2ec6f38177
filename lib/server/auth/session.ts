// Who is asking: the session behind a request, checked against the store on
// every request, so a disabled user or a changed role takes effect at once.
import { authFor } from "./auth";
import { role as roleSchema, type Role } from "./roles";
import type { Db } from "../db/client";
import type { Actor } from "../audit";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export async function sessionUser(db: Db, headers: Headers): Promise<SessionUser | null> {
  // No session cookie at all: no need to ask better-auth.
  if (!/wiredesk[.-]session_token=/.test(headers.get("cookie") ?? "")) return null;
  const s = await authFor(db).api.getSession({ headers });
  if (!s) return null;
  const u = await db.user.findUnique({ where: { id: Number(s.user.id) }, select: { id: true, email: true, name: true, role: true, disabled: true } });
  if (!u || u.disabled) return null;
  const r = roleSchema.safeParse(u.role);
  if (!r.success) return null;
  return { id: u.id, email: u.email, name: u.name, role: r.data };
}

/** The actor a signed-in user's actions are recorded and authorized as. */
export const actorFor = (u: SessionUser): Actor => ({ name: u.name, userId: u.id, role: u.role });

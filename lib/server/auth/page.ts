// The guard for pages: no session sends the browser to /sign-in (and back
// afterwards); a role without the permission gets the "not allowed" page.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "../db/client";
import { can, type Permission } from "../../schemas/roles";
import { actorFor, sessionUser, type SessionUser } from "./session";

export async function requirePageUser(permission: Permission, path: string): Promise<SessionUser & { actor: ReturnType<typeof actorFor> }> {
  const user = await sessionUser(db(), await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (!can(user.role, permission)) redirect(`/not-allowed?need=${permission}`);
  return { ...user, actor: actorFor(user) };
}

/** The signed-in user, if any (the nav shows them). */
export async function currentUser(): Promise<SessionUser | null> {
  return sessionUser(db(), await headers());
}

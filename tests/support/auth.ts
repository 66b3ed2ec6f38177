// Signed-in users for store tests: real accounts, real better-auth sign-in,
// the session cookie it sets.
import type { Db } from "../../lib/server/db/client";
import { authFor } from "../../lib/server/auth/auth";
import { systemActor } from "../../lib/server/audit";
import type { Role } from "../../lib/schemas/roles";
import { createUser } from "../../lib/server/users";

export const PASSWORD = "a long test password";

export async function signIn(db: Db, email: string, password = PASSWORD): Promise<string> {
  const res = await authFor(db).handler(
    new Request("http://desk.test/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://desk.test" },
      body: JSON.stringify({ email, password }),
    }),
  );
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("sign-in set no cookie");
  return cookie;
}

/** One signed-in user per role: { admin: {id, cookie}, ... }. */
export async function usersByRole(db: Db, prefix = "u") {
  const out = {} as Record<Role, { id: number; email: string; cookie: string }>;
  for (const role of ["admin", "editor", "viewer"] as const) {
    const email = `${prefix}-${role}@desk.test`;
    const u = await createUser(db, { email, name: `${role} ${prefix}`, role, password: PASSWORD }, systemActor("test"));
    out[role] = { id: u.id, email, cookie: await signIn(db, email) };
  }
  return out;
}

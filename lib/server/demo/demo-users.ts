// Demo mode's accounts: one per role, with passwords printed at start. Each
// start sets fresh passwords (a stored one cannot be printed again), unless
// WIREDESK_DEMO_PASSWORD fixes them (the browser tests do).
import "server-only";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../db/client";
import { systemActor } from "../audit";
import type { Role } from "../../schemas/roles";
import { createUser, generatePassword } from "../users";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.wiredesk.test", name: "Ada Admin", role: "admin" },
  { email: "editor@demo.wiredesk.test", name: "Eddie Editor", role: "editor" },
  { email: "viewer@demo.wiredesk.test", name: "Vera Viewer", role: "viewer" },
];

export async function ensureDemoUsers(db: Db, fixedPassword?: string) {
  const out: { email: string; role: Role; password: string }[] = [];
  for (const u of DEMO_USERS) {
    const password = fixedPassword ?? generatePassword();
    const existing = await db.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (existing) {
      const hash = await hashPassword(password);
      const updated = await db.account.updateMany({ where: { userId: existing.id, providerId: "credential" }, data: { password: hash } });
      if (updated.count === 0) await db.account.create({ data: { accountId: String(existing.id), providerId: "credential", userId: existing.id, password: hash } });
      await db.user.update({ where: { id: existing.id }, data: { role: u.role, disabled: false } });
    } else {
      await createUser(db, { ...u, password }, systemActor("demo"));
    }
    out.push({ email: u.email, role: u.role, password });
  }
  return out;
}

// The desk's users: created by an admin (or `npm run user:create`), given a
// role, disabled. The password is hashed by better-auth's own hasher (scrypt)
// and kept in its credential account row, so sign-in verifies it as usual.
import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "./db/client";
import { authorize, recordAudit, type Actor } from "./audit";
import type { Role } from "../schemas/roles";
import { personName } from "../schemas/users";
import { forgetSessions } from "./auth/session";

export class UserError extends Error {}

/** A password for a new account when none was given: 18 random bytes, base64url (24 characters). */
export const generatePassword = () => randomBytes(18).toString("base64url");

/** Only what the desk shows about a user: never the hash, never sessions. */
export const publicUser = { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } as const;

/** A valid name no other user has (compared without case): one name, one person, in the desk and its audit log. */
async function checkName(db: Db | Tx, raw: string, exceptId?: number): Promise<string> {
  const parsed = personName.safeParse(raw);
  if (!parsed.success) throw new UserError(`Name refused: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const name = parsed.data;
  const others = await db.user.findMany({ where: exceptId ? { id: { not: exceptId } } : {}, select: { name: true } });
  if (others.some((o) => o.name.toLocaleLowerCase() === name.toLocaleLowerCase())) throw new UserError(`Another user is called ${name} already`);
  return name;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function createUser(db: Db, input: { email: string; name: string; role: Role; password: string }, actor: Actor) {
  authorize(actor, "users");
  const email = input.email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email } })) throw new UserError(`A user ${email} exists already`);
  const name = await checkName(db, input.name);
  const hash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    const u = await tx.user.create({ data: { email, name, role: input.role, emailVerified: true }, select: publicUser });
    await tx.account.create({ data: { accountId: String(u.id), providerId: "credential", userId: u.id, password: hash } });
    await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: u.id, before: null, after: { email, name: u.name, role: u.role } });
    return u;
  });
  return user;
}

/** Names are changed here, by an admin, and audited: nobody renames themself (better-auth's update-user is off). */
export async function changeUser(db: Db, userId: number, change: { role?: Role; disabled?: boolean; name?: string }, actor: Actor) {
  authorize(actor, "users");
  if (actor.userId === userId && (change.disabled || (change.role && change.role !== "admin"))) {
    throw new UserError("You cannot disable yourself or take away your own admin role");
  }
  const result = await db.$transaction(async (tx) => {
    const u = await tx.user.findUnique({ where: { id: userId }, select: publicUser });
    if (!u) throw new UserError(`No user ${userId}`);
    const data = { ...change, ...(change.name !== undefined ? { name: await checkName(tx, change.name, userId) } : {}) };
    const updated = await tx.user.update({ where: { id: userId }, data, select: publicUser });
    // Disabling ends their sessions at once.
    if (change.disabled) await tx.session.deleteMany({ where: { userId } });
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of ["role", "disabled"] as const) {
      if (change[k] !== undefined && change[k] !== u[k]) {
        before[k] = u[k];
        after[k] = change[k];
      }
    }
    if (Object.keys(after).length) {
      await recordAudit(tx, actor, { action: "disabled" in after ? (after.disabled ? "user.disable" : "user.enable") : "user.role", entityType: "user", entityId: userId, before, after });
    }
    if (updated.name !== u.name) {
      await recordAudit(tx, actor, { action: "user.rename", entityType: "user", entityId: userId, before: { name: u.name }, after: { name: updated.name } });
    }
    return updated;
  });
  // Reads on this instance stop reusing what they knew of anyone's session (other instances within two seconds).
  forgetSessions();
  return result;
}

export async function listUsers(db: Db, actor: Actor) {
  authorize(actor, "users");
  return db.user.findMany({ orderBy: { email: "asc" }, select: publicUser });
}

/**
 * An admin sets a user's password (one they chose, or one generated and
 * shown to them once), as better-auth's admin plugin does: hashed by its
 * hasher into the credential account. That plugin is not used because it
 * brings its own roles and ban fields; here the change is audited (without
 * any secret) and the user's sessions end, so the old password's sign-ins stop.
 */
export async function resetPassword(db: Db, userId: number, password: string | undefined, actor: Actor) {
  authorize(actor, "users");
  const chosen = password ?? generatePassword();
  const hash = await hashPassword(chosen);
  await db.$transaction(async (tx) => {
    const u = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!u) throw new UserError(`No user ${userId}`);
    const account = await tx.account.findFirst({ where: { userId, providerId: "credential" }, select: { id: true } });
    if (account) await tx.account.update({ where: { id: account.id }, data: { password: hash } });
    else await tx.account.create({ data: { accountId: String(userId), providerId: "credential", userId, password: hash } });
    // Sign-ins made with the old password end; an admin resetting their own keeps the session they are using.
    if (actor.userId !== userId) await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, { action: "user.password", entityType: "user", entityId: userId, after: { email: u.email, password: password ? "set by an admin" : "generated" } });
  });
  forgetSessions();
  return { generated: password === undefined ? chosen : undefined };
}

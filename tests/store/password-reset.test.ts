// An admin resets a user's password: one they choose or one generated and
// answered once. The old password stops working, the new one signs in, the
// user's sessions end, and the log records who did it without any secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { signIn, usersByRole, PASSWORD } from "../support/auth";
import { resetPassword } from "../../lib/server/users";
import { ForbiddenError, type Actor } from "../../lib/server/audit";

describe.each(storeKinds())("password reset on %s", (kind) => {
  let store: TestStore;
  let users: Awaited<ReturnType<typeof usersByRole>>;
  let admin: Actor;
  beforeAll(async () => {
    store = await openStore(kind);
    users = await usersByRole(store.db, "reset");
    admin = { name: "admin reset", userId: users.admin.id, role: "admin" };
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  it("sets a chosen password: the old one fails, the new one signs in, old sessions end", async () => {
    expect(await store.db.session.count({ where: { userId: users.editor.id } })).toBe(1);
    const r = await resetPassword(store.db, users.editor.id, "a fresh chosen password", admin);
    expect(r.generated).toBeUndefined();
    expect(await store.db.session.count({ where: { userId: users.editor.id } })).toBe(0);
    await expect(signIn(store.db, users.editor.email, PASSWORD)).rejects.toThrow(/answered 401/);
    await signIn(store.db, users.editor.email, "a fresh chosen password");
  });

  it("generates one when none is given, answered once and never logged", async () => {
    const r = await resetPassword(store.db, users.viewer.id, undefined, admin);
    expect(r.generated).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await signIn(store.db, users.viewer.email, r.generated!);
    const entries = await store.db.auditEntry.findMany({ where: { action: "user.password" }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.entityId, e.userId, JSON.parse(e.after!).password])).toEqual([
      [String(users.editor.id), users.admin.id, "set by an admin"],
      [String(users.viewer.id), users.admin.id, "generated"],
    ]);
    const logged = entries.map((e) => `${e.before} ${e.after}`).join(" ");
    expect(logged).not.toContain("a fresh chosen password");
    expect(logged).not.toContain(r.generated!);
  });

  it("is for admins only, and names a missing user", async () => {
    await expect(resetPassword(store.db, users.viewer.id, "an editor's try at it", { name: "ed", userId: users.editor.id, role: "editor" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resetPassword(store.db, 999_999, "whatever password", admin)).rejects.toThrow(/No user 999999/);
  });
});

// npm run user:create: the first admin, made from the command line.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { signIn } from "../support/auth";

const root = path.resolve(import.meta.dirname, "../..");
const run = (args: string[], url: string) => {
  const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", path.join(root, "scripts/user-create.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe.each(storeKinds())("user:create on %s", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("creates an admin with a generated password, printed once, that signs in", async () => {
    const r = run(["--email", "Chief@Example.org", "--name", "Chief", "--role", "admin"], store.url);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^created admin chief@example\.org \(id \d+\)/);
    const password = r.out.match(/^password: (\S+)$/m)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(20);
    expect(await signIn(store.db, "chief@example.org", password)).toMatch(/session_token=/);
    const entry = await store.db.auditEntry.findFirstOrThrow({ where: { action: "user.create" } });
    expect(entry.actor).toBe("cli");
    expect(entry.after).not.toContain(password!);
  });

  it("refuses a second account with the same email (exit 1) and bad input (exit 2), saying what", () => {
    const again = run(["--email", "chief@example.org", "--role", "editor", "--password", "long enough password"], store.url);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/exists already/);
    const bad = run(["--email", "not-an-email", "--role", "boss", "--password", "short"], store.url);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/email/);
    expect(bad.err).toMatch(/role/);
    expect(bad.err).toMatch(/at least 10 characters/);
  });
});

// Sign-in and accounts, as an attacker probes them: forged X-Forwarded-For,
// many addresses on one account, a disabled account's answers, session
// tokens in list-sessions, renaming oneself.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Before anything reads the environment (it is read once, on first use).
process.env.WIREDESK_TRUSTED_PROXIES = "10.0.0.0/8, 2001:db8::1";
process.env.WIREDESK_SIGNIN_LIMIT = "10";
process.env.WIREDESK_SIGNIN_ACCOUNT_LIMIT = "20";

import { openStore, storeKinds, type TestStore } from "../support/stores";
import { PASSWORD, signIn } from "../support/auth";
import type { Db } from "../../lib/server/db/client";
import { systemActor, type Actor } from "../../lib/server/audit";
import { authFor } from "../../lib/server/auth/auth";
import { clientAddress, parseTrustedProxies, PEER_HEADER } from "../../lib/server/auth/client-address";
import { changeUser, createUser, UserError } from "../../lib/server/users";
import { GET as authGet, POST as authPost } from "../../app/api/auth/[...all]/route";
import { POST as userRoute } from "../../app/api/users/[id]/route";

describe("the client address", () => {
  const ranges = parseTrustedProxies(["10.0.0.0/8", "2001:db8::1"]);
  const at = (peer: string | null, xff?: string) =>
    clientAddress(new Headers({ ...(peer === null ? {} : { [PEER_HEADER]: peer }), ...(xff === undefined ? {} : { "x-forwarded-for": xff }) }), ranges);

  it("is the connection's own address unless that is a trusted proxy", () => {
    expect(at("203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(at("::ffff:203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(at(null, "198.51.100.1")).toBeNull();
  });

  it("is read from X-Forwarded-For past trusted proxies only, from the right", () => {
    expect(at("10.1.2.3", "198.51.100.1")).toBe("198.51.100.1");
    // The client prepended a forged hop; the proxies appended the real one.
    expect(at("10.1.2.3", "1.2.3.4, 198.51.100.1, 10.9.9.9")).toBe("198.51.100.1");
    expect(at("2001:db8::1", "2001:db8::2")).toBe("2001:db8::2");
    // Garbage stops the walk at the last trusted hop; nothing forwarded means the proxy itself.
    expect(at("10.1.2.3", "not-an-ip")).toBe("10.1.2.3");
    expect(at("10.1.2.3")).toBe("10.1.2.3");
  });

  it("refuses a trusted-proxy list it cannot read, naming the entry", () => {
    expect(() => parseTrustedProxies(["10.0.0.0/8", "proxy.local"])).toThrow(/"proxy.local" is not an IP address or CIDR range/);
  });
});

describe.each(storeKinds())("sign-in hardening on %s", (kind) => {
  let store: TestStore;
  const ids: Record<string, number> = {};
  const g = globalThis as unknown as { wiredeskDb?: Db };
  const admin = (): Actor => ({ name: "Ada Admin", userId: ids.admin, role: "admin" });

  beforeAll(async () => {
    store = await openStore(kind);
    g.wiredeskDb = store.db;
    for (const [key, role, name] of [["admin", "admin", "Ada Admin"], ["editor", "editor", "Ed Editor"], ["target", "viewer", "Tess Target"], ["dormant", "editor", "Dora Dormant"]] as const) {
      ids[key] = (await createUser(store.db, { email: `${key}@hard.test`, name, role, password: PASSWORD }, systemActor("test"))).id;
    }
  }, 120_000);
  afterAll(async () => {
    g.wiredeskDb = undefined;
    await store?.drop();
  });

  const attempt = (email: string, password: string, headers: Record<string, string>) =>
    authFor(store.db).handler(
      new Request("http://desk.test/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://desk.test", ...headers },
        body: JSON.stringify({ email, password }),
      }),
    );
  const randomIp = (i: number) => `198.51.${100 + (i % 100)}.${1 + i}`;

  it("ignores a forged X-Forwarded-For: forty wrong passwords from one connection are held back after ten", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push((await attempt("target@hard.test", "wrong password!", { [PEER_HEADER]: "203.0.113.50", "x-forwarded-for": randomIp(i) })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429), statuses.join(",")).toBe(true);
    // The right password from that connection is held back too, within the minute.
    expect((await attempt("target@hard.test", PASSWORD, { [PEER_HEADER]: "203.0.113.50" })).status).toBe(429);
  });

  it("limits attempts per account, whatever addresses they come from", async () => {
    // Through a trusted proxy, each attempt from a different real address: the per-address limit never trips.
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      statuses.push((await attempt("editor@hard.test", "wrong password!", { [PEER_HEADER]: "10.0.0.7", "x-forwarded-for": randomIp(i) })).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401), statuses.join(",")).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
    const held = await attempt("editor@hard.test", PASSWORD, { [PEER_HEADER]: "10.0.0.7", "x-forwarded-for": "192.0.2.200" });
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("retry-after"))).toBeGreaterThan(60);
    // Another account is not held back by it.
    expect((await attempt("admin@hard.test", PASSWORD, { [PEER_HEADER]: "10.0.0.7", "x-forwarded-for": "192.0.2.201" })).status).toBe(200);
  });

  it("answers a disabled account exactly as a wrong password, right password or not", async () => {
    await changeUser(store.db, ids.dormant!, { disabled: true }, admin());
    const peer = { [PEER_HEADER]: "203.0.113.60" };
    const wrong = await attempt("dormant@hard.test", "wrong password!", peer);
    const right = await attempt("dormant@hard.test", PASSWORD, peer);
    const unknown = await attempt("nobody@hard.test", PASSWORD, peer);
    const answer = async (r: Response) => ({ status: r.status, body: await r.json(), cookie: r.headers.get("set-cookie") });
    const [w, r, u] = [await answer(wrong), await answer(right), await answer(unknown)];
    expect(r).toEqual(w);
    expect(u).toEqual(w);
    expect(w.status).toBe(401);
  });

  it("never returns a session token from list-sessions, and keeps the list a list", async () => {
    const cookie = await signIn(store.db, "admin@hard.test");
    await signIn(store.db, "admin@hard.test");
    const res = await authGet(new NextRequest("http://desk.test/api/auth/list-sessions", { headers: { cookie, host: "desk.test" } }));
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as unknown;
    expect(Array.isArray(body), text.slice(0, 200)).toBe(true);
    expect((body as unknown[]).length).toBeGreaterThanOrEqual(2);
    const tokens = (await store.db.session.findMany({ where: { userId: ids.admin! }, select: { token: true } })).map((s) => s.token);
    for (const t of tokens) expect(text).not.toContain(t);
    expect(text).not.toMatch(/"token"/);
    // Sign-in's own answer carries none either.
    const signInRes = await authPost(
      new NextRequest("http://desk.test/api/auth/sign-in/email", { method: "POST", headers: { "content-type": "application/json", origin: "http://desk.test", host: "desk.test" }, body: JSON.stringify({ email: "admin@hard.test", password: PASSWORD }) }),
    );
    expect(await signInRes.text()).not.toMatch(/"token"/);
  });

  it("lets nobody rename themself; an admin's renames are checked and audited with the user id", async () => {
    const cookie = await signIn(store.db, "target@hard.test");
    for (const body of [{ name: "Ada Admin" }, { name: "x".repeat(100_000) }, { image: "javascript:alert(1)" }]) {
      const res = await authPost(
        new NextRequest("http://desk.test/api/auth/update-user", { method: "POST", headers: { "content-type": "application/json", origin: "http://desk.test", host: "desk.test", cookie }, body: JSON.stringify(body) }),
      );
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBeGreaterThanOrEqual(400);
    }
    const me = await store.db.user.findUniqueOrThrow({ where: { id: ids.target! } });
    expect(me.name).toBe("Tess Target");
    expect(me.image).toBeNull();

    await expect(changeUser(store.db, ids.target!, { name: "ada admin" }, admin())).rejects.toThrow(UserError);
    await expect(changeUser(store.db, ids.target!, { name: "x".repeat(100_000) }, admin())).rejects.toThrow(/longer than 100/);
    await expect(changeUser(store.db, ids.target!, { name: "Tess\u202Enimda" }, admin())).rejects.toThrow(/control or invisible/);
    await expect(createUser(store.db, { email: "again@hard.test", name: "Ed Editor", role: "viewer", password: PASSWORD }, admin())).rejects.toThrow(/Another user is called/);
    await expect(changeUser(store.db, ids.target!, { name: "Tess Tester" }, { name: "Ed Editor", userId: ids.editor, role: "editor" })).rejects.toThrow();

    // Through the admin's route: a name too long is refused there with the reason, a good one is taken.
    const adminCookie = await signIn(store.db, "admin@hard.test");
    const rename = (name: string) =>
      userRoute(
        new NextRequest(`http://desk.test/api/users/${ids.target}`, { method: "POST", headers: { "content-type": "application/json", origin: "http://desk.test", host: "desk.test", cookie: adminCookie }, body: JSON.stringify({ name }) }),
        { params: Promise.resolve({ id: String(ids.target) }) },
      );
    // A name too long for the rule is refused with the reason; a body too large for the route is not even read.
    const long = await rename("x".repeat(1_000));
    expect(long.status).toBe(422);
    expect(await long.json()).toMatchObject({ errors: [{ path: "body.name", message: "name is longer than 100 characters" }] });
    expect((await rename("x".repeat(100_000))).status).toBe(413);
    expect((await rename("Tess Tester")).status).toBe(200);
    const entry = await store.db.auditEntry.findFirstOrThrow({ where: { action: "user.rename", entityId: String(ids.target) } });
    expect(entry.userId).toBe(ids.admin);
    expect(entry.actor).toBe("Ada Admin");
    expect(JSON.parse(entry.before!)).toEqual({ name: "Tess Target" });
    expect(JSON.parse(entry.after!)).toEqual({ name: "Tess Tester" });
  });
});

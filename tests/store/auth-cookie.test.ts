// The session cookie follows the scheme the browser used when WIREDESK_URL is
// unset, in production too: over plain http on a LAN address it is a plain
// cookie the browser keeps (a __Secure- one would be dropped, and the editor
// landed back on sign-in with no word); over https it is __Secure- and Secure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Production, as npm start serves it, without WIREDESK_URL: set before better-auth loads.
(process.env as Record<string, string>).NODE_ENV = "production";
process.env.BETTER_AUTH_SECRET = "a test secret of at least thirty-two characters";
delete process.env.WIREDESK_URL;

const { openStore, storeKinds } = await import("../support/stores");
const { PASSWORD } = await import("../support/auth");
const { authFor } = await import("../../lib/server/auth/auth");
const { sessionUser } = await import("../../lib/server/auth/session");
const { createUser } = await import("../../lib/server/users");
const { systemActor } = await import("../../lib/server/audit");
const { cookieRefusedMessage } = await import("../../components/auth/sign-in-form");

describe.each(storeKinds())("the session cookie on %s", (kind) => {
  let store: Awaited<ReturnType<typeof openStore>>;
  beforeAll(async () => {
    store = await openStore(kind);
    await createUser(store.db, { email: "lan@cookie.test", name: "Lan User", role: "editor", password: PASSWORD }, systemActor("test"));
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  const signIn = (base: string, headers: Record<string, string> = {}) =>
    authFor(store.db).handler(
      new Request(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base, ...headers },
        body: JSON.stringify({ email: "lan@cookie.test", password: PASSWORD }),
      }),
    );

  it("is a plain cookie over http on a LAN address, and it signs the user in", async () => {
    const res = await signIn("http://192.168.1.20:3000", { "x-forwarded-proto": "http" });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^wiredesk\.session_token=/);
    expect(setCookie).not.toMatch(/;\s*Secure/i);
    const cookie = setCookie.split(";")[0]!;
    expect(await sessionUser(store.db, new Headers({ cookie }))).toMatchObject({ email: "lan@cookie.test" });
  });

  it("is __Secure- and Secure over https (a TLS proxy's X-Forwarded-Proto), and it signs the user in", async () => {
    const res = await signIn("https://desk.example.org", { "x-forwarded-proto": "https" });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^__Secure-wiredesk\.session_token=/);
    expect(setCookie).toMatch(/;\s*Secure/i);
    expect(await sessionUser(store.db, new Headers({ cookie: setCookie.split(";")[0]! }))).toMatchObject({ email: "lan@cookie.test" });
  });
});

describe("the sign-in page's word when the cookie was not kept", () => {
  it("names the https address when the desk is set up for https and opened over http", () => {
    expect(cookieRefusedMessage("http:", "https://desk.example.org")).toMatch(/only over https: open it at https:\/\/desk\.example\.org/);
    expect(cookieRefusedMessage("http:", undefined)).toMatch(/plain http/);
    expect(cookieRefusedMessage("https:", undefined)).toMatch(/allows cookies/);
  });
});

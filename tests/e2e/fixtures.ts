// Signed-in browser tests. The e2e server runs in demo mode with a fixed
// demo password (WIREDESK_DEMO_PASSWORD in playwright.config.ts); each role
// signs in once per run through the real sign-in endpoint, and tests reuse
// its session cookie, so the sign-in rate limit is not spent on set-up.
import { test as base, expect, type BrowserContext, type Cookie } from "@playwright/test";

export type Role = "admin" | "editor" | "viewer";

export const DEMO_PASSWORD = "e2e-demo-password";
export const demoEmail = (role: Role) => `${role}@demo.wiredesk.test`;

// By server and role: the acceptance walk runs against a second server with a store of its own.
const sessions = new Map<string, Cookie[]>();

async function sessionCookies(context: BrowserContext, baseURL: string, role: Role): Promise<Cookie[]> {
  const key = `${baseURL}|${role}`;
  const cached = sessions.get(key);
  if (cached) return cached;
  const res = await context.request.post(`${baseURL}/api/auth/sign-in/email`, {
    data: { email: demoEmail(role), password: DEMO_PASSWORD },
    headers: { origin: baseURL },
  });
  expect(res.status(), `sign-in as ${role}: ${await res.text()}`).toBe(200);
  const cookies = (await context.cookies()).filter((c) => c.name.includes("session_token"));
  expect(cookies.length).toBeGreaterThan(0);
  await context.clearCookies();
  sessions.set(key, cookies);
  return cookies;
}

export const test = base.extend<{ login: (role: Role) => Promise<void> }>({
  login: async ({ context, baseURL }, provide) => {
    await provide(async (role) => {
      await context.clearCookies();
      await context.addCookies(await sessionCookies(context, baseURL!, role));
    });
  },
});

export { expect };

// The API as an admin and a machine client meet it: a token made on
// /admin/tokens and copied once, used from a server (no Origin: Playwright's
// request context, as curl), revoked with the keyboard; and the API reference
// page, drawn by Swagger UI from this origin under the page CSP.
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { axeProblems } from "./axe";

const shots = path.resolve("tests/artifacts");

type OpenApi = { paths: Record<string, Record<string, { operationId: string; summary: string; security?: { session?: string[] }[]; "x-permission": string; parameters?: { required?: boolean }[] }>> };

/** The document's read operations a read-scoped token may call as they are: GETs open to tokens, needing read, with no required parameter. */
function readOperations(doc: OpenApi): string[] {
  return Object.entries(doc.paths).flatMap(([p, ops]) => {
    const op = ops.get;
    if (!op || op["x-permission"] !== "read") return [];
    const sessionOnly = op.security?.length === 1 && !!op.security[0]!.session;
    return sessionOnly || op.parameters?.some((x) => x.required) ? [] : [p];
  });
}

async function expectProblem(res: Awaited<ReturnType<APIRequestContext["get"]>>, status: number) {
  expect(res.status(), await res.text()).toBe(status);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
}

/** CSP refusals the page logs: Swagger UI must run without any. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

test("an admin makes a token and copies it once; a server uses it; the admin revokes it with the keyboard", async ({ page, login, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await login("admin");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/admin\/tokens$/);
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();

  const name = `E2E publisher ${Date.now()}`;
  await page.getByLabel(/^Name/).fill(name);
  // Read is ticked by default; a token with no scope is refused before it is sent.
  await page.getByRole("checkbox", { name: /^read/ }).uncheck();
  await page.getByRole("button", { name: "Create token" }).click();
  const form = page.getByRole("form", { name: "Make a token" });
  await expect(form.getByRole("alert")).toContainText("at least one of read, triage, ingest, admin");
  await page.getByRole("checkbox", { name: /^read/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();

  const box = page.getByTestId("new-token");
  await expect(box).toContainText("you will not see it again");
  const field = box.getByLabel(`API token for ${name}`);
  // Keyboard users land on the token itself.
  await expect(field).toBeFocused();
  const token = await field.inputValue();
  expect(token).toMatch(/^wd_[A-Za-z0-9_-]{43}$/);
  await box.getByRole("button", { name: "Copy token" }).click();
  await expect(box.getByRole("status")).toHaveText("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row).toContainText(`${token.slice(0, 10)}…`);
  await expect(row).toContainText("read");
  await expect(row).toContainText("never");
  expect(await axeProblems(page)).toEqual([]);
  await page.screenshot({ path: path.join(shots, "admin-tokens.png"), fullPage: true });

  // Gone for good once dismissed: neither the page nor the list has it again.
  await box.getByRole("button", { name: "Done" }).click();
  await expect(box).toHaveCount(0);
  await page.reload();
  await expect(row).toBeVisible();
  expect(await page.content()).not.toContain(token);

  // From a server: no Origin, no Sec-Fetch-Site (Playwright's request context sends neither, as curl).
  const auth = { authorization: `Bearer ${token}` };
  const docRes = await request.get("/api/v1/openapi.json", { headers: auth });
  expect(docRes.status()).toBe(200);
  const doc = (await docRes.json()) as OpenApi;
  expect(doc.paths["/api/v1/tokens"]!.get!.operationId).toBe("listTokens");
  // Every read operation open to tokens answers this one (none but the document yet, while
  // only the tokens' own routes exist); token management is the session's alone.
  const reads = readOperations(doc);
  for (const p of reads) expect((await request.get(p, { headers: auth })).status(), p).toBe(200);
  await expectProblem(await request.get("/api/v1/tokens", { headers: auth }), 401);
  await expectProblem(await request.post("/api/v1/tokens", { headers: auth, data: { name: "minted by a token", scopes: ["admin"] } }), 401);

  // Revoke, by keyboard: Escape cancels, Enter on the dialog's first button revokes.
  await page.getByRole("button", { name: `Revoke ${name}` }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Revoke this token?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(name);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(row).not.toContainText("revoked");
  await expect(page.getByRole("button", { name: `Revoke ${name}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("button", { name: "Revoke token" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "is revoked" })).toContainText(`“${name}” is revoked`);
  await expect(row).toContainText("revoked");
  await expect(page.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  // Refused everywhere now; the public document still answers anyone.
  for (const p of reads) await expectProblem(await request.get(p, { headers: auth }), 401);
  await expectProblem(await request.get("/api/v1/tokens", { headers: auth }), 401);
  expect((await request.get("/api/v1/openapi.json", { headers: auth })).status()).toBe(200);
});

test("any signed-in user reads the API reference, drawn by Swagger UI from this origin under the page CSP", async ({ page, login, request }) => {
  // The document is public; the page is for the desk's users.
  expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
  await page.goto("/api-docs");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fapi-docs/);

  await login("viewer");
  const violations = cspViolations(page);
  await page.goto("/");
  // Viewers see no token admin, but the reference is one link away.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "API tokens" })).toHaveCount(0);
  await nav.getByRole("link", { name: "API" }).click();
  await expect(page).toHaveURL(/\/api-docs$/);
  const reference = page.getByTestId("api-reference");
  await expect(reference.getByRole("heading", { name: /Wiredesk API/ })).toBeVisible();
  // Loaded afresh too: the page has the strict, nonce-based policy (proxy.ts) like every other page.
  const res = await page.reload();
  expect(res!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  await expect(reference.getByRole("heading", { name: /Wiredesk API/ })).toBeVisible();
  const op = reference.locator(".opblock").filter({ hasText: "List API tokens (never their secrets)" });
  await expect(op).toBeVisible();
  await expect(op).toContainText("/api/v1/tokens");
  // An operation opens to its responses, problem details included.
  await op.locator(".opblock-summary-control").click();
  await expect(op.getByText("No session or token, or an unknown or revoked token")).toBeVisible();
  await op.locator(".opblock-summary-control").click();
  // Tokens are refused from a browser, so no Authorize button invites one.
  await expect(reference.getByRole("button", { name: /Authorize/ })).toHaveCount(0);

  // Swagger UI's files come from this origin, not a CDN.
  for (const file of ["swagger-ui.css", "swagger-ui-bundle.js"]) {
    const asset = await request.get(`/api-docs/swagger-ui/${file}?v=1`);
    expect(asset.status()).toBe(200);
    expect(asset.headers()["content-type"]).toMatch(file.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
  }
  expect((await request.get("/api-docs/swagger-ui/package.json")).status()).toBe(404);
  expect(violations).toEqual([]);
  // Swagger UI's own markup nests a <main> in the page's (a moderate finding, left); nothing serious.
  expect(await axeProblems(page)).toEqual([]);
  await page.screenshot({ path: path.join(shots, "api-docs.png"), fullPage: true });
});

import path from "node:path";
import { expect, test, demoEmail, DEMO_PASSWORD } from "./fixtures";

const shots = path.resolve("tests/artifacts");

test("an editor signs in, triages, and signs out", async ({ page }) => {
  // No session: every page sends the browser to sign in, and back afterwards.
  await page.goto("/duplicates");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fduplicates/);
  await expect(page.getByRole("heading", { name: "Sign in to the desk" })).toBeVisible();
  await page.getByLabel("Email").fill(demoEmail("editor"));
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\w/ })).toHaveText("Wrong email or password.");
  await page.screenshot({ path: path.join(shots, "sign-in.png") });
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/duplicates$/);
  await expect(page.getByTestId("signed-in-as")).toContainText("Eddie Editor");
  await expect(page.getByTestId("signed-in-as")).toContainText("editor");
  // Editors do not see the admin pages, and are refused them.
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();

  // Triage a story of its own (the other specs expect the demo copy untouched):
  // open it, accept a suggested tag, mark it reviewed.
  const headline = `Police break up drug ring in Madrid ${Date.now()}`;
  const ingest = await page.request.post("/api/ingest", {
    multipart: {
      files: {
        name: "triage.ndjson",
        mimeType: "application/x-ndjson",
        buffer: Buffer.from(JSON.stringify({ uri: `triage-${Date.now()}`, headline, body_text: "MADRID - Spanish police arrested twenty people in Madrid on Tuesday in an operation against a drug trafficking gang, the interior ministry said. The suspects face charges of drug trafficking and money laundering; officers seized cocaine, cash and weapons in raids across the Spanish capital, police said." })),
      },
    },
  });
  expect(ingest.ok(), await ingest.text()).toBe(true);
  const found = (await (await page.request.get(`/api/articles?q=${encodeURIComponent("drug ring Madrid")}`)).json()) as { items: { id: number; headline: string }[] };
  const articleUrl = `/articles/${found.items.find((i) => i.headline === headline)!.id}`;
  await page.goto(articleUrl);
  const tags = page.locator("section", { has: page.getByRole("heading", { name: "Tags" }) });
  const suggested = tags.locator('[data-testid="tag-chip"][data-state="suggested"]').first();
  const tagId = await suggested.getAttribute("data-tag-id");
  // The decision shows at once; wait until the store has it (a later test undoes it from the audit log).
  const saved = page.waitForResponse((r) => r.url().endsWith("/tags") && r.request().method() === "POST");
  await suggested.getByRole("button", { name: /^Accept / }).click();
  await expect(tags.locator(`[data-tag-id="${tagId}"]`)).toHaveAttribute("data-state", "accepted");
  expect((await saved).status()).toBe(200);
  await page.getByRole("button", { name: /Mark reviewed/ }).click();
  await expect(page.getByText("Marked reviewed: 1 article.")).toBeVisible();
  // Opened from no queue, a decision leads back to the queue; the story's history has it.
  await expect(page).toHaveURL(/\/(\?.*)?$/);
  await page.goto(articleUrl);
  const history = page.locator("section", { has: page.getByRole("heading", { name: "History" }) });
  await expect(history.getByTestId("audit-entry").first()).toContainText("Eddie Editor");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get("/api/articles")).status()).toBe(401);
});

test("a viewer cannot change tags, in the page or through the API", async ({ page, login }) => {
  await login("viewer");
  await page.goto("/?q=Interpol");
  await page.getByRole("link", { name: /International child abuse ring dismantled/ }).first().click();
  const tags = page.locator("section", { has: page.getByRole("heading", { name: "Tags" }) });
  const chip = tags.getByTestId("tag-chip").first();
  await expect(chip).toBeVisible();
  await expect(tags.getByRole("button", { name: /^(Accept|Reject|Remove) / })).toHaveCount(0);
  await expect(tags.getByLabel("Add a tag")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Mark reviewed|Spike|Reopen/ })).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, "viewer-article.png"), fullPage: true });

  const articleId = page.url().match(/articles\/(\d+)/)![1];
  const tagId = Number(await chip.getAttribute("data-tag-id"));
  const state = await chip.getAttribute("data-state");
  const version = Number(await chip.getAttribute("data-version"));
  const res = await page.request.post(`/api/articles/${articleId}/tags`, {
    data: { action: state === "rejected" ? "accept" : "reject", tagId, version },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(403);
  expect(res.headers()["content-type"]).toBe("application/problem+json");
  expect(await res.json()).toMatchObject({ status: 403, detail: "a viewer may not do this" });
  await page.reload();
  await expect(tags.locator(`[data-tag-id="${tagId}"]`)).toHaveAttribute("data-state", state!);
  await expect(tags.locator(`[data-tag-id="${tagId}"]`)).toHaveAttribute("data-version", String(version));
});

test("hostile HTML in an ingested page never runs in the browser", async ({ page, login }) => {
  await login("editor");
  const marker = `Hostile ${Date.now()}`;
  const html = `<!doctype html><html><head><title>${marker} harbour story - Evil Post</title><script>window.__pwned = "head"</script></head>
<body onload="window.__pwned='body'"><article><h1>${marker} harbour story</h1>
<p>The harbour reopened on Monday after a week of storms, the port authority said in a statement to reporters.</p>
<script>window.__pwned = "script"; alert("script")</script>
<img src="x" onerror="window.__pwned='img'; alert('img')">
<p><a id="js" href="javascript:window.__pwned='link'">a javascript link</a> and <a href="JaVa&#x09;ScRiPt:alert(1)">another</a></p>
<svg onload="window.__pwned='svg'"><circle r="1"/></svg>
<iframe src="javascript:window.parent.__pwned='frame'"></iframe>
<p onmouseover="window.__pwned='hover'" style="position:fixed;inset:0">Ferries will run on the normal timetable from Tuesday, officials said after inspecting the quay.</p>
<details open ontoggle="window.__pwned='toggle'"><summary>x</summary></details>
<form action="javascript:alert(1)"><button>go</button></form>
</article></body></html>`;
  const res = await page.request.post("/api/ingest", {
    multipart: { files: { name: "hostile.html", mimeType: "text/html", buffer: Buffer.from(html) } },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const found = (await (await page.request.get(`/api/articles?q=${encodeURIComponent(marker)}`)).json()) as { items: { id: number }[] };
  expect(found.items.length).toBe(1);

  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  const response = await page.goto(`/articles/${found.items[0]!.id}`);
  const csp = response!.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
  const body = page.getByTestId("article-body");
  await expect(body).toContainText("The harbour reopened on Monday");
  // Try what a reader would: hover, click the links.
  await body.hover();
  for (const link of await body.locator("a").all()) await link.click({ force: true }).catch(() => undefined);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await body.locator("script, iframe, svg, form, details, img, object, embed").count()).toBe(0);
  expect(await body.locator("[onerror], [onload], [onclick], [onmouseover], [ontoggle], [style]").count()).toBe(0);
  expect(await body.locator('a[href^="javascript:" i], a[href*="script:" i]').count()).toBe(0);
  expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
});

test("an admin manages users, reads the audit log, undoes from it, and sees who else has a story open", async ({ page, login, browser, baseURL }) => {
  await login("admin");
  await page.goto("/admin/users");
  const email = `reporter-${Date.now()}@desk.test`;
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Name" }).fill("Rita Reporter");
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status")).toContainText("Their password (shown once)");
  const row = page.getByTestId("user-row").filter({ hasText: email });
  await row.getByLabel(`Role of ${email}`).selectOption("editor");
  // Nothing changes until the admin confirms (minors.spec.ts cancels one).
  await page.getByRole("dialog", { name: "Change role?" }).getByRole("button", { name: "Make editor" }).click();
  await expect(page.getByRole("status")).toContainText(`(${email}) is now editor`);
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("disabled");
  await page.screenshot({ path: path.join(shots, "users.png"), fullPage: true });

  await page.goto("/audit?action=user.");
  await expect(page.getByTestId("audit-entry").first()).toContainText("user.disable");
  await expect(page.getByTestId("audit-entry").filter({ hasText: "user.role" }).first()).toContainText("role: viewer → editor");
  // Undo an editor's tag decision from the log.
  await page.goto("/audit?action=tag.accept");
  const entry = page.getByTestId("audit-entry").first();
  await expect(entry).toContainText("Eddie Editor");
  await page.screenshot({ path: path.join(shots, "audit.png"), fullPage: true });
  // Wait for the revert to be stored: going on at once could cancel its request.
  const reverted = page.waitForResponse((r) => /\/api\/audit\/\d+\/undo$/.test(r.url()));
  await entry.getByRole("button", { name: /^Revert audit entry/ }).click();
  expect((await reverted).status()).toBe(200);
  await page.goto("/audit?action=tag.");
  await expect(page.getByTestId("audit-entry").first()).toContainText("tag.reopen by Ada Admin");
  await expect(page.getByTestId("audit-entry").first()).toContainText("state: accepted → suggested");

  // Presence: the editor and the admin on the same story see each other.
  const editorContext = await browser.newContext({ baseURL });
  const signIn = await editorContext.request.post("/api/auth/sign-in/email", { data: { email: demoEmail("editor"), password: DEMO_PASSWORD }, headers: { origin: baseURL! } });
  expect(signIn.status()).toBe(200);
  const editorPage = await editorContext.newPage();
  await page.goto("/?q=Interpol");
  const firstBeat = page.waitForResponse((r) => r.url().endsWith("/presence") && r.request().method() === "POST");
  await page.getByRole("link", { name: /International child abuse ring dismantled/ }).first().click();
  await firstBeat;
  await editorPage.goto(page.url());
  await expect(editorPage.getByTestId("presence")).toContainText("Ada Admin (admin)");
  await page.reload();
  await expect(page.getByTestId("presence")).toContainText("Eddie Editor (editor)");
  await page.screenshot({ path: path.join(shots, "presence.png") });
  await editorContext.close();
});

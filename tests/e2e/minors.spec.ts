// The small things an editor or admin meets across the desk (issue 13's
// minor points): distinct names in the add-tag list, names rather than codes
// in the history and audit log, a private feed refused when it is saved,
// the not-allowed and not-found pages, role changes confirmed, password
// reset, and the theme toggle.
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const shots = path.resolve("tests/artifacts");
const emptyStore = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

/** An article of the demo store whose headline matches, by the queue's search API. */
async function findArticle(page: Page, q: string): Promise<{ id: number; headline: string }> {
  const res = await page.request.get(`/api/articles?q=${encodeURIComponent(q)}&limit=1`);
  expect(res.status()).toBe(200);
  const items = ((await res.json()) as { items: { id: number; headline: string }[] }).items;
  expect(items.length, `an article matching ${q}`).toBeGreaterThan(0);
  return items[0]!;
}

test.describe("on the demo desk", () => {
  test("the add-tag list names each topic once; the history and the audit log name tags and headlines", async ({ page, login }) => {
    await login("editor");
    const { id, headline } = await findArticle(page, "Madrid jewellery");
    await page.goto(`/articles/${id}`);
    const tags = page.locator("section", { has: page.getByRole("heading", { name: "Tags" }) });
    await tags.getByLabel("Add a tag").fill("crime");
    const options = tags.getByRole("option");
    await expect(options.first()).toBeVisible();
    const texts = (await options.allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
    expect(texts).toContain("crime, law and justice topic");
    expect(texts).toContain("crime topic");
    expect(new Set(texts).size, `no option twice: ${texts.join(" | ")}`).toBe(texts.length);
    await page.screenshot({ path: path.join(shots, "minors-add-tag.png") });

    // Tag it with Portugal by hand: the history names the country, its code on hover.
    await tags.getByLabel("Add a tag").fill("Portugal");
    await tags.getByRole("option", { name: /^Portugal/ }).click();
    await expect(tags.getByTestId("tag-chip").filter({ hasText: /^Portugal/ })).toHaveAttribute("data-state", "accepted");
    const history = page.locator("section", { has: page.getByRole("heading", { name: "History" }) });
    const added = history.getByTestId("audit-entry").filter({ hasText: "tag.add" }).first();
    await expect(added.getByTestId("audit-tag")).toHaveText("Portugal");
    await expect(added.getByTestId("audit-tag")).toHaveAttribute("title", "PT");
    await expect(history).not.toContainText(/medtop:\d+/);

    // The admin's log: the article by headline, linked; no "article 12".
    await login("admin");
    await page.goto(`/audit?article=${id}`);
    const entry = page.getByTestId("audit-entry").filter({ hasText: "tag.add" }).first();
    await expect(entry.getByRole("link", { name: headline })).toHaveAttribute("href", `/articles/${id}`);
    await expect(entry.getByTestId("audit-tag")).toHaveText("Portugal");
    await expect(page.locator("main")).not.toContainText(/article \d+|medtop:\d+/);
    await page.screenshot({ path: path.join(shots, "minors-audit.png") });
  });

  test("an editor asking for an admin page is told which role it needs and led back", async ({ page, login }) => {
    await login("editor");
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByTestId("not-allowed-why")).toHaveText(/signed in as .+, an editor\. That page is for managing users, which needs the admin role\./);
    await page.getByRole("link", { name: "Back to the queue" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("a missing article, story or duplicate pair says so and leads back to the queue", async ({ page, login }) => {
    await login("viewer");
    const article = await page.goto("/articles/999999999");
    expect(article?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "No such article" })).toBeVisible();
    for (const p of ["/stories/999999999", "/duplicates/999999999"]) {
      const res = await page.goto(p);
      expect(res?.status(), p).toBe(404);
      await expect(page.getByTestId("not-found")).toContainText("There is no page, story or duplicate pair at this address");
    }
    await page.screenshot({ path: path.join(shots, "minors-not-found.png") });
    await page.getByRole("link", { name: "Back to the queue" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("an admin's role change asks first and can be cancelled; a password reset gives a new password once", async ({ page, login, browser }) => {
    await login("admin");
    const email = `roles-${Date.now()}@desk.test`;
    const made = await page.request.post("/api/users", { data: { email, name: `Role Tester ${Date.now()}`, role: "viewer", password: "a first long password" } });
    expect(made.status(), await made.text()).toBe(201);
    await page.goto("/admin/users");
    const role = page.getByLabel(`Role of ${email}`);
    await role.selectOption("editor");
    const dialog = page.getByRole("dialog", { name: "Change role?" });
    await expect(dialog).toContainText(/Role Tester \d+ \(roles-\d+@desk\.test\) is viewer now and will be editor\./);
    await page.screenshot({ path: path.join(shots, "minors-role-confirm.png") });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(role).toHaveValue("viewer");
    await page.reload();
    await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("viewer");

    // Esc cancels too.
    await page.getByLabel(`Role of ${email}`).selectOption("admin");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("viewer");

    await page.getByLabel(`Role of ${email}`).selectOption("editor");
    await page.getByRole("dialog").getByRole("button", { name: "Make editor" }).click();
    await expect(page.locator("main").getByRole("status")).toHaveText(/is now editor\./);
    await page.reload();
    await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("editor");

    await page.getByRole("button", { name: `Reset the password of ${email}` }).click();
    const reset = page.getByRole("dialog", { name: "Reset password?" });
    await expect(reset).toContainText("They are signed out everywhere.");
    await reset.getByRole("button", { name: "Set password" }).click();
    const status = page.locator("main").getByRole("status");
    await expect(status).toHaveText(/New password for .+ \(shown once, give it to them\): \S{24}$/);
    const password = (await status.textContent())!.split(": ").pop()!;

    // The new password signs in; the old one no longer does.
    const other = await browser.newContext();
    const base = new URL(page.url()).origin;
    const signIn = (pw: string) => other.request.post(`${base}/api/auth/sign-in/email`, { data: { email, password: pw }, headers: { origin: base } });
    expect((await signIn("a first long password")).status()).toBe(401);
    expect((await signIn(password)).status()).toBe(200);
    await other.close();
    await page.goto(`/audit?action=user.`);
    await expect(page.getByTestId("audit-entry").filter({ hasText: "user.password" }).first()).toContainText("generated");
    await expect(page.locator("main")).not.toContainText(password);
  });

  test("the theme toggle: dark, light or the system's, remembered, set before the first paint", async ({ page, login }) => {
    await login("viewer");
    const cspErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && cspErrors.push(m.text()));
    // Whether <html> was dark when <body> first appeared: before anything was painted or hydrated.
    await page.addInitScript(() => {
      const w = window as unknown as { darkAtBody?: boolean };
      new MutationObserver((_, o) => {
        if (!document.body) return;
        w.darkAtBody = document.documentElement.classList.contains("dark");
        o.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const darkAtBody = () => page.evaluate(() => (window as unknown as { darkAtBody?: boolean }).darkAtBody);
    const isDark = () => page.evaluate(() => document.documentElement.classList.contains("dark"));

    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/dashboard");
    const toggle = page.getByRole("group", { name: "Colour theme" });
    await expect(toggle.getByRole("button", { name: "System theme" })).toHaveAttribute("aria-pressed", "true");
    expect(await isDark()).toBe(false);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();

    await toggle.getByRole("button", { name: "Dark theme" }).click();
    expect(await isDark()).toBe(true);
    await expect(toggle.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
    expect(await background()).not.toBe(light);
    await page.reload();
    expect(await darkAtBody()).toBe(true);
    await expect(toggle.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
    await page.screenshot({ path: path.join(shots, "minors-dashboard-dark.png"), fullPage: true });

    await toggle.getByRole("button", { name: "Light theme" }).click();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    expect(await darkAtBody()).toBe(false);
    await page.screenshot({ path: path.join(shots, "minors-dashboard-light.png"), fullPage: true });

    // Back to the system's: follows it, and its changes, at once.
    await toggle.getByRole("button", { name: "System theme" }).click();
    expect(await isDark()).toBe(true);
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(isDark).toBe(false);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    expect(await darkAtBody()).toBe(true);
    expect(cspErrors).toEqual([]);
  });
});

test.describe("on a desk that only fetches public addresses", () => {
  test.use({ baseURL: emptyStore });

  test("a feed at a private address is refused when it is saved, saying why", async ({ page, login }) => {
    await login("admin");
    await page.goto("/sources");
    const form = page.getByRole("form", { name: "Add a feed" });
    await form.getByLabel("Name").fill("Intranet wire");
    await form.getByLabel("Feed URL").fill("http://10.0.0.5/wire.xml");
    await form.getByRole("button", { name: "Add feed" }).click();
    const alert = form.getByRole("alert");
    await expect(alert).toHaveText("Feed URL refused: 10.0.0.5 is a private or local address; the desk only fetches public addresses.");
    await expect(alert).not.toContainText("WIREDESK");
    await page.screenshot({ path: path.join(shots, "minors-private-feed.png") });
    const list = await page.request.get("/api/sources");
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
  });
});

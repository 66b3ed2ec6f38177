import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const shots = path.resolve("tests/artifacts");

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test.beforeEach(async ({ login }) => login("editor"));

test("the dashboard charts the demo data, switches range from the keyboard and passes axe in light and dark", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  for (const name of ["Articles per topic", "Articles per place", "Duplicate rate per source"]) {
    const chart = page.getByRole("region", { name });
    await expect(chart).toBeVisible();
    await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  }
  // The default week holds the demo's recent stories (the seed pages are dated relative to loading).
  await expect(page.getByRole("button", { name: "Last 7 days" })).toHaveAttribute("aria-pressed", "true");
  const count = async () => Number(await page.getByTestId("range-articles").textContent());
  const week = await count();
  expect(week).toBeGreaterThanOrEqual(10);
  await expect(page.getByRole("region", { name: "Articles per topic" }).locator(".recharts-area")).not.toHaveCount(0);
  await expect(page.getByRole("region", { name: "Duplicate rate per source" }).locator(".recharts-bar-rectangle")).not.toHaveCount(0);
  // What is waiting links into the queue and the duplicates.
  await expect(page.getByRole("link", { name: /^\d+ new articles in the queue: open them$/ })).toHaveAttribute("href", "/?status=new");
  await expect(page.getByRole("link", { name: "Compare the duplicates awaiting a decision" })).toHaveAttribute("href", "/duplicates");
  // A legend entry opens the queue filtered by that topic.
  await expect(page.getByRole("list", { name: "Articles per topic: legend" }).getByRole("link").first()).toHaveAttribute("href", /^\/\?topic=medtop%3A\d{8}$/);

  // The range buttons are reachable by keyboard and show focus.
  const month = page.getByRole("button", { name: "Last 30 days" });
  await page.getByRole("button", { name: "Last 7 days" }).focus();
  await page.keyboard.press("Tab");
  await expect(month).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(month).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/range=30d/);
  await expect.poll(count).toBeGreaterThan(week);
  await page.getByRole("button", { name: "Last 24 hours" }).click();
  await expect(page.getByRole("region", { name: "Articles per topic" }).getByRole("table")).toContainText("UTC");
  await expect.poll(async () => page.getByRole("region", { name: "Articles per topic" }).getByRole("row").count()).toBe(25);

  // The same figures as a table, on request.
  await page.getByRole("button", { name: "Last 7 days" }).click();
  const topics = page.getByRole("region", { name: "Articles per topic" });
  await topics.getByRole("button", { name: "View as table" }).click();
  await expect(topics.getByRole("table")).toBeVisible();
  await expect(topics.getByRole("row")).toHaveCount(8);
  await topics.getByRole("button", { name: "View as chart" }).click();

  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(shots, "dashboard-light.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(shots, "dashboard-dark.png"), fullPage: true });
});

test("the route refuses an unknown range; a failed load says what happened and what to do", async ({ page }) => {
  const bad = await page.request.get("/api/dashboard?range=1y");
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors).toEqual([{ path: "query.range", message: expect.any(String) }]);
  expect((await (await page.request.get("/api/dashboard?range=24h")).json()).topics.points).toHaveLength(24);

  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "Articles per topic" })).toBeVisible();
  // The server goes away: the figures shown stay, and the page says so.
  await page.route("**/api/dashboard?**", (route) => route.fulfill({ status: 503, body: "unavailable" }));
  await page.getByRole("button", { name: "Last 30 days" }).click();
  // The query retries three times first (about 7 s).
  const alert = page.getByRole("alert").filter({ hasText: "Could not load" });
  await expect(alert).toContainText("Could not load the dashboard (HTTP 503)", { timeout: 20_000 });
  await expect(alert.getByRole("button", { name: "try again" })).toBeVisible();
  // The last figures stay on screen.
  await expect(page.getByRole("region", { name: "Articles per topic" }).locator("svg.recharts-surface")).toBeVisible();
});

// The desk's single-key shortcuts survive mouse clicks: only a text field counts as typing.
import { expect, test } from "./fixtures";

test.beforeEach(async ({ login }) => login("editor"));

test("after a click on a row's checkbox, j, e and Esc still work on the queue", async ({ page }) => {
  await page.goto("/?status=all");
  await page.waitForLoadState("networkidle");
  const rows = page.getByTestId("article-row");
  const box = rows.first().getByRole("checkbox");
  await box.click();
  await expect(box).toBeChecked();
  // The click made the row current as well as ticking it.
  await expect(rows.first()).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("Escape");
  await expect(box).not.toBeChecked();
  await expect(page.getByTestId("bulk-bar")).toHaveCount(0);
});

test("a saved view that arrives after its name was typed in the palette becomes the option Enter runs", async ({ page, baseURL }) => {
  const name = `Late view ${Date.now()}`;
  const saved = await page.request.post("/api/views", { data: { name, query: "q=harbour" }, headers: { origin: new URL(baseURL!).origin } });
  expect(saved.status()).toBeLessThan(300);
  // Hold the views back until the name has been typed, as a slow first load would.
  let release!: () => void;
  const typed = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/views", async (route) => {
    await typed;
    await route.continue();
  });
  await page.goto("/ingest");
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await page.keyboard.type(name);
  await expect(palette.getByRole("option", { name: /Search the queue for/ })).toHaveAttribute("aria-selected", "true");
  release();
  await expect(palette.getByRole("option", { name, exact: true })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/\?q=harbour$/);
});

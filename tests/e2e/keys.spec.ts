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

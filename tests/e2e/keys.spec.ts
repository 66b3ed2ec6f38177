// The desk's single-key shortcuts survive mouse clicks: only a text field counts as typing.
import { expect, test } from "./fixtures";

test.beforeEach(async ({ login }) => login("editor"));

test("after a click on a row's checkbox, j still moves through the queue", async ({ page }) => {
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const box = page.getByTestId("article-row").first().getByRole("checkbox");
  await box.click();
  await expect(box).toBeFocused();
  await expect(box).toBeChecked();
  await expect(page.locator("[data-testid=article-row][aria-current=true]")).toHaveCount(0);
  await page.keyboard.press("j");
  await expect(page.locator("[data-testid=article-row][aria-current=true]")).toHaveCount(1);
});

import path from "node:path";
import { expect, test } from "./fixtures";
import { axeProblems } from "./axe";

const shots = path.resolve("tests/artifacts");

// Every test here works as an editor.
test.beforeEach(async ({ login }) => login("editor"));

test("an editor compares two copies side by side, confirms, undoes and dismisses", async ({ page }) => {
  await page.goto("/duplicates");
  await expect(page.getByRole("heading", { name: "Duplicates" })).toBeVisible();
  // The demo's planted copies are waiting, rewrites listed apart.
  const rewrites = page.locator("section", { has: page.getByRole("heading", { name: /Same story, rewritten/ }) });
  await expect(rewrites.getByTestId("link-row")).toHaveCount(3);
  await page.screenshot({ path: path.join(shots, "duplicates.png"), fullPage: true });
  expect(await axeProblems(page)).toEqual([]);

  await page.getByTestId("link-row").filter({ hasText: "Express Tribune" }).filter({ hasText: "Interpol" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("exact");
  const texts = page.getByTestId("compared-text");
  await expect(texts).toHaveCount(2);
  await expect(texts.first().locator("mark").first()).toContainText("A coordinated international crackdown");
  await page.screenshot({ path: path.join(shots, "side-by-side.png"), fullPage: true });
  expect(await axeProblems(page)).toEqual([]);

  await page.getByRole("button", { name: /Confirm duplicate/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("confirmed");
  // The original is the publisher's copy, not the aggregator's.
  const tribune = page.getByRole("region", { name: "Express Tribune" });
  await expect(tribune.getByText("The copy this group keeps")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("suggested");

  await page.getByRole("button", { name: /Not a duplicate/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("dismissed");
  await page.goto("/duplicates?state=dismissed");
  await expect(page.getByTestId("link-row").filter({ hasText: "Interpol" })).toHaveCount(1);
});

test("keep the original of a cluster and mark the rest reviewed, then undo it", async ({ page }) => {
  await page.goto("/duplicates");
  const cluster = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: /^Keep the original/ }) }).first();
  const rows = cluster.getByTestId("link-row");
  const linkIds = await rows.evaluateAll((as) => as.map((a) => Number((a as HTMLAnchorElement).href.split("/").pop())));
  expect(linkIds.length).toBeGreaterThan(0);
  await cluster.getByRole("button", { name: /^Keep the original/ }).click();
  await expect(page.getByText(/Kept one copy; \d+ links? confirmed, \d+ cop(y|ies) marked reviewed\./)).toBeVisible();
  // The cluster's links are confirmed now, and its copies other than the original reviewed.
  await page.goto(`/duplicates/${linkIds[0]}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("confirmed");
  await expect(page.getByText("The copy this group keeps")).toBeVisible();
  await page.screenshot({ path: path.join(shots, "cluster-kept.png"), fullPage: true });
  await page.goto("/duplicates?state=confirmed");
  await expect(page.locator(`a[href="/duplicates/${linkIds[0]}"]`)).toHaveCount(1);
});

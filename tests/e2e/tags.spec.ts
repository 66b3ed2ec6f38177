import path from "node:path";
import { expect, test } from "./fixtures";

const shots = path.resolve("tests/artifacts");

// Editors triage; the taxonomy test signs in as an admin itself.
test.beforeEach(async ({ login }) => login("editor"));

test("an editor accepts and rejects suggested tags, sees the evidence, and adds one by hand", async ({ page }) => {
  // Any status: the keyboard shift before this spec may have reviewed the story.
  await page.goto("/?q=Interpol&status=all");
  await page.getByRole("link", { name: /International child abuse ring dismantled/ }).first().click();
  const tags = page.locator("section", { has: page.getByRole("heading", { name: "Tags" }) });
  const crime = tags.getByTestId("tag-chip").filter({ hasText: /^crime/ });
  await expect(crime).toHaveAttribute("data-state", "suggested");
  await crime.getByRole("button", { name: "crime", exact: true }).click();
  await expect(crime).toContainText("Because of:");
  await page.screenshot({ path: path.join(shots, "tags.png"), fullPage: true });

  await crime.getByRole("button", { name: "Accept crime" }).click();
  await expect(crime).toHaveAttribute("data-state", "accepted");
  const spain = tags.getByTestId("tag-chip").filter({ hasText: /^Spain/ });
  await expect(spain).toContainText("main");
  await spain.getByRole("button", { name: "Accept Spain" }).click();
  await expect(spain).toHaveAttribute("data-state", "accepted");
  await expect(tags).toContainText("Regions: ");

  const panama = tags.getByTestId("tag-chip").filter({ hasText: /^Panama/ });
  await panama.getByRole("button", { name: "Reject Panama" }).click();
  await expect(panama).toHaveAttribute("data-state", "rejected");

  await tags.getByLabel("Add a tag").fill("child");
  await tags.getByRole("option").filter({ hasText: /^child/ }).first().click();
  await expect(tags.getByTestId("tag-chip").filter({ hasText: /^child/ }).first()).toHaveAttribute("data-state", "accepted");
  // The decisions are on record in the article's history.
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "History" }) })).toContainText("tag.accept");
});

test("an admin renames and hides a topic and adds a newsroom tag under it", async ({ page, login }) => {
  await login("admin");
  await page.goto("/taxonomy");
  const weather = page.getByTestId("topic").filter({ has: page.getByText(/medtop:17000000/) });
  await weather.getByLabel(/Name of weather/).fill("weather and climate");
  await weather.getByRole("button", { name: "Rename" }).click();
  await expect(weather.getByLabel(/Name of weather/)).toHaveValue("weather and climate");
  await weather.getByRole("button", { name: "Hide" }).click();
  await expect(weather.getByRole("button", { name: "Show" })).toBeVisible();
  await weather.getByText(/narrower topics and newsroom tags/).click();
  await weather.getByLabel("New newsroom tag").fill("Storm watch");
  await weather.getByRole("button", { name: "Add" }).click();
  await expect(weather.getByText("Storm watch")).toBeVisible();
  await page.screenshot({ path: path.join(shots, "taxonomy.png"), fullPage: false });
  await weather.getByRole("button", { name: "Show" }).click();
});

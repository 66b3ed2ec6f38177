// The desk's first acceptance test, from an empty store and by keyboard:
// upload the seed page, see its four articles, open the Interpol story,
// accept crime and Spain, confirm the copy, mark the story reviewed; then
// filter by Ukraine and search "Sanchez".
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { axeProblems } from "./axe";

const shots = path.resolve("tests/artifacts");
// The seed page (a byte-for-byte copy kept with the fixtures, so the test runs wherever the repo is cloned).
const seed = path.resolve("tests/fixtures/pages/seed-aggregator.txt");
const emptyStore = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

test.use({ baseURL: emptyStore });

// The empty desk's one account, made with user:create (playwright.config.ts).
test.beforeEach(async ({ login }) => login("editor"));

/** Presses Tab until the focused element has this accessible name: the way a keyboard user gets there. */
async function tabTo(page: Page, name: RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    const label = (await focused.getAttribute("aria-label")) ?? (await focused.textContent()) ?? "";
    if (name.test(label.trim())) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test("seed page to reviewed story, by keyboard", async ({ page }) => {
  // The whole walk, upload to review, is one test: on a loaded two-core machine it runs near a minute.
  test.setTimeout(120_000);
  // An empty desk says what to do.
  await page.goto("/");
  await expect(page.getByText("No articles here yet.")).toBeVisible();

  await page.goto("/ingest");
  // Upload the seed page, named after the site it was scraped from (not after its file).
  // (The first ingest of a fresh server loads the tagger: allow it time on a busy machine.)
  await page.getByLabel("Files").setInputFiles(seed);
  await page.getByLabel("Source").focus();
  await page.keyboard.type("Daily8");
  await tabTo(page, /^Ingest$/);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("ingest-result")).toContainText(/4 new, 0 updated, 1 duplicates flagged, 0 skipped, 0 failed/, { timeout: 30_000 });
  // Each stored item is listed with a link to open it.
  const stored = page.getByTestId("ingest-result").locator("li[data-outcome=new]");
  await expect(stored).toHaveCount(4);
  for (const item of await stored.all()) await expect(item.getByRole("link").first()).toHaveAttribute("href", /^\/(stories|articles)\/\d+$/);

  // The queue, through the command palette.
  await page.keyboard.press("Control+k");
  await page.keyboard.type("Go to Queue");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${emptyStore}/`);
  // One row a story: the two Interpol copies are one story with 2 copies, and nothing else is grouped.
  await expect(page.getByTestId("article-count")).toContainText("3 stories");
  const rows = page.getByTestId("article-row");
  await expect(rows).toHaveCount(3);
  const interpolRow = rows.filter({ hasText: /International child abuse ring dismantled/ });
  await expect(interpolRow).toHaveCount(1);
  await expect(interpolRow.getByTestId("story-toggle")).toHaveText(/2 copies · 2 sources/);
  await expect(page.getByTestId("story-toggle")).toHaveCount(1);
  await expect(rows.filter({ hasText: "Tens of thousands rally in Spain" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Peace talks feel far away for Ukraine's soldiers" })).toHaveCount(1);
  await page.screenshot({ path: path.join(shots, "acceptance-queue.png") });
  expect(await axeProblems(page)).toEqual([]);

  // j/k to the Interpol story, Enter to open it.
  const headlines = await rows.locator("a[data-headline]").allTextContents();
  const at = headlines.findIndex((h) => /International child abuse ring dismantled/.test(h));
  await page.waitForLoadState("networkidle");
  for (let i = 0; i <= at; i++) await page.keyboard.press("j");
  await expect(page.locator("a[data-headline]:focus")).toHaveText(/International child abuse ring dismantled/);
  // o shows the story's copies under its row, and hides them again.
  await page.keyboard.press("o");
  // Under its row (the reading pane beside the list shows the copies too).
  const list = page.getByRole("region", { name: "Stories" });
  await expect(list.getByTestId("story-copy")).toHaveCount(2);
  await page.screenshot({ path: path.join(shots, "acceptance-story-expanded.png") });
  await page.keyboard.press("o");
  await expect(list.getByTestId("story-copy")).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/International child abuse ring dismantled/);
  const articleUrl = page.url();

  // Accept crime and Spain, reaching each with Tab.
  const tags = page.locator("section", { has: page.getByRole("heading", { name: "Tags" }) });
  await tabTo(page, /^Accept crime$/);
  await page.keyboard.press("Enter");
  await expect(tags.getByTestId("tag-chip").filter({ hasText: /^crime/ })).toHaveAttribute("data-state", "accepted");
  // Focusing a tag highlights its evidence in the text.
  await tabTo(page, /^Spain$/);
  await expect(page.getByTestId("article-body")).not.toHaveAttribute("data-evidence-count", "0");
  await page.screenshot({ path: path.join(shots, "acceptance-evidence.png") });
  await tabTo(page, /^Accept Spain$/, 5);
  await page.keyboard.press("Enter");
  await expect(tags.getByTestId("tag-chip").filter({ hasText: /^Spain/ })).toHaveAttribute("data-state", "accepted");
  await expect(page.getByText("Accepted Spain.")).toBeVisible();

  // d: its duplicates; c: confirm the copy.
  await page.locator("body").click({ position: { x: 5, y: 5 } }); // focus back on the page, as Escape would
  await page.keyboard.press("d");
  await expect(page).toHaveURL(/\/duplicates\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("exact");
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("c");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("confirmed");
  await page.screenshot({ path: path.join(shots, "acceptance-duplicate.png") });

  // Back to the story and mark it reviewed: e.
  await page.goto(articleUrl);
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("e");
  await expect(page.getByText("Marked reviewed: 1 article.")).toBeVisible();
  // The desk moves on to the next story of the queue; the reviewed one shows its history.
  await expect(page).not.toHaveURL(articleUrl);
  await page.goto(articleUrl);
  await expect(page.getByRole("button", { name: /Reopen/ })).toBeVisible();
  const history = page.locator("section", { has: page.getByRole("heading", { name: "History" }) });
  await expect(history).toContainText("tag.accept");
  await expect(history).toContainText("article.status");
  expect(await axeProblems(page)).toEqual([]);
  await page.screenshot({ path: path.join(shots, "acceptance-reviewed.png"), fullPage: true });

  // Filter by Ukraine, then search "Sanchez".
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("/");
  await tabTo(page, /^Place: Any place$/);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Uk");
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/place=UA/);
  await page.keyboard.press("Escape");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Peace talks feel far away for Ukraine's soldiers");
  await page.screenshot({ path: path.join(shots, "acceptance-ukraine.png") });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("/");
  await page.keyboard.type("Sanchez");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=Sanchez/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Tens of thousands rally in Spain for PM Sanchez");
  await page.screenshot({ path: path.join(shots, "acceptance-search.png") });
});

test("a long queue: a virtualized list that loads as it scrolls, bulk selection with undo, saved views", async ({ page }) => {
  // 300 more articles, so the queue is longer than a page and a screen.
  const lines = Array.from({ length: 300 }, (_, i) =>
    JSON.stringify({
      uri: `urn:test:long-queue:${i}`,
      headline: `Council budget briefing number ${i} for the harbour district`,
      body_text: `Item ${i}: the council published line ${i * 7} of its budget, covering road repairs, school meals and ${i % 11} other matters in the harbour district, with figures ${i * 13} and ${i * 17}.`,
    }),
  );
  const res = await page.request.post("/api/ingest", {
    multipart: { files: { name: "long.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(lines.join("\n")) } },
  });
  expect(res.ok()).toBe(true);

  await page.goto("/?status=all");
  await expect(page.getByTestId("article-count")).toContainText("303 stories");
  const rows = page.getByTestId("article-row");
  await expect(rows.first()).toBeVisible();
  // Only the rows near the screen are in the page.
  expect(await rows.count()).toBeLessThan(40);
  // Scrolling to the end loads the next pages, and the oldest (the seed's) comes into view.
  for (let i = 0; i < 12 && !(await page.getByRole("link", { name: /Peace talks feel far away/ }).isVisible()); i++) {
    await page.keyboard.press("End");
    await page.waitForTimeout(300);
  }
  await expect(page.getByRole("link", { name: /Peace talks feel far away/ })).toBeVisible();
  expect(await rows.count()).toBeLessThan(40);

  // Select two with x, mark both reviewed with e, then undo from the toast.
  await page.keyboard.press("Home");
  await page.goto("/?status=new");
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByTestId("bulk-bar")).toContainText("2 selected");
  const first = await rows.nth(0).locator("a[data-headline]").textContent();
  await page.screenshot({ path: path.join(shots, "queue-selection.png") });
  await page.keyboard.press("e");
  await expect(page.getByText("Marked reviewed: 2 articles.")).toBeVisible();
  await expect(page.getByTestId("article-count")).toContainText("300 stories"); // 303, less the story reviewed above and these two
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone for 2 articles.")).toBeVisible();
  await expect(page.getByTestId("article-count")).toContainText("302 stories");
  // Both are new again: the first of them is back among the newest of the New tab.
  const newest = (await (await page.request.get("/api/articles?status=new&limit=3")).json()) as { items: { headline: string; status: string }[] };
  expect(newest.items.map((i) => i.headline)).toContain(first!.trim());

  // Save a filtered queue as a view, and come back to it by the palette.
  await page.goto("/?q=harbour");
  await page.getByRole("button", { name: "+ Save this view" }).click();
  await page.getByLabel("Name of the view").fill("New copy");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Saved the view “New copy”.")).toBeVisible();
  await page.goto("/ingest");
  await page.keyboard.press("Control+k");
  await page.keyboard.type("New copy");
  // The saved views arrive after the palette opens: Enter once the view, not "search for …", is the chosen option.
  await expect(page.getByRole("option", { name: "New copy", exact: true })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/\?q=harbour$/);
  await expect(page.getByRole("link", { name: "New copy" })).toHaveAttribute("aria-current", "page");
});

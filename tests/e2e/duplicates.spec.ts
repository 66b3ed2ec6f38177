import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { axeProblems } from "./axe";

const shots = path.resolve("tests/artifacts");

const linkId = (href: string | null) => Number(href?.split("/").pop());
const rowIds = (page: Page) => page.getByTestId("link-row").evaluateAll((as) => as.map((a) => Number((a as HTMLAnchorElement).href.split("/").pop())));

test.describe("as an editor", () => {
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
    const pair = page.url();
    const texts = page.getByTestId("compared-text");
    await expect(texts).toHaveCount(2);
    await expect(texts.first()).toContainText("A coordinated international crackdown");
    await page.screenshot({ path: path.join(shots, "side-by-side.png"), fullPage: true });
    expect(await axeProblems(page)).toEqual([]);

    // Confirming moves on to the next open pair; Undo comes back to this one, reopened.
    await page.getByRole("button", { name: /Confirm duplicate/ }).click();
    await expect(page.getByText("Confirmed as a duplicate. This is the next open pair.")).toBeVisible();
    await expect(page).not.toHaveURL(pair);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("suggested");
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page).toHaveURL(pair);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("suggested");

    // Confirmed, the original is the publisher's copy, not the aggregator's.
    await page.getByRole("button", { name: /Confirm duplicate/ }).click();
    await expect(page).not.toHaveURL(pair);
    await page.goto(pair);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("confirmed");
    await expect(page.getByRole("region", { name: "Express Tribune" }).getByText("The copy this group keeps")).toBeVisible();
    await page.getByRole("button", { name: /Reopen/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("suggested");

    await page.getByRole("button", { name: /Not a duplicate/ }).click();
    await expect(page).not.toHaveURL(pair);
    await page.goto("/duplicates?state=dismissed");
    await expect(page.getByTestId("link-row").filter({ hasText: "Interpol" })).toHaveCount(1);
  });

  test("an editor reviews the pairs by keyboard", async ({ page }) => {
    await page.goto("/duplicates");
    await page.waitForLoadState("networkidle");
    const ids = await rowIds(page);
    expect(ids.length).toBeGreaterThan(3);
    const focused = page.locator("a[data-testid=link-row]:focus");

    // j/k move a visible focus through the pairs.
    await page.keyboard.press("j");
    await expect(focused).toHaveAttribute("href", `/duplicates/${ids[0]}`);
    await expect(focused).toHaveCSS("outline-style", "solid");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await expect(focused).toHaveAttribute("href", `/duplicates/${ids[2]}`);
    await page.keyboard.press("k");
    await expect(focused).toHaveAttribute("href", `/duplicates/${ids[1]}`);
    await page.screenshot({ path: path.join(shots, "duplicates-focus.png") });

    // Enter opens the focused pair; there j/k and ]/[ step through the list.
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/duplicates/${ids[1]}`);
    await expect(page.getByTestId("pair-position")).toHaveText(`pair 2 of ${ids.length}`);
    await page.waitForLoadState("networkidle");
    await page.keyboard.press("j");
    await expect(page).toHaveURL(`/duplicates/${ids[2]}`);
    await page.keyboard.press("k");
    await expect(page).toHaveURL(`/duplicates/${ids[1]}`);
    await page.keyboard.press("]");
    await expect(page).toHaveURL(`/duplicates/${ids[2]}`);
    await page.keyboard.press("[");
    await expect(page).toHaveURL(`/duplicates/${ids[1]}`);
    await expect(page.getByTestId("pair-position")).toHaveText(`pair 2 of ${ids.length}`);

    // c confirms and opens the next open pair; n on it dismisses it and moves on again.
    await page.keyboard.press("c");
    await expect(page).toHaveURL(`/duplicates/${ids[2]}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("suggested");
    await page.waitForLoadState("networkidle");
    await page.keyboard.press("n");
    await expect(page).not.toHaveURL(`/duplicates/${ids[2]}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("suggested");
    // Undo from the toast comes back to the dismissed pair, open again.
    await page.locator("[data-sonner-toast]").filter({ hasText: "Marked not a duplicate" }).getByRole("button", { name: "Undo" }).click();
    await expect(page).toHaveURL(`/duplicates/${ids[2]}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("suggested");

    // Escape goes back to the list; the confirmed pair has left it.
    await page.waitForLoadState("networkidle");
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL("/duplicates");
    await expect(page.locator(`a[href="/duplicates/${ids[1]}"]`)).toHaveCount(0);
    await expect(page.locator(`a[href="/duplicates/${ids[2]}"]`)).toHaveCount(1);
    // (Put back, so later tests find the demo's pairs as they were.)
    await page.goto(`/duplicates/${ids[1]}`);
    await page.getByRole("button", { name: /Reopen/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("suggested");
  });

  test("in a pair the differences stand out, in light and in dark", async ({ page }) => {
    await page.goto("/duplicates");
    // A near copy: the same story with small edits, so the two texts differ a little.
    await page.getByTestId("link-row").filter({ has: page.getByText("near", { exact: true }) }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("near");
    const legend = page.getByTestId("compare-legend");
    await expect(legend).toContainText("only in the first copy");
    await expect(legend).toContainText("only in the second copy");
    await expect(legend).toContainText("the text both share is plain");
    // What differs is marked, as removed on the first side and added on the second, and not much else.
    const [first, second] = [page.getByTestId("compared-text").first(), page.getByTestId("compared-text").last()];
    const marked = async (side: typeof first, tag: string) => {
      const count = await side.locator(`${tag}[data-testid=difference]`).count();
      const share = await side.evaluate((el, t) => [...el.querySelectorAll(t)].reduce((n, m) => n + (m.textContent ?? "").length, 0) / (el.textContent ?? "").length, tag);
      return { count, share };
    };
    const a = await marked(first, "del");
    const b = await marked(second, "ins");
    expect(a.count + b.count).toBeGreaterThan(0);
    expect(a.share).toBeLessThan(0.5);
    expect(b.share).toBeLessThan(0.5);
    // The shared text has no background: it reads as plain text.
    await expect(first.locator("span").first()).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    const mark = b.count > 0 ? second.locator("ins").first() : first.locator("del").first();
    await expect(mark).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    await page.screenshot({ path: path.join(shots, "pair-differences-light.png"), fullPage: true });
    expect(await axeProblems(page)).toEqual([]);

    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: path.join(shots, "pair-differences-dark.png"), fullPage: true });
    expect(await axeProblems(page)).toEqual([]);
  });

  test("keep the original of a cluster and mark the rest reviewed, then undo it", async ({ page }) => {
    await page.goto("/duplicates");
    const cluster = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: /^Keep the original/ }) }).first();
    const linkIds = await cluster.getByTestId("link-row").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")));
    expect(linkIds.length).toBeGreaterThan(0);
    const first = linkId(linkIds[0]!);
    await cluster.getByRole("button", { name: /^Keep the original/ }).click();
    await expect(page.getByText(/Kept one copy; \d+ links? confirmed, \d+ cop(y|ies) marked reviewed\./)).toBeVisible();
    // The cluster's links are confirmed now, and its copies other than the original reviewed.
    await page.goto(`/duplicates/${first}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("confirmed");
    await expect(page.getByText("The copy this group keeps")).toBeVisible();
    await page.screenshot({ path: path.join(shots, "cluster-kept.png"), fullPage: true });
    await page.goto("/duplicates?state=confirmed");
    await expect(page.locator(`a[href="/duplicates/${first}"]`)).toHaveCount(1);
  });
});

test.describe("as a viewer", () => {
  test.beforeEach(async ({ login }) => login("viewer"));

  test("a viewer reads the duplicates and moves through the pairs, without the editor's actions", async ({ page }) => {
    await page.goto("/duplicates");
    await page.waitForLoadState("networkidle");
    expect(await axeProblems(page)).toEqual([]);
    const ids = await rowIds(page);
    await page.keyboard.press("j");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/duplicates/${ids[0]}`);
    await expect(page.getByRole("button", { name: /Confirm duplicate/ })).toHaveCount(0);
    await page.waitForLoadState("networkidle");
    // c does nothing for a viewer; j still moves on.
    await page.keyboard.press("c");
    await page.keyboard.press("j");
    await expect(page).toHaveURL(`/duplicates/${ids[1]}`);
    expect(await axeProblems(page)).toEqual([]);
  });
});

// On the store that starts empty (the acceptance walk's), where every open pair is this test's own.
test.describe("the last open pair", () => {
  test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}` });
  test.beforeEach(async ({ login }) => login("editor"));

  const word = `Brackwater${Date.now().toString(36)}`;
  const stories = [
    [
      `Volunteers in ${word} rebuilt the footbridge over the mill stream on Sunday, a year after floodwater carried the old timber span away.`,
      "The parish council paid for the steel frame, and a local sawmill gave the oak boards that now carry walkers from the church to the allotments.",
    ],
    [
      `The ${word} chess club won the county league for the first time in forty years, beating the holders on the final board after six hours of play.`,
      "Its youngest player, a fourteen-year-old who joined two winters ago, drew with a former national champion to keep the match level.",
    ],
  ].map((s) => s.join("\n\n"));
  const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const csv = [
    "uri,headline,body_text",
    ...stories.flatMap((body, n) => [
      [`urn:test:${word}:${n}a`, `Story ${n} from ${word}`, body],
      [`urn:test:${word}:${n}b`, `Story ${n} again, from ${word}`, body],
    ]).map((r) => r.map(cell).join(",")),
  ].join("\n");

  test("after the last open pair is decided the desk says none is left", async ({ page }) => {
    await page.goto("/ingest");
    await page.getByLabel("Files").setInputFiles({ name: `${word}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByLabel("Source").fill(`Parish ${word}`);
    await page.getByRole("button", { name: "Ingest" }).click();
    await expect(page.getByTestId("ingest-result")).toContainText("4 new, 0 updated, 2 duplicates flagged, 0 skipped, 0 failed", { timeout: 30_000 });

    // Every open pair in turn, each decision opening the next, till the last.
    await page.goto("/duplicates");
    await page.waitForLoadState("networkidle");
    const ids = await rowIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("j");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/duplicates/${ids[0]}`);
    const seen = [ids[0]];
    for (let i = 1; i < ids.length; i++) {
      await page.waitForLoadState("networkidle");
      await page.keyboard.press(i % 2 ? "c" : "n");
      await expect(page).not.toHaveURL(`/duplicates/${seen[seen.length - 1]}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("suggested");
      seen.push(linkId(page.url()));
    }
    expect([...seen].sort()).toEqual([...ids].sort());
    await page.waitForLoadState("networkidle");
    await page.keyboard.press("n");
    await expect(page.getByTestId("none-left")).toHaveText("That was the last open pair. Back to the duplicates");
    await expect(page.getByText("Marked not a duplicate. No open pairs are left.")).toBeVisible();
    await expect(page).toHaveURL(`/duplicates/${seen[seen.length - 1]}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("dismissed");
    await page.screenshot({ path: path.join(shots, "duplicates-none-left.png") });
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole("link", { name: "Back to the duplicates" }).click();
    await expect(page.getByText("No copies here.")).toBeVisible();
  });
});

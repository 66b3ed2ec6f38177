// The desk's second pass, as an editor sees it: the URL as the one source of truth for
// filters, a dense list with a reading pane, arrival and publication times, the palette's
// story search, mouse and keys together, the article page's flow, server-rendered rows,
// the phone, and the smaller points (live counts, offline, Esc, search syntax, viewers).
import path from "node:path";
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

const shots = path.resolve("tests/artifacts");
const rows = (page: Page) => page.getByTestId("article-row");
const currentRow = (page: Page) => page.locator("[data-testid=article-row][aria-current=true]");
const facet = (page: Page, name: string) => page.getByTestId("queue-toolbar").locator("summary", { hasText: new RegExp(`^${name}`) });
const count = async (page: Page) => Number((await page.getByTestId("article-count").textContent())?.replace(/,/g, "").match(/\d+/)?.[0]);
const headlineOf = async (page: Page, i: number) => (await rows(page).nth(i).locator("a[data-headline]").textContent())!;

test.describe("as an editor", () => {
  test.beforeEach(async ({ login }) => login("editor"));

  test("the filter controls, the tabs, the counts and the list always show the URL's filter", async ({ page }) => {
    await page.goto("/?status=all");
    const all = await count(page);
    await page.goto("/?status=all&place=ES&topic=medtop:02000000");
    await expect(facet(page, "Place")).toContainText("Spain");
    await expect(facet(page, "Topic")).toContainText("crime");
    const filtered = await count(page);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    await expect(rows(page).filter({ hasText: "Armed gang robs Madrid jewellery shop" })).toHaveCount(1);
    // The top bar's Queue link: every control, tab and the list back to the unfiltered queue (it opens on New).
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Queue" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(facet(page, "Place")).toContainText("Any place");
    await expect(facet(page, "Topic")).toContainText("Any topic");
    await expect(page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: /^New/ })).toHaveAttribute("aria-current", "page");
    const news = Number(await page.getByTestId("count-new").textContent());
    await expect.poll(() => count(page)).toBe(news);
    // Back: the filter, in the controls and the list alike.
    await page.goBack();
    await expect(page).toHaveURL(/place=ES/);
    await expect(facet(page, "Place")).toContainText("Spain");
    await expect.poll(() => count(page)).toBe(filtered);
    // A change in a control is applied at once, no Filter button: add a second place (either of them).
    await facet(page, "Place").click();
    await page.getByTestId("queue-toolbar").getByRole("checkbox", { checked: false }).first().click();
    await expect(page).toHaveURL(/place=ES(%2C|,)[A-Z]{2}/);
    await expect(facet(page, "Place")).toContainText("Spain +1");
    await page.keyboard.press("Escape");
    // A saved view opened from the palette shows its filter in the controls.
    const name = `Spain crime ${Date.now()}`;
    await page.goto("/?status=all&place=ES&topic=medtop:02000000");
    await page.getByRole("button", { name: "+ Save this view" }).click();
    await page.getByLabel("Name of the view").fill(name);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("link", { name })).toBeVisible();
    await page.goto("/");
    await expect(facet(page, "Place")).toContainText("Any place");
    await page.keyboard.press("Control+k");
    await page.keyboard.type(name);
    await expect(page.getByRole("option", { name, exact: true })).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/place=ES/);
    await expect(facet(page, "Place")).toContainText("Spain");
    await expect(facet(page, "Topic")).toContainText("crime");
    await expect.poll(() => count(page)).toBe(filtered);
  });

  test("a dense list at 1280×800 with a reading pane that follows j and k; the desk opens on New", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: /^New/ })).toHaveAttribute("aria-current", "page");
    await expect(rows(page).first()).toBeVisible();
    // Every filter control and Sort on one line: a row of the list more on screen.
    const tops = await Promise.all(
      ["Language", "Arrived", "Duplicates", "Sort"].map(async (name) => (await page.getByRole("combobox", { name }).boundingBox())?.y),
    );
    expect(new Set(tops.map((y) => Math.round(y ?? -1))).size, `control tops ${tops.join(", ")}`).toBe(1);
    const onScreen = await rows(page).evaluateAll((els) => els.filter((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }).length);
    expect(onScreen).toBeGreaterThanOrEqual(9);
    // A row shows the chips it has room for, whole, and none runs past the row into the reading pane.
    const past = await rows(page).evaluateAll((els) =>
      els.flatMap((row) => {
        const box = row.querySelector('[data-testid="row-chips"]')?.getBoundingClientRect();
        if (!box) return [];
        const shown = [...row.querySelectorAll('[data-testid="row-chips"] > *')].filter((c) => c.getBoundingClientRect().top < box.bottom);
        return shown.filter((c) => c.getBoundingClientRect().right > row.getBoundingClientRect().right + 0.5).map((c) => c.textContent);
      }),
    );
    expect(past, "chips past their row's right edge").toEqual([]);
    await expect(page.getByTestId("reading-pane")).toHaveCount(0);
    await page.keyboard.press("j");
    const pane = page.getByTestId("reading-pane");
    await expect(pane.getByRole("heading", { level: 2 })).toHaveText(await headlineOf(page, 0));
    await expect(pane.getByTestId("tag-chip").first()).toBeVisible();
    await page.keyboard.press("j");
    await expect(pane.getByRole("heading", { level: 2 })).toHaveText(await headlineOf(page, 1));
    await page.keyboard.press("k");
    await expect(pane.getByRole("heading", { level: 2 })).toHaveText(await headlineOf(page, 0));
    await page.screenshot({ path: path.join(shots, "queue-pane.png") });
  });

  test("rows say they are sorted by arrival, show publication beside it, and sort by publication on request", async ({ page }) => {
    await page.goto("/?status=all");
    await expect(page.getByTestId("article-count")).toContainText("newest arrival first");
    const times = async () =>
      rows(page).evaluateAll((els) => els.map((e) => [...e.querySelectorAll("[data-testid=row-time] time")].map((t) => Date.parse(t.getAttribute("datetime")!))));
    // The demo's stories were published days apart but arrived together: a row shows both.
    await expect(rows(page).locator("[data-testid=row-time]", { hasText: "pub." }).first()).toBeVisible();
    const byArrival = (await times()).map((t) => t[0]!);
    expect(byArrival).toEqual([...byArrival].sort((a, b) => b - a));
    await page.getByLabel("Sort").selectOption("published");
    await expect(page).toHaveURL(/sort=published/);
    await expect(page.getByTestId("article-count")).toContainText("newest published first");
    await expect.poll(async () => {
      const lead = (await times()).map((t) => t[0]!);
      return lead.length > 3 && lead.every((t, i) => i === 0 || t <= lead[i - 1]!);
    }).toBe(true);
  });

  test("the palette shows matching stories as the editor types, and the search entry", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Control+k");
    await page.keyboard.type("interpol");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await expect(palette.getByRole("option", { name: /International child abuse ring dismantled/ })).toBeVisible();
    await expect(palette.getByRole("option", { name: /Search the queue for “interpol”/ })).toBeVisible();
    await expect(palette.getByText("Nothing matches")).toHaveCount(0);
    await palette.getByRole("option", { name: /International child abuse ring dismantled/ }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("International child abuse ring dismantled");
  });

  test("mouse and keys together: a ticked box keeps the keys, a click on a row selects it, on the excerpt opens it", async ({ page }) => {
    await page.goto("/?status=all");
    await rows(page).nth(0).getByRole("checkbox").click();
    await expect(page.getByTestId("bulk-bar")).toContainText("1 selected");
    await page.keyboard.press("j");
    await expect(currentRow(page)).toHaveCount(1);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("bulk-bar")).toHaveCount(0);
    // A click on the row's times (not a link) makes it the current row, and the keys then act on it.
    await rows(page).nth(3).getByTestId("row-time").click();
    await expect(rows(page).nth(3)).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("j");
    await expect(rows(page).nth(4)).toHaveAttribute("aria-current", "true");
    const headline = await headlineOf(page, 2);
    await rows(page).nth(2).getByTestId("row-excerpt").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  });

  test("the article page keeps the queue's flow: j/k, the next story after a decision, and back to the same row", async ({ page }) => {
    await page.goto("/?status=all");
    const second = await headlineOf(page, 1);
    const third = await headlineOf(page, 2);
    const fourth = await headlineOf(page, 3);
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(second);
    await page.keyboard.press("j");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(third);
    await page.keyboard.press("k");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(second);
    await page.keyboard.press("]");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(third);
    // A decision moves on to the next story of the list.
    await page.keyboard.press("e");
    await expect(page.getByText(/Marked reviewed: 1 article/).last()).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fourth);
    await page.keyboard.press("z");
    await expect(page.getByText(/Undone for 1 article/).last()).toBeVisible();
    // Esc: back to the queue, its filter and the row the editor was on.
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/\/\?status=all$/);
    await expect(currentRow(page).locator("a[data-headline]")).toHaveText(fourth);
    // Staying is a choice the page remembers.
    await page.keyboard.press("Enter");
    await page.getByLabel("After a decision").selectOption("stay");
    await page.getByRole("heading", { level: 1 }).click(); // out of the select: keys are not taken while a field has focus
    await page.keyboard.press("e");
    await expect(page.getByText(/Marked reviewed: 1 article/).last()).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fourth);
    await page.keyboard.press("z");
    await expect(page.getByText(/Undone for 1 article/).last()).toBeVisible();
    await page.getByLabel("After a decision").selectOption("next");
  });

  test("the first page of rows comes with the page (server-rendered), with skeletons where data is still coming", async ({ page }) => {
    const html = await (await page.request.get("/?status=all")).text();
    const served = html.match(/data-testid="article-row"/g)?.length ?? 0;
    expect(served).toBeGreaterThanOrEqual(10);
    await page.goto("/?status=all");
    await expect(page.getByTestId("count-all")).not.toHaveText("…");
  });

  test("the minor points: live tab counts, Esc, search syntax with marks, offline refused", async ({ page, context }) => {
    await page.goto("/");
    const before = Number(await page.getByTestId("count-new").textContent());
    await page.keyboard.press("j");
    await page.keyboard.press("e");
    await expect(page.getByText(/Marked reviewed/)).toBeVisible();
    await expect(page.getByTestId("count-new")).toHaveText(String(before - 1));
    await page.keyboard.press("z");
    await expect(page.getByTestId("count-new")).toHaveText(String(before));

    // Esc closes the key list, and leaves the search box.
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toHaveCount(0);
    await page.keyboard.press("/");
    await expect(page.getByRole("searchbox")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("searchbox")).not.toBeFocused();
    await page.keyboard.press("j");
    await expect(currentRow(page)).toHaveCount(1);

    // Search: the words are marked; -word excludes; OR gives alternatives.
    await page.goto("/?status=all&q=Interpol");
    await expect(rows(page).first().locator("mark").first()).toHaveText(/interpol/i);
    await page.goto("/?status=all&q=Madrid");
    const madrid = await count(page);
    await page.goto("/?status=all&q=Madrid%20-jewellery");
    await expect.poll(() => count(page)).toBe(madrid - 1);
    await expect(rows(page).filter({ hasText: "jewellery" })).toHaveCount(0);
    await page.goto("/?status=all&q=Interpol%20OR%20jewellery");
    await expect(rows(page).filter({ hasText: "Armed gang robs Madrid jewellery shop" })).toHaveCount(1);
    await expect(rows(page).filter({ hasText: "International child abuse ring dismantled" })).toHaveCount(1);

    // Offline: the desk says so, and a decision is refused, not shown as done.
    await page.goto("/");
    await page.keyboard.press("j");
    await context.setOffline(true);
    await expect(page.getByTestId("offline-notice")).toBeVisible();
    await page.keyboard.press("e");
    await expect(page.getByText(/You are offline: nothing was sent/)).toBeVisible();
    await expect(currentRow(page)).toHaveAttribute("data-status", "new");
    await context.setOffline(false);
    await expect(page.getByTestId("offline-notice")).toHaveCount(0);
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test.beforeEach(async ({ login }) => login("editor"));

  test("the queue fits the screen, filters open in a sheet, and rows have buttons instead of keys", async ({ page }) => {
    await page.goto("/?status=all");
    await expect(rows(page).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Duplicates" })).toBeVisible();
    await expect(facet(page, "Place")).toBeHidden();
    await page.getByRole("button", { name: /^Filters/ }).tap();
    await expect(facet(page, "Place")).toBeVisible();
    await page.getByRole("button", { name: "Done" }).tap();
    await expect(facet(page, "Place")).toBeHidden();
    await expect(page.getByText("j/k move")).toBeHidden();
    const row = rows(page).first();
    await expect(row.getByRole("button", { name: "Reviewed" })).toBeVisible();
    await expect(row.getByRole("button", { name: "Spike" })).toBeVisible();
    await page.screenshot({ path: path.join(shots, "queue-phone.png") });
    // The article page fits too.
    await row.locator("a[data-headline]").tap();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe("as a viewer", () => {
  test.beforeEach(async ({ login }) => login("viewer"));

  test("a viewer reads the queue without checkboxes, edit keys or saving views", async ({ page }) => {
    await page.goto("/?status=all&place=ES");
    await expect(rows(page).first()).toBeVisible();
    await expect(rows(page).first().getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Save this view/ })).toHaveCount(0);
    await expect(page.getByTestId("article-count")).not.toContainText("x select");
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await expect(palette.getByRole("option", { name: /Go to Ingest|^Ingest$/ })).toHaveCount(0);
    await expect(palette.getByRole("option", { name: /mark reviewed/i })).toHaveCount(0);
  });
});

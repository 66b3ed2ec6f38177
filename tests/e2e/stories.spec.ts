// Stories on the desk, in Chromium: a story row expands by keyboard,
// reviewing a story reviews its copies, a late copy joins its story, and a
// copy an editor dismisses leaves the story and stays out after re-ingest.
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { axeProblems } from "./axe";

const shots = path.resolve("tests/artifacts");

test.beforeEach(async ({ login }) => login("editor"));

/**
 * A wire story of its own for each test (different stories, not one template
 * with other names: those would rightly be one story), carrying a made-up
 * word so that a search finds it alone in the shared demo store.
 */
const STORIES = [
  [
    "Customs officers at the northern port said on Wednesday they had seized a shipment of WORD worth about 2 million euros hidden in a container of frozen fish from the south.",
    "The cargo was found during a routine check of the refrigerated containers, and two drivers were questioned by police before being released without charge later that evening.",
    "Officials said the goods would be destroyed after samples were taken, and that the importer named on the papers had stopped answering calls from the port authority.",
  ],
  [
    "Engineers closed the old railway viaduct over the river WORD on Thursday after divers found a crack in one of its stone piers during an inspection ordered last spring.",
    "Commuter trains between the two market towns were replaced by buses, and the regional operator warned passengers that journeys would take up to forty minutes longer.",
    "A spokeswoman for the rail agency said repairs could not begin until the spring floods had passed, and that the viaduct might stay shut for most of the summer.",
  ],
  [
    "Teachers at more than a hundred secondary schools in the WORD district walked out on Monday in a dispute over class sizes and unpaid overtime for exam supervision.",
    "The union said nine in ten of its members had backed the strike in a ballot last month, while the education authority called the walkout premature and regrettable.",
    "Parents were told to keep younger pupils at home, though most schools kept their libraries open for students preparing for the final examinations in June.",
  ],
  [
    "Thieves broke into the WORD maritime museum overnight and took a collection of silver navigation instruments that had been on loan from a private family archive.",
    "Police said the burglars cut through a skylight and disabled two alarm sensors, and that the theft was only discovered when cleaners arrived early on Saturday.",
    "The museum director appealed to collectors and auction houses to watch for the pieces, which she said were of great historical value but would be hard to sell openly.",
  ],
];
let nextStory = 0;
const storyFor = new Map<string, string>();
function wireStory(word: string) {
  if (!storyFor.has(word)) storyFor.set(word, STORIES[nextStory++ % STORIES.length]!.map((p) => p.replace("WORD", word)).join("\n\n"));
  return storyFor.get(word)!;
}

async function ingest(request: APIRequestContext, name: string, items: object[]) {
  const res = await request.post("/api/ingest", {
    multipart: { files: { name, mimeType: "application/x-ndjson", buffer: Buffer.from(items.map((i) => JSON.stringify(i)).join("\n")) } },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as { totals?: Record<string, number> };
}

/** A copy as another masthead runs it: a few words changed. */
const lightEdit = (body: string) => body.replace(" said ", " told reporters ").replace(", and ", "; ").replace(" would ", " will ");

/** A story of a wire copy and a lightly edited copy from another source. */
async function twoCopies(request: APIRequestContext, word: string) {
  const body = wireStory(word);
  await ingest(request, `${word}-wire.ndjson`, [{ uri: `${word}-wire`, headline: `Port seizes ${word} in fish container`, body_text: body, infosources: [{ name: "Meridian Wire" }] }]);
  await ingest(request, `${word}-post.ndjson`, [
    {
      uri: `${word}-post`,
      headline: `${word} found in frozen fish at port`,
      body_text: lightEdit(body),
      infosources: [{ name: "Harbour Post" }],
    },
  ]);
  return body;
}

interface Row {
  id: number;
  storyId: number | null;
  status: string;
  headline: string;
}

async function rowsFor(request: APIRequestContext, word: string, view = "articles"): Promise<Row[]> {
  const res = await request.get(`/api/articles?q=${word}&view=${view}`);
  return ((await res.json()) as { items: Row[] }).items;
}

async function openQueue(page: Page, word: string) {
  await page.goto(`/?q=${word}&status=all`);
  await page.waitForLoadState("networkidle");
}

const unique = (stem: string) => `${stem}${Date.now().toString(36)}`;

test("a story row shows its copies, expands by keyboard, and its page shows the timeline", async ({ page }) => {
  const word = unique("zqsaffron");
  await twoCopies(page.request, word);
  await openQueue(page, word);
  const rows = page.getByTestId("article-row");
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("article-count")).toContainText("1 story");
  await expect(rows.first().getByTestId("story-toggle")).toHaveText(/2 copies · 2 sources/);
  await expect(rows.first().getByTestId("story-toggle")).toHaveAttribute("aria-expanded", "false");

  // j to the row, o (or →) to expand, o (or ←) to fold.
  await page.keyboard.press("j");
  await page.keyboard.press("o");
  // Under the row (the reading pane beside the list lists them too).
  const copies = page.getByRole("region", { name: "Stories" }).getByTestId("story-copy");
  await expect(copies).toHaveCount(2);
  await expect(rows.first().getByTestId("story-toggle")).toHaveAttribute("aria-expanded", "true");
  await expect(copies.first()).toContainText("ran it first");
  await expect(copies.nth(1)).toContainText("against Meridian Wire's copy");
  await expect(copies.nth(1)).toContainText("Harbour Post");
  await page.screenshot({ path: path.join(shots, "story-row-expanded.png") });
  expect(await axeProblems(page)).toEqual([]);
  await page.keyboard.press("ArrowLeft");
  await expect(copies).toHaveCount(0);
  await page.keyboard.press("ArrowRight");
  await expect(copies).toHaveCount(2);

  // The story page: who ran it first, who copied it.
  await page.getByRole("region", { name: "Stories" }).getByRole("link", { name: "The story: timeline and changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Port seizes ${word} in fish container`);
  const entries = page.getByTestId("timeline-entry");
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText("ran it first");
  await expect(entries.nth(1)).toHaveAttribute("data-kind", "copy");
  await page.screenshot({ path: path.join(shots, "story-page.png"), fullPage: true });
  expect(await axeProblems(page)).toEqual([]);
});

test("reviewing a story reviews every copy, and undo reopens them all", async ({ page }) => {
  const word = unique("zqcinnamon");
  await twoCopies(page.request, word);
  await openQueue(page, word);
  await page.keyboard.press("j");
  await page.keyboard.press("e");
  await expect(page.getByText("Marked reviewed: 2 articles.")).toBeVisible();
  await expect.poll(async () => (await rowsFor(page.request, word)).map((r) => r.status)).toEqual(["reviewed", "reviewed"]);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone for 2 articles.")).toBeVisible();
  await expect.poll(async () => (await rowsFor(page.request, word)).map((r) => r.status)).toEqual(["new", "new"]);
});

test("a late copy joins its story, as reviewed copy when the story was reviewed", async ({ page }) => {
  const word = unique("zqnutmeg");
  const body = await twoCopies(page.request, word);
  await openQueue(page, word);
  await page.keyboard.press("j");
  await page.keyboard.press("e");
  await expect(page.getByText("Marked reviewed: 2 articles.")).toBeVisible();

  await ingest(page.request, `${word}-late.ndjson`, [{ uri: `${word}-late`, headline: `Port haul of ${word}`, body_text: body, infosources: [{ name: "Coast Times" }] }]);
  await page.reload();
  const rows = page.getByTestId("article-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("story-toggle")).toHaveText(/3 copies · 3 sources/);
  await page.keyboard.press("j");
  await page.keyboard.press("o");
  const late = page.getByRole("region", { name: "Stories" }).getByTestId("story-copy").filter({ hasText: "Coast Times" });
  await expect(late).toHaveAttribute("data-status", "reviewed");
  await expect(late).toContainText("arrived after the story was reviewed");
  const stored = await rowsFor(page.request, word);
  expect(new Set(stored.map((r) => r.storyId)).size).toBe(1);
  // Not fresh news: the New tab does not list the story.
  await page.goto(`/?q=${word}&status=new`);
  await expect(page.getByText("No articles match these filters.")).toBeVisible();
});

test("a copy dismissed as not the same story leaves it, and stays out when it is ingested again", async ({ page }) => {
  const word = unique("zqclove");
  await twoCopies(page.request, word);
  const [copy] = (await rowsFor(page.request, word)).filter((r) => r.headline.startsWith(word));
  expect(copy).toBeDefined();
  // d's page: the side-by-side of its copy; n: not a duplicate.
  await page.goto(`/duplicates/for/${copy!.id}`);
  await expect(page).toHaveURL(/\/duplicates\/\d+$/);
  await page.waitForLoadState("networkidle");
  const pair = page.url();
  await page.keyboard.press("n");
  await expect(page.getByText(/Marked not a duplicate/).first()).toBeVisible();
  // The desk moves on to the next open pair (or says none is left); the decided pair shows its state.
  await page.goto(pair);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("dismissed");

  await openQueue(page, word);
  const rows = page.getByTestId("article-row");
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("story-toggle")).toHaveCount(0);

  // The same copy again, under its uri: still its own story.
  await ingest(page.request, `${word}-post.ndjson`, [
    {
      uri: `${word}-post`,
      headline: `${word} found in frozen fish at port`,
      body_text: lightEdit(wireStory(word)),
      infosources: [{ name: "Harbour Post" }],
    },
  ]);
  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("story-toggle")).toHaveCount(0);
  const stored = await rowsFor(page.request, word);
  expect(stored.every((r) => r.storyId === null)).toBe(true);
});

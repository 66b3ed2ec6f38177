// Live desk: a feed the worker polls publishes an article and it appears in
// an open queue without a reload; another editor's status change shows on an
// open article page; the sources page shows the feed's health.
import path from "node:path";
import { expect, test, demoEmail, DEMO_PASSWORD } from "./fixtures";
import { startFeedServer, type FeedServer } from "../support/feed-server";
import { rss, type FeedItem } from "../support/feeds";

const shots = path.resolve("tests/artifacts");
let server: FeedServer;

test.beforeAll(async () => {
  server = await startFeedServer();
});
test.afterAll(async () => {
  await server.close();
});

const first: FeedItem = {
  guid: "live-harbour-1",
  title: "Harbour cranes return after storm repairs",
  body: "The three cranes at the east harbour are back at work after the winter storm damaged their rails, the port authority said on Thursday.",
};
const second: FeedItem = {
  guid: "live-harbour-2",
  title: "Ferry timetable doubles for the summer season",
  body: "Ferries to the islands will sail twice as often from June, the operator announced, after record bookings in the spring.",
};

test("an article a feed publishes appears in the open queue without a reload", async ({ page, login }) => {
  // An admin: sources are an admin's to manage.
  await login("admin");
  const request = page.request;
  server.set("/harbour.xml", { body: rss("Harbour Post", [first]), etag: '"h1"' });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();
  // Anything that reloads the page loses this mark.
  await page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));

  const res = await request.post("/api/sources", {
    data: { name: "Harbour Post", feedUrl: server.url("/harbour.xml"), pollMinutes: 60, defaultTags: ["medtop:04000000"] },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: number };

  // The worker beside the server polls the new feed; the open queue says so, and shows it on request.
  const banner = page.getByRole("button", { name: /^1 new article: show$/ });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await banner.click();
  await expect(page.getByTestId("article-row").first()).toContainText(first.title!);
  await expect(banner).toHaveCount(0);

  // The New tab counts what the store holds, the arrival included, without a reload.
  const newTab = page.getByTestId("count-new");
  const newStories = async () => {
    const r = await request.get("/api/articles/facets?status=new");
    return ((await r.json()) as { total: number }).total;
  };
  const before = await newStories();
  await expect(newTab).toHaveText(before.toLocaleString("en"));

  // The feed publishes again; "poll now" asks the worker to look at once.
  server.set("/harbour.xml", { body: rss("Harbour Post", [second, first]), etag: '"h2"' });
  const poll = await request.post(`/api/sources/${id}/poll`);
  expect(poll.status()).toBe(202);
  const started = Date.now();
  await expect(banner).toBeVisible({ timeout: 20_000 });
  console.log(`live: second feed article announced ${Date.now() - started} ms after "poll now"`);
  // The rows wait for "show"; the tab's count (kept by the store, cheap to read) follows at once.
  await expect(newTab).toHaveText((before + 1).toLocaleString("en"));
  await expect(page.getByTestId("article-row").first()).not.toContainText(second.title!);
  await banner.click();
  await expect(page.getByTestId("article-row").first()).toContainText(second.title!);
  expect(await page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(1);
  // The feed was asked conditionally the second time, and answered in full.
  expect(server.seenAt("/harbour.xml").map((r) => [r.ifNoneMatch, r.status])).toEqual([
    [undefined, 200],
    ['"h1"', 200],
  ]);

  await page.goto("/sources");
  const row = page.getByTestId("source-row").filter({ hasText: "Harbour Post" });
  await expect(row.getByText("ok", { exact: true })).toBeVisible();
  await expect(row.getByText("2 total")).toBeVisible();
  await expect(row.getByText("every 60 min")).toBeVisible();
  await page.screenshot({ path: path.join(shots, "sources.png"), fullPage: true });
});

test("another editor's status change shows on an open article page without a reload", async ({ page, browser, login, baseURL }) => {
  await login("editor");
  await page.goto("/");
  await page.getByRole("link", { name: first.title! }).click();
  await expect(page.getByRole("heading", { level: 1, name: first.title! })).toBeVisible();
  const url = page.url();
  await page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));
  const header = page.locator("article p").filter({ hasText: "Harbour Post" }).first();
  await expect(header.getByText("new", { exact: true })).toBeVisible();

  // The other editor: the admin, signed in in a browser of their own.
  const other = await browser.newContext({ baseURL });
  const signIn = await other.request.post("/api/auth/sign-in/email", { data: { email: demoEmail("admin"), password: DEMO_PASSWORD }, headers: { origin: baseURL! } });
  expect(signIn.status()).toBe(200);
  const theirs = await other.newPage();
  await theirs.goto(url);
  await theirs.getByRole("button", { name: /Mark reviewed/ }).click();
  await expect(theirs.getByText("Marked reviewed: 1 article.")).toBeVisible();
  const changed = Date.now();

  await expect(header.getByText("reviewed", { exact: true })).toBeVisible({ timeout: 10_000 });
  console.log(`live: other editor's change shown ${Date.now() - changed} ms after it was made`);
  expect(await page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(1);
  await other.close();
});

test("a broken feed shows its error on the sources page", async ({ page, login }) => {
  await login("admin");
  const request = page.request;
  server.set("/broken.xml", { body: "<rss><channel><title>Broken", contentType: "application/rss+xml" });
  const res = await request.post("/api/sources", { data: { name: "Broken Gazette", feedUrl: server.url("/broken.xml"), pollMinutes: 5 } });
  expect(res.status()).toBe(201);
  await page.goto("/sources");
  const row = page.getByTestId("source-row").filter({ hasText: "Broken Gazette" });
  await expect(row.getByText(/failing ×1/)).toBeVisible({ timeout: 20_000 });
  await expect(row.getByText(/malformed XML|no readable items|not well-formed/)).toBeVisible();
  // Bad input is refused with a clear message.
  const bad = await request.post("/api/sources", { data: { name: "X", feedUrl: "ftp://example.org/feed", pollMinutes: 5 } });
  expect(bad.status()).toBe(422);
  expect(((await bad.json()) as { errors: { path: string; message: string }[] }).errors).toEqual([{ path: "body.feedUrl", message: "only http and https feeds can be polled" }]);
  await page.screenshot({ path: path.join(shots, "sources-failing.png"), fullPage: true });
});

// Ingest from the browser: the upload names its source (offered from the
// desk's sources, remembered per type of file), and the result says what
// became of each item, with links to what was stored.
import path from "node:path";
import { expect, test } from "./fixtures";
import { axeProblems } from "./axe";

const shots = path.resolve("tests/artifacts");
const seed = path.resolve("tests/fixtures/pages/seed-aggregator.txt");

// A made-up word per run keeps these items apart from the demo's and from an earlier run's.
const word = `Quillmere${Date.now().toString(36)}`;
const story = [
  `Harbour pilots in ${word} refused to guide tankers into the estuary on Friday after a dispute over night shifts and the age of the pilot boats.`,
  "Three ships waited at anchor off the breakwater through the afternoon, and the port company said deliveries of heating oil could slip by a day.",
  "The pilots' association said it had warned the port board twice since the winter that two of the four boats were no longer safe in rough water.",
].join("\n\n");

const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** Wiredesk's CSV columns: two copies of one story under their own uris, and a row with no body. */
const csv = [
  "uri,headline,body_text",
  [`urn:test:${word}:1`, `Pilots halt tanker traffic in ${word}`, story].map(cell).join(","),
  [`urn:test:${word}:2`, `Tankers held off ${word} as pilots walk out`, story].map(cell).join(","),
  [`urn:test:${word}:3`, `A row without its text`, ""].map(cell).join(","),
].join("\n");
const csvFile = { name: `wire-${word}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) };

test("an editor names the upload's source and sees what became of each item", async ({ page, login }) => {
  await login("editor");
  await page.goto("/ingest");
  const source = page.getByLabel("Source");
  // The desk's sources are offered.
  await expect(page.locator("#ingest-sources option[value='Daily8']")).toHaveCount(1);
  await expect(source).toHaveAttribute("list", "ingest-sources");

  // The seed page under the name the demo filed it under: every item is there already, and the result says so.
  await page.getByLabel("Files").setInputFiles(seed);
  await expect(source).toHaveValue("");
  await source.fill("Daily8");
  await page.getByRole("button", { name: "Ingest" }).click();
  const result = page.getByTestId("ingest-result");
  await expect(result).toContainText(/0 new, 0 updated, 0 duplicates flagged, [1-9]\d* skipped, 0 failed/, { timeout: 30_000 });
  const skipped = result.locator("li[data-outcome=skipped]");
  expect(await skipped.count()).toBeGreaterThan(1);
  for (const item of await skipped.all()) await expect(item).toContainText(/: already stored, unchanged; see the stored “.+”/);
  await expect(skipped.first().getByRole("link")).toHaveAttribute("href", /^\/articles\/\d+$/);
  await page.screenshot({ path: path.join(shots, "ingest-skipped.png"), fullPage: true });
  // The page's own story went in under the name given, not under its file's name.
  const own = skipped.filter({ hasText: "International child abuse ring dismantled" }).first();
  await own.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/International child abuse ring dismantled/);
  await expect(page.getByText("Daily8").first()).toBeVisible();
  await expect(page.getByText("seed-aggregator")).toHaveCount(0);

  // The source is remembered for .txt files, and not offered for another type.
  await page.goto("/ingest");
  await page.getByLabel("Files").setInputFiles(seed);
  await expect(source).toHaveValue("Daily8");
  await page.getByLabel("Files").setInputFiles(csvFile);
  await expect(source).toHaveValue("");

  // A wire's CSV: two copies stored and linked to their story, the row with no text failed where it stands.
  await source.fill(`Wire ${word}`);
  await page.getByRole("button", { name: "Ingest" }).click();
  await expect(result).toContainText("2 new, 0 updated, 1 duplicates flagged, 0 skipped, 1 failed", { timeout: 30_000 });
  // Line numbers count the file's lines: the two quoted bodies before it span several each.
  await expect(result.locator("li[data-outcome=failed]")).toHaveText(`failed at line ${2 + 2 * story.split("\n").length}: missing body`);
  const stored = result.locator("li[data-outcome=new]");
  await expect(stored).toHaveCount(2);
  for (const item of await stored.all()) await expect(item.getByRole("link").first()).toHaveAttribute("href", /^\/stories\/\d+$/);
  await expect(stored.filter({ hasText: "flagged as a copy (1 link)" })).toHaveCount(1);
  await page.screenshot({ path: path.join(shots, "ingest-result.png"), fullPage: true });
  expect(await axeProblems(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await axeProblems(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });

  // The story link opens the story, whose copies are filed under the source given.
  await stored.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/stories\/\d+$/);
  await expect(page.getByText(`Wire ${word}`).first()).toBeVisible();

  // Next time a .csv is chosen, its source is there already.
  await page.goto("/ingest");
  await page.getByLabel("Files").setInputFiles(csvFile);
  await expect(source).toHaveValue(`Wire ${word}`);
});

test("a viewer is told ingest is for editors, on a page axe finds sound", async ({ page, login }) => {
  await login("viewer");
  await page.goto("/ingest");
  await expect(page).toHaveURL(/\/not-allowed/);
  expect(await axeProblems(page)).toEqual([]);
});

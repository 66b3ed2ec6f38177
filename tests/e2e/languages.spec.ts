// Copy in other languages on the desk, in Chromium: each row shows the
// language ingest found for it, the language filter narrows the queue down
// to the stories with no English copy yet, and a Spanish copy of an English
// story joins it.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { axeProblems } from "./axe";

const shots = path.resolve("tests/artifacts");

test.beforeEach(async ({ login }) => login("editor"));

async function ingest(request: APIRequestContext, name: string, items: object[]) {
  const res = await request.post("/api/ingest", {
    multipart: { files: { name, mimeType: "application/x-ndjson", buffer: Buffer.from(items.map((i) => JSON.stringify(i)).join("\n")) } },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

test("rows show each copy's language, and the queue filters to stories with no English copy yet", async ({ page }) => {
  // A made-up word the three copies share, so a search finds them alone in the shared demo store.
  const word = `zqlingo${Date.now().toString(36)}`;
  await ingest(page.request, `${word}.ndjson`, [
    {
      uri: `${word}-en`,
      headline: `Harbour workers strike over ${word} contracts`,
      body_text: `Dock workers at the port walked out on Monday in a dispute over ${word} contracts and unpaid overtime, their union said.`,
      infosources: [{ name: "Meridian Wire" }],
    },
    {
      // No label: the text says Spanish.
      uri: `${word}-es`,
      headline: `Detenidos tres jóvenes por robar ${word} en comercios de Sevilla`,
      body_text: `La Policía Nacional ha detenido en Sevilla a tres jóvenes acusados de robar ${word} en varios comercios del centro de la ciudad.`,
      infosources: [{ name: "Agencia Sur" }],
    },
    {
      // Labelled English by its feed: the text overrules it.
      uri: `${word}-uk`,
      language: "en",
      headline: `У Києві пролунали вибухи біля складу ${word}`,
      body_text: `Сили протиповітряної оборони відбивали атаку на столицю, повідомила міська військова адміністрація. Склад ${word} пошкоджено.`,
      infosources: [{ name: "Kyiv Desk" }],
    },
  ]);

  await page.goto(`/?q=${word}&status=all`);
  const rows = page.getByTestId("article-row");
  await expect(rows).toHaveCount(3);
  const langOf = (text: RegExp) => rows.filter({ hasText: text }).getByTestId("row-languages");
  // The code to see, the language's name to hear and to hover.
  await expect(langOf(/Harbour workers strike/)).toHaveText("ENIn English");
  await expect(langOf(/Detenidos tres jóvenes/)).toHaveText("ESIn Spanish");
  await expect(langOf(/Detenidos tres jóvenes/)).toHaveAttribute("title", "Spanish");
  await expect(langOf(/У Києві/)).toHaveText("UKIn Ukrainian");

  // The filter bar: stories with no English copy yet.
  await page.getByRole("combobox", { name: "Language" }).selectOption("-en");
  await expect(page).toHaveURL(/language=-en/);
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: /Harbour workers strike/ })).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, "queue-no-english-copy.png") });
  expect(await axeProblems(page)).toEqual([]);

  // One language; the URL carries it, so a reload keeps it.
  await page.getByRole("combobox", { name: "Language" }).selectOption("uk");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("У Києві");
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Language" })).toHaveValue("uk");
  await expect(rows).toHaveCount(1);

  // A search marks the forms it matched, not only the word typed: "detenidos" marks "detenido".
  await page.goto(`/?q=${word}+detenidos&status=all`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("row-excerpt").locator("mark", { hasText: /^detenido$/i })).toHaveCount(1);
});

test("a Spanish copy of the seed's rally story joins the English story, and its row shows both languages", async ({ page }) => {
  // The demo store holds the seed page; an agency's Spanish copy of its rally story arrives.
  const body = readFileSync(path.resolve("tests/fixtures/languages/rally-es.txt"), "utf8");
  const res = await page.request.post("/api/ingest", {
    multipart: { source: "Agencia Sur", files: { name: `rally-es-${Date.now()}.txt`, mimeType: "text/plain", buffer: Buffer.from(body) } },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const report = (await res.json()) as { inputs: { items?: { articleId?: number }[] }[] };
  const spanishId = report.inputs[0]?.items?.[0]?.articleId;
  expect(spanishId).toBeDefined();

  await page.goto("/?q=Feijoo&status=all");
  const row = page.getByTestId("article-row").filter({ hasText: "Tens of thousands rally in Spain" });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("row-languages")).toHaveText("EN · ESCopies in English, Spanish");
  await expect(row.getByTestId("story-toggle")).toHaveText(/2 copies/);
  // Read in the pane, the story's lead copy names its language.
  await page.keyboard.press("j");
  await expect(page.getByTestId("reading-pane").getByTestId("article-language")).toHaveText("· English");
  // Opened, the story's copies say how the Spanish one joined.
  await row.getByTestId("story-toggle").click();
  const copies = page.getByRole("region", { name: "Stories" }).getByTestId("story-copy");
  await expect(copies.filter({ hasText: "Miles de personas piden en Madrid" })).toContainText("same story in Spanish");
  await page.screenshot({ path: path.join(shots, "story-two-languages.png") });

  // Its own page names its language.
  await page.goto(`/articles/${spanishId}`);
  await expect(page.getByTestId("article-language")).toHaveText("· Spanish");

  // The link, side by side: what both copies name and count, for an editor to confirm or dismiss.
  await page.goto(`/duplicates/for/${spanishId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("translation");
  await expect(page.getByTestId("compare-legend")).toContainText("Written in two languages. Both name");
  await expect(page.getByTestId("compare-legend")).toContainText("100,000");
  await page.screenshot({ path: path.join(shots, "duplicate-translation.png") });
  expect(await axeProblems(page)).toEqual([]);
});

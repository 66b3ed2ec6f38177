// Every page of the desk, as each role that may open it (and as one that may
// not: the not-allowed page), in light and dark: axe finds no serious or
// critical problem. Each page's problems are reported separately (soft), so
// one run lists them all.
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test, type Role } from "./fixtures";
import { axeProblems } from "./axe";

const shots = path.resolve("tests/artifacts");
const slug = (s: string) => s.replace(/[^a-z]+/gi, "-").replace(/^-|-$/g, "").toLowerCase();

interface Ids {
  article: string;
  story: string;
  pair: string;
}

/** Real ids from the demo store, found the way a reader would: a duplicate pair, one of its articles, that article's story. */
async function demoIds(page: Page): Promise<Ids> {
  await page.goto("/duplicates");
  const pair = await page.locator('a[href^="/duplicates/"]:not([href^="/duplicates/for"])').first().getAttribute("href");
  expect(pair, "a duplicate pair on /duplicates").toBeTruthy();
  await page.goto(pair!);
  const article = await page.locator('main a[href^="/articles/"]').first().getAttribute("href");
  expect(article, "an article linked from the pair").toBeTruthy();
  await page.goto(article!);
  const story = await page.locator('main a[href^="/stories/"]').first().getAttribute("href");
  expect(story, "the article's story").toBeTruthy();
  return { article: article!, story: story!, pair: pair! };
}

const pagesFor = (ids: Ids): { name: string; path: string; roles: Role[] }[] => [
  { name: "queue", path: "/", roles: ["editor", "viewer", "admin"] },
  { name: "story", path: ids.story, roles: ["editor", "viewer"] },
  { name: "article", path: ids.article, roles: ["editor", "viewer"] },
  { name: "duplicates", path: "/duplicates", roles: ["editor", "viewer"] },
  { name: "duplicate pair", path: ids.pair, roles: ["editor", "viewer"] },
  { name: "ingest", path: "/ingest", roles: ["editor", "admin"] },
  { name: "dashboard", path: "/dashboard", roles: ["editor", "viewer"] },
  { name: "sources", path: "/sources", roles: ["admin"] },
  { name: "taxonomy", path: "/taxonomy", roles: ["admin"] },
  { name: "audit log", path: "/audit", roles: ["admin"] },
  { name: "users", path: "/admin/users", roles: ["admin"] },
  { name: "webhooks", path: "/admin/webhooks", roles: ["admin"] },
  // Where a viewer and an editor land when they ask for an admin page.
  { name: "not allowed", path: "/admin/users", roles: ["editor", "viewer"] },
  { name: "not found (article)", path: "/articles/999999999", roles: ["editor", "viewer"] },
  { name: "not found (other)", path: "/no-such-page", roles: ["viewer"] },
];

for (const scheme of ["light", "dark"] as const) {
  for (const role of ["editor", "viewer", "admin"] as const) {
    test(`axe: every page the ${role} opens, ${scheme}`, async ({ page, login }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      await login(role);
      const ids = await demoIds(page);
      for (const p of pagesFor(ids).filter((p) => p.roles.includes(role))) {
        await page.goto(p.path);
        // Not "networkidle": the live-updates stream stays open. Wait until the page has its heading.
        await expect(page.locator("main h1, main h2").first()).toBeVisible();
        expect.soft(await page.evaluate(() => document.documentElement.classList.contains("dark")), `${p.name} follows the system's ${scheme}`).toBe(scheme === "dark");
        expect.soft(await axeProblems(page), `${p.name} (${p.path}) as ${role}, ${scheme}`).toEqual([]);
        await page.screenshot({ path: path.join(shots, `axe-${role}-${scheme}-${slug(p.name)}.png`) });
      }
    });
  }

  test(`axe: sign-in, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/sign-in");
    expect(await axeProblems(page)).toEqual([]);
  });
}

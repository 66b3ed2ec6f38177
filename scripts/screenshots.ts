// npm run screenshots -- --base http://127.0.0.1:3000 [--out docs/screenshots] [--password P]
// The guide's pictures (docs/guide.md), taken from the real app in Debian's Chromium: the queue on a desktop
// and on a phone, the reading pane, and a duplicate pair. Run it against a desk started with
// demo data (WIREDESK_DEMO=1 and WIREDESK_DEMO_PASSWORD set to the password given here).
import { chromium, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: process.env.WIREDESK_BASE_URL ?? "http://127.0.0.1:3000" },
    out: { type: "string", default: "docs/screenshots" },
    password: { type: "string", default: process.env.WIREDESK_DEMO_PASSWORD },
    theme: { type: "string", default: "light" },
  },
});
if (!values.password) {
  console.error("screenshots: give the demo password (--password or WIREDESK_DEMO_PASSWORD) the desk was started with.");
  process.exit(2);
}
const base = values.base!.replace(/\/$/, "");
const out = path.resolve(values.out!);
mkdirSync(out, { recursive: true });

async function signIn(page: Page) {
  const res = await page.request.post(`${base}/api/auth/sign-in/email`, {
    data: { email: "editor@demo.wiredesk.test", password: values.password },
    headers: { origin: base },
  });
  if (!res.ok()) throw new Error(`sign-in as the demo editor failed (HTTP ${res.status()}): is the desk at ${base} running with demo data and this password?`);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const shoot = async (page: Page, name: string) => {
    const file = path.join(out, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`screenshots: ${path.relative(process.cwd(), file)}`);
  };
  try {
    const scheme = values.theme === "dark" ? "dark" : "light";
    const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    const page = await desk.newPage();
    await signIn(page);
    await page.goto(`${base}/?status=all`);
    await page.getByTestId("article-row").first().waitFor();
    await shoot(page, "queue");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.getByTestId("reading-pane").getByTestId("tag-chip").first().waitFor();
    await shoot(page, "reading-pane");
    await page.goto(`${base}/duplicates`);
    const pair = page.locator('a[href^="/duplicates/"]').filter({ hasNotText: /^Duplicates$/ }).first();
    await pair.click();
    await page.waitForURL(/\/duplicates\/\d+/);
    await page.waitForLoadState("networkidle");
    await shoot(page, "duplicate-pair");

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, colorScheme: scheme });
    const p2 = await phone.newPage();
    await signIn(p2);
    await p2.goto(`${base}/?status=all`);
    await p2.getByTestId("article-row").first().waitFor();
    await shoot(p2, "queue-phone");
  } finally {
    await browser.close();
  }
}

main().catch((e: Error) => {
  console.error(`screenshots: ${e.message}`);
  process.exit(1);
});

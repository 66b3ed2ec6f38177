import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    viewport: { width: 1440, height: 900 },
    // Playwright cannot download its browser here: drive Debian's Chromium.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    // The real app, built and served over a fresh SQLite store with the demo data.
    command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npx tsx scripts/start.ts",
    url: `http://127.0.0.1:${port}/`,
    env: {
      DATABASE_URL: "file:./data/e2e.db",
      PORT: String(port),
      WIREDESK_DEMO: "1",
      // Demo accounts with a known password (tests/e2e/fixtures.ts signs in with it).
      WIREDESK_DEMO_PASSWORD: "e2e-demo-password",
      BETTER_AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
    },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});

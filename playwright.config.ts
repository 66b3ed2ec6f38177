import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// The demo accounts' password in tests (tests/e2e/fixtures.ts signs in with it).
const DEMO_PASSWORD = "e2e-demo-password";

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
  webServer: [
    {
      // The real app, built and served over a fresh SQLite store with the demo data.
      command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npx tsx --conditions=react-server scripts/start.ts",
      url: `http://127.0.0.1:${port}/`,
      // The feed worker runs beside it (SQLite); tests serve feeds from 127.0.0.1, so private fetches are allowed here.
      env: {
        DATABASE_URL: "file:./data/e2e.db",
        PORT: String(port),
        WIREDESK_DEMO: "1",
        WIREDESK_ALLOW_PRIVATE_FETCH: "1",
        WIREDESK_WORKER_TICK_MS: "500",
        // The desk as it runs at scale: each process's index, its counts, pages and kept queue rows
        // (decisions 026 and 028), from the first page on; the empty store's server below keeps the
        // small-store default, where the store answers.
        WIREDESK_FACET_INDEX_MIN: "0",
        // Demo accounts with a known password (tests/e2e/fixtures.ts signs in with it).
        WIREDESK_DEMO_PASSWORD: DEMO_PASSWORD,
        BETTER_AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      // The same build over an empty store, for the acceptance walk that starts from nothing.
      // Web servers start one after the other, so this one finds the build made above.
      // Outside demo mode there are no accounts: they are made the way an admin would, with user:create.
      // Private fetches are not allowed here (the default): minors.spec.ts sees a private feed refused on save.
      command: `rm -f data/e2e-empty.db data/e2e-empty.db-wal data/e2e-empty.db-shm && npx tsx --conditions=react-server scripts/user-create.ts --email editor@demo.wiredesk.test --name "Desk editor" --role editor --password ${DEMO_PASSWORD} && npx tsx --conditions=react-server scripts/user-create.ts --email admin@demo.wiredesk.test --name "Desk admin" --role admin --password ${DEMO_PASSWORD} && npx tsx --conditions=react-server scripts/start.ts`,
      url: `http://127.0.0.1:${port + 1}/sign-in`,
      env: { DATABASE_URL: "file:./data/e2e-empty.db", PORT: String(port + 1), WIREDESK_DEMO: "0", BETTER_AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789" },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});

// The scale-out deployment as one: two web instances and two feed workers on
// one PostgreSQL database, behind a proxy that spreads requests over the
// instances. A feed is added and polled through one instance (exactly one
// worker takes it), an upload is ingested through that instance, and an editor
// whose desk is served by the other instance sees both arrive without a reload:
// the first into an empty queue at once, the second as "1 new article".
// Needs WIREDESK_TEST_POSTGRES (CI sets it, as for the store tests).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { startFeedServer, type FeedServer } from "../support/feed-server";
import { rss } from "../support/feeds";
import { freePort } from "../../scripts/free-port";

// Playwright runs from the repository root (playwright.config.ts).
const root = path.resolve(".");
const server = process.env.WIREDESK_TEST_POSTGRES;
const DB_NAME = "wiredesk_e2e_scale_out";
const EMAIL = "scale-admin@demo.wiredesk.test";
const PASSWORD = "scale-out-e2e-password";

test.skip(!server, "WIREDESK_TEST_POSTGRES is not set: the scale-out deployment needs PostgreSQL");

interface Proc {
  child: ChildProcess;
  out: string[];
}
const procs: Proc[] = [];
let feeds: FeedServer;
let proxy: http.Server;
const served = [0, 0];
let instances: string[] = [];
let proxyBase = "";


function run(args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const p: Proc = { child, out: [] };
  child.stdout!.on("data", (d: Buffer) => p.out.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => p.out.push(d.toString()));
  procs.push(p);
  return p;
}

async function answering(url: string, p: Proc) {
  for (let i = 0; i < 300; i++) {
    if (p.child.exitCode !== null) throw new Error(`${url}: the process exited (${p.child.exitCode}):\n${p.out.join("")}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DB_NAME}"`);
  await admin.end();
  const u = new URL(server!);
  u.pathname = `/${DB_NAME}`;
  const url = u.toString();
  // The store and its first admin, made as an admin would make them.
  const made = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/user-create.ts", "--email", EMAIL, "--name", "Scale admin", "--role", "admin", "--password", PASSWORD], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  expect(made.status, made.stderr).toBe(0);

  const env = {
    DATABASE_URL: url,
    WIREDESK_DEMO: "0",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // One secret for every instance, as behind one proxy: a session signed in on one holds on the other.
    BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
    // The feed is served from this machine.
    WIREDESK_ALLOW_PRIVATE_FETCH: "1",
    WIREDESK_WORKER_TICK_MS: "500",
  };
  // The build the other browser tests' server made (playwright.config.ts starts it first).
  const ports = [await freePort(), await freePort()];
  const web = ports.map((port) => run(["scripts/serve.mjs"], { ...env, PORT: String(port), WIREDESK_WEB_PROCESSES: "1" }));
  for (let i = 0; i < 2; i++) run(["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], env);
  instances = ports.map((p) => `http://127.0.0.1:${p}`);
  await Promise.all(instances.map((base, i) => answering(`${base}/sign-in`, web[i]!)));

  // The proxy: each request to the next instance in turn, streams (live updates) passed through as they come.
  let turn = 0;
  proxy = http.createServer((req, res) => {
    const i = turn++ % 2;
    served[i]!++;
    const target = new URL(instances[i]!);
    const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  proxyBase = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  feeds = await startFeedServer();
});

test.afterAll(async () => {
  for (const p of procs) p.child.kill();
  await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
  await feeds?.close();
});

test("two instances and two workers on one PostgreSQL: what one takes in, the other's desk shows live", async ({ browser }) => {
  test.setTimeout(120_000);
  const [a, b] = instances as [string, string];
  // Signed in once, through the proxy; the session is good on either instance.
  const context = await browser.newContext();
  const signIn = await context.request.post(`${proxyBase}/api/auth/sign-in/email`, { data: { email: EMAIL, password: PASSWORD }, headers: { origin: proxyBase } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const session = (await context.cookies(proxyBase)).filter((c) => c.name.includes("session_token"));
  expect(session.length).toBeGreaterThan(0);
  await context.addCookies(session.flatMap((c) => [a, b].map((base) => ({ name: c.name, value: c.value, url: base }))));

  // Through the proxy the queue comes from both instances.
  const page = await context.newPage();
  await page.goto(`${proxyBase}/`);
  await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();
  expect(served[0]).toBeGreaterThan(0);
  expect(served[1]).toBeGreaterThan(0);

  // The editor's desk on instance B, left open.
  await page.goto(`${b}/`);
  await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();
  await page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));

  // A feed added through instance A: one of the two workers polls it, the other does not.
  feeds.set("/wire.xml", {
    body: rss("Valley Wire", [{ guid: "scale-1", title: "Reservoir levels rise after a wet autumn", body: "The valley's reservoirs stood at 92 percent on Monday after the wettest autumn in a decade, the water board said." }]),
  });
  const source = await context.request.post(`${a}/api/sources`, { data: { name: "Valley Wire", feedUrl: feeds.url("/wire.xml"), pollMinutes: 60 }, headers: { origin: a } });
  expect(source.status(), await source.text()).toBe(201);
  // The queue was empty, so nothing can shift under the editor: the arrival shows at once, with its count.
  await expect(page.getByTestId("article-row").first()).toContainText("Reservoir levels rise", { timeout: 30_000 });
  await expect(page.getByRole("link", { name: "New 1" })).toBeVisible();
  const workers = procs.slice(2, 4).map((p) => p.out.join(""));
  expect(workers.filter((out) => /source \d+: 1 new/.test(out)), workers.join("\n---\n")).toHaveLength(1);
  expect(feeds.seenAt("/wire.xml")).toHaveLength(1);

  // An upload through instance A arrives on B's open desk, without a reload.
  const started = Date.now();
  const upload = await context.request.post(`${a}/api/ingest`, {
    headers: { origin: a },
    multipart: {
      files: {
        name: "brief.ndjson",
        mimeType: "application/x-ndjson",
        buffer: Buffer.from(JSON.stringify({ uri: "scale-upload-1", headline: "Night buses return to the valley routes", body_text: "Night buses return to the four valley routes from Friday, the transport authority said, after a year-long pause." })),
      },
    },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  const banner = page.getByRole("button", { name: /^1 new article: show$/ });
  await expect(banner).toBeVisible({ timeout: 10_000 });
  console.log(`scale-out: upload through one instance announced on the other's desk after ${Date.now() - started} ms`);
  await banner.click();
  await expect(page.getByTestId("article-row").first()).toContainText("Night buses return");
  expect(await page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(1);
  await context.close();
});

// npm run bench:editors -- [--duration 60] [--editors 20] [--articles 50] [--port 3391]
//
// Many editors on the same copy at once, through the real built app: a fresh
// SQLite store with N articles of three suggested tags each, one account per
// editor signed in through better-auth, and every editor accepting and
// rejecting tags on random articles as fast as the desk answers, for the
// given duration. Each editor acts on the version it last saw (its own
// earlier answer, or the current state a 409 returned), as a person with a
// page open would, so stale writes happen and must be refused.
//
// Checks afterwards, from the store: for every tag, its audit entries form
// one unbroken chain (each entry's "before" is the previous entry's "after")
// ending in the tag's final state, one entry per version step, and as many
// entries as the desk answered changes: no lost update. Any 5xx fails the
// run. Prints p50/p95/p99 of the load, and the same figures for one editor
// alone measured first in the same run, as the baseline.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareStore } from "../lib/server/db/prepare";
import { systemActor } from "../lib/server/audit";
import { createUser } from "../lib/server/users";
import type { Db } from "../lib/server/db/client";

const USAGE = `usage: npm run bench:editors -- [--duration 60] [--editors 20] [--articles 50] [--port 3391]
  --duration S   seconds of concurrent load (default 60)
  --editors N    simulated editors, each signed in as their own account (default 20)
  --articles N   articles they share, three suggested tags each (default 50)
  --port P       port for the app under test (default 3391)`;

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    editors: { type: "string", default: "20" },
    articles: { type: "string", default: "50" },
    port: { type: "string", default: "3391" },
    help: { type: "boolean", short: "h" },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const num = (name: string, v: string | undefined, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number of at least ${min}, not ${v}\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
};
const DURATION = num("duration", args.duration, 1);
const EDITORS = num("editors", args.editors, 1);
const ARTICLES = num("articles", args.articles, 1);
const PORT = num("port", args.port, 1024);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "bench editor password";
const root = path.resolve(import.meta.dirname, "..");

async function seed(db: Db) {
  const topics = await db.tag.findMany({ where: { scheme: "medtop", parentId: { not: null } }, take: 40, select: { id: true } });
  const source = await db.source.create({ data: { name: "Bench Wire", kind: "wire" } });
  const tags: { articleId: number; tagId: number }[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const a = await db.article.create({
      data: { uri: `bench-${i}`, headline: `Council votes on harbour plan ${i}`, bodyText: `The city council voted on plan ${i} for the harbour on Monday, officials said.`, contentHash: `bench-${i}`, sourceId: source.id },
    });
    for (let k = 0; k < 3; k++) {
      const tagId = topics[(i * 3 + k) % topics.length]!.id;
      await db.articleTag.create({ data: { articleId: a.id, tagId, origin: "machine", confidence: 0.6 } });
      tags.push({ articleId: a.id, tagId });
    }
  }
  for (let e = 0; e < EDITORS; e++) {
    await createUser(db, { email: `editor${e}@bench.test`, name: `Editor ${e}`, role: "editor", password: PASSWORD }, systemActor("bench"));
  }
  return tags;
}

async function waitFor(url: string, server: ChildProcess, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the app exited with ${server.exitCode} before it answered`);
    const ok = await fetch(url, { redirect: "manual" }).then((r) => r.status < 500, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not answer ${url} within ${timeoutMs / 1000} s`);
}

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

interface Tally {
  latencies: number[];
  status: Map<number, number>;
  /** Answers that changed a tag: one audit entry each. */
  changes: number;
  errors: string[];
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};

/**
 * One editor: random tag, accept or reject, with the version they last saw.
 * Refused as stale, they look at the page again (the 409 carries the current
 * state) and, half the time, make their decision again on what is current.
 */
async function editor(cookie: string, tags: { articleId: number; tagId: number }[], until: number, tally: Tally) {
  const seen = new Map<string, { state: string; version: number }>();
  let retry: { t: { articleId: number; tagId: number }; action: string } | null = null;
  while (Date.now() < until) {
    const t: { articleId: number; tagId: number } = retry?.t ?? tags[Math.floor(Math.random() * tags.length)]!;
    const key = `${t.articleId}:${t.tagId}`;
    const view = seen.get(key) ?? { state: "suggested", version: 1 };
    const action: string = retry?.action ?? (Math.random() < 0.5 ? "accept" : "reject");
    retry = null;
    const started = performance.now();
    let res: Response;
    try {
      res = await fetch(`${BASE}/api/articles/${t.articleId}/tags`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, cookie },
        body: JSON.stringify({ action, tagId: t.tagId, version: view.version }),
      });
    } catch (e) {
      tally.errors.push(`network: ${(e as Error).message}`);
      continue;
    }
    const body = (await res.json().catch(() => ({}))) as { state?: string; version?: number; current?: { state: string; version: number }; error?: string };
    tally.latencies.push(performance.now() - started);
    tally.status.set(res.status, (tally.status.get(res.status) ?? 0) + 1);
    if (res.status === 200 && body.version !== undefined) {
      if (body.version !== view.version) tally.changes++;
      seen.set(key, { state: body.state!, version: body.version });
    } else if (res.status === 409 && body.current) {
      seen.set(key, body.current); // the page reloads what is current
      if (Math.random() < 0.5) retry = { t, action };
    } else if (res.status >= 500 || res.status !== 409) {
      tally.errors.push(`${res.status}: ${body.error ?? ""}`.slice(0, 200));
    }
  }
}

/** No lost update: every tag's audit entries chain from its first state to its final one. */
async function verify(db: Db, tags: { articleId: number; tagId: number }[]) {
  const problems: string[] = [];
  let entries = 0;
  for (const t of tags) {
    const row = await db.articleTag.findUniqueOrThrow({ where: { articleId_tagId: t }, include: { tag: true } });
    const log = await db.auditEntry.findMany({ where: { entityType: "articleTag", entityId: `${t.articleId}:${row.tag.scheme}:${row.tag.code}` }, orderBy: { id: "asc" } });
    entries += log.length;
    let state = { state: "suggested", version: 1 };
    for (const e of log) {
      const before = JSON.parse(e.before!) as typeof state;
      const after = JSON.parse(e.after!) as typeof state;
      if (before.state !== state.state || before.version !== state.version) {
        problems.push(`${t.articleId}/${t.tagId}: entry ${e.id} starts from ${JSON.stringify(before)}, the previous left ${JSON.stringify(state)}`);
      }
      if (after.version !== before.version + 1) problems.push(`${t.articleId}/${t.tagId}: entry ${e.id} jumps versions`);
      state = after;
    }
    if (row.state !== state.state || row.version !== state.version) {
      problems.push(`${t.articleId}/${t.tagId}: store holds ${row.state} v${row.version}, the audit log ends at ${state.state} v${state.version}`);
    }
  }
  return { problems, entries };
}

const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms`;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-bench-editors-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  let server: ChildProcess | undefined;
  try {
    const { db } = await prepareStore(url);
    const tags = await seed(db);
    console.log(`bench:editors: ${ARTICLES} articles, ${tags.length} tags, ${EDITORS} editors, ${DURATION} s, store ${url}`);
    server = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(root, "scripts/start.ts")], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(PORT),
        WIREDESK_DEMO: "0",
        // Every simulated editor signs in from this one address.
        WIREDESK_SIGNIN_LIMIT: String(Math.max(100, EDITORS * 4)),
        BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let serverLog = "";
    server.stdout!.on("data", (d: Buffer) => (serverLog += d.toString()));
    server.stderr!.on("data", (d: Buffer) => (serverLog += d.toString()));
    await waitFor(`${BASE}/sign-in`, server, 600_000);
    const cookies: string[] = [];
    for (let e = 0; e < EDITORS; e++) cookies.push(await signIn(`editor${e}@bench.test`));

    // Baseline: one editor alone, same requests, same run.
    const alone: Tally = { latencies: [], status: new Map(), changes: 0, errors: [] };
    await editor(cookies[0]!, tags, Date.now() + Math.min(5, DURATION) * 1000, alone);

    const load: Tally = { latencies: [], status: new Map(), changes: 0, errors: [] };
    const until = Date.now() + DURATION * 1000;
    await Promise.all(cookies.map((c) => editor(c, tags, until, load)));

    const { problems, entries } = await verify(db, tags);
    const changes = alone.changes + load.changes;
    const count = (t: Tally, s: number) => t.status.get(s) ?? 0;
    const serverErrors = [...load.status, ...alone.status].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    console.log(`\none editor alone: ${alone.latencies.length} requests, ${fmt(alone.latencies)}`);
    console.log(`${EDITORS} editors:        ${load.latencies.length} requests (${(load.latencies.length / DURATION).toFixed(0)}/s), ${fmt(load.latencies)}`);
    console.log(`  p95 under load / alone: ${(pct(load.latencies, 95) / pct(alone.latencies, 95)).toFixed(2)}x`);
    console.log(`  answers: ${[...load.status].sort().map(([s, c]) => `${s}: ${c}`).join(", ")} (409 = stale write refused, as it should be)`);
    console.log(`  changes answered ${changes}, audit entries ${entries}, tags checked ${tags.length}`);
    console.log(`  server errors (5xx): ${serverErrors}; other failures: ${load.errors.length + alone.errors.length}`);
    const failures = [
      ...problems,
      ...(changes !== entries ? [`${changes} changes were answered but the audit log holds ${entries}`] : []),
      ...(serverErrors ? [`${serverErrors} server errors`] : []),
      ...[...load.errors, ...alone.errors].slice(0, 10),
      ...(count(load, 200) === 0 ? ["no decision went through"] : []),
    ];
    if (/Error|ERR_/.test(serverLog) && serverErrors) console.log(`\nserver log (tail):\n${serverLog.slice(-3000)}`);
    await db.$disconnect();
    if (failures.length) {
      console.log(`\nFAILED: lost updates or errors:\n  ${failures.slice(0, 20).join("\n  ")}`);
      process.exitCode = 1;
    } else {
      console.log("\nOK: no lost update (the audit log and the final state agree for every tag), no server error");
    }
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench:editors: ${(e as Error).message}`);
  process.exit(1);
});

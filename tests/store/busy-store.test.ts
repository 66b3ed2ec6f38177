// Two web processes on one SQLite file, deciding tags at once (what
// `npm run bench:editors` does through the app): no decision may fail with a
// store error. Before, 1.2% failed with P1008 (SQLITE_BUSY: a transaction
// that read, then found another process had written since, could not upgrade
// to write). Stale writes are refused (409 in the app) as they should be, and
// every change answered is in the audit log.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type TestStore } from "../support/stores";
import { createUser } from "../../lib/server/users";
import { systemActor } from "../../lib/server/audit";
import { isBusy, retryBusy, StoreBusyError } from "../../lib/server/db/busy";
import { toProblem } from "../../lib/server/http/route";

const root = path.resolve(import.meta.dirname, "../..");

type Tally = { ok: number; changed: number; stale: number; errors: string[] };

/** A decide-loop process: `ready` resolves once it has loaded; `go()` starts it; `done` is its tally. */
function loop(url: string, userId: number, ms: number, tags: string, minOk: number) {
  const args = [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(root, "tests/support/decide-loop.ts"), url, String(userId), String(ms), tags, String(minOk)];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    if (out.startsWith("ready\n")) onReady();
  });
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const done = new Promise<Tally>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!) as Tally) : reject(new Error(`decide-loop exited ${code}: ${err.slice(-2000)}`)))),
  );
  return { ready, done, go: () => child.stdin.end("go\n") };
}

describe("a busy SQLite store", () => {
  let store: TestStore;
  let userId: number;
  let tags: { articleId: number; tagId: number }[];

  beforeAll(async () => {
    store = await openStore("sqlite");
    userId = (await createUser(store.db, { email: "busy@desk.test", name: "Busy", role: "editor", password: "a long test password" }, systemActor("test"))).id;
    const topics = await store.db.tag.findMany({ where: { scheme: "medtop", parentId: { not: null } }, take: 6, select: { id: true } });
    tags = [];
    for (let i = 0; i < 2; i++) {
      const a = await store.db.article.create({ data: { uri: `busy-${i}`, headline: `Harbour plan ${i}`, bodyText: `The council voted on harbour plan ${i} on Monday.`, contentHash: `busy-${i}` } });
      for (let k = 0; k < 3; k++) {
        const tagId = topics[i * 3 + k]!.id;
        await store.db.articleTag.create({ data: { articleId: a.id, tagId, origin: "machine", confidence: 0.6 } });
        tags.push({ articleId: a.id, tagId });
      }
    }
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  it("lets two processes decide the same tags at once with no store error and no lost change", async () => {
    const list = tags.map((t) => `${t.articleId}:${t.tagId}`).join(",");
    // Both start together once both have loaded (tsx and Prisma take seconds to load on a busy machine, not always alike).
    // Each goes on until it has made 20 decisions: on a loaded machine one process can hold SQLite's lock for seconds.
    const loops = [loop(store.url, userId, 5000, list, 20), loop(store.url, userId, 5000, list, 20)];
    await Promise.all(loops.map((l) => l.ready));
    loops.forEach((l) => l.go());
    const results = await Promise.all(loops.map((l) => l.done));
    const errors = results.flatMap((r) => r.errors);
    expect(errors.slice(0, 5), `${errors.length} decisions failed`).toEqual([]);
    // Both made their decisions, and both contended: some of each one's writes were refused as stale.
    expect(results.every((r) => r.ok >= 20 && r.stale > 0), JSON.stringify(results)).toBe(true);
    // Every change either process was told of is one audit entry: none lost, none doubled.
    const changed = results.reduce((n, r) => n + r.changed, 0);
    expect(await store.db.auditEntry.count({ where: { action: { startsWith: "tag." } } })).toBe(changed);
  }, 120_000);

  it("retries a busy write, and answers 503 with Retry-After when the store stays busy", async () => {
    const busy = Object.assign(new Error("Operations timed out"), { code: "P1008" });
    let calls = 0;
    await expect(retryBusy(async () => (++calls < 3 ? Promise.reject(busy) : "done"))).resolves.toBe("done");
    expect(calls).toBe(3);
    const gaveUp = retryBusy(() => Promise.reject(busy), 2);
    await expect(gaveUp).rejects.toBeInstanceOf(StoreBusyError);
    const res = toProblem(await gaveUp.catch((e: unknown) => e));
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("retry-after")).toBe("1");
    // Not every error is a busy store: a wrong request is still an error.
    expect(isBusy(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    await expect(retryBusy(() => Promise.reject(new Error("bad")))).rejects.toThrow("bad");
  });
});

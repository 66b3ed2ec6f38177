// One web process's worth of editors, for the busy-store test: decides tags
// on a shared SQLite store through decideTag (the route's read-then-write
// transaction) for a while, several at once, and prints what happened as
// JSON. Run as a separate process so that two of them contend as two web
// processes do.
//   tsx --conditions=react-server tests/support/decide-loop.ts <database url> <user id> <ms> <articleId:tagId,...> [min decisions]
// With a minimum it goes on past <ms> until it has made that many decisions
// (at most a minute): SQLite's lock is not fair, and on a loaded machine one
// process can hold it for seconds while the other waits; that is slowness,
// not the error or lost change the test is about.
// It prints "ready" once loaded and connected, and starts when a line arrives
// on stdin: the parent starts both together however long each took to load.
import { createDb } from "../../lib/server/db/client";
import { decideTag } from "../../lib/server/tags/decide-tag";
import { StaleWriteError } from "../../lib/server/articles/set-status";

async function main() {
  const [url, userId, ms, list, minOk] = process.argv.slice(2);
  if (!url || !userId || !ms || !list) throw new Error("usage: decide-loop.ts <url> <userId> <ms> <articleId:tagId,...>");
  const tags = list.split(",").map((p) => p.split(":").map(Number) as [number, number]);
  const db = createDb(url);
  const actor = { name: "loop", userId: Number(userId), role: "editor" as const };
  await db.user.count(); // connected and loaded before the start, so both processes contend from the same instant
  process.stdout.write("ready\n");
  await new Promise((r) => process.stdin.once("data", r));
  process.stdin.pause();
  const until = Date.now() + Number(ms);
  const cap = Date.now() + Math.max(60_000, Number(ms));
  const least = Number(minOk ?? 0);
  const tally = { ok: 0, changed: 0, stale: 0, errors: [] as string[] };
  const seen = new Map<string, number>();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while ((Date.now() < until || tally.ok < least) && Date.now() < cap) {
        const [articleId, tagId] = tags[Math.floor(Math.random() * tags.length)]!;
        const key = `${articleId}:${tagId}`;
        const version = seen.get(key) ?? 1;
        try {
          const at = await decideTag(db, articleId, tagId, Math.random() < 0.5 ? "accepted" : "rejected", actor, version);
          tally.ok++;
          if (at.version !== version) tally.changed++;
          seen.set(key, at.version);
        } catch (e) {
          if (e instanceof StaleWriteError) {
            tally.stale++;
            seen.set(key, e.current.version);
          } else tally.errors.push(`${(e as { code?: string }).code ?? ""} ${(e as Error).message.split("\n").pop()}`.slice(0, 200));
        }
      }
    }),
  );
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify(tally)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// An archive import killed half-way and run again: the CLI in a child
// process, SIGKILLed once some batches are committed, then run to the end.
// The store must hold what an uninterrupted import leaves: nothing lost,
// nothing doubled.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { wireStories } from "../support/bulk-corpus";
import { dump } from "../support/store-dump";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { toInputs } from "../../lib/server/ingest/inputs";
import { fetchLimits, env } from "../../lib/server/env";

const root = path.resolve(import.meta.dirname, "../..");

/** The CLI in one process (tsx's own binary runs the script in a child, which a SIGKILL of the parent would leave running). */
function cli(args: string[], databaseUrl: string) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/ingest.ts"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done };
}

/**
 * An archive of two files: wire stories, and every tenth one again under
 * another source's uri (a copy to link). Each file is over four batches, so
 * the CLI runs the engines on its worker thread.
 */
function writeArchive(dir: string, n: number): number {
  const stories = wireStories(n, 99);
  let items = 0;
  for (let f = 0; f < 2; f++) {
    const lines: string[] = [];
    for (const [i, s] of stories.entries()) {
      if (i % 2 !== f) continue;
      lines.push(JSON.stringify({ uri: s.guid, headline: s.title, body_text: s.body, infosources: [{ name: "Meridian Wire" }], versioncreated: new Date(s.pubDate).toISOString() }));
      if (i % 10 === 0) lines.push(JSON.stringify({ uri: `copy-${s.guid}`, headline: s.title, body_text: s.body, infosources: [{ name: "Capital Post" }] }));
    }
    items += lines.length;
    writeFileSync(path.join(dir, `part-${f}.ndjson`), lines.join("\n"));
  }
  return items;
}

describe.each(storeKinds())("archive import on %s, killed and run again", (kind) => {
  const stores: TestStore[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-resume-"));
  afterAll(async () => {
    for (const s of stores) await s.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stores every item once: nothing lost, nothing doubled", async () => {
    const killed = await openStore(kind);
    const whole = await openStore(kind);
    stores.push(killed, whole);
    const items = writeArchive(dir, 1500);

    // The reference: the same archive, uninterrupted, through the path the CLI takes.
    const config = env();
    const ref = await runIngest(whole.db, toInputs([dir], fetchLimits(config)), { origin: "cli", actor: "cli", role: "system" });
    expect(ref.totals).toMatchObject({ new: items, failed: 0 });

    // Killed as soon as a batch is committed, well before the end.
    const first = cli([dir], killed.url);
    let stored = 0;
    while (stored === 0) {
      await new Promise((r) => setTimeout(r, 20));
      stored = await killed.db.article.count();
      if (first.child.exitCode !== null) break;
    }
    first.child.kill("SIGKILL");
    const interrupted = await first.done;
    expect(interrupted.signal).toBe("SIGKILL");
    const atKill = await killed.db.article.count();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(items);

    const again = await cli([dir], killed.url).done;
    expect(again.err).toBe("");
    expect(again.code).toBe(0);
    const total = /Total \(run \d+, 2 inputs\): (\d+) new, 0 updated, \d+ duplicates? flagged, (\d+) skipped, 0 failed/.exec(again.out);
    expect(total, again.out).not.toBeNull();
    // What the killed run committed is skipped; the rest is stored now.
    expect(Number(total![2])).toBeGreaterThanOrEqual(atKill);
    expect(Number(total![1]) + Number(total![2])).toBe(items);
    expect(again.out).toContain("running the same import again resumes");

    expect(await killed.db.article.count()).toBe(items);
    const [a, b] = [await dump(whole), await dump(killed)];
    for (const table of ["articles", "stories", "sources", "tags", "articleTags", "dedupKeys", "links", "versions", "audit", "search"] as const) {
      expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
    }
  }, 600_000);
});

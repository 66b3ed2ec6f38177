// The SQLite planner's statistics (lib/server/db/sqlite-stats.ts): a store
// opened again (as npm start opens it) has them, and with them the queue's
// time range is read from the arrival-time index rather than by walking every
// story lead. The planner without statistics takes storyLead = 1 for a
// selective test, which it is not: nearly every article leads its story.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../prisma/generated/sqlite/client";
import { openStore, type TestStore } from "../support/stores";
import { migrateStore } from "../../lib/server/db/migrate";
import { sqliteFile } from "../../lib/server/env";
import { hasStatistics } from "../../lib/server/db/sqlite-stats";
import { whereSql } from "../../lib/server/articles/article-sql";
import { articleListParams } from "../../lib/schemas/articles";

let store: TestStore;
const ARTICLES = 3000;

beforeAll(async () => {
  store = await openStore("sqlite");
  const conn = new Database(sqliteFile(store.url));
  try {
    // Arrivals over 60 days, every one a story lead, as a desk's copy mostly is.
    const insert = conn.prepare(
      `INSERT INTO "Article" ("uri", "headline", "bodyText", "contentHash", "status", "storyLead", "ingestedAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    const now = Date.now();
    conn.transaction(() => {
      for (let i = 0; i < ARTICLES; i++) {
        const at = new Date(now - 60 * 86_400_000 + Math.round((i / ARTICLES) * 60 * 86_400_000)).toISOString().replace("Z", "+00:00");
        insert.run(`stats-${i}`, `Story ${i}`, `Body of story ${i}.`, `hash-${i}`, i % 3 ? "reviewed" : "new", at, at);
      }
    })();
  } finally {
    conn.close();
  }
}, 60_000);
afterAll(async () => store?.drop());

/** How SQLite plans the queue's count for the last 7 days, on a connection of its own (it reads the statistics as it opens). */
function plan(): string {
  const p = articleListParams.parse({ range: "7d" });
  const where = whereSql(store.db, p);
  const sql = Prisma.sql`SELECT count(*) AS n FROM "Article" a WHERE ${where}`;
  const conn = new Database(sqliteFile(store.url), { readonly: true });
  try {
    return (conn.prepare(`EXPLAIN QUERY PLAN ${sql.sql}`).all(...sql.values) as { detail: string }[]).map((r) => r.detail).join("\n");
  } finally {
    conn.close();
  }
}

/** The statistics of the story-lead index, if any were made (sqlite_stat1 may not exist yet). */
function articleStat(conn: Database.Database): string | undefined {
  if (!hasStatistics(conn)) return undefined;
  return (conn.prepare(`SELECT stat FROM sqlite_stat1 WHERE idx = 'Article_storyLead_id_idx'`).get() as { stat: string } | undefined)?.stat;
}

describe("SQLite planner statistics", () => {
  it("are made when the store is opened again, and the queue's time range then reads the arrival-time index", async () => {
    const conn = () => new Database(sqliteFile(store.url), { readonly: true });
    // Filled after it was opened: no statistics yet, and the planner walks the story leads.
    const before = conn();
    expect(articleStat(before)).toBeUndefined();
    before.close();
    expect(plan()).toMatch(/INDEX Article_storyLead/);

    await migrateStore(store.url);

    const after = conn();
    try {
      expect(hasStatistics(after)).toBe(true);
      // Every article under one storyLead value: the statistics say so.
      expect(articleStat(after)?.split(" ").slice(0, 2).map(Number)).toEqual([ARTICLES, ARTICLES]);
    } finally {
      after.close();
    }
    // A range of an arrival-time index (alone, or after a skip over the three statuses).
    expect(plan()).toMatch(/INDEX Article_(status_)?ingestedAt_idx \((ANY\(status\) AND )?ingestedAt>\?\)/);
    expect(plan()).not.toMatch(/storyLead/);
  });
});

// The SQLite planner's statistics (sqlite_stat1). Without them SQLite guesses
// that an equality on any indexed column is selective: with a time range and
// "one row a story" (storyLead = 1, true of nearly every article) it walked the
// whole storyLead index instead of the arrival-time range, 2.2 s instead of
// 0.17 s for the queue's last 7 days at 1,000,000 articles. PostgreSQL keeps
// its own statistics (autovacuum's ANALYZE); SQLite keeps none unless asked.
// SQLite's advice is followed: `PRAGMA optimize=0x10002` when a store is
// opened, which analyses every table that was never analysed or has grown or
// shrunk a lot since (with its own sampling limit, so it stays under a second
// or so), and `PRAGMA optimize` now and then on a connection that lives long.
import "server-only";
import Database from "better-sqlite3";

/** How long a worker waits between two optimize runs on the store. */
export const OPTIMIZE_EVERY_MS = 60 * 60_000;

/** Whether the statistics SQLite reads exist. */
export function hasStatistics(conn: Database.Database): boolean {
  const table = conn.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'`).get();
  return table !== undefined && conn.prepare(`SELECT 1 FROM sqlite_stat1 LIMIT 1`).get() !== undefined;
}

/**
 * Brings the planner's statistics up to date where they are missing or stale,
 * on an open connection: every table is checked, not only those this
 * connection used (0x10000), since callers open a connection for this.
 */
export function optimizeSqlite(conn: Database.Database): void {
  conn.pragma("optimize = 0x10002");
}

/** optimizeSqlite on a store file, through a connection of its own. */
export function optimizeSqliteFile(file: string): void {
  const conn = new Database(file);
  try {
    conn.pragma("busy_timeout = 5000");
    optimizeSqlite(conn);
  } finally {
    conn.close();
  }
}

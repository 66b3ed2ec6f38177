// PostgreSQL's planner statistics, brought up to date where autovacuum has not.
// The plans of the desk and of ingest's triggers were made for tables with
// statistics; without them PostgreSQL guesses, and its guesses on a large
// table can read every row of an index for each row inserted. Autovacuum
// analyses a table once a tenth of it has changed, but it can be off (it is on
// the development and CI servers), or behind an archive import that grew the
// store tenfold in minutes. Planned without them, a copy's link insert and
// story-lead update took about 4 ms each in a bulk run (decision 023,
// addendum). SQLite's counterpart is sqlite-stats.ts.
import "server-only";

/** Runs one statement and gives back its rows: a pg client's or Prisma's. */
export type RunSql = (sql: string) => Promise<unknown[]>;

/**
 * Analyses the tables of the current schema whose statistics are missing (rows
 * and none) or stale by autovacuum's own rule (more rows changed since the
 * last analyse than 50 and a tenth of the table), and returns their names. A table with
 * statistics that are current costs one catalogue read.
 */
export async function analyzeStalePostgres(run: RunSql, opts: { all?: boolean; share?: number } = {}): Promise<string[]> {
  // all: every table with rows, for a caller that has just written many (another backend's counts can lag a second).
  // share: of the table changed since, autovacuum's 0.1 by default; a bulk run asks 0.5 (the table doubled), since
  // analysing at every tenth of growth cost a tenth of its time.
  const share = opts.share ?? 0.1;
  const rows = (await run(
    `SELECT relname AS "name" FROM pg_stat_user_tables
     WHERE schemaname = current_schema() AND (${opts.all ? "n_live_tup + n_mod_since_analyze > 0" : `n_mod_since_analyze > 50 + ${share} * n_live_tup`}
       -- rows and no statistics: the counters above start again at zero after a crash, a reset or a copy of the database
       OR (pg_relation_size(relid) > 0 AND NOT EXISTS (SELECT 1 FROM pg_stats s WHERE s.schemaname = schemaname AND s.tablename = relname)))
     ORDER BY relname`,
  )) as { name: string }[];
  const names = rows.map((r) => r.name);
  for (const name of names) await run(`ANALYZE "${name.replace(/"/g, '""')}"`);
  return names;
}

// Applies the migration folders of prisma/migrations (SQLite) or
// prisma/postgres/migrations (PostgreSQL) and records them in Prisma's own
// _prisma_migrations table. Prisma's migrate commands need a native engine
// that cannot be downloaded offline; this runner keeps the same folders and
// the same bookkeeping, so where the real CLI can run it takes over as is.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { optimizeSqlite } from "./sqlite-stats";
import { analyzeStalePostgres } from "./postgres-stats";
import pg from "pg";
import { sqliteFile, storeKind } from "../env";

const root = path.resolve(import.meta.dirname, "../../..");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export function migrationsDir(kind: "sqlite" | "postgres"): string {
  return path.join(root, kind === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations");
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface Applied {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
}

export interface MigrateOptions {
  /** Stop after this migration (the store as an older release left it). */
  target?: string;
}

function plan(migrations: Migration[], applied: Applied[], opts: MigrateOptions = {}): Migration[] {
  const byName = new Map(applied.map((a) => [a.migration_name, a]));
  for (const a of applied) {
    if (!a.finished_at) {
      throw new Error(
        `Migration ${a.migration_name} started but did not finish: the store needs attention before it can be migrated.`,
      );
    }
  }
  for (const m of migrations) {
    const a = byName.get(m.name);
    if (a && a.checksum !== m.checksum) {
      console.warn(`warning: migration ${m.name} was edited after it was applied (checksum differs)`);
    }
  }
  const upTo = opts.target ? migrations.findIndex((m) => m.name === opts.target) : migrations.length - 1;
  if (upTo === -1) throw new Error(`No migration named ${opts.target}`);
  return migrations.slice(0, upTo + 1).filter((m) => !byName.has(m.name));
}

function migrateSqlite(url: string, opts: MigrateOptions): MigrateResult {
  const file = sqliteFile(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    // WAL lets the web server read while an ingest writes; the setting persists in the file.
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL,
      "checksum" TEXT NOT NULL,
      "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL,
      "logs" TEXT,
      "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
    )`);
    const applied = db
      .prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
      .all() as Applied[];
    const all = readMigrations(migrationsDir("sqlite"));
    const todo = plan(all, applied, opts);
    for (const m of todo) {
      // SQLite DDL is transactional: a failed migration leaves nothing behind.
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, datetime('now'), ?, datetime('now'), 1)`,
        ).run(randomUUID(), m.checksum, m.name);
      })();
    }
    // The planner's statistics, made or brought up to date as the store is opened (sqlite-stats.ts).
    optimizeSqlite(db);
    return { applied: todo.map((m) => m.name), alreadyApplied: applied.length };
  } finally {
    db.close();
  }
}

// The same key Prisma's migrate uses, so the runner and the CLI exclude each other.
const ADVISORY_LOCK = 72707369;

async function migratePostgres(url: string, opts: MigrateOptions): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`Cannot reach PostgreSQL at ${redact(url)}: ${(e as Error).message}`);
  }
  try {
    // Several app instances and workers may start at once: one migrates, the others wait.
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<Applied>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const all = readMigrations(migrationsDir("postgres"));
    const todo = plan(all, rows, opts);
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`);
      }
    }
    // The planner's statistics, where autovacuum has not kept them (postgres-stats.ts).
    await analyzeStalePostgres(async (sql) => (await client.query(sql)).rows).catch((e: unknown) =>
      console.error(`wiredesk: planner statistics not brought up to date (${(e as Error).message}); the store works without them, more slowly`),
    );
    return { applied: todo.map((m) => m.name), alreadyApplied: rows.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** Creates the store if needed and applies every pending migration. */
export async function migrateStore(url: string, opts: MigrateOptions = {}): Promise<MigrateResult> {
  return storeKind(url) === "postgres" ? migratePostgres(url, opts) : migrateSqlite(url, opts);
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@");
}

// One Prisma client for either store, picked by DATABASE_URL. The two
// generated clients are structurally identical, so the SQLite client's type
// serves both and keeps PostgreSQL-only filters out of shared code.
import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../../prisma/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../../../prisma/generated/postgres/client";
import { env, sqliteFile, storeKind } from "../env";

export type Db = SqliteClient;
export type { Prisma } from "../../../prisma/generated/sqlite/client";

// Kept on globalThis, like the client itself: Next's server can load this
// module more than once (instrumentation, each route's bundle), and a client
// made by one copy must still be known to the others. Without it a copy saw
// no URL for the shared client: the queue's reads fell back to Prisma, and on
// PostgreSQL the store would have been taken for SQLite.
const registry = globalThis as unknown as { wiredeskDbKinds?: WeakMap<Db, "sqlite" | "postgres">; wiredeskDbUrls?: WeakMap<Db, string> };
const kinds = (registry.wiredeskDbKinds ??= new WeakMap<Db, "sqlite" | "postgres">());
const urls = (registry.wiredeskDbUrls ??= new WeakMap<Db, string>());

/** Which store a client talks to, for the few queries whose SQL differs (full-text search). */
export function dbKind(db: Db): "sqlite" | "postgres" {
  return kinds.get(db) ?? "sqlite";
}

/** The URL a client was made for (the queue's direct SQLite reader opens the same file). */
export function dbUrl(db: Db): string | undefined {
  return urls.get(db);
}

export function createDb(url: string): Db {
  const kind = storeKind(url);
  let db: Db;
  if (kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: url });
    db = new PostgresClient({ adapter }) as unknown as Db;
  } else {
    // busy timeout: a reader waits for a concurrent ingest instead of failing.
    const adapter = immediateTransactions(new PrismaBetterSqlite3({ url: `file:${sqliteFile(url)}`, timeout: BUSY_TIMEOUT_MS }));
    db = new SqliteClient({ adapter });
  }
  kinds.set(db, kind);
  urls.set(db, url);
  return db;
}

const BUSY_TIMEOUT_MS = 5000;

interface AdapterInternals {
  /** The adapter's better-sqlite3 connection. */
  client: { prepare: (sql: string) => { run: () => unknown }; pragma: (sql: string) => unknown };
  startTransaction: (isolationLevel?: unknown) => Promise<{ rollback: () => Promise<void> }>;
  /** Throws the driver error as Prisma's (SQLITE_BUSY becomes P1008). */
  onError: (e: unknown) => never;
}

const isSqliteBusy = (e: unknown) => typeof (e as { code?: unknown })?.code === "string" && (e as { code: string }).code.startsWith("SQLITE_BUSY");

/**
 * SQLite transactions take the write lock when they begin (BEGIN IMMEDIATE),
 * waiting for it without blocking the process.
 *
 * The adapter begins them DEFERRED: a transaction that read, then found that
 * another web process had written since, could not upgrade to write and
 * failed at once with SQLITE_BUSY (the busy timeout cannot help it), 1.2% of
 * tag decisions under two web processes. Taking the lock first removes that
 * failure. Waiting for it through SQLite's busy timeout would freeze the
 * whole process (better-sqlite3 is synchronous) and starve one process while
 * the other held the lock back to back, so the lock is tried without waiting
 * and tried again after a short pause, within the same time as the busy
 * timeout. Every interactive transaction here writes, so none takes the lock
 * it would not have taken anyway.
 */
function immediateTransactions(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const internals = adapter as unknown as AdapterInternals;
    const client = internals.client;
    if (!client || typeof client.prepare !== "function" || typeof internals.startTransaction !== "function" || typeof internals.onError !== "function") {
      throw new Error("@prisma/adapter-better-sqlite3 changed: its connection is not where lib/server/db/client.ts expects it");
    }
    const prepare = client.prepare.bind(client);
    const beginImmediate = prepare("BEGIN IMMEDIATE");
    // The adapter's own BEGIN (run once it holds its in-process lock) does nothing; the wrapper begins instead.
    client.prepare = (sql: string) => (sql === "BEGIN" ? { run: () => undefined } : prepare(sql));
    const start = internals.startTransaction.bind(adapter);
    internals.startTransaction = async (isolationLevel) => {
      const tx = await start(isolationLevel);
      const until = Date.now() + BUSY_TIMEOUT_MS;
      for (let attempt = 1; ; attempt++) {
        client.pragma("busy_timeout = 0");
        try {
          beginImmediate.run();
          return tx;
        } catch (e) {
          if (!isSqliteBusy(e) || Date.now() >= until) {
            await tx.rollback(); // releases the adapter's in-process lock; nothing was begun
            internals.onError(e);
          }
        } finally {
          client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        }
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(attempt, 10)));
      }
    };
    return adapter;
  };
  return factory;
}

const globalForDb = globalThis as unknown as { wiredeskDb?: Db };

/** The process-wide client for the configured store (one across Next's hot reloads). */
export function db(): Db {
  globalForDb.wiredeskDb ??= createDb(env().DATABASE_URL);
  return globalForDb.wiredeskDb;
}

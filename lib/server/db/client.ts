// One Prisma client for either store, picked by DATABASE_URL. The two
// generated clients are structurally identical, so the SQLite client's type
// serves both and keeps PostgreSQL-only filters out of shared code.
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
    const adapter = new PrismaBetterSqlite3({ url: `file:${sqliteFile(url)}`, timeout: 5000 });
    db = new SqliteClient({ adapter });
  }
  kinds.set(db, kind);
  urls.set(db, url);
  return db;
}

const globalForDb = globalThis as unknown as { wiredeskDb?: Db };

/** The process-wide client for the configured store (one across Next's hot reloads). */
export function db(): Db {
  globalForDb.wiredeskDb ??= createDb(env().DATABASE_URL);
  return globalForDb.wiredeskDb;
}

// Rows of a read-only query, as fast as each store allows. On SQLite, Prisma's
// raw queries cost 3-5 ms of CPU each for a page's rows (mapping every value)
// against 0.05-0.3 ms through better-sqlite3 itself, and a Node server on
// SQLite spends that on its one thread: the queue's reads go through a
// read-only connection of their own to the same file (WAL lets it read while
// Prisma writes). On PostgreSQL likewise, a small pool of its own.
import "server-only";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import type { Prisma } from "../../../prisma/generated/sqlite/client";
import { dbKind, dbUrl, type Db } from "./client";
import { sqliteFile } from "../env";

interface Reader {
  conn: Database.Database;
  statements: Map<string, Database.Statement>;
}

const readers = new WeakMap<Db, Reader>();
const pools = new WeakMap<Db, pg.Pool>();

/** timestamp(3) columns hold UTC without a zone (as Prisma writes them): read them as UTC, whatever the server's zone. */
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID ? (v: string) => new Date(`${v.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

function pool(db: Db): pg.Pool | undefined {
  let p = pools.get(db);
  if (p) return p;
  const url = dbUrl(db);
  if (!url) return undefined;
  p = new pg.Pool({ connectionString: url, max: 8, types });
  // An idle connection the server ends (a restart, a dropped database) must not end the process:
  // the pool drops it, and the next read opens another.
  p.on("error", (e) => console.error(`store reader: ${e.message}`));
  pools.set(db, p);
  return p;
}
const MAX_STATEMENTS = 200;

function reader(db: Db): Reader | undefined {
  let r = readers.get(db);
  if (r) return r;
  const url = dbUrl(db);
  if (!url) return undefined;
  const conn = new Database(sqliteFile(url), { readonly: true, fileMustExist: true, timeout: 5000 });
  // A queue page reads tag rows scattered over a large file: keep pages in memory
  // (64 MiB cache, file mapped) rather than the default 2 MiB cache and a read call per page.
  conn.pragma("cache_size = -65536");
  conn.pragma("mmap_size = 268435456");
  r = { conn, statements: new Map() };
  readers.set(db, r);
  return r;
}

/**
 * SQLite's count of commits by other connections to the store, as the
 * client's reader sees it (PRAGMA data_version): equal readings mean nothing
 * was written in between. Every writer is another connection than the reader.
 * Undefined without a reader (PostgreSQL, a client with no file).
 */
export function sqliteDataVersion(db: Db): number | undefined {
  if (dbKind(db) !== "sqlite") return undefined;
  const r = reader(db);
  return r ? Number(r.conn.pragma("data_version", { simple: true })) : undefined;
}

/** Closes a client's direct reader (tests drop their stores). */
export async function closeReader(db: Db): Promise<void> {
  readers.get(db)?.conn.close();
  readers.delete(db);
  const p = pools.get(db);
  pools.delete(db);
  await p?.end();
}

const statementNames = new Map<string, string>();

/** A prepared statement's name, from its text (the same text, the same statement on every connection); hashed once per text. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `wd_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    if (statementNames.size >= MAX_STATEMENTS) statementNames.delete(statementNames.keys().next().value!);
    statementNames.set(text, name);
  }
  return name;
}

/**
 * `prepared`: on PostgreSQL, a named statement, planned once per connection
 * (SQLite's are always kept). Planning was most of the time of small queries
 * there (2-3 ms for the queue's rows and the counts' stamp, run in under 1 ms).
 * Only for queries whose best plan does not hang on their values: a prepared
 * statement may fall back to a generic plan, which is how a tag filter once
 * took 0.45 s (article-sql.ts).
 */
export async function readRows<T = Record<string, unknown>>(db: Db, query: Prisma.Sql, opts: { prepared?: boolean } = {}): Promise<T[]> {
  if (dbKind(db) === "postgres") {
    const p = pool(db);
    if (!p) return db.$queryRaw<T[]>(query);
    const name = opts.prepared ? statementName(query.text) : undefined;
    return (await p.query({ name, text: query.text, values: query.values as unknown[] })).rows as T[];
  }
  const r = reader(db);
  if (!r) return db.$queryRaw<T[]>(query);
  let st = r.statements.get(query.sql);
  if (!st) {
    st = r.conn.prepare(query.sql);
    if (r.statements.size >= MAX_STATEMENTS) r.statements.delete(r.statements.keys().next().value!);
    r.statements.set(query.sql, st);
  }
  return st.all(...(query.values as unknown[])) as T[];
}

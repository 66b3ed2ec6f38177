// Rows of a read-only query, as fast as each store allows. On SQLite, Prisma's
// raw queries cost 3-5 ms of CPU each for a page's rows (mapping every value)
// against 0.05-0.3 ms through better-sqlite3 itself, and a Node server on
// SQLite spends that on its one thread: the queue's reads go through a
// read-only connection of their own to the same file (WAL lets it read while
// Prisma writes). PostgreSQL's reads stay with Prisma.
import Database from "better-sqlite3";
import type { Prisma } from "../../../prisma/generated/sqlite/client";
import { dbKind, dbUrl, type Db } from "./client";
import { sqliteFile } from "../env";

interface Reader {
  conn: Database.Database;
  statements: Map<string, Database.Statement>;
}

const readers = new WeakMap<Db, Reader>();
const MAX_STATEMENTS = 200;

function reader(db: Db): Reader | undefined {
  let r = readers.get(db);
  if (r) return r;
  const url = dbUrl(db);
  if (!url) return undefined;
  const conn = new Database(sqliteFile(url), { readonly: true, fileMustExist: true, timeout: 5000 });
  r = { conn, statements: new Map() };
  readers.set(db, r);
  return r;
}

/** Closes the direct reader of a SQLite client (tests drop their stores). */
export function closeReader(db: Db): void {
  readers.get(db)?.conn.close();
  readers.delete(db);
}

export async function readRows<T = Record<string, unknown>>(db: Db, query: Prisma.Sql): Promise<T[]> {
  const r = dbKind(db) === "sqlite" ? reader(db) : undefined;
  if (!r) return db.$queryRaw<T[]>(query);
  let st = r.statements.get(query.sql);
  if (!st) {
    st = r.conn.prepare(query.sql);
    if (r.statements.size >= MAX_STATEMENTS) r.statements.delete(r.statements.keys().next().value!);
    r.statements.set(query.sql, st);
  }
  return st.all(...(query.values as unknown[])) as T[];
}

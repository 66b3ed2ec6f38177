// The bulk ingest path's own connection to the store, on the driver itself
// (better-sqlite3 or pg), with every statement prepared once and reused.
// Prisma stays for the rest of the app; see decision 016 for why ingest's
// hot path leaves it.
//
// SQL is written once with `?` placeholders and double-quoted names; on
// PostgreSQL the placeholders become $1, $2… and each text is a named
// prepared statement of the connection.
import "server-only";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { env, sqliteFile, storeKind } from "../../env";
import { SQLITE_MMAP_MAX } from "../../db/sqlite-map";

export type Param = string | number | boolean | null | Date | number[] | string[] | boolean[];

export interface Conn {
  readonly kind: "sqlite" | "postgres";
  all<T>(sql: string, params?: Param[]): Promise<T[]>;
  run(sql: string, params?: Param[]): Promise<void>;
  /** Takes the write lock (SQLite: BEGIN IMMEDIATE, retried while another process holds it). */
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

/** As the Prisma adapter writes DateTime on SQLite, so the app reads bulk rows as it reads its own. */
const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
/** timestamp(3) holds UTC without a zone: send it without one, whatever the server's zone. */
export const postgresDate = (d: Date) => d.toISOString().replace("Z", "");

/** Dates as the store holds them: ISO strings on SQLite, timestamps on PostgreSQL (parsed as UTC). */
export function readDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === "number") return new Date(v);
  return new Date(String(v));
}

const BUSY_TIMEOUT_MS = 5000;
const isBusy = (e: unknown) => typeof (e as { code?: unknown })?.code === "string" && (e as { code: string }).code.startsWith("SQLITE_BUSY");

class SqliteConn implements Conn {
  readonly kind = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string, cacheMb: number) {
    this.db = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    this.db.pragma("journal_mode = WAL");
    // A large page cache (512 MiB by default; SQLite's is 2 MiB). Past about
    // 20,000 stories each batch's search-index insert merges and deletes older
    // segments, whose pages had left a 128 MiB cache: a third of the process's
    // CPU samples near 30,000 were in those deletes, copying pages back in from
    // the mapped file. Generated 60,000-story archive: 264–302 articles a
    // second with 128 MiB, 426–439 with 512 (decision 016). The cache grows
    // only as pages are used, and only on this connection.
    this.db.pragma(`cache_size = ${-cacheMb * 1024}`);
    // Statement journals in memory: a statement in a long transaction saves
    // each page it changes that the transaction had changed before, and past
    // 64 KiB (an article's insert touches its 15 indexes and the triggers'
    // tables) SQLite spilled them to a temporary file, a write call a page:
    // about a quarter of the writer's time (decision 016). The journal lives
    // for one statement; this connection runs no large sorts of its own.
    this.db.pragma("temp_store = MEMORY");
    // The store's file mapped (as far as SQLite allows): FTS5's merges read back old
    // segments' pages, which past the page cache each cost a read call and a
    // copy. On a generated 50,000-story archive: 490 articles a second against
    // 350, the last tenth 334 against 196 (decision 016). The mapping is the
    // OS's page cache, not this process's heap; the readers map theirs too.
    this.db.pragma(`mmap_size = ${SQLITE_MMAP_MAX}`);
  }

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private static params(params: Param[]): unknown[] {
    return params.map((p) => (p instanceof Date ? sqliteDate(p) : typeof p === "boolean" ? (p ? 1 : 0) : p));
  }

  async all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    return this.statement(sql).all(...SqliteConn.params(params)) as T[];
  }

  async run(sql: string, params: Param[] = []): Promise<void> {
    this.statement(sql).run(...SqliteConn.params(params));
  }

  /**
   * BEGIN IMMEDIATE, tried without waiting and again after short pauses: waiting
   * in SQLite's busy handler would freeze the process (as in lib/server/db/client.ts).
   */
  async begin(): Promise<void> {
    const begin = this.statement("BEGIN IMMEDIATE");
    const until = Date.now() + BUSY_TIMEOUT_MS;
    for (let attempt = 1; ; attempt++) {
      this.db.pragma("busy_timeout = 0");
      try {
        begin.run();
        return;
      } catch (e) {
        if (!isBusy(e) || Date.now() >= until) throw e;
      } finally {
        this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      }
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(attempt, 10)));
    }
  }

  async commit(): Promise<void> {
    this.statement("COMMIT").run();
  }

  async rollback(): Promise<void> {
    if (this.db.inTransaction) this.statement("ROLLBACK").run();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID ? (v: string) => new Date(`${v.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

class PostgresConn implements Conn {
  readonly kind = "postgres" as const;
  private readonly names = new Map<string, { name: string; text: string }>();

  constructor(private readonly client: pg.Client) {}

  private prepared(sql: string): { name: string; text: string } {
    let p = this.names.get(sql);
    if (!p) {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      p = { name: `wd_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`, text };
      this.names.set(sql, p);
    }
    return p;
  }

  private static params(params: Param[]): unknown[] {
    return params.map((p) => (p instanceof Date ? postgresDate(p) : p));
  }

  async all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    const { name, text } = this.prepared(sql);
    return (await this.client.query({ name, text, values: PostgresConn.params(params) })).rows as T[];
  }

  async run(sql: string, params: Param[] = []): Promise<void> {
    const { name, text } = this.prepared(sql);
    await this.client.query({ name, text, values: PostgresConn.params(params) });
  }

  async begin(): Promise<void> {
    await this.client.query("BEGIN");
  }

  async commit(): Promise<void> {
    await this.client.query("COMMIT");
  }

  async rollback(): Promise<void> {
    await this.client.query("ROLLBACK");
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** A connection of the bulk path's own to the store at url. */
export async function openConn(url: string): Promise<Conn> {
  if (storeKind(url) === "sqlite") return new SqliteConn(sqliteFile(url), env().WIREDESK_INGEST_CACHE_MB);
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  return new PostgresConn(client);
}

// The stores a store test runs on: always a fresh SQLite file; PostgreSQL as
// well when WIREDESK_TEST_POSTGRES names a server (CI sets it). Each store is
// a new database of its own, dropped afterwards; an unreachable PostgreSQL
// fails the run rather than skipping it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "../../lib/server/db/client";
import { migrateStore } from "../../lib/server/db/migrate";
import { closeReader } from "../../lib/server/db/read-rows";
import { dropFacetIndex } from "../../lib/server/articles/facet-index";
import { syncTaxonomy } from "../../lib/server/tags/sync-taxonomy";

export interface TestStore {
  kind: "sqlite" | "postgres";
  url: string;
  db: Db;
  drop: () => Promise<void>;
}

export const storeKinds = (): ("sqlite" | "postgres")[] =>
  process.env.WIREDESK_TEST_POSTGRES ? ["sqlite", "postgres"] : ["sqlite"];

/**
 * Each store twice: the queue answered by the store's queries, and by the
 * process's in-memory index (facet-index.ts), which a store of 20,000 articles
 * or more loads; a test loads it at once (min 0) in its "the index" runs.
 */
export const storeAndIndexVariants = () => storeKinds().flatMap((k) => [[k, "the store"] as const, [k, "the index"] as const]);

function withDatabase(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new, empty store of the given kind, migrated to the latest migration (or to `target`). */
export async function openStore(kind: "sqlite" | "postgres", target?: string): Promise<TestStore> {
  const { url, remove } = kind === "sqlite" ? newSqliteFile() : await newPostgresDatabase();
  await migrateStore(url, { target });
  const db = createDb(url);
  if (!target) await syncTaxonomy(db);
  return {
    kind,
    url,
    db,
    drop: async () => {
      dropFacetIndex(db);
      await closeReader(db);
      await db.$disconnect();
      await remove();
    },
  };
}

function newSqliteFile() {
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-test-"));
  return { url: `file:${path.join(dir, "store.db")}`, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function newPostgresDatabase() {
  const server = process.env.WIREDESK_TEST_POSTGRES;
  if (!server) throw new Error("WIREDESK_TEST_POSTGRES is not set");
  const name = `wiredesk_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: server });
    try {
      await c.connect();
    } catch (e) {
      throw new Error(`PostgreSQL was asked for (WIREDESK_TEST_POSTGRES) but cannot be reached: ${(e as Error).message}`);
    }
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  return { url: withDatabase(server, name), remove: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

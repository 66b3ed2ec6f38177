// What every entry point does before it uses a store: create and migrate it,
// and give it the taxonomy.
import "server-only";
import { createDb, type Db } from "./client";
import { migrateStore, type MigrateResult } from "./migrate";
import { syncTaxonomy } from "../tags/sync-taxonomy";

export async function prepareStore(url: string): Promise<{ db: Db; migrated: MigrateResult; topicsAdded: number }> {
  const migrated = await migrateStore(url);
  const db = createDb(url);
  const topicsAdded = await syncTaxonomy(db);
  return { db, migrated, topicsAdded };
}

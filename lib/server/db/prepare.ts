// What every entry point does before it uses a store: create and migrate it,
// give it the taxonomy, and bring its duplicate index to the current
// fingerprint configuration.
import "server-only";
import { createDb, type Db } from "./client";
import { migrateStore, type MigrateResult } from "./migrate";
import { syncTaxonomy } from "../tags/sync-taxonomy";
import { reindexStale } from "../duplicates/reindex";

export async function prepareStore(url: string): Promise<{ db: Db; migrated: MigrateResult; topicsAdded: number; reindexed: number }> {
  const migrated = await migrateStore(url);
  const db = createDb(url);
  const topicsAdded = await syncTaxonomy(db);
  // A large store takes a while (the lead bands were added at about 3,700 articles a second here): say how far it is, now and then.
  let told = 0;
  const reindexed = await reindexStale(db, (done, total) => {
    if (total < 20_000 || (done - told < total / 10 && done < total)) return;
    told = done;
    console.error(`wiredesk: duplicate index brought to the current fingerprints: ${done.toLocaleString("en")} of ${total.toLocaleString("en")} articles`);
  });
  return { db, migrated, topicsAdded, reindexed };
}

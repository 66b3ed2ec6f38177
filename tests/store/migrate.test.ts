// A store an older release left behind is migrated in place, its data kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { migrateStore, migrationsDir, readMigrations } from "../../lib/server/db/migrate";

describe.each(storeKinds())("migrating an old %s store", (kind) => {
  const all = readMigrations(migrationsDir(kind)).map((m) => m.name);
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind, all[0]);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("has the same migration history for both stores", () => {
    expect(readMigrations(migrationsDir(kind === "sqlite" ? "postgres" : "sqlite")).map((m) => m.name)).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(2);
  });

  it("applies only the missing migrations and keeps the data", async () => {
    await store.db.$executeRawUnsafe(
      `INSERT INTO "Article" ("uri", "headline", "bodyText", "contentHash", "updatedAt") VALUES ('old-1', 'Old story', 'Text from before.', 'h', CURRENT_TIMESTAMP)`,
    );
    const r = await migrateStore(store.url);
    expect(r.applied).toEqual(all.slice(1));
    expect(r.alreadyApplied).toBe(1);
    const old = await store.db.article.findUniqueOrThrow({ where: { uri: "old-1" } });
    expect(old.headline).toBe("Old story");
    expect(old.canonical).toBe(false);
    expect(await store.db.dedupKey.count()).toBe(0);
    expect((await migrateStore(store.url)).applied).toEqual([]);
  });
});

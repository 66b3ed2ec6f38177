// The two migration folders (prisma/migrations for SQLite, prisma/postgres/
// migrations for PostgreSQL) are written by hand and must build the store the
// Prisma models describe. Fresh stores are migrated and read back — tables,
// columns with type, nullability and default, primary keys, indexes and
// foreign keys — and compared with the models and with each other. What the
// migrations add that a Prisma schema cannot declare is listed below with its
// reason; any other difference, or a listed one that has gone, fails.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteFile } from "../../lib/server/env";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { diffShapes, modelShape, parseModels, postgresShape, sqliteShape, type Shape } from "../support/schema-shape";

const schemaText = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
const models = modelShape(parseModels(schemaText));

// The queue's publication order (decision 014) sorts on coalesce(firstCreated,
// ingestedAt): expression indexes, which @@index cannot express. Both stores have them.
const publicationOrder = (store: string) => [
  `Article: index Article_published_id_idx (coalesce(firstcreated,ingestedat), id) only in ${store}`,
  `Article: index Article_status_published_id_idx (status, coalesce(firstcreated,ingestedat), id) only in ${store}`,
  `Article: index Article_storyLead_published_id_idx (storyLead, coalesce(firstcreated,ingestedat), id) only in ${store}`,
  `Article: index Article_storyLead_status_published_id_idx (storyLead, status, coalesce(firstcreated,ingestedat), id) only in ${store}`,
];

/** What each store holds beyond the models, as diffShapes(models, store) words it. */
const beyondTheModels: Record<"sqlite" | "postgres", string[]> = {
  sqlite: [
    ...publicationOrder("the sqlite store"),
    // Full-text search (decisions 006, 014): an FTS5 table kept by triggers.
    "ArticleSearch: table only in the sqlite store",
    // The mark by which bulk ingest indexes a batch for search in one statement (decision 016).
    "ArticleSearchDeferred: table only in the sqlite store",
    // SQLite's ALTER TABLE ADD COLUMN takes only a constant default; Prisma
    // sets @updatedAt on every write, so the default is never read.
    "User.updatedAt: default now in the models, '1970-01-01 00:00:00' in the sqlite store",
  ],
  postgres: [
    ...publicationOrder("the postgres store"),
    // A duplicate key goes with its article by a delete trigger, not a foreign
    // key whose check cost a third of the keys' insert time (decision 016).
    "DedupKey: foreign key articleId -> Article(id) only in the models",
    // Full-text search: a generated tsvector column with its GIN index.
    "Article.search: column generated tsvector null only in the postgres store",
    "Article: index Article_search_idx (search) only in the postgres store",
  ],
};

/** How the two stores differ, as diffShapes(sqlite, postgres) words it: search, and the duplicate keys' foreign key (PostgreSQL: a delete trigger). */
const betweenTheStores = [
  "Article.search: column generated tsvector null only in the postgres store",
  "Article: index Article_search_idx (search) only in the postgres store",
  "ArticleSearch: table only in the sqlite store",
  "ArticleSearchDeferred: table only in the sqlite store",
  "DedupKey: foreign key articleId -> Article(id) only in the sqlite store",
  "User.updatedAt: default '1970-01-01 00:00:00' in the sqlite store, now in the postgres store",
];

async function shapeOf(store: TestStore): Promise<Shape> {
  return store.kind === "sqlite" ? sqliteShape(sqliteFile(store.url)) : postgresShape(store.url);
}

interface RuntimeDataModel {
  models: Record<string, { fields: { name: string; kind: string; type: string }[] }>;
}

describe("the models as the drift test reads them", () => {
  it("refuses schema syntax it does not understand", () => {
    expect(() => parseModels("model A {\n  id Int @id @map(\"a_id\")\n}\n")).toThrow(/unsupported attribute @map/);
    expect(() => parseModels("model A {\n  id Int @id\n  @@index([id], map: \"x\")\n}\n")).toThrow(/unsupported block attribute/);
    expect(() => parseModels("enum Role {\n  admin\n}\n")).toThrow(/expected a model/);
  });

  it("reports a model whose column changed", () => {
    const edited = schemaText
      .replace(/^(\s+caption\s+)String\?/m, "$1String")
      .replace(/^(\s+kind\s+String\s+)@default\("publisher"\)/m, '$1@default("wire")')
      .replace(/^\s+@@index\(\[updatedAt\]\)\n(?=\s+@@index\(\[storyId\]\))/m, "");
    expect(edited).not.toBe(schemaText);
    expect(diffShapes(modelShape(parseModels(edited)), models, "the edited models", "the models")).toEqual([
      "Article.caption: not null in the edited models, null in the models",
      "Article: index Article_updatedAt_idx (updatedAt) only in the models",
      "Source.kind: default 'wire' in the edited models, 'publisher' in the models",
    ]);
  });
});

describe("migrated stores against the models", () => {
  const kinds = storeKinds();
  const stores = new Map<string, TestStore>();
  const shapes = new Map<string, Shape>();

  beforeAll(async () => {
    for (const kind of kinds) {
      const store = await openStore(kind);
      stores.set(kind, store);
      shapes.set(kind, await shapeOf(store));
    }
  });
  afterAll(async () => {
    for (const store of stores.values()) await store.drop();
  });

  describe.each(kinds)("a fresh %s store", (kind) => {
    it("has the models Prisma's generated client knows, field for field", () => {
      // The parser's reading checked against Prisma's own (model names, fields, kinds and types);
      // a generated client older than the schema fails here too.
      const runtime = (stores.get(kind)!.db as unknown as { _runtimeDataModel: RuntimeDataModel })._runtimeDataModel;
      const fromClient = Object.fromEntries(
        Object.entries(runtime.models).map(([name, m]) => [name, m.fields.map((f) => `${f.name} ${f.kind} ${f.type}`)]),
      );
      const parsed = Object.fromEntries(parseModels(schemaText).map((m) => [m.name, m.fields.map((f) => `${f.name} ${f.kind} ${f.type}`)]));
      expect(parsed).toEqual(fromClient);
    });

    it("matches the models but for what a Prisma schema cannot declare", () => {
      expect(diffShapes(models, shapes.get(kind)!, "the models", `the ${kind} store`)).toEqual([...beyondTheModels[kind]].sort());
    });

    it("reports a dropped column, an extra column, a dropped index and an extra index", async () => {
      // Runs last in this block: beforeAll read the shape the other tests compare.
      const store = stores.get(kind)!;
      await store.db.$executeRawUnsafe(`ALTER TABLE "Article" ADD COLUMN "stray" TEXT`);
      await store.db.$executeRawUnsafe(`ALTER TABLE "Article" DROP COLUMN "caption"`);
      await store.db.$executeRawUnsafe(`DROP INDEX "Source_enabled_nextPollAt_idx"`);
      await store.db.$executeRawUnsafe(`CREATE UNIQUE INDEX "SavedView_name_key" ON "SavedView"("name")`);
      const diff = diffShapes(models, await shapeOf(store), "the models", `the ${kind} store`);
      expect(diff).toEqual(
        [
          ...beyondTheModels[kind],
          `Article.caption: column text null only in the models`,
          `Article.stray: column text null only in the ${kind} store`,
          `Source: index Source_enabled_nextPollAt_idx (enabled, nextPollAt) only in the models`,
          `SavedView: index SavedView_name_key unique (name) only in the ${kind} store`,
        ].sort(),
      );
    });
  });

  it.runIf(kinds.includes("postgres"))("the SQLite and PostgreSQL migrations build the same store but for search and one foreign key", () => {
    expect(diffShapes(shapes.get("sqlite")!, shapes.get("postgres")!, "the sqlite store", "the postgres store")).toEqual(betweenTheStores);
  });
});

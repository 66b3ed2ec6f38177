// Derives prisma/postgres/schema.prisma from the SQLite schema, the source of
// truth: Prisma rejects `provider = env(...)`, so one schema cannot serve both
// stores. `--check` exits 1 when the committed copy is stale (CI runs it).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const sqlitePath = path.join(root, "prisma/schema.prisma");
const pgPath = path.join(root, "prisma/postgres/schema.prisma");

export function derivePostgresSchema(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\/generated\/sqlite"/, 'output   = "../generated/postgres"');
  if (out.includes('"sqlite"') || !out.includes("../generated/postgres")) {
    throw new Error("prisma/schema.prisma: expected provider \"sqlite\" and output \"./generated/sqlite\"");
  }
  return `// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.ts: edit that file, then run npm run db:derive.\n${out}`;
}

function main(): void {
  const derived = derivePostgresSchema(readFileSync(sqlitePath, "utf8"));
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(pgPath, "utf8");
    } catch {
      // missing counts as stale
    }
    if (current !== derived) {
      console.error("prisma/postgres/schema.prisma is stale: run `npm run db:derive` and commit it.");
      process.exit(1);
    }
    console.log("prisma/postgres/schema.prisma matches prisma/schema.prisma");
    return;
  }
  mkdirSync(path.dirname(pgPath), { recursive: true });
  writeFileSync(pgPath, derived);
  console.log("wrote prisma/postgres/schema.prisma");
}

main();

// Prisma CLI configuration. The store is chosen by DATABASE_URL: a
// postgresql:// URL selects the derived PostgreSQL schema and its migrations.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/wiredesk.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  datasource: { url },
});

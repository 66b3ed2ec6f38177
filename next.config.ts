import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The native SQLite driver and Prisma's adapters load at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
};

export default nextConfig;

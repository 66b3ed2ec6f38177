import type { NextConfig } from "next";
import { apiCsp, securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // The native SQLite driver and Prisma's adapters load at run time, not bundled; so does esbuild, with
  // its native binary, which only processes that start the bulk path's worker threads ever load (worker-bundle.ts).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "esbuild"],
  poweredByHeader: false,
  async headers() {
    // Pages get their nonce-based CSP from proxy.ts; everything gets the rest.
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiCsp }, { key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default nextConfig;

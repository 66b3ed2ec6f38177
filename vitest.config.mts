import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // lib/server modules import "server-only", which throws outside React's
    // server environment; tests call them directly, as a server would.
    alias: { "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/store/**/*.test.ts"],
    environment: "node",
    // The language detector is an ES module loaded once by import(): ready before any test parses input.
    setupFiles: ["tests/support/language-detector.ts"],
    // Store tests open real databases; give PostgreSQL room on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/store/**/*.test.ts"],
    environment: "node",
    // Store tests open real databases; give PostgreSQL room on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

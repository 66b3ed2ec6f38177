// Whether the desk's production build (.next) is older than its sources:
// npm start and npm run bench:desk rebuild only then.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (d.name === "node_modules" || d.name.startsWith(".") || d.name === "generated") continue;
    const p = path.join(dir, d.name);
    newest = Math.max(newest, d.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIsStale(): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const inputs = ["app", "components", "lib", "public"].map((d) => path.join(root, d)).filter(existsSync);
  const files = ["next.config.ts", "proxy.ts", "instrumentation.ts", "package-lock.json", "postcss.config.mjs", "prisma/schema.prisma"].map((f) => path.join(root, f));
  return Math.max(...inputs.map(newestMtime), ...files.filter(existsSync).map((f) => statSync(f).mtimeMs)) > built;
}


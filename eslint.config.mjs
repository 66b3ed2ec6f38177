import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers, checked on every lint (tests/unit/lint-boundaries.test.ts shows
// each rule firing). Import strings are matched as written: "@/lib/server/…"
// or relative ("../server/…", "../../lib/server/…").
const SERVER = { regex: "^(@/lib/server|(\\.\\./)+(lib/)?server)(/|$)", message: "server code (lib/server) stays on the server: use its types from lib/schemas, its data through a route or a page." };
const DATA = [
  { regex: "^(@prisma/|prisma$|better-sqlite3$|pg$|pg-boss$)", message: "the data layer is lib/server's alone." },
  { regex: "(^|/)prisma/generated(/|$)", message: "the generated Prisma client is lib/server's alone." },
];
const FRAMEWORK = [
  { regex: "^(next|react|react-dom)(/|$)", message: "engines are pure code: no framework." },
  { regex: "^(@/|(\\.\\./)+)(components|app|lib/queries|lib/ui)(/|$)", message: "engines are pure code: no UI." },
  { regex: "^(\\.\\./)+(queries|ui)(/|$)", message: "engines are pure code: no UI." },
];

const layer = (files, patterns) => ({ files, rules: { "no-restricted-imports": ["error", { patterns }] } });

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "prisma/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "tests/artifacts/**",
      // Deliberately bad imports, linted by tests/unit/lint-boundaries.test.ts as if they lived in the layers.
      "tests/fixtures/lint/**"],
  },
  // The UI (components, the client hooks, the browser's helpers and providers) never reaches the data layer.
  layer(["components/**/*.{ts,tsx}", "lib/queries/**/*.{ts,tsx}", "lib/ui/**/*.{ts,tsx}", "app/providers.tsx"], [SERVER, ...DATA, { regex: "^(next/server|next/headers)$", message: "client code: no server APIs." }]),
  // The engines (ingest, dedup, tagging) are pure: parse, fingerprint and tag text, nothing else.
  layer(["lib/ingest/**/*.{ts,tsx,mts,mjs}", "lib/dedup/**/*.{ts,tsx}", "lib/tagging/**/*.{ts,tsx}"], [SERVER, ...DATA, ...FRAMEWORK]),
  // Schemas are shared by the server and the browser.
  layer(["lib/schemas/**/*.{ts,tsx}"], [SERVER, ...DATA, { regex: "^(next/server|next/headers)$", message: "schemas run in the browser too." }]),
];

export default config;

// The layer rules of eslint.config.mjs fire: each fixture in
// tests/fixtures/lint is linted as if it lived in a layer (lintText with a
// filePath there, so no bad file has to sit in components/), through the
// project's own config, as `npm run lint` would.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(root, "tests/fixtures/lint");

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // Loading the config and its plugins takes seconds on a busy machine: once, here.
  await eslint.lintText("", { filePath: path.join(root, "lib/schemas/lint-fixture.ts") });
}, 120_000);

/** The boundary messages for a fixture linted as the file `as` (relative to the root). */
async function boundaryErrors(fixture: string, as: string) {
  const [result] = await eslint.lintText(readFileSync(path.join(fixtures, fixture), "utf8"), { filePath: path.join(root, as) });
  expect(result, `${as} was not linted (ignored?)`).toBeDefined();
  // Anything fatal (a parse error) would hide the rule: fail loudly instead.
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports" && m.severity === 2).map((m) => m.message);
}

describe("layer boundaries (eslint.config.mjs)", () => {
  const refused: [fixture: string, as: string, says: RegExp][] = [
    ["components/bad-db.tsx", "components/articles/lint-fixture.tsx", /lib\/server/],
    ["components/bad-prisma.tsx", "components/ui/lint-fixture.tsx", /data layer/],
    ["queries/bad-server-type.ts", "lib/queries/lint-fixture.ts", /lib\/server/],
    ["queries/bad-server-type.ts", "lib/ui/lint-fixture.ts", /lib\/server/],
    ["engines/bad-next.ts", "lib/ingest/lint-fixture.ts", /no framework/],
    ["engines/bad-react.ts", "lib/tagging/lint-fixture.ts", /no framework/],
    ["engines/bad-store.ts", "lib/dedup/lint-fixture.ts", /lib\/server/],
    ["schemas/bad-server.ts", "lib/schemas/lint-fixture.ts", /lib\/server/],
  ];
  it.each(refused)("refuses %s in %s", async (fixture, as, says) => {
    const errors = await boundaryErrors(fixture, as);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(says);
  });

  const allowed: [fixture: string, as: string][] = [
    ["components/good.tsx", "components/audit/lint-fixture.tsx"],
    ["queries/good.ts", "lib/queries/lint-fixture.ts"],
    ["engines/good.ts", "lib/ingest/lint-fixture.ts"],
    ["schemas/good.ts", "lib/schemas/lint-fixture.ts"],
    // Server code and pages may reach the data layer: the rules are per layer.
    ["components/bad-db.tsx", "app/lint-fixture/page.tsx"],
    ["engines/bad-store.ts", "lib/server/lint-fixture.ts"],
  ];
  it.each(allowed)("allows %s in %s", async (fixture, as) => {
    expect(await boundaryErrors(fixture, as)).toEqual([]);
  });

  // The real code is checked by `npm run lint` (eslint .) itself.
});

// npm run export -- --format ndjson|csv [--out FILE] [--status S] [--source NAME] [--since DATE] [--until DATE] [--limit N]
// Writes articles with ninjs 2.x field names; NDJSON exports ingest back.
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { env } from "../lib/server/env";
import { prepareStore } from "../lib/server/db/prepare";
import { exportArticles } from "../lib/server/export/export-articles";
import { systemActor } from "../lib/server/audit";
import { workflowStatus } from "../lib/schemas/vocabulary";

const USAGE = `usage: npm run export -- --format ndjson|csv [--out FILE] [filters]

  filters: --status new|reviewed|spiked  --source NAME or id (comma-separated: any of them)
           --since DATE  --until DATE (ingest time, ISO 8601)  --limit N`;

const date = z.string().transform((s, ctx) => {
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: "custom", message: `not a date: ${s}` });
    return z.NEVER;
  }
  return d;
});

const options = z.object({
  format: z.enum(["ndjson", "csv"], { message: "--format must be ndjson or csv" }),
  out: z.string().optional(),
  status: workflowStatus.optional(),
  source: z.string().optional(),
  since: date.optional(),
  until: date.optional(),
  limit: z.coerce.number().int().positive().optional(),
});

async function main(): Promise<number> {
  let opts;
  try {
    const { values } = parseArgs({
      options: {
        format: { type: "string" }, out: { type: "string" }, status: { type: "string" },
        source: { type: "string" }, since: { type: "string" }, until: { type: "string" }, limit: { type: "string" },
      },
    });
    const parsed = options.safeParse(values);
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
    opts = parsed.data;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const config = env();
  const { db } = await prepareStore(config.DATABASE_URL);
  const out = opts.out ? createWriteStream(opts.out) : process.stdout;
  try {
    const n = await exportArticles(db, opts.format, out, systemActor("cli"), {
      status: opts.status,
      source: opts.source,
      since: opts.since?.toISOString(),
      until: opts.until?.toISOString(),
      limit: opts.limit,
    });
    if (opts.out) {
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    }
    console.error(`exported ${n} article${n === 1 ? "" : "s"}${opts.out ? ` to ${opts.out}` : ""}`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`export: ${(e as Error).message}`);
    process.exit(1);
  },
);

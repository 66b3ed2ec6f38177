// The one place that reads process.env: parsed once, validated, typed.
import { z } from "zod";
import { parseThresholds } from "../dedup/config";

export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/wiredesk.db")
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Largest input file or download accepted, in bytes. */
  WIREDESK_MAX_INPUT_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** Lets URL ingest reach private, loopback and link-local addresses (tests, intranets). */
  WIREDESK_ALLOW_PRIVATE_FETCH: z.enum(["0", "1"]).default("0"),
  WIREDESK_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(15000),
  /** Load the demo copy into an empty store on start. */
  WIREDESK_DEMO: z.enum(["0", "1"]).default("1"),
  /** How long the queue's counts may lag behind a changing store before they are taken again (ms); 0: always exact. */
  WIREDESK_COUNTS_MAX_LAG_MS: z.coerce.number().int().nonnegative().default(0),
  /** When copies are flagged, per kind, as JSON: {"near": {"minCoverage": 0.85}}; unset fields keep their defaults. */
  WIREDESK_DEDUP_THRESHOLDS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      try {
        return parseThresholds(raw ? JSON.parse(raw) : {});
      } catch (e) {
        ctx.addIssue({ code: "custom", message: `not valid thresholds: ${(e as Error).message.slice(0, 300)}` });
        return z.NEVER;
      }
    }),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function storeKind(url: string): "sqlite" | "postgres" {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/** The SQLite file a file: URL names, resolved against the working directory as the adapter does. */
export function sqliteFile(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** What URL ingest may fetch: the limits every caller of fetchUrl applies. */
export function fetchLimits(e: Env = env()) {
  return {
    maxBytes: e.WIREDESK_MAX_INPUT_BYTES,
    timeoutMs: e.WIREDESK_FETCH_TIMEOUT_MS,
    allowPrivate: e.WIREDESK_ALLOW_PRIVATE_FETCH === "1",
  };
}

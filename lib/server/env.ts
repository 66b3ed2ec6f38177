// The one place that reads process.env: parsed once, validated, typed.
import "server-only";
import { z } from "zod";
import { parseThresholds } from "../dedup/config";
import { parseTrustedProxies } from "./auth/client-address";

export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/wiredesk.db")
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Web processes npm start serves with (scripts/serve.mjs, which reads it itself): default one per core, at most 8. */
  WIREDESK_WEB_PROCESSES: z.coerce.number().int().min(1).max(64).optional(),
  /** Largest input file or download accepted, in bytes. */
  WIREDESK_MAX_INPUT_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** Lets URL ingest reach private, loopback and link-local addresses (tests, intranets). */
  WIREDESK_ALLOW_PRIVATE_FETCH: z.enum(["0", "1"]).default("0"),
  WIREDESK_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(15000),
  /**
   * Page cache of ingest's own SQLite connection, in MiB (decision 016): it
   * keeps what the search index's merges read back past 20,000 stories. Used
   * as it fills; other connections keep theirs.
   */
  WIREDESK_INGEST_CACHE_MB: z.coerce.number().int().min(2).max(65536).default(512),
  /** How often a worker looks for feeds that are due, in ms. */
  WIREDESK_WORKER_TICK_MS: z.coerce.number().int().min(200).max(600_000).default(2000),
  /** Feeds one worker fetches at once. */
  WIREDESK_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Whether npm start also runs a feed worker: by default yes on SQLite, no on PostgreSQL (run `npm run worker` there). */
  WIREDESK_WORKER: z.enum(["0", "1"]).optional(),
  /**
   * Lets an admin mark a webhook allowPrivate, so its deliveries may go to
   * private, loopback and link-local addresses (a CMS on the intranet).
   * Apart from WIREDESK_ALLOW_PRIVATE_FETCH: reading intranet feeds and
   * posting the desk's copy into the intranet are different consents.
   */
  WIREDESK_WEBHOOKS_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
  /** The first retry's delay in ms; later ones are 4, 20, 120 and 720 times it (30 s, 2 min, 10 min, 1 h, 6 h). */
  WIREDESK_WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(1).max(86_400_000).default(30_000),
  /** Tries of one delivery before it is marked failed. */
  WIREDESK_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /** How long a receiver may take to answer, in ms. */
  WIREDESK_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Days a delivered or failed delivery is kept (shown on the webhooks page) before the worker deletes it; queued ones stay. */
  WIREDESK_WEBHOOK_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How often the live-updates stream asks the store for changes, in ms. */
  WIREDESK_LIVE_POLL_MS: z.coerce.number().int().min(200).max(60_000).default(1000),
  /** Signs session cookies; at least 32 characters. Required in production (npm start keeps one in data/). */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The desk's public address (https://desk.example.org); sign-in checks request origins against it. Inferred from requests when unset. */
  WIREDESK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Further origins allowed to post to the desk, comma-separated. */
  WIREDESK_TRUSTED_ORIGINS: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",").map((o) => o.trim()).filter(Boolean) : [])),
  /** Sign-in attempts allowed per client address per minute. */
  WIREDESK_SIGNIN_LIMIT: z.coerce.number().int().min(1).max(100000).default(10),
  /** Sign-in attempts allowed per account (email), from any address, per 15 minutes. */
  WIREDESK_SIGNIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).max(100000).default(20),
  /** Requests one API token may make per minute, counted across every instance. */
  WIREDESK_API_TOKEN_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /**
   * Proxies whose X-Forwarded-For is believed: addresses or CIDR ranges,
   * comma-separated ("10.0.0.5, 192.168.0.0/16"). Unset: none, and the
   * client is whoever opened the connection.
   */
  WIREDESK_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const entries = (raw ?? "").split(",").map((e) => e.trim()).filter(Boolean);
      try {
        parseTrustedProxies(entries);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
        return z.NEVER;
      }
      return entries;
    }),
  /** Demo accounts' password (tests only); unset, npm start generates and prints them. */
  WIREDESK_DEMO_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  /** Load the demo copy into an empty store on start. */
  WIREDESK_DEMO: z.enum(["0", "1"]).default("1"),
  /** How long the queue's counts may lag behind a changing store before they are taken again (ms); 0: always exact. */
  WIREDESK_COUNTS_MAX_LAG_MS: z.coerce.number().int().nonnegative().default(0),
  /** Stores of at least this many articles count filtered facets in each process's memory (decision 026); 0: always. */
  WIREDESK_FACET_INDEX_MIN: z.coerce.number().int().nonnegative().default(20000),
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

/** How webhook deliveries are sent and retried (lib/server/webhooks/deliver.ts). */
export function webhookLimits(e: Env = env()) {
  return {
    allowPrivate: e.WIREDESK_WEBHOOKS_ALLOW_PRIVATE === "1",
    backoffMs: e.WIREDESK_WEBHOOK_BACKOFF_MS,
    maxAttempts: e.WIREDESK_WEBHOOK_MAX_ATTEMPTS,
    timeoutMs: e.WIREDESK_WEBHOOK_TIMEOUT_MS,
    keepDays: e.WIREDESK_WEBHOOK_KEEP_DAYS,
  };
}

/** What URL ingest may fetch: the limits every caller of fetchUrl applies. */
export function fetchLimits(e: Env = env()) {
  return {
    maxBytes: e.WIREDESK_MAX_INPUT_BYTES,
    timeoutMs: e.WIREDESK_FETCH_TIMEOUT_MS,
    allowPrivate: e.WIREDESK_ALLOW_PRIVATE_FETCH === "1",
  };
}

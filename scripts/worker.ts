// npm run worker: polls feeds and ingests them, and sends webhook deliveries, outside the web process.
// Run as many as you like on PostgreSQL; on SQLite `npm start` runs one.
import { env, fetchLimits, storeKind, webhookLimits } from "../lib/server/env";
import { createDb } from "../lib/server/db/client";
import { redact } from "../lib/server/db/migrate";
import { startWorker } from "../lib/server/worker/run-worker";
import type { PollOutcome } from "../lib/server/sources/poll-source";

function describe(o: PollOutcome): string | undefined {
  switch (o.kind) {
    case "busy":
      return undefined;
    case "not-modified":
      return `source ${o.sourceId}: not modified`;
    case "ingested":
      return `source ${o.sourceId}: ${o.totals.new} new, ${o.totals.updated} updated, ${o.totals.skipped} unchanged, ${o.totals.failed} failed (run ${o.runId})`;
    case "failed":
      return `source ${o.sourceId}: failed (${o.failureCount} in a row, next try ${o.nextPollAt.toISOString()}): ${o.error}`;
  }
}

async function main() {
  const config = env();
  const url = config.DATABASE_URL;
  const db = createDb(url);
  const worker = await startWorker(db, url, {
    ...fetchLimits(config),
    thresholds: config.WIREDESK_DEDUP_THRESHOLDS,
    tickMs: config.WIREDESK_WORKER_TICK_MS,
    concurrency: config.WIREDESK_WORKER_CONCURRENCY,
    actor: "worker",
    onOutcome: (o) => {
      const line = describe(o);
      if (line) console.log(`worker: ${line}`);
    },
    onError: (e) => console.error(`worker: ${e.message}`),
    webhooks: webhookLimits(config),
    onDelivery: (d) => {
      if (d.status !== "delivered") console.log(`worker: webhook ${d.webhookId} delivery ${d.id}: ${d.status}${d.responseStatus ? ` (HTTP ${d.responseStatus})` : ""}`);
    },
  });
  console.log(`worker: polling feeds (${worker.kind === "queue" ? "pg-boss queue" : "loop"}) on ${storeKind(url)} ${redact(url)}`);
  let stopping = false;
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      void worker
        .stop()
        .then(() => db.$disconnect())
        .then(() => process.exit(0));
    });
  }
}

main().catch((e) => {
  console.error(`worker: ${(e as Error).message}`);
  process.exit(1);
});

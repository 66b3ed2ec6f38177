// The worker: polls feeds and ingests them outside the web process.
// On PostgreSQL the due feeds become jobs in a pg-boss queue in the same
// database, so any number of workers share the work and a job is done once;
// a "stately" queue keyed by source keeps one feed to one queued and one
// running job, and the row claim in pollSource guards the fetch itself.
// On SQLite (one machine) a plain loop polls the due feeds.
// Beside it, on either store, a loop sends the webhook deliveries that are
// due from the store's queue (decision 021): rows are claimed one by one, so
// any number of workers share them and each is sent once. Another counts
// the dashboard's pending hours ahead of its views (decision 025).
import "server-only";
import pg from "pg";
import PgBoss from "pg-boss";
import type { Db } from "../db/client";
import { dbKind } from "../db/client";
import { dueSources, pollDue } from "../sources/poll-due";
import { pollSource, type PollOptions, type PollOutcome } from "../sources/poll-source";
import { optimizeSqliteFile, OPTIMIZE_EVERY_MS } from "../db/sqlite-stats";
import { analyzeStalePostgres } from "../db/postgres-stats";
import { sqliteFile } from "../env";
import { deliverDue, pruneDeliveries, type DeliverOptions, type DeliveryOutcome } from "../webhooks/deliver";
import { windowFigures } from "../dashboard/kept-hours";
import { pruneArticleChanges } from "../articles/facet-index";
import { rangeWindow } from "../dashboard/in-range";

export const POLL_QUEUE = "wiredesk-poll-source";

/** The advisory lock workers take to set pg-boss up one at a time (not the migrations' lock). */
const SETUP_LOCK = 72707370;

async function inTurn(databaseUrl: string, setup: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [SETUP_LOCK]);
    await setup();
  } finally {
    // Closing the session releases the lock whatever happened.
    await client.end();
  }
}

export interface WorkerOptions extends PollOptions {
  /** How often due feeds are looked for, in ms (default 2000). */
  tickMs?: number;
  /** Feeds this worker fetches at once (default 4). */
  concurrency?: number;
  onOutcome?: (o: PollOutcome) => void;
  onError?: (e: Error) => void;
  /** How webhook deliveries are sent (lib/server/env.ts webhookLimits); false: this worker sends none. */
  webhooks?: DeliverOptions | false;
  /** How often due deliveries are looked for, in ms (default: tickMs). */
  deliveryTickMs?: number;
  onDelivery?: (o: DeliveryOutcome) => void;
  /** How often the dashboard's pending hours are counted ahead of its views, in ms (default 10 minutes; 0: never). */
  dashboardEveryMs?: number;
}

export interface RunningWorker {
  kind: "queue" | "loop";
  stop: () => Promise<void>;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });

/** How often a worker deletes the deliveries kept long enough (pruneDeliveries). */
const PRUNE_EVERY_MS = 60 * 60_000;

/** Sends due deliveries until stopped; a round that sent something looks again at once. Prunes old ones hourly. */
function deliveryLoop(db: Db, opts: WorkerOptions, onError: (e: Error) => void, signal: AbortSignal): Promise<void> {
  if (opts.webhooks === false) return Promise.resolve();
  const delivery = { onError, ...opts.webhooks };
  const tickMs = opts.deliveryTickMs ?? opts.tickMs ?? 2000;
  let prunedAt = 0;
  return (async () => {
    while (!signal.aborted) {
      let sent = 0;
      if (Date.now() - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = Date.now();
        await pruneDeliveries(db, delivery.keepDays ?? 30).catch(onError);
      }
      try {
        const outcomes = await deliverDue(db, delivery);
        sent = outcomes.length;
        for (const o of outcomes) opts.onDelivery?.(o);
      } catch (e) {
        onError(e as Error);
      }
      if (sent === 0) await sleep(tickMs, signal);
    }
  })();
}

/**
 * Counts and keeps the dashboard's pending hours of its longest window now and then (decision 025),
 * so that a view finds them kept: on a store that never had a view, the first one counts every hour
 * of 30 days (1.8-4.9 s at 100,000 stories). Started after one interval: a worker's first minutes go to its feeds.
 */
function dashboardLoop(db: Db, opts: WorkerOptions, onError: (e: Error) => void, signal: AbortSignal): Promise<void> {
  const every = opts.dashboardEveryMs ?? 10 * 60_000;
  if (every <= 0) return Promise.resolve();
  return (async () => {
    for (await sleep(every, signal); !signal.aborted; await sleep(every, signal)) {
      await windowFigures(db, rangeWindow("30d", new Date())).catch(onError);
      // And the change rows the facet indexes have read (decision 026).
      await pruneArticleChanges(db).catch(onError);
    }
  })();
}

export async function startWorker(db: Db, databaseUrl: string, opts: WorkerOptions = {}): Promise<RunningWorker> {
  const tickMs = opts.tickMs ?? 2000;
  const onError = opts.onError ?? ((e: Error) => console.error(`worker: ${e.message}`));
  const stopping = new AbortController();
  const background = Promise.all([deliveryLoop(db, opts, onError, stopping.signal), dashboardLoop(db, opts, onError, stopping.signal)]);

  if (dbKind(db) !== "postgres") {
    let optimizedAt = Date.now();
    const loop = (async () => {
      while (!stopping.signal.aborted) {
        try {
          await pollDue(db, opts);
        } catch (e) {
          onError(e as Error);
        }
        // The planner's statistics follow the store as it grows (sqlite-stats.ts); npm start made them as it opened it.
        if (Date.now() - optimizedAt >= OPTIMIZE_EVERY_MS) {
          optimizedAt = Date.now();
          try {
            optimizeSqliteFile(sqliteFile(databaseUrl));
          } catch (e) {
            onError(e as Error);
          }
        }
        await sleep(tickMs, stopping.signal);
      }
    })();
    return {
      kind: "loop",
      stop: async () => {
        stopping.abort();
        await Promise.all([loop, background]);
      },
    };
  }

  const boss = new PgBoss({ connectionString: databaseUrl, max: (opts.concurrency ?? 4) + 2, schedule: false });
  boss.on("error", onError);
  // Workers starting together both create pg-boss's schema and the queue's
  // partition, and PostgreSQL can answer one of them "deadlock detected" (seen
  // in CI): the setup is taken in turn, under an advisory lock of its own.
  await inTurn(databaseUrl, async () => {
    await boss.start();
    await boss.createQueue(POLL_QUEUE, { name: POLL_QUEUE, policy: "stately", retryLimit: 0, expireInSeconds: 15 * 60 });
  });
  const handler = async (jobs: PgBoss.Job<{ sourceId: number }>[]) => {
    for (const job of jobs) {
      const o = await pollSource(db, job.data.sourceId, { ...opts, onlyIfDue: true });
      opts.onOutcome?.(o);
    }
  };
  const pollingIntervalSeconds = Math.max(0.5, tickMs / 1000);
  for (let i = 0; i < (opts.concurrency ?? 4); i++) {
    await boss.work(POLL_QUEUE, { batchSize: 1, pollingIntervalSeconds }, handler);
  }
  // Every worker looks for due feeds; the queue takes each feed once however many ask.
  let analyzedAt = Date.now();
  const ticker = (async () => {
    while (!stopping.signal.aborted) {
      try {
        for (const sourceId of await dueSources(db, new Date())) {
          await boss.send(POLL_QUEUE, { sourceId }, { singletonKey: `source-${sourceId}` });
        }
      } catch (e) {
        onError(e as Error);
      }
      // The planner's statistics, where autovacuum is off or behind (postgres-stats.ts); the store's opening made them.
      if (Date.now() - analyzedAt >= OPTIMIZE_EVERY_MS) {
        analyzedAt = Date.now();
        try {
          await analyzeStalePostgres((sql) => db.$queryRawUnsafe(sql));
        } catch (e) {
          onError(e as Error);
        }
      }
      await sleep(tickMs, stopping.signal);
    }
  })();
  return {
    kind: "queue",
    stop: async () => {
      stopping.abort();
      await Promise.all([ticker, background]);
      await boss.stop({ graceful: true, wait: true, close: true, timeout: 30_000 });
    },
  };
}

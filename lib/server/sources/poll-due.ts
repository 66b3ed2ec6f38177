// A polling round: every enabled feed that is due, a few at a time, each on
// its own, so a slow or broken feed holds up only its own slot.
import "server-only";
import type { Db } from "../db/client";
import { pollSource, type PollOptions, type PollOutcome } from "./poll-source";

/** Enabled feeds due now and not held by another poller, soonest first. */
export async function dueSources(db: Db, now: Date, limit = 100): Promise<number[]> {
  const rows = await db.source.findMany({
    where: {
      enabled: true,
      feedUrl: { not: null },
      OR: [{ nextPollAt: null }, { nextPollAt: { lte: now } }],
      AND: [{ OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] }],
    },
    orderBy: [{ nextPollAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export interface RoundOptions extends PollOptions {
  /** Feeds fetched at once (default 4). */
  concurrency?: number;
  onOutcome?: (o: PollOutcome) => void;
}

/** Polls every due feed once; returns what happened to each. */
export async function pollDue(db: Db, opts: RoundOptions = {}): Promise<PollOutcome[]> {
  const ids = await dueSources(db, opts.now ? opts.now() : new Date());
  const outcomes: PollOutcome[] = [];
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const o = await pollSource(db, id, { ...opts, onlyIfDue: true });
      outcomes.push(o);
      opts.onOutcome?.(o);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, ids.length)) }, lane));
  return outcomes;
}

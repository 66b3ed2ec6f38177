// Recent ingest runs with their per-item errors, newest first.
import "server-only";
import type { Db } from "../db/client";
import { authorize, type Actor } from "../audit";

export async function findRecentRuns(db: Db, actor: Actor, take = 20) {
  authorize(actor, "ingest");
  const runs = await db.ingestRun.findMany({
    orderBy: { id: "desc" },
    take,
    include: { errors: { orderBy: { id: "asc" }, take: 50 } },
  });
  return runs.map((r) => ({
    id: r.id,
    input: r.input,
    origin: r.origin,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    counts: { new: r.newCount, updated: r.updatedCount, duplicates: r.duplicateCount, skipped: r.skippedCount, failed: r.failedCount },
    errors: r.errors.map((e) => ({ input: e.input, location: e.location, message: e.message })),
  }));
}

export type RecentRun = Awaited<ReturnType<typeof findRecentRuns>>[number];

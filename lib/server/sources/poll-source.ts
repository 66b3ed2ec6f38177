// One poll of one feed: claim it, fetch it conditionally, ingest what is new
// through the one ingest path, and record the feed's health. A failure is
// recorded on that source and pushes its next poll back; it never throws, so
// a broken feed cannot hold up the others.
import "server-only";
import type { Db } from "../db/client";
import type { DuplicateThresholds } from "../../dedup/config";
import { nextPollDelay } from "../../sources/backoff";
import { FetchError, fetchUrl } from "../fetch-url";
import { runIngest, type Counts } from "../ingest/run-ingest";
import { detectFormat } from "../../ingest";
import { decodeInput } from "../../ingest/decode";
import { IngestInputError } from "../../ingest/types";
import { resolveTagCodes } from "./source-tags";

export interface PollOptions {
  /** Who polls, for the audit log and IngestRun: "worker" by default. */
  actor?: string;
  timeoutMs?: number;
  maxBytes?: number;
  allowPrivate?: boolean;
  thresholds?: DuplicateThresholds;
  /** The clock, for tests. */
  now?: () => Date;
  /** Poll only if the feed is still due (a queued job whose feed another worker just polled does nothing). */
  onlyIfDue?: boolean;
  /** How long a claim holds before another worker may take over a poll that died (default: timeout + 2 min). */
  leaseMs?: number;
}

export type PollOutcome =
  | { kind: "busy"; sourceId: number }
  | { kind: "not-modified"; sourceId: number; nextPollAt: Date }
  | { kind: "ingested"; sourceId: number; runId: number; totals: Counts; nextPollAt: Date }
  | { kind: "failed"; sourceId: number; error: string; failureCount: number; nextPollAt: Date; runId?: number };

const clock = (o: PollOptions) => (o.now ? o.now() : new Date());

/**
 * Takes the feed for this poll. One UPDATE with the guard in its WHERE: on
 * either store exactly one of several concurrent claimers changes the row.
 */
export async function claimSource(db: Db, id: number, now: Date, leaseMs: number, onlyIfDue = false): Promise<boolean> {
  const due = onlyIfDue ? [{ enabled: true }, { OR: [{ nextPollAt: null }, { nextPollAt: { lte: now } }] }] : [];
  const { count } = await db.source.updateMany({
    where: { id, feedUrl: { not: null }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }], AND: due },
    data: { claimedUntil: new Date(now.getTime() + leaseMs), lastPolledAt: now },
  });
  return count === 1;
}

export async function pollSource(db: Db, sourceId: number, opts: PollOptions = {}): Promise<PollOutcome> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const started = clock(opts);
  if (!(await claimSource(db, sourceId, started, opts.leaseMs ?? timeoutMs + 120_000, opts.onlyIfDue))) return { kind: "busy", sourceId };
  const source = await db.source.findUniqueOrThrow({ where: { id: sourceId } });
  const feedUrl = source.feedUrl!;
  const interval = source.pollMinutes ?? 15;
  const fail = async (error: string, runId?: number): Promise<PollOutcome> => {
    const failureCount = source.failureCount + 1;
    const now = clock(opts);
    const nextPollAt = new Date(now.getTime() + nextPollDelay(interval, failureCount));
    await db.source.update({
      where: { id: sourceId },
      data: { lastError: error.slice(0, 2000), lastErrorAt: now, failureCount, nextPollAt, claimedUntil: null },
    });
    return { kind: "failed", sourceId, error, failureCount, nextPollAt, ...(runId ? { runId } : {}) };
  };
  const succeed = async (validators: { etag?: string; lastModified?: string } | undefined) => {
    const now = clock(opts);
    const nextPollAt = new Date(now.getTime() + nextPollDelay(interval, 0));
    await db.source.update({
      where: { id: sourceId },
      data: {
        lastSuccessAt: now,
        failureCount: 0,
        nextPollAt,
        claimedUntil: null,
        ...(validators ? { etag: validators.etag ?? null, lastModified: validators.lastModified ?? null } : {}),
      },
    });
    return nextPollAt;
  };

  try {
    const res = await fetchUrl(feedUrl, {
      timeoutMs,
      maxBytes: opts.maxBytes,
      allowPrivate: opts.allowPrivate,
      conditional: { etag: source.etag, lastModified: source.lastModified },
    });
    if (res.notModified) return { kind: "not-modified", sourceId, nextPollAt: await succeed(undefined) };
    // A feed URL that now serves a web page or plain text (a moved feed, a
    // login wall) would otherwise be stored as one article each poll.
    const format = feedFormat(res.bytes, feedUrl, opts.maxBytes);
    if (typeof format !== "string") return await fail(format.error);
    const tagIds = await resolveTagCodes(db, parseTagCodes(source.defaultTags));
    const report = await runIngest(db, [{ name: feedUrl, baseUrl: res.finalUrl, read: async () => res.bytes }], {
      origin: "feed",
      actor: opts.actor ?? "worker",
      // The worker acts for nobody: the admin who added the feed already allowed it.
      role: "system",
      defaultSource: source.name,
      sourceId,
      sourceAggregates: source.kind === "aggregator",
      sourceTagIds: tagIds,
      maxBytes: opts.maxBytes,
      thresholds: opts.thresholds,
    });
    const input = report.inputs[0];
    const whole = input?.errors.find((e) => e.location === "file");
    // The feed as a whole could not be read: a failure, and its validators are
    // not kept, so the next poll fetches it in full again.
    if (whole) return await fail(`${format} feed: ${whole.message}`, report.runId);
    // Every item broken and none stored: the feed is broken, not just an item.
    if (input && input.errors.length && report.totals.new + report.totals.updated + report.totals.skipped === 0) {
      return await fail(`${format} feed: no readable items (${input.errors[0]!.location}: ${input.errors[0]!.message})`, report.runId);
    }
    return { kind: "ingested", sourceId, runId: report.runId, totals: report.totals, nextPollAt: await succeed(res) };
  } catch (e) {
    const message = e instanceof FetchError ? e.message.replace(`${feedUrl}: `, "") : `poll failed: ${(e as Error).message}`;
    try {
      return await fail(message);
    } catch {
      // The store itself failed: the claim lapses by itself after the lease.
      return { kind: "failed", sourceId, error: message, failureCount: source.failureCount + 1, nextPollAt: started };
    }
  }
}

const FEED_FORMATS = new Set(["rss", "atom", "json-feed"]);

function feedFormat(bytes: Uint8Array, name: string, maxBytes?: number): string | { error: string } {
  try {
    const format = detectFormat(decodeInput(bytes, name, maxBytes), name);
    return FEED_FORMATS.has(format) ? format : { error: `not an RSS, Atom or JSON feed (the URL serves ${format === "text" ? "plain text" : format})` };
  } catch (e) {
    return { error: e instanceof IngestInputError ? e.message.replace(`${name}: `, "") : (e as Error).message };
  }
}

export function parseTagCodes(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

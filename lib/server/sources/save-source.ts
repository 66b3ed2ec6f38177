// Admins add, change and remove polled feeds; every change is audited.
import "server-only";
import type { Db } from "../db/client";
import { authorize, recordAudit, type Actor } from "../audit";
import { sourceInput, sourceUpdate, type SourceInput, type SourceUpdate } from "../../schemas/sources";
import { parseTagCodes } from "./poll-source";
import { resolveTagCodes } from "./source-tags";
import { privateAddressProblem } from "../fetch-url";
import { fetchLimits } from "../env";
import { ApiError } from "../http/problem";

/** A refused source change; its status is the one the routes answer. */
export class SourceError extends ApiError {
  constructor(message: string, status: 400 | 404 | 409 | 422 = 400) {
    super(status, message, status === 404 ? { kind: "not-found" } : {});
    this.name = "SourceError";
  }
}

const snapshot = (s: { name: string; feedUrl: string | null; enabled: boolean; pollMinutes: number | null; defaultTags: string }) => ({
  name: s.name,
  feedUrl: s.feedUrl,
  enabled: s.enabled,
  pollMinutes: s.pollMinutes,
  defaultTags: parseTagCodes(s.defaultTags),
});

async function clash(db: Db, name: string | undefined, feedUrl: string | undefined, except?: number) {
  if (feedUrl) {
    const other = await db.source.findUnique({ where: { feedUrl }, select: { id: true, name: true } });
    if (other && other.id !== except) throw new SourceError(`that feed URL is already polled as "${other.name}"`, 409);
  }
  if (name) {
    const other = await db.source.findUnique({ where: { name }, select: { id: true, feedUrl: true } });
    // A name ingest already knows without a feed (copy from that publisher) is taken over, not refused.
    if (other && other.id !== except && other.feedUrl) throw new SourceError(`a source named "${name}" already exists`, 409);
    return other && other.id !== except ? other.id : undefined;
  }
  return undefined;
}

export interface SaveOptions {
  /** Accept feeds at private addresses (tests, intranets); by default as WIREDESK_ALLOW_PRIVATE_FETCH says. */
  allowPrivate?: boolean;
}

/** A feed the worker would refuse to fetch is refused now, where the admin typing it sees why. */
async function checkReachable(feedUrl: string | undefined, opts: SaveOptions) {
  if (!feedUrl || (opts.allowPrivate ?? fetchLimits().allowPrivate)) return;
  const problem = await privateAddressProblem(feedUrl);
  if (problem) throw new SourceError(`Feed URL refused: ${problem}.`, 422);
}

/** Adds a polled feed (or gives a feed to a source ingest already knows by name); due at once. */
export async function createSource(db: Db, input: SourceInput, actor: Actor, opts: SaveOptions = {}) {
  authorize(actor, "sources");
  const data = sourceInput.parse(input);
  await checkReachable(data.feedUrl, opts);
  await resolveTagCodes(db, data.defaultTags, true);
  const adopt = await clash(db, data.name, data.feedUrl);
  const fields = {
    name: data.name,
    kind: "feed",
    feedUrl: data.feedUrl,
    enabled: data.enabled,
    pollMinutes: data.pollMinutes,
    defaultTags: JSON.stringify(data.defaultTags),
    nextPollAt: null,
    failureCount: 0,
  };
  const created = adopt ? await db.source.update({ where: { id: adopt }, data: fields }) : await db.source.create({ data: fields });
  await recordAudit(db, actor, { action: "source.create", entityType: "source", entityId: created.id, after: snapshot(created) });
  return created;
}

/** Changes a feed's settings. A new URL forgets the old feed's validators and errors. */
export async function updateSource(db: Db, id: number, input: SourceUpdate, actor: Actor, opts: SaveOptions = {}) {
  authorize(actor, "sources");
  const data = sourceUpdate.parse(input);
  await checkReachable(data.feedUrl, opts);
  const before = await db.source.findUnique({ where: { id } });
  if (!before) throw new SourceError(`no source ${id}`, 404);
  if (data.defaultTags) await resolveTagCodes(db, data.defaultTags, true);
  const adopt = await clash(db, data.name, data.feedUrl, id);
  if (adopt) throw new SourceError(`a source named "${data.name}" already exists`, 409);
  const urlChanged = data.feedUrl !== undefined && data.feedUrl !== before.feedUrl;
  const after = await db.source.update({
    where: { id },
    data: {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.feedUrl !== undefined ? { feedUrl: data.feedUrl, kind: "feed" } : {}),
      ...(data.enabled !== undefined ? { enabled: data.enabled } : {}),
      ...(data.pollMinutes !== undefined ? { pollMinutes: data.pollMinutes } : {}),
      ...(data.defaultTags !== undefined ? { defaultTags: JSON.stringify(data.defaultTags) } : {}),
      // Re-enabled or moved: due at once, with a clean slate.
      ...(urlChanged ? { etag: null, lastModified: null, lastError: null, lastErrorAt: null, failureCount: 0, nextPollAt: null } : {}),
      ...(data.enabled === true && !before.enabled ? { failureCount: 0, nextPollAt: null } : {}),
    },
  });
  await recordAudit(db, actor, { action: "source.update", entityType: "source", entityId: id, before: snapshot(before), after: snapshot(after) });
  return after;
}

/** Stops polling a feed and forgets it; its articles stay, without a source. */
export async function deleteSource(db: Db, id: number, actor: Actor) {
  authorize(actor, "sources");
  const before = await db.source.findUnique({ where: { id } });
  if (!before) throw new SourceError(`no source ${id}`, 404);
  await db.source.delete({ where: { id } });
  await recordAudit(db, actor, { action: "source.delete", entityType: "source", entityId: id, before: snapshot(before) });
}

/** "Poll now": the feed is due at once; a worker picks it up on its next tick. */
export async function requestPoll(db: Db, id: number, actor: Actor) {
  authorize(actor, "sources");
  const { count } = await db.source.updateMany({ where: { id, feedUrl: { not: null } }, data: { nextPollAt: new Date() } });
  if (!count) throw new SourceError(`no feed source ${id}`, 404);
  await recordAudit(db, actor, { action: "source.poll", entityType: "source", entityId: id });
}

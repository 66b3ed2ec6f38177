// The polled feeds with their health, for the sources page.
import "server-only";
import type { Db } from "../db/client";
import { authorize, type Actor } from "../audit";
import type { SourceView } from "../../schemas/sources";
import { parseTagCodes } from "./poll-source";
import { tagNames } from "./source-tags";
import { SourceError } from "./save-source";

const DAY = 86_400_000;
const WINDOW_DAYS = 7;

export async function listSources(db: Db, actor: Actor, now = new Date(), only?: number): Promise<SourceView[]> {
  authorize(actor, "sources");
  const rows = await db.source.findMany({ where: { feedUrl: { not: null }, ...(only !== undefined ? { id: only } : {}) }, orderBy: { name: "asc" } });
  const ids = rows.map((r) => r.id);
  const [recent, total] = ids.length
    ? await Promise.all([
        db.article.groupBy({ by: ["sourceId"], where: { sourceId: { in: ids }, ingestedAt: { gte: new Date(now.getTime() - WINDOW_DAYS * DAY) } }, _count: { _all: true } }),
        db.article.groupBy({ by: ["sourceId"], where: { sourceId: { in: ids } }, _count: { _all: true } }),
      ])
    : [[], []];
  const recentBy = new Map(recent.map((r) => [r.sourceId, r._count._all]));
  const totalBy = new Map(total.map((r) => [r.sourceId, r._count._all]));
  const codes = rows.map((r) => ({ id: r.id, codes: parseTagCodes(r.defaultTags) }));
  const names = await tagNames(db, [...new Set(codes.flatMap((c) => c.codes))]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    feedUrl: r.feedUrl!,
    url: r.url,
    enabled: r.enabled,
    pollMinutes: r.pollMinutes ?? 15,
    defaultTags: parseTagCodes(r.defaultTags).map((code) => ({ code, name: names.get(code) ?? code })),
    lastPolledAt: iso(r.lastPolledAt),
    lastSuccessAt: iso(r.lastSuccessAt),
    lastError: r.lastError,
    lastErrorAt: iso(r.lastErrorAt),
    failureCount: r.failureCount,
    nextPollAt: iso(r.nextPollAt),
    itemsPerDay: Math.round(((recentBy.get(r.id) ?? 0) / WINDOW_DAYS) * 10) / 10,
    totalItems: totalBy.get(r.id) ?? 0,
  }));
}

/** One polled feed with its health; a SourceError (404) when there is no such feed. */
export async function getSource(db: Db, id: number, actor: Actor, now = new Date()): Promise<SourceView> {
  const [s] = await listSources(db, actor, now, id);
  if (!s) throw new SourceError(`no feed source ${id}`, 404);
  return s;
}

// Events become deliveries: one WebhookDelivery row per subscribed hook,
// written in the transaction of the change itself, so an event is queued if
// and only if its change is committed (the store is the durable queue; the
// worker sends, deliver.ts). With no hook subscribed an event costs one
// small read.
import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import type { Db } from "../db/client";
import { whereSql } from "../articles/article-sql";
import { articleFilterParams } from "../../schemas/articles";
import type { WebhookEvent } from "../../schemas/webhooks";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface NewDelivery {
  webhookId: number;
  event: WebhookEvent;
  payload: string;
}

/** The body every delivery of an event carries: fixed when the event happens. */
export function eventPayload(event: WebhookEvent, data: unknown, at = new Date()): string {
  return JSON.stringify({ id: randomUUID(), event, createdAt: at.toISOString(), data });
}

const subscribed = (events: string, event: WebhookEvent) => events.split(",").includes(event);

/** What a story event says of its article. */
export interface StoryRef {
  id: number;
  uri: string;
  headline: string;
  url: string | null;
  source: string | null;
  status: string;
  version: number;
  storyId: number | null;
}

async function storyRef(tx: Tx, articleId: number): Promise<StoryRef | null> {
  const a = await tx.article.findUnique({
    where: { id: articleId },
    select: { id: true, uri: true, headline: true, url: true, status: true, version: true, storyId: true, source: { select: { name: true } } },
  });
  return a && { id: a.id, uri: a.uri, headline: a.headline, url: a.url, source: a.source?.name ?? null, status: a.status, version: a.version, storyId: a.storyId };
}

/**
 * Queues an event for every active hook subscribed to it; returns how many
 * deliveries. `data` is read only when some hook wants the event; null: the
 * change is no such event after all.
 */
export async function enqueueEvent(tx: Tx, event: Exclude<WebhookEvent, "story.arrived">, data: () => Promise<unknown>): Promise<number> {
  const hooks = (await tx.webhook.findMany({ where: { active: true, events: { contains: event } }, select: { id: true, events: true } })).filter((h) =>
    subscribed(h.events, event),
  );
  if (hooks.length === 0) return 0;
  const body = await data();
  if (body === null) return 0;
  const payload = eventPayload(event, body);
  await tx.webhookDelivery.createMany({ data: hooks.map((h) => ({ webhookId: h.id, event, payload })) });
  return hooks.length;
}

/** story.reviewed / story.spiked: called by setStatus for the row that stands for a story (its lead, or an article alone). */
export async function enqueueStatusEvent(tx: Tx, articleId: number, status: string, actor: string): Promise<void> {
  if (status !== "reviewed" && status !== "spiked") return;
  await enqueueEvent(tx, `story.${status}`, async () => {
    // A story's status is its lead's: a copy set along with it (setStatuses' wholeStory) is no event of its own.
    const lead = await tx.article.findUnique({ where: { id: articleId }, select: { storyLead: true } });
    return lead?.storyLead ? { article: await storyRef(tx, articleId), actor } : null;
  });
}

/** duplicate.confirmed: called by decideLink when an editor confirms a link. */
export async function enqueueDuplicateConfirmed(
  tx: Tx,
  link: { id: number; articleId: number; otherId: number; kind: string; score: number },
  actor: string,
): Promise<void> {
  await enqueueEvent(tx, "duplicate.confirmed", async () => ({
    link: { id: link.id, articleId: link.articleId, otherId: link.otherId, kind: link.kind, score: link.score },
    article: await storyRef(tx, link.articleId),
    other: await storyRef(tx, link.otherId),
    actor,
  }));
}

// ------------------------------------------------------------ story.arrived

/**
 * SQL on whichever transaction stores the article: Prisma's (the per-item
 * path) or the bulk path's own connection. Statements are written with `?`
 * placeholders (Prisma.Sql's .sql), as the bulk connection takes them.
 */
export interface ArrivalWriter {
  all<T>(sql: Prisma.Sql): Promise<T[]>;
  insert(rows: NewDelivery[]): Promise<void>;
}

export const prismaWriter = (tx: Tx): ArrivalWriter => ({
  all: <T>(sql: Prisma.Sql) => tx.$queryRaw<T[]>(sql),
  insert: async (rows) => {
    await tx.webhookDelivery.createMany({ data: rows });
  },
});

export interface ArrivalHook {
  id: number;
  /** The saved view's queue parameters; null: every new story; undefined when the view is gone (nothing matches). */
  query: string | null | undefined;
  viewId: number | null;
  viewName: string | null;
}

/** The active hooks that want story.arrived, with their saved views' queries. */
export async function arrivalHooks(w: ArrivalWriter): Promise<ArrivalHook[]> {
  const rows = await w.all<{ id: unknown; events: string; active: unknown; savedViewId: unknown; query: string | null; name: string | null }>(
    Prisma.sql`SELECT w."id", w."events", w."active", w."savedViewId", v."query", v."name" FROM "Webhook" w
      LEFT JOIN "SavedView" v ON v."id" = w."savedViewId" WHERE w."events" LIKE ${"%story.arrived%"}`,
  );
  return rows
    .filter((r) => (r.active === true || Number(r.active) === 1) && subscribed(r.events, "story.arrived"))
    .map((r) => ({
      id: Number(r.id),
      viewId: r.savedViewId === null ? null : Number(r.savedViewId),
      query: r.savedViewId === null ? null : (r.query ?? undefined),
      viewName: r.name,
    }));
}

/**
 * story.arrived for an article that has just started a story of its own (it
 * joined none): queued for each hook whose saved view finds it now, by the
 * queue's own filter (whereSql), tags and all, in the same transaction.
 * `hooks` may be read once for a batch (the bulk path); read here otherwise.
 */
export async function enqueueArrival(w: ArrivalWriter, db: Db, articleId: number, hooks?: ArrivalHook[]): Promise<number> {
  const wanted = hooks ?? (await arrivalHooks(w));
  if (wanted.length === 0) return 0;
  const matching: ArrivalHook[] = [];
  for (const h of wanted) {
    if (h.query === null) matching.push(h);
    else if (h.query !== undefined && (await viewFinds(w, db, h.query, articleId))) matching.push(h);
  }
  if (matching.length === 0) return 0;
  const [a] = await w.all<{ id: unknown; uri: string; headline: string; url: string | null; source: string | null; status: string; version: unknown; storyId: unknown }>(
    Prisma.sql`SELECT a."id", a."uri", a."headline", a."url", s."name" AS "source", a."status", a."version", a."storyId"
      FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId" WHERE a."id" = ${articleId}`,
  );
  if (!a) return 0;
  const article: StoryRef = {
    id: Number(a.id),
    uri: a.uri,
    headline: a.headline,
    url: a.url,
    source: a.source,
    status: a.status,
    version: Number(a.version),
    storyId: a.storyId === null ? null : Number(a.storyId),
  };
  const at = new Date();
  await w.insert(
    matching.map((h) => ({
      webhookId: h.id,
      event: "story.arrived" as const,
      payload: eventPayload("story.arrived", { article, view: h.viewId === null ? null : { id: h.viewId, name: h.viewName } }, at),
    })),
  );
  return matching.length;
}

/** Whether the queue, filtered as the view is, shows this article now. A view that no longer parses finds nothing. */
async function viewFinds(w: ArrivalWriter, db: Db, query: string, articleId: number): Promise<boolean> {
  const p = articleFilterParams.safeParse(Object.fromEntries(new URLSearchParams(query)));
  if (!p.success) return false;
  // Tags by code (no resolveTags): the transaction may have made a place's tag, and its id is read in the same statement.
  const rows = await w.all<{ id: unknown }>(Prisma.sql`SELECT a."id" FROM "Article" a WHERE a."id" = ${articleId} AND ${whereSql(db, p.data)}`);
  return rows.length > 0;
}

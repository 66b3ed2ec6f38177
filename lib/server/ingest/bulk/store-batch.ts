// The bulk ingest path: a batch of parsed items written in one transaction
// on the driver (./conn), with the same results as storeArticle item by item
// (tests/store/bulk-ingest.test.ts compares every table).
//
// Only new articles are written here. An item whose uri is stored already,
// repeated within the batch, or whose text updates a stored article of its
// source goes through storeArticle (Prisma), after the items before it are
// committed, so the order of effects is the per-item path's. A batch that
// fails is rolled back and redone item by item: a bad item fails alone.
import "server-only";
import type { Db } from "../../db/client";
import { analyzeStalePostgres } from "../../db/postgres-stats";
import type { IncomingTag, ParsedArticle } from "../../../ingest/types";
import { contentHash } from "../../../ingest/text";
import { compare, prepare, type PreparedText, type SideInfo } from "../../../dedup/compare";
import { configId, DEFAULT_FINGERPRINT_CONFIG, DEFAULT_THRESHOLDS } from "../../../dedup/config";
import { DEFAULT_CANDIDATE_RULE, isCandidate } from "../../../dedup/dedup-index";
import { ANCHOR_BAND, indexKeys, isNameBand, lookupKeys, type Fingerprint } from "../../../dedup/fingerprint";
import { isUpdate } from "../../../dedup/update";
import { countryName } from "../../../tagging";
import { MATCH_RANK, type VerifiedMatch } from "../../duplicates/link-duplicates";
import { carriedJson, fields, reasonOf, sideInfo, storeArticle, validate, type ItemOutcome, type StoreContext } from "../store-articles";
import { readDate, type Conn, type Param } from "./conn";
import { finishJoinPostgres, finishJoinSql, joinStorySql, planJoinSql, plannedJoin, TxStories } from "./join-story";
import type { JoinResult } from "../../stories/story-clusters";
import { prepareItem, type Prepared } from "./prepare-item";
import { RunIndex } from "./run-index";
import { ARTICLE_COLUMNS, HeldArticles, WRITE_AHEAD, otherRowOf, type ArticleValues, type OtherRow, type TagRow } from "./pending-postgres";
import { arrivalHooks, enqueueArrival, type ArrivalHook, type ArrivalWriter } from "../../webhooks/enqueue";
import { foldIfMany } from "../../articles/facet-counts";

/** Webhook deliveries written on the bulk path's own transaction (`?` placeholders, as Prisma.Sql's .sql has them). */
const connWriter = (c: Conn): ArrivalWriter => ({
  all: <T>(sql: { sql: string; values: unknown[] }) => c.all<T>(sql.sql, sql.values as Param[]),
  insert: async (rows) => {
    const now = new Date();
    for (const r of rows) {
      await c.run(`INSERT INTO "WebhookDelivery" ("webhookId", "event", "payload", "status", "attempts", "nextAttemptAt", "createdAt") VALUES (?, ?, ?, 'pending', 0, ?, ?)`, [
        r.webhookId,
        r.event,
        r.payload,
        now,
        now,
      ]);
    }
  },
});

/** What a run keeps between batches: ids of sources and tags it has seen (cleared when a batch rolls back), and its duplicate index. */
export interface BulkCaches {
  sources: Map<string, number>;
  tags: Map<string, number>;
  /** The run's in-memory duplicate index (./run-index); undefined until opened, null when the store's lookups serve. */
  index?: RunIndex | null;
  /** Largest store (articles) the in-memory index is kept for; 0 never uses it. */
  indexMax: number;
  /** PostgreSQL: held articles written ahead once this many wait (./pending-postgres). */
  writeAhead: number;
}

/** About 1.1 KB an article in memory (measured at 495,000, the tables' growth counted): at this cap the index holds about 550 MB; larger stores use the store's lookups. */
export const DEFAULT_INDEX_MAX = 500_000;

export const newCaches = (indexMax = DEFAULT_INDEX_MAX, writeAhead = WRITE_AHEAD): BulkCaches => ({ sources: new Map(), tags: new Map(), indexMax, writeAhead });

/** The run's index, up to date with the store; null when the store's own lookups serve this run. */
async function currentIndex(conn: Conn, caches: BulkCaches): Promise<RunIndex | null> {
  if (caches.index === null || caches.indexMax <= 0) return (caches.index = null);
  try {
    if (caches.index === undefined) caches.index = (await RunIndex.open(conn, caches.indexMax)) ?? null;
    else await caches.index.sync();
    if (caches.index && caches.index.size > caches.indexMax) caches.index = null;
  } catch {
    caches.index = null; // rows it cannot read back whole: the store's lookups are exact anyway
  }
  return caches.index;
}

/** Candidates verified per article, as in link-duplicates.ts. */
const MAX_CANDIDATES = 50;
const UNLIMITED = -1;

/** `col IN list` as one fixed statement text, so it is prepared once whatever the list's length. */
function inList(c: Conn, col: string): string {
  return c.kind === "sqlite" ? `${col} IN (SELECT value FROM json_each(?))` : `${col} = ANY(?::int[])`;
}
const listParam = (c: Conn, ids: number[]): Param => (c.kind === "sqlite" ? JSON.stringify(ids) : ids);
const uriListParam = (c: Conn, uris: string[]): Param => (c.kind === "sqlite" ? JSON.stringify(uris) : uris);

/**
 * Stores a batch; outcomes in item order. `onItem` is called for each item
 * once its outcome is final (committed, or failed).
 */
export async function storeBatch(
  db: Db,
  conn: Conn,
  items: ParsedArticle[],
  ctx: StoreContext,
  caches: BulkCaches,
  prepared?: (Prepared | Error)[],
): Promise<ItemOutcome[]> {
  const outcomes: (ItemOutcome | undefined)[] = new Array(items.length);
  const valid: number[] = [];
  items.forEach((a, i) => {
    const invalid = validate(a);
    if (invalid) outcomes[i] = { kind: "failed", location: a.location, message: invalid };
    else valid.push(i);
  });
  const stored = await storedUris(conn, valid.map((i) => items[i]!.uri));
  // PostgreSQL's statistics follow the store as the run grows it (each time a table doubles), as autovacuum
  // would were it on and caught up: planned without them, a copy's link and story-lead writes took 4 ms each.
  // Statistics only speed the run: one that cannot be made now is made at the next batch or start.
  if (conn.kind === "postgres") await analyzeStalePostgres((sql) => conn.all(sql), { share: 0.5 }).catch(() => undefined);

  // The open transaction's items: committed together, or redone one by one.
  let segment: { i: number; outcome: ItemOutcome; indexed?: { id: number; fp: Fingerprint } }[] = [];
  let open = false;
  let index = await currentIndex(conn, caches);
  // The hooks that want story.arrived, read once per transaction (in it, so a hook made meanwhile waits for the next).
  let hooks: Promise<ArrivalHook[]> | undefined;
  // PostgreSQL: new articles held to be written several to a statement (./pending-postgres).
  const held = conn.kind === "postgres" ? new HeldArticles({ userId: ctx.userId ?? null, actor: ctx.actor }, caches.writeAhead) : null;
  // PostgreSQL: the open transaction's own articles and stories, as story joins read them (join-story.ts).
  const tx = held ? new TxStories() : null;
  const writer = connWriter(conn);
  const arrivals = () => (hooks ??= arrivalHooks(writer));
  const perItem = async (a: ParsedArticle) => {
    const outcome = await storeArticle(db, a, ctx, caches.sources);
    index = await currentIndex(conn, caches); // what it stored or re-indexed
    return outcome;
  };
  const unindex = (done: typeof segment) => {
    for (const s of done) if (s.indexed) index?.remove(s.indexed.id, s.indexed.fp);
  };
  const redo = async (indices: number[]) => {
    caches.sources.clear(); // rolled back with the batch: rows it made are gone
    caches.tags.clear();
    for (const i of indices) outcomes[i] = await storeArticle(db, items[i]!, ctx, caches.sources);
    index = await currentIndex(conn, caches);
  };
  const close = async () => {
    if (!open) return;
    open = false;
    const done = segment;
    segment = [];
    try {
      await held?.flush(conn);
      // Ids taken and not used are left: an item written by the per-item path next takes a higher one.
      held?.reset();
      tx?.clear();
      await indexDeferred(conn, done.flatMap((s) => (s.outcome.kind === "new" ? [s.outcome.articleId] : [])));
      // The facet counts' rows this batch added, folded with the rest once they pile up (decision 022).
      await foldIfMany(conn);
      await conn.commit();
      for (const s of done) outcomes[s.i] = s.outcome;
    } catch {
      held?.reset();
      tx?.clear();
      await conn.rollback().catch(() => undefined);
      unindex(done);
      await redo(done.map((s) => s.i));
    }
  };

  for (const [k, i] of valid.entries()) {
    const a = items[i]!;
    const head = stored.get(a.uri);
    const pre = prepared?.[i];
    try {
      if (pre instanceof Error) throw pre;
      if (head === null) {
        // Stored by the per-item path within this run: it decides again, as today.
        await close();
        outcomes[i] = await perItem(a);
        continue;
      }
      if (!open) {
        await conn.begin();
        open = true;
        hooks = undefined;
        await deferIndexing(conn);
      }
      if (head) {
        // A re-send or a late version is skipped here (an archive import run again skips what it stored); a new text updates through the per-item path.
        const skipped = await storedAgain(conn, a, head, ctx, caches);
        if (skipped) segment.push({ i, outcome: skipped });
        else {
          await close();
          outcomes[i] = await perItem(a);
          stored.set(a.uri, null);
        }
        continue;
      }
      const p = pre ?? prepareItem(a, ctx.tagging);
      const outcome = await storeNew(conn, a, p, ctx, caches, index, { db, writer, hooks: arrivals }, held && tx && { articles: held, want: valid.length - k, tx });
      if (outcome === "per-item") {
        await close();
        outcomes[i] = await perItem(a);
        stored.set(a.uri, null);
      } else {
        segment.push({ i, outcome, indexed: index && outcome.kind === "new" ? { id: outcome.articleId, fp: p.fp } : undefined });
        stored.set(a.uri, { id: outcome.kind === "new" ? outcome.articleId : 0, contentHash: p.hash, headline: a.headline.trim(), versionCreated: validTime(a.versionCreated) });
      }
    } catch {
      const failed = [...segment.map((s) => s.i), i];
      held?.reset();
      tx?.clear();
      if (open) await conn.rollback().catch(() => undefined);
      open = false;
      unindex(segment);
      segment = [];
      await redo(failed);
      for (const f of failed) stored.set(items[f]!.uri, null);
    }
  }
  await close();
  return outcomes.map((o, i) => o ?? { kind: "failed", location: items[i]!.location, message: "not stored" });
}

/**
 * SQLite: the batch's new articles are indexed for search by one statement at
 * its end, not by the insert trigger one by one. FTS5 writes its pending terms
 * out at every statement that opens a savepoint on it, so the trigger made a
 * segment an article for FTS5 to merge again and again. The mark that tells the
 * trigger to leave them (migration search_deferred) lives only inside this
 * transaction: indexDeferred deletes it before the commit. No write on the
 * bulk path changes a new article's headline or text before then, which the
 * update trigger would take out of an index that does not hold it yet.
 */
async function deferIndexing(c: Conn): Promise<void> {
  if (c.kind === "sqlite") await c.run(`INSERT INTO "ArticleSearchDeferred" ("id") VALUES (1)`);
}

async function indexDeferred(c: Conn, ids: number[]): Promise<void> {
  if (c.kind !== "sqlite") return;
  if (ids.length) {
    await c.run(
      `INSERT INTO "ArticleSearch" (rowid, "headline", "bodyText") SELECT "id", "headline", "bodyText" FROM "Article" WHERE ${inList(c, `"id"`)} ORDER BY "id"`,
      [listParam(c, ids)],
    );
  }
  await c.run(`DELETE FROM "ArticleSearchDeferred"`);
}

/** What deciding a re-sent item needs of its stored article; null when only the per-item path may decide. */
interface StoredHead {
  id: number;
  contentHash: string;
  headline: string;
  versionCreated: number | undefined;
}

const validTime = (d?: Date) => (d && !Number.isNaN(d.getTime()) ? d.getTime() : undefined);

async function storedUris(c: Conn, uris: string[]): Promise<Map<string, StoredHead | null>> {
  const found = new Map<string, StoredHead | null>();
  const sql = `SELECT "id", "uri", "contentHash", "headline", "versionCreated" FROM "Article" WHERE ${c.kind === "sqlite" ? `"uri" IN (SELECT value FROM json_each(?))` : `"uri" = ANY(?::text[])`}`;
  for (let i = 0; i < uris.length; i += 500) {
    const rows = await c.all<{ id: number; uri: string; contentHash: string; headline: string; versionCreated: unknown }>(sql, [uriListParam(c, uris.slice(i, i + 500))]);
    for (const r of rows) {
      found.set(r.uri, { id: Number(r.id), contentHash: r.contentHash, headline: r.headline, versionCreated: readDate(r.versionCreated)?.getTime() });
    }
  }
  return found;
}

/**
 * storeInTx's first turns for a stored uri: skipped when the incoming version
 * is older or its text the same; undefined when it updates the article.
 */
async function storedAgain(c: Conn, a: ParsedArticle, head: StoredHead, ctx: StoreContext, caches: BulkCaches): Promise<ItemOutcome | undefined> {
  // The per-item path resolves the source first, whatever follows: a new source name is made either way.
  if (ctx.sourceId === undefined) await sourceId(c, a, caches.sources);
  const incoming = validTime(a.versionCreated);
  if (incoming !== undefined && head.versionCreated !== undefined && incoming < head.versionCreated) {
    return { kind: "skipped", articleId: head.id, reason: "older version of a stored item" };
  }
  if (head.contentHash === contentHash(a.bodyText) && head.headline === a.headline.trim()) {
    return { kind: "skipped", articleId: head.id, reason: "already stored, unchanged" };
  }
  return undefined;
}

/** A new article, written whole (on PostgreSQL, held to be written with the next ones); "per-item" when its text turns out to update a stored one. */
async function storeNew(
  c: Conn,
  a: ParsedArticle,
  pre: Prepared,
  ctx: StoreContext,
  caches: BulkCaches,
  index: RunIndex | null,
  arrival: { db: Db; writer: ArrivalWriter; hooks: () => Promise<ArrivalHook[]> },
  held: { articles: HeldArticles; want: number; tx: TxStories } | null,
): Promise<ItemOutcome | "per-item"> {
  const src = ctx.sourceId ?? (await sourceId(c, a, caches.sources));
  const data = fields(a, pre.hash, src);
  // The store's own duplicate lookups read the keys of every article before this one.
  if (held && !index) await held.articles.flush(c);
  const matches = await findDuplicatesSql(c, a.bodyText, pre.hash, pre.fp, ctx, sideInfo(data, a, ctx), index, held?.articles);
  if (matches.some((m) => isUpdate({ uri: a.uri, source: src }, { uri: m.otherUri, source: m.otherSourceId }, m.match))) return "per-item";

  const { known, carried } = await resolveTags(c, [...(a.subjects ?? []), ...(a.places ?? [])], caches.tags);
  const now = new Date();
  const tags = await tagRows(c, known, pre, ctx, caches.tags);
  const created = {
    uri: a.uri,
    headline: data.headline,
    contentHash: data.contentHash,
    version: 1,
    versionCreated: data.versionCreated?.toISOString() ?? null,
  };
  // Links and stories read the store: what is held goes first, unless every linked article is the
  // transaction's own (read from memory). The story is decided before the article is written, so that
  // it is written with it (join-story.ts, planJoinSql).
  if (held && matches.length && !matches.every((m) => held.tx.articles.has(m.otherId))) await held.articles.flush(c);
  // As writeLinks does: links in the order of the other article's id (joinStory reads them in that order too).
  matches.sort((x, y) => x.otherId - y.otherId);
  const storyLinks = matches.map((m) => ({
    otherId: m.otherId,
    kind: m.match.kind,
    score: m.match.score,
    reason: reasonOf(m.match.evidence),
    olderVersion: (m.match.evidence as { newer?: unknown } | null)?.newer === "b",
  }));
  const inheritStatus = { inheritStatus: a.status === undefined };
  const heldId = held ? await held.articles.nextId(c, held.want) : null;
  const plan = matches.length
    ? await planJoinSql(c, storyLinks, inheritStatus, now, { id: heldId, sourceId: src, firstCreated: data.firstCreated }, held ? { stories: held.tx, held: held.articles } : undefined)
    : "alone";
  const story = typeof plan === "object" ? plan : null;
  const article: ArticleValues = {
    uri: a.uri,
    ...data,
    ingestedAt: now,
    updatedAt: now,
    status: story?.inherited ?? a.status ?? "new",
    lastIngestRunId: ctx.runId ?? null,
    dedupConfig: configId(DEFAULT_FINGERPRINT_CONFIG),
    carriedLabels: carriedJson(carried),
    storyId: story?.storyId ?? null,
    storyKind: story?.kind ?? "first",
    storyScore: story?.score ?? null,
    storyReason: story?.reason ?? null,
    storyLead: story?.lead ?? true,
  };
  let id: number;
  if (held && heldId !== null) {
    id = heldId;
    held.articles.hold({ id, article, tags, created: JSON.stringify(created), keys: indexKeys(pre.fp), now });
    if (!matches.length) held.articles.writeAhead(c);
  } else {
    id = await insertNewSqlite(c, article, tags, created, indexKeys(pre.fp), ctx, now);
  }
  // Rows of the open transaction: the store's lookups would see them, so the index must too (taken out again on rollback).
  index?.add(id, pre.fp, otherRowOf(id, article));
  if (held) {
    // A join that merges stories may move any row: the transaction's rows are read from the store after it.
    if (plan === "after") held.tx.clear();
    else {
      const sourceName = src === null ? null : ctx.sourceId === undefined ? (a.sourceName?.trim() ?? null) : await held.tx.sourceName(c, src);
      held.tx.record(
        { id, storyId: article.storyId, storyKind: article.storyKind, status: article.status, storyLead: article.storyLead, sourceId: src, sourceName, firstCreated: data.firstCreated, ingestedAt: now },
        story ?? undefined,
      );
    }
  }
  // The links name it in the store.
  if (held && matches.length) await held.articles.flush(c);
  // The "story.join" entry's after.
  const joinAfter = (j: JoinResult) => ({ storyId: j.storyId, kind: j.kind, ...(j.inherited ? { status: j.inherited } : {}) });
  if (typeof plan === "object" && c.kind === "postgres") {
    const rows = linkRows(matches);
    await finishJoinPostgres(
      c,
      plan,
      id,
      now,
      rows.map((m) => ({ otherId: m.otherId, kind: m.match.kind, score: m.match.score, evidence: JSON.stringify(m.match.evidence) })),
      { userId: ctx.userId ?? null, actor: ctx.actor, after: JSON.stringify(joinAfter(plannedJoin(plan))) },
    );
    return { kind: "new", articleId: id, links: rows.length };
  }
  const links = await writeLinks(c, id, matches, now);
  const joined =
    plan === "alone" ? { storyId: null, kind: "first" as const } : plan === "after" ? await joinStorySql(c, id, storyLinks, inheritStatus, now) : await finishJoinSql(c, plan, id, now);
  if (joined.storyId !== null) {
    await audit(c, ctx, "story.join", id, joinAfter(joined), now);
  } else {
    // As the per-item path: a new story has arrived (decision 021). A hook's view reads the article in the store.
    const hooks = await arrival.hooks();
    if (held && hooks.length) await held.articles.flush(c);
    await enqueueArrival(arrival.writer, arrival.db, id, hooks);
  }
  return { kind: "new", articleId: id, links };
}

async function audit(c: Conn, ctx: StoreContext, action: string, articleId: number, after: unknown, now: Date): Promise<void> {
  await c.run(
    `INSERT INTO "AuditEntry" ("at", "userId", "actor", "action", "entityType", "entityId", "articleId", "before", "after") VALUES (?, ?, ?, ?, 'article', ?, ?, NULL, ?)`,
    [now, ctx.userId ?? null, ctx.actor, action, String(articleId), articleId, JSON.stringify(after)],
  );
}

/** SQLite: a new article, its tags, its "ingest.create" audit entry and its duplicate keys, a statement each (no round trips to save). */
async function insertNewSqlite(c: Conn, a: ArticleValues, tags: TagRow[], created: object, keys: { band: number; key: number }[], ctx: StoreContext, now: Date): Promise<number> {
  const [row] = await c.all<{ id: number }>(`INSERT INTO "Article" (${ARTICLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "id"`, [
    a.uri, a.sourceId, a.headline, a.bodyText, a.bodyHtml, a.url, a.byline, a.dateline, a.credit, a.caption, a.language,
    a.firstCreated, a.versionCreated, a.ingestedAt, a.updatedAt, a.contentHash, a.status, a.lastIngestRunId, a.dedupConfig, a.carriedLabels,
    a.storyId, a.storyKind, a.storyScore, a.storyReason, a.storyLead,
  ]);
  const id = Number(row!.id);
  for (const r of tags) {
    await c.run(
      `INSERT INTO "ArticleTag" ("articleId", "tagId", "origin", "confidence", "state", "rel", "evidence", "decidedById", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, r.tagId, r.origin, r.confidence, r.state, r.rel, r.evidence, r.decidedById, now, now],
    );
  }
  await audit(c, ctx, "ingest.create", id, created, now);
  for (const k of keys) await c.run(`INSERT INTO "DedupKey" ("articleId", "band", "key") VALUES (?, ?, ?)`, [id, k.band, k.key]);
  return id;
}

/** As sourceId in store-articles.ts: a source seen as an aggregator stays one. */
async function sourceId(c: Conn, a: ParsedArticle, cache: Map<string, number>): Promise<number | null> {
  const key = a.sourceName?.trim();
  if (!key) return null;
  const kind = a.sourceKind ?? "publisher";
  const hit = cache.get(key);
  if (hit) return hit;
  const [row] = await c.all<{ id: number; kind: string }>(`SELECT "id", "kind" FROM "Source" WHERE "name" = ?`, [key]);
  let id: number;
  if (row) {
    id = Number(row.id);
    if (kind === "aggregator" && row.kind !== "aggregator") await c.run(`UPDATE "Source" SET "kind" = ? WHERE "id" = ?`, [kind, id]);
  } else {
    const [made] = await c.all<{ id: number }>(`INSERT INTO "Source" ("name", "kind", "createdAt") VALUES (?, ?, ?) RETURNING "id"`, [key, kind, new Date()]);
    id = Number(made!.id);
  }
  cache.set(key, id);
  return id;
}

const tagKey = (scheme: string, code: string) => `${scheme}\u0000${code}`;

async function findTag(c: Conn, scheme: string, code: string, cache: Map<string, number>): Promise<number | undefined> {
  const hit = cache.get(tagKey(scheme, code));
  if (hit !== undefined) return hit;
  const [row] = await c.all<{ id: number }>(`SELECT "id" FROM "Tag" WHERE "scheme" = ? AND "code" = ?`, [scheme, code]);
  if (!row) return undefined;
  cache.set(tagKey(scheme, code), Number(row.id));
  return Number(row.id);
}

/** The tag's id, made on first use as the per-item path's upsert does. */
async function tagId(c: Conn, scheme: string, code: string, name: string, officialName: string | null, cache: Map<string, number>): Promise<number> {
  const found = await findTag(c, scheme, code, cache);
  if (found !== undefined) return found;
  const [row] = await c.all<{ id: number }>(
    `INSERT INTO "Tag" ("scheme", "code", "name", "officialName", "createdAt") VALUES (?, ?, ?, ?, ?) RETURNING "id"`,
    [scheme, code, name, officialName, new Date()],
  );
  cache.set(tagKey(scheme, code), Number(row!.id));
  return Number(row!.id);
}

/** As resolveTags in store-articles.ts. */
async function resolveTags(c: Conn, tags: IncomingTag[], cache: Map<string, number>) {
  const known: { tagId: number; t: IncomingTag }[] = [];
  const carried: IncomingTag[] = [];
  for (const t of tags) {
    const existing = await findTag(c, t.scheme, t.code, cache);
    if (existing !== undefined) known.push({ tagId: existing, t });
    else if (t.scheme === "iso3166" && countryName(t.code) !== t.code) {
      known.push({ tagId: await tagId(c, t.scheme, t.code, countryName(t.code), t.name ?? null, cache), t });
    } else carried.push(t);
  }
  return { known, carried };
}

/** The article's tag rows as attachTags, applySuggestions and applySourceTags leave a new article's, in the order they write them (Tag rows made on first use). */
async function tagRows(
  c: Conn,
  known: { tagId: number; t: IncomingTag }[],
  pre: Prepared,
  ctx: StoreContext,
  cache: Map<string, number>,
): Promise<TagRow[]> {
  const rows = new Map<number, TagRow>();
  for (const { tagId: id, t } of known) {
    if (rows.has(id)) continue; // upsert with nothing to update: the first stands
    const origin = t.creator ?? "machine";
    rows.set(id, {
      tagId: id,
      origin,
      confidence: t.confidence ?? 1,
      state: t.state ?? (origin === "editor" ? "accepted" : "suggested"),
      rel: t.rel ?? null,
      evidence: null,
      decidedById: origin === "editor" ? (ctx.userId ?? null) : null,
    });
  }
  // Copy that arrives tagged keeps its tags; the rest is suggested.
  if (pre.wanted && rows.size === 0) {
    for (const w of pre.wanted) {
      const id = await tagId(c, w.scheme, w.code, w.name, null, cache);
      const data = { confidence: w.confidence, rel: w.rel, evidence: JSON.stringify(w.evidence) };
      const had = rows.get(id);
      if (had) Object.assign(had, data);
      else rows.set(id, { tagId: id, origin: "machine", state: "suggested", decidedById: null, ...data });
    }
  }
  for (const id of ctx.sourceTagIds ?? []) {
    const had = rows.get(id);
    const data = { origin: "source", state: "accepted", confidence: 1, evidence: null };
    if (!had) rows.set(id, { tagId: id, rel: null, decidedById: null, ...data });
    else if (had.origin === "machine" && had.state === "suggested") Object.assign(had, data);
  }
  return [...rows.values()];
}

/** As writeLinks in link-duplicates.ts, for an article that has no links yet. Matches come sorted by the other's id. */
/** The links writeLinks writes, in its order: one to each other article, one to each exact text. */
function linkRows(matches: VerifiedMatch[]): VerifiedMatch[] {
  const linked = new Set<number>();
  const exactLinked = new Set<string>();
  return matches.filter((m) => {
    if (linked.has(m.otherId)) return false;
    if (m.match.kind === "exact") {
      if (exactLinked.has(m.otherContentHash)) return false;
      exactLinked.add(m.otherContentHash);
    }
    linked.add(m.otherId);
    return true;
  });
}

async function writeLinks(c: Conn, articleId: number, matches: VerifiedMatch[], now: Date): Promise<number> {
  const rows = linkRows(matches);
  for (const m of rows) {
    await c.run(
      `INSERT INTO "DuplicateLink" ("articleId", "otherId", "kind", "score", "state", "evidence", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 'suggested', ?, ?, ?)`,
      [articleId, m.otherId, m.match.kind, m.match.score, JSON.stringify(m.match.evidence), now, now],
    );
  }
  return rows.length;
}

interface Hit {
  id: number;
  bandHits: number;
  anchorHits: number;
  nameHits: number;
}

/**
 * The stored articles sharing keys with fp, counted as candidateHits in
 * link-duplicates.ts counts them: anchors and name keys held by more than
 * maxAnchorPostings articles are stock phrases and are not counted.
 */
async function candidateHits(c: Conn, fp: Fingerprint): Promise<Hit[]> {
  const seen = new Set<string>();
  const keys = lookupKeys(fp).filter((k) => {
    const id = `${k.band}:${k.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  if (keys.length === 0) return [];
  const cap = DEFAULT_CANDIDATE_RULE.maxAnchorPostings;
  // One more posting than the cap is enough to tell a stock phrase.
  const limits = keys.map((k) => (k.band === ANCHOR_BAND || isNameBand(k.band) ? cap + 1 : UNLIMITED));
  const postings: number[][] = keys.map(() => []);
  if (c.kind === "sqlite") {
    for (let i = 0; i < keys.length; i++) {
      const rows = await c.all<{ articleId: number }>(`SELECT "articleId" FROM "DedupKey" WHERE "band" = ? AND "key" = ? LIMIT ?`, [keys[i]!.band, keys[i]!.key, limits[i]!]);
      for (const r of rows) postings[i]!.push(r.articleId);
    }
  } else {
    const rows = await c.all<{ i: string | number; articleId: number }>(
      `SELECT k.i, d."articleId" FROM unnest(?::int[], ?::int[], ?::int[]) WITH ORDINALITY AS k(band, key, lim, i)
       CROSS JOIN LATERAL (SELECT "articleId" FROM "DedupKey" WHERE "band" = k.band AND "key" = k.key LIMIT NULLIF(k.lim, -1)) d`,
      [keys.map((k) => k.band), keys.map((k) => k.key), limits],
    );
    for (const r of rows) postings[Number(r.i) - 1]!.push(r.articleId);
  }
  const hits = new Map<number, Hit>();
  keys.forEach((k, i) => {
    const ids = postings[i]!;
    const limited = limits[i] !== UNLIMITED;
    if (limited && ids.length > cap) return;
    for (const id of ids) {
      let h = hits.get(id);
      if (!h) hits.set(id, (h = { id, bandHits: 0, anchorHits: 0, nameHits: 0 }));
      if (k.band === ANCHOR_BAND) h.anchorHits++;
      else if (isNameBand(k.band)) h.nameHits++;
      else h.bandHits++;
    }
  });
  return [...hits.values()].sort((a, b) => a.id - b.id);
}

async function anchorCounts(c: Conn, ids: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (ids.length === 0) return counts;
  const rows = await c.all<{ articleId: number; n: number | string }>(
    `SELECT "articleId", count(*) AS "n" FROM "DedupKey" WHERE ${inList(c, `"articleId"`)} AND "band" = ${ANCHOR_BAND} GROUP BY "articleId"`,
    [listParam(c, ids)],
  );
  for (const r of rows) counts.set(Number(r.articleId), Number(r.n));
  return counts;
}

/** Candidates from the store's DedupKey rows, by id (as link-duplicates.ts finds them). */
async function storeCandidates(c: Conn, fp: Fingerprint): Promise<Hit[]> {
  const hits = await candidateHits(c, fp);
  if (hits.length === 0) return [];
  const rule = DEFAULT_CANDIDATE_RULE;
  const decided = (h: Hit) => h.bandHits > 0 || h.nameHits >= rule.minNameHits;
  const unsure = fp.anchors.length > rule.shortAnchorCount
    ? hits.filter((h) => !decided(h) && h.anchorHits < rule.minAnchorHits)
    : hits.filter((h) => !decided(h));
  const counts = await anchorCounts(c, unsure.map((h) => h.id));
  return hits.filter((h) => isCandidate(h, fp.anchors.length, counts.get(h.id) ?? 0));
}

/**
 * Texts as compare() reads them (words, and their salience once asked),
 * kept across articles: a wire story is a candidate for each of its copies
 * (on the Reuters half, 14,131 comparisons with 3,586 distinct articles).
 * By content hash, and used only when the text is the very same string, so
 * no store or id can hand over another text.
 */
const PREPARED_MAX = 2_000;
const preparedTexts = new Map<string, PreparedText>();
function preparedOf(hash: string, text: string): PreparedText {
  const hit = preparedTexts.get(hash);
  if (hit && hit.text === text) {
    // Most recently used last: the oldest goes first.
    preparedTexts.delete(hash);
    preparedTexts.set(hash, hit);
    return hit;
  }
  const made = prepare(text);
  preparedTexts.delete(hash);
  preparedTexts.set(hash, made);
  if (preparedTexts.size > PREPARED_MAX) preparedTexts.delete(preparedTexts.keys().next().value!);
  return made;
}

/** As findDuplicates in link-duplicates.ts, on this connection: verified matches, best first. */
async function findDuplicatesSql(
  c: Conn,
  bodyText: string,
  hash: string,
  fp: Fingerprint,
  ctx: StoreContext,
  info: SideInfo,
  index: RunIndex | null,
  held?: HeldArticles,
): Promise<VerifiedMatch[]> {
  const candidates = index ? index.candidates(fp).sort((a, b) => a.id - b.id) : await storeCandidates(c, fp);
  const ranked = candidates
    .sort((a, b) => b.bandHits - a.bandHits || b.anchorHits - a.anchorHits || b.nameHits - a.nameHits)
    .slice(0, MAX_CANDIDATES);
  if (ranked.length === 0) return [];
  // Articles held for the next statement, and the run's recent ones, are read from memory; the rest from the store.
  const fromMemory = ranked.flatMap((h) => held?.other(h.id) ?? index?.row(h.id) ?? []);
  const inMemory = new Set(fromMemory.map((o) => o.id));
  const stored = ranked.filter((h) => !inMemory.has(h.id)).map((h) => h.id);
  const others = stored.length
    ? await c.all<OtherRow>(
        `SELECT "id", "uri", "bodyText", "sourceId", "contentHash", "headline", "versionCreated", "firstCreated", "ingestedAt" FROM "Article" WHERE ${inList(c, `"id"`)} ORDER BY "id"`,
        [listParam(c, stored)],
      )
    : [];
  if (fromMemory.length) {
    others.push(...fromMemory);
    others.sort((x, y) => Number(x.id) - Number(y.id));
  }
  const thresholds = ctx.thresholds ?? DEFAULT_THRESHOLDS;
  const text = preparedOf(hash, bodyText);
  const matches: VerifiedMatch[] = [];
  for (const o of others) {
    const time = readDate(o.versionCreated) ?? readDate(o.firstCreated) ?? readDate(o.ingestedAt)!;
    const source = o.sourceId === null ? null : Number(o.sourceId);
    const match = compare(text, preparedOf(o.contentHash, o.bodyText), { thresholds, a: info, b: { headline: o.headline, source, time } });
    if (match) matches.push({ otherId: Number(o.id), otherUri: o.uri, otherSourceId: source, otherContentHash: o.contentHash, match });
  }
  matches.sort((a, b) => MATCH_RANK[b.match.kind] - MATCH_RANK[a.match.kind] || b.match.score - a.match.score);
  return matches;
}



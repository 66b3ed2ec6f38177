// The queue's filters as SQL, shared by the list and the counts so both
// always count the same articles. Hand-written rather than Prisma's where
// clauses: at 100,000 articles the generated joins and counts took 0.3-1 s a
// page (docs/decisions/006-queue-queries.md). The SQL is the same on both
// stores except time bounds and full-text search.
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import { dbKind, type Db } from "../db/client";
import { searchSql } from "./search-articles";
import { readRows } from "../db/read-rows";
import { MENTION_TAG_CONFIDENCE } from "../../tagging/thresholds";
import { parseId } from "../../schemas/ids";
import { filterValues, languageValues, LIKELY_TOPIC_CONFIDENCE, rangeStart, type articleFilterParams, type QueueCursor } from "../../schemas/articles";
import type { z } from "zod";

export type Filters = z.output<typeof articleFilterParams> & {
  /** The place and topic filters' tag ids, looked up beforehand (resolveTags); empty when no such tag exists. */
  tagIds?: { place?: number[]; topic?: number[] };
};
export type Dimension = "status" | "place" | "topic" | "source" | "duplicates";

export const topicScheme = (code: string) => (code.startsWith("newsroom:") ? "newsroom" : "medtop");

/**
 * The tag rows (alias t) that file an article under a place or topic: accepted,
 * or suggested and, for a place, one the story is about rather than names in
 * passing (lib/tagging/places.ts) - the same rule as the queue's chips.
 */
export function filedSql(scheme: "iso3166" | "medtop" | "newsroom" | "any"): Prisma.Sql {
  const place = Prisma.sql`(t."state" = 'accepted' OR (t."state" = 'suggested' AND (t."rel" = 'main' OR t."confidence" >= ${MENTION_TAG_CONFIDENCE})))`;
  const topic = Prisma.sql`t."state" IN ('accepted', 'suggested')`;
  return scheme === "iso3166" ? place : topic;
}

/**
 * isQueueChip (lib/schemas/articles.ts) over tag rows t and their tags g: the
 * queue's rows are built by the store (find-articles.ts), and a store test
 * checks both rules agree on every kind of tag row.
 */
export const QUEUE_CHIP_SQL = Prisma.sql`(t."state" = 'accepted' OR (t."state" <> 'rejected' AND (CASE WHEN g."scheme" = 'iso3166'
  THEN (t."rel" = 'main' OR t."confidence" >= ${MENTION_TAG_CONFIDENCE}) ELSE t."confidence" >= ${LIKELY_TOPIC_CONFIDENCE} END)))`;

const tagWanted = (dim: "place" | "topic", codes: string[]) =>
  codes.map((code) => ({ scheme: dim === "place" ? "iso3166" : topicScheme(code), code }));
const tagMatch = (w: { scheme: string; code: string }[]) =>
  Prisma.join(w.map((x) => Prisma.sql`(g."scheme" = ${x.scheme} AND g."code" = ${x.code})`), " OR ");

/** Filed under any of these places or topics (one EXISTS: the tag rows of an article are few). */
function taggedSql(dim: "place" | "topic", codes: string[], tagIds: number[] | undefined): Prisma.Sql {
  if (tagIds?.length === 0) return Prisma.sql`1 = 0`;
  // The ids themselves when they were looked up: PostgreSQL plans a subquery's result
  // with an average tag's selectivity, and at 100,000 articles picked a hash of
  // every tagged row (0.45 s) for a page it reads in 1 ms knowing the tag.
  const ids = tagIds
    ? tagIds.length === 1
      ? Prisma.sql`= ${tagIds[0]}`
      : Prisma.sql`IN (${Prisma.join(tagIds)})`
    : Prisma.sql`IN (SELECT g."id" FROM "Tag" g WHERE ${tagMatch(tagWanted(dim, codes))})`;
  // Places and topics have their own filing rule; a topic list may mix medtop and newsroom tags, which share one.
  return Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTag" t WHERE t."articleId" = a."id" AND t."tagId" ${ids} AND ${filedSql(dim === "place" ? "iso3166" : "medtop")})`;
}

/** The filters with their place and topic tags' ids looked up (one indexed read; none without those filters). */
export async function resolveTags<T extends Filters>(db: Db, p: T): Promise<T> {
  const wanted = [
    ...tagWanted("place", filterValues(p.place)).map((w) => ({ ...w, key: "place" as const })),
    ...tagWanted("topic", filterValues(p.topic)).map((w) => ({ ...w, key: "topic" as const })),
  ];
  if (wanted.length === 0) return p;
  const rows = await readRows<{ id: unknown; scheme: string; code: string }>(db, Prisma.sql`SELECT g."id", g."scheme", g."code" FROM "Tag" g WHERE ${tagMatch(wanted)}`);
  const tagIds: NonNullable<Filters["tagIds"]> = {};
  for (const w of wanted) {
    const row = rows.find((r) => r.scheme === w.scheme && r.code === w.code);
    // A code no tag has finds nothing; the others in its list still count.
    (tagIds[w.key] ??= []).push(...(row ? [Number(row.id)] : []));
  }
  return { ...p, tagIds };
}

/** A source filter's ids and names, as the queue reads it (also the facet index, facet-index.ts). */
export function sourceValues(raw: string): { ids: number[]; names: string[] } {
  const values = filterValues(raw);
  // An id out of range names no source (0 is never an id), rather than overflowing the store's integer.
  const ids = values.filter((v) => /^\d+$/.test(v)).map((v) => parseId(v) ?? 0);
  const names = values.filter((v) => !/^\d+$/.test(v));
  // A name with a comma in it ("Agence X, Paris") is read as two names; asked for whole, it is found too.
  if (raw.includes(",")) names.push(raw.trim());
  return { ids, names };
}

/** Sources named by id or by exact name, any of them. */
function sourceSql(raw: string): Prisma.Sql {
  const { ids, names } = sourceValues(raw);
  const or: Prisma.Sql[] = [];
  if (ids.length) or.push(ids.length === 1 ? Prisma.sql`a."sourceId" = ${ids[0]}` : Prisma.sql`a."sourceId" IN (${Prisma.join(ids)})`);
  if (names.length) {
    or.push(
      names.length === 1
        ? Prisma.sql`a."sourceId" = (SELECT s."id" FROM "Source" s WHERE s."name" = ${names[0]})`
        : Prisma.sql`a."sourceId" IN (SELECT s."id" FROM "Source" s WHERE s."name" IN (${Prisma.join(names)}))`,
    );
  }
  return or.length === 1 ? or[0]! : Prisma.sql`(${Prisma.join(or, " OR ")})`;
}

/**
 * Rows with copy in any wanted language and none in an unwanted one. By
 * story the story's copies count (a story with a Spanish copy is in Spanish
 * too; "-en" is a story with no English copy yet); by article, its own.
 * An article of unknown language is in none of them.
 */
function languageSql(raw: string, byStory: boolean): Prisma.Sql {
  const { wanted, unwanted } = languageValues(raw);
  const lang = (col: Prisma.Sql, codes: string[]) => Prisma.sql`coalesce(${col}, '') IN (${Prisma.join(codes)})`;
  const has = (codes: string[]) =>
    byStory
      ? Prisma.sql`(CASE WHEN a."storyId" IS NULL THEN ${lang(Prisma.sql`a."language"`, codes)}
          ELSE EXISTS (SELECT 1 FROM "Article" c WHERE c."storyId" = a."storyId" AND ${lang(Prisma.sql`c."language"`, codes)}) END)`
      : lang(Prisma.sql`a."language"`, codes);
  const and: Prisma.Sql[] = [];
  if (wanted.length) and.push(has(wanted));
  if (unwanted.length) and.push(Prisma.sql`NOT ${has(unwanted)}`);
  return Prisma.join(and, " AND ");
}

/** "all" asks for every status, as no status does. */
export const statusFilter = (p: Pick<Filters, "status">) => (p.status === "all" ? undefined : p.status);

/**
 * Open or confirmed duplicate links, read from either side. Each store gets
 * the form it plans well: PostgreSQL hashed every link for two EXISTS joined
 * by OR (9 ms a page at 100,000 articles) but probes both indexes for one
 * EXISTS with the OR inside (under 1 ms); SQLite is the other way round, and
 * read every link per article for the OR inside.
 */
export function hasDuplicatesSql(db: Db): Prisma.Sql {
  const open = Prisma.sql`l."state" IN ('suggested', 'confirmed')`;
  return dbKind(db) === "postgres"
    ? Prisma.sql`EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE (l."articleId" = a."id" OR l."otherId" = a."id") AND ${open})`
    : Prisma.sql`(EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."articleId" = a."id" AND ${open})
      OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."otherId" = a."id" AND ${open}))`;
}

/** A time bound as each store holds it: SQLite keeps Prisma's ISO text, PostgreSQL timestamp(3) in UTC. */
export function instant(db: Db, d: Date): Prisma.Sql {
  return dbKind(db) === "postgres" ? Prisma.sql`CAST(${d.toISOString()} AS timestamp(3))` : Prisma.sql`${d.toISOString().replace("Z", "+00:00")}`;
}

/** When an article was published, else when it arrived: what sort=published orders by (indexed as this expression). */
export const PUBLISHED_SQL = Prisma.sql`coalesce(a."firstCreated", a."ingestedAt")`;

export interface Bounds {
  /** Only ids above this one (new arrivals). */
  after?: number;
  /** Only rows after this one in the page's order (the next page). */
  before?: QueueCursor;
}

/** Rows after the cursor: below its id by arrival; by publication, older, or as old with a lower id. */
function beforeSql(db: Db, c: QueueCursor): Prisma.Sql {
  if (c.published === undefined) return Prisma.sql`a."id" < ${c.id}`;
  // The cursor holds the time as the store keeps it (ISO text on SQLite), so it compares as the order does.
  const at = dbKind(db) === "postgres" ? Prisma.sql`CAST(${c.published} AS timestamp(3))` : Prisma.sql`${c.published}`;
  // Written as a bound and a test rather than a row value: SQLite reads the bound as a range of
  // the (…, published, id) indexes, but walked a row value from the top (every row above a deep page).
  return Prisma.sql`${PUBLISHED_SQL} <= ${at} AND (${PUBLISHED_SQL} < ${at} OR a."id" < ${c.id})`;
}

/** Every active filter but the one named in `except` (a facet counts its dimension under the others), over "Article" a. */
export function whereSql(db: Db, p: Filters, except?: Dimension, bounds: Bounds = {}, now = new Date()): Prisma.Sql {
  const since = [p.since ? new Date(p.since) : undefined, p.range ? rangeStart(p.range, now) : undefined]
    .filter((d): d is Date => d !== undefined)
    .sort((x, y) => y.getTime() - x.getTime())[0];
  const and: Prisma.Sql[] = [];
  const status = statusFilter(p);
  if (status && except !== "status") and.push(Prisma.sql`a."status" = ${status}`);
  if (p.source && except !== "source") and.push(sourceSql(p.source));
  if (p.language) and.push(languageSql(p.language, p.view !== "articles"));
  if (since) and.push(Prisma.sql`a."ingestedAt" >= ${instant(db, since)}`);
  if (p.until) and.push(Prisma.sql`a."ingestedAt" < ${instant(db, new Date(p.until))}`);
  if (bounds.after !== undefined) and.push(Prisma.sql`a."id" > ${bounds.after}`);
  if (bounds.before !== undefined) and.push(beforeSql(db, bounds.before));
  if (p.place && except !== "place") and.push(taggedSql("place", filterValues(p.place), p.tagIds?.place));
  if (p.topic && except !== "topic") and.push(taggedSql("topic", filterValues(p.topic), p.tagIds?.topic));
  if (p.duplicates && except !== "duplicates") and.push(p.duplicates === "yes" ? hasDuplicatesSql(db) : Prisma.sql`NOT ${hasDuplicatesSql(db)}`);
  if (p.q) and.push(searchSql(db, p.q));
  // By story (the default): one row a story, its lead, which carries the story's status and tags.
  if (p.view !== "articles") and.push(dbKind(db) === "postgres" ? Prisma.sql`a."storyLead" = true` : Prisma.sql`a."storyLead" = 1`);
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`1 = 1`;
}

/** True when no filter but `except` is active: a count can skip reading the articles. */
export function unfiltered(p: Filters, except?: Dimension): boolean {
  const dims: Dimension[] = ["status", "place", "topic", "source", "duplicates"];
  return dims.every((d) => d === except || (d === "status" ? !statusFilter(p) : !p[d])) && !p.q && !p.language && !p.since && !p.until && !p.range && p.view === "articles";
}

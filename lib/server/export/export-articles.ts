// Writes stored articles as ninjs 2.x objects (NDJSON) or CSV rows. The
// NDJSON form is what the ingest engine reads back: exporting and
// ingesting the file restores the articles, their tags and their links.
import "server-only";
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { z } from "zod";
import { Prisma as Sql } from "../../../prisma/generated/sqlite/client";
import type { Db, Prisma } from "../db/client";
import { readRows } from "../db/read-rows";
import { resolveTags, whereSql, type Filters } from "../articles/article-sql";
import { authorize, type Actor } from "../audit";
import { medtopUri } from "../../ingest/iptc";
import { STORY_ALTID } from "../../ingest/ninjs";
import { linkState, reverseKind, tagOrigin, workflowStatus, type DuplicateKind } from "../../schemas/vocabulary";
import type { NinjsDuplicate, NinjsItem } from "../../schemas/ninjs";
import { cleanDecodedString } from "../../ingest/text";

/** The ninjs item type, from its schema (lib/schemas/ninjs.ts). */
export type NinjsArticle = NinjsItem;

/**
 * The queue's filters (lib/schemas/articles.ts: status, q, place, topic,
 * source by id or name, since/until/range on arrival, duplicates, view), and
 * at most `limit` articles. Unlike the queue, an export takes every article
 * unless asked for one a story (view "stories").
 */
export type ExportFilters = Omit<Filters, "sort" | "tagIds"> & { limit?: number };

const include = {
  source: { select: { name: true } },
  tags: { where: { state: { not: "rejected" } }, include: { tag: true }, orderBy: [{ confidence: "desc" }, { id: "asc" }] },
  duplicateLinks: { include: { other: { select: { uri: true } } } },
  duplicateOf: { include: { article: { select: { uri: true } } } },
} satisfies Prisma.ArticleInclude;

type ExportRow = Prisma.ArticleGetPayload<{ include: typeof include }>;

/** The store keeps these vocabularies as strings; anything else read there is a bug the export should not pass on. */
const asStatus = (s: string) => workflowStatus.parse(s);
const asLinkState = (s: string) => linkState.parse(s);
const asOrigin = (s: string | undefined): z.infer<typeof tagOrigin> => (s === "editor" ? "editor" : "machine");

const round = (n: number) => Math.round(n * 1000) / 1000;

type Carried = { scheme: string; code: string; name?: string; creator?: string; confidence?: number; rel?: string; state?: string };

/** An article's carried labels (tags its copy came with that this desk does not have); bad JSON reads as none. */
export function carriedLabels(json: string | null): Carried[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((c): c is Carried => !!c && typeof c === "object" && typeof c.scheme === "string" && typeof c.code === "string") : [];
  } catch {
    return [];
  }
}

/** Tags first by confidence, as the store orders them; a carried label goes after the tags of its confidence or more. */
function mergeByConfidence<T extends { confidence: number }>(tags: T[], carried: T[]): T[] {
  const out = [...tags];
  for (const c of carried) {
    const at = out.findIndex((t) => t.confidence < c.confidence);
    out.splice(at === -1 ? out.length : at, 0, c);
  }
  return out;
}

/** storyKey: the uri of the story's first article, which names the story the same way in any store. */
export function toNinjs(a: ExportRow, storyKey?: string): NinjsArticle {
  const tags = a.tags.map((t) => ({
    t,
    base: { name: t.tag.name, creator: asOrigin(t.origin), confidence: round(t.confidence), ...(t.rel ? { rel: t.rel } : {}) },
  }));
  const carried = carriedLabels(a.carriedLabels).filter((c) => c.state !== "rejected");
  const carriedBase = (c: Carried) => ({ name: c.name ?? c.code, creator: asOrigin(c.creator), confidence: round(c.confidence ?? 1), ...(c.rel ? { rel: c.rel } : {}) });
  const duplicates: NinjsDuplicate[] = [
    ...a.duplicateLinks.map((l) => ({ uri: l.other.uri, kind: l.kind as DuplicateKind, score: round(l.score), status: asLinkState(l.state) })),
    // A link is stored once; from this side contains/contained read the other way.
    ...a.duplicateOf.map((l) => ({ uri: l.article.uri, kind: reverseKind(l.kind as DuplicateKind), score: round(l.score), status: asLinkState(l.state) })),
  ];
  return {
    uri: a.uri,
    type: "text",
    version: String(a.version),
    headline: a.headline,
    body_text: a.bodyText,
    ...(a.bodyHtml ? { body_html: a.bodyHtml } : {}),
    ...(a.versionCreated ? { versioncreated: a.versionCreated.toISOString() } : {}),
    ...(a.firstCreated ? { firstcreated: a.firstCreated.toISOString() } : {}),
    infosources: [
      ...(a.source ? [{ name: a.source.name }] : []),
      ...(a.credit ? [{ name: a.credit, role: "credit" }] : []),
    ],
    ...(a.byline ? { by: a.byline } : {}),
    ...(a.dateline ? { located: a.dateline } : {}),
    ...(a.language ? { language: a.language } : {}),
    status: asStatus(a.status),
    ...(a.caption ? { descriptions: [{ role: "caption", value: a.caption }] } : {}),
    ...(a.url ? { links: [{ rel: "canonical", href: a.url }] } : {}),
    // Carried labels go out as the tags they came in as, so an export ingested elsewhere carries them on.
    subjects: mergeByConfidence(
      tags
        .filter(({ t }) => t.tag.scheme === "medtop" || t.tag.scheme === "newsroom")
        .map(({ t, base }) => ({ uri: t.tag.scheme === "medtop" ? medtopUri(t.tag.code) : t.tag.code, ...base })),
      carried.filter((c) => c.scheme === "medtop" || c.scheme === "newsroom").map((c) => ({ uri: c.scheme === "medtop" ? medtopUri(c.code) : c.code, ...carriedBase(c) })),
    ),
    places: mergeByConfidence(
      tags.filter(({ t }) => t.tag.scheme === "iso3166").map(({ t, base }) => ({ code: t.tag.code, ...base })),
      carried.filter((c) => c.scheme === "iso3166").map((c) => ({ code: c.code, ...carriedBase(c) })),
    ),
    duplicates,
    ...(storyKey ? { altids: [{ role: STORY_ALTID, value: storyKey }] } : {}),
  };
}

export const CSV_COLUMNS = [
  "uri", "headline", "body_text", "versioncreated", "firstcreated", "source", "by", "located",
  "language", "status", "url", "subjects", "places", "duplicates",
] as const;

/**
 * A cell a spreadsheet will not run: one starting with =, +, -, @, a tab or a
 * carriage return is a formula (or becomes one) in Excel, LibreOffice and
 * Sheets, so it gets a leading single quote, as OWASP advises. Control
 * characters a cell never needs (NUL and the like) are dropped.
 */
export function csvCell(value: string): string {
  const clean = cleanDecodedString(value);
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}

/** One CSV row: lists are joined with "; ", a duplicate as "uri kind score status"; every cell made safe for spreadsheets. */
export function toCsvRow(n: NinjsArticle): string[] {
  return csvRow(n).map(csvCell);
}

function csvRow(n: NinjsArticle): string[] {
  return [
    n.uri, n.headline, n.body_text, n.versioncreated ?? "", n.firstcreated ?? "",
    n.infosources.find((s) => !s.role)?.name ?? "", n.by ?? "", n.located ?? "", n.language ?? "", n.status,
    n.links?.[0]?.href ?? "",
    n.subjects.map((s) => s.uri).join("; "),
    n.places.map((p) => p.code).join("; "),
    n.duplicates.map((d) => `${d.uri} ${d.kind} ${d.score} ${d.status}`).join("; "),
  ];
}

/** Each story's key: its first article's uri (story ids differ from store to store; uris do not). */
async function storyKeys(db: Db, rows: { storyId: number | null }[]): Promise<Map<number, string>> {
  const ids = [...new Set(rows.map((r) => r.storyId).filter((s): s is number => s !== null))];
  if (ids.length === 0) return new Map();
  const stories = await db.story.findMany({ where: { id: { in: ids } }, select: { id: true, firstId: true } });
  const uris = new Map((await db.article.findMany({ where: { id: { in: stories.map((s) => s.firstId) } }, select: { id: true, uri: true } })).map((a) => [a.id, a.uri]));
  return new Map(stories.flatMap((s) => (uris.has(s.firstId) ? [[s.id, uris.get(s.firstId)!] as const] : [])));
}

const write = (out: Writable, chunk: string) =>
  new Promise<void>((resolve, reject) => (out.write(chunk, (e) => (e ? reject(e) : resolve()))));

/**
 * The matching articles in id order as text, a page (500 articles) a chunk,
 * read as the consumer asks for the next: the HTTP export streams them with
 * the client's pace and never holds more than a page. Returns how many.
 */
export async function* exportChunks(db: Db, format: "ndjson" | "csv", actor: Actor, filters: ExportFilters = {}): AsyncGenerator<string, number> {
  authorize(actor, "read");
  const batch = 500;
  // The queue's SQL chooses the ids, so an export holds what the queue shows for the same filters.
  const p = await resolveTags(db, { ...filters, view: filters.view ?? "articles" });
  let after = 0;
  let count = 0;
  if (format === "csv") yield stringify([CSV_COLUMNS as unknown as string[]]);
  for (;;) {
    const take = Math.min(batch, (filters.limit ?? Infinity) - count);
    if (take <= 0) break;
    const ids = (
      await readRows<{ id: unknown }>(db, Sql.sql`SELECT a."id" FROM "Article" a WHERE ${whereSql(db, p, undefined, { after })} ORDER BY a."id" ASC LIMIT ${take}`)
    ).map((r) => Number(r.id));
    if (ids.length === 0) break;
    const rows = await db.article.findMany({ where: { id: { in: ids } }, include, orderBy: { id: "asc" } });
    const keys = await storyKeys(db, rows);
    const items = rows.map((r) => toNinjs(r, r.storyId === null ? undefined : keys.get(r.storyId)));
    yield format === "ndjson" ? items.map((n) => JSON.stringify(n)).join("\n") + "\n" : stringify(items.map(toCsvRow));
    count += rows.length;
    after = ids[ids.length - 1]!;
    if (ids.length < take) break;
  }
  return count;
}

/** Streams the matching articles in id order, a page at a time; returns how many. */
export async function exportArticles(db: Db, format: "ndjson" | "csv", out: Writable, actor: Actor, filters: ExportFilters = {}): Promise<number> {
  const chunks = exportChunks(db, format, actor, filters);
  for (;;) {
    const next = await chunks.next();
    if (next.done) return next.value;
    await write(out, next.value);
  }
}

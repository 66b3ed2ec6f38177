// Writes stored articles as ninjs 2.x objects (NDJSON) or CSV rows. The
// NDJSON form is what the ingest engine reads back: exporting and
// ingesting the file restores the articles, their tags and their links.
import "server-only";
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { Db, Prisma } from "../db/client";
import { authorize, type Actor } from "../audit";
import { medtopUri } from "../../ingest/iptc";
import { STORY_ALTID } from "../../ingest/ninjs";
import { reverseKind, type duplicateKind } from "../../schemas/workflow";
import type { z } from "zod";
import { cleanDecodedString } from "../../ingest/text";

export interface ExportFilters {
  status?: string;
  source?: string;
  since?: Date;
  until?: Date;
  limit?: number;
}

const include = {
  source: { select: { name: true } },
  tags: { where: { state: { not: "rejected" } }, include: { tag: true }, orderBy: [{ confidence: "desc" }, { id: "asc" }] },
  duplicateLinks: { include: { other: { select: { uri: true } } } },
  duplicateOf: { include: { article: { select: { uri: true } } } },
} satisfies Prisma.ArticleInclude;

type ExportRow = Prisma.ArticleGetPayload<{ include: typeof include }>;
type Kind = z.infer<typeof duplicateKind>;

export interface NinjsDuplicate {
  uri: string;
  kind: Kind;
  score: number;
  status: string;
}

export interface NinjsArticle {
  uri: string;
  type: "text";
  version: string;
  headline: string;
  body_text: string;
  body_html?: string;
  versioncreated?: string;
  firstcreated?: string;
  infosources: { name: string; role?: string }[];
  by?: string;
  located?: string;
  language?: string;
  status: string;
  descriptions?: { role: string; value: string }[];
  links?: { rel: string; href: string }[];
  subjects: { uri: string; name: string; creator: string; confidence: number; rel?: string }[];
  places: { code: string; name: string; creator: string; confidence: number; rel?: string }[];
  duplicates: NinjsDuplicate[];
  /** The story it belongs to, as ninjs alternative ids: importing the file groups the articles again. */
  altids?: { role: string; value: string }[];
}

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
    base: { name: t.tag.name, creator: t.origin, confidence: round(t.confidence), ...(t.rel ? { rel: t.rel } : {}) },
  }));
  const carried = carriedLabels(a.carriedLabels).filter((c) => c.state !== "rejected");
  const carriedBase = (c: Carried) => ({ name: c.name ?? c.code, creator: c.creator ?? "machine", confidence: round(c.confidence ?? 1), ...(c.rel ? { rel: c.rel } : {}) });
  const duplicates: NinjsDuplicate[] = [
    ...a.duplicateLinks.map((l) => ({ uri: l.other.uri, kind: l.kind as Kind, score: round(l.score), status: l.state })),
    // A link is stored once; from this side contains/contained read the other way.
    ...a.duplicateOf.map((l) => ({ uri: l.article.uri, kind: reverseKind(l.kind as Kind), score: round(l.score), status: l.state })),
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
    status: a.status,
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

function where(f: ExportFilters): Prisma.ArticleWhereInput {
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.source ? { source: { name: f.source } } : {}),
    ...(f.since || f.until
      ? { ingestedAt: { ...(f.since ? { gte: f.since } : {}), ...(f.until ? { lt: f.until } : {}) } }
      : {}),
  };
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

/** Streams the matching articles in id order, a page at a time; returns how many. */
export async function exportArticles(
  db: Db,
  format: "ndjson" | "csv",
  out: Writable,
  actor: Actor,
  filters: ExportFilters = {},
): Promise<number> {
  authorize(actor, "read");
  const batch = 500;
  let cursor: number | undefined;
  let count = 0;
  if (format === "csv") await write(out, stringify([CSV_COLUMNS as unknown as string[]]));
  for (;;) {
    const take = Math.min(batch, (filters.limit ?? Infinity) - count);
    if (take <= 0) break;
    const rows = await db.article.findMany({
      where: where(filters),
      include,
      orderBy: { id: "asc" },
      take,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) break;
    const keys = await storyKeys(db, rows);
    const items = rows.map((r) => toNinjs(r, r.storyId === null ? undefined : keys.get(r.storyId)));
    await write(
      out,
      format === "ndjson" ? items.map((n) => JSON.stringify(n)).join("\n") + "\n" : stringify(items.map(toCsvRow)),
    );
    count += rows.length;
    cursor = rows[rows.length - 1]!.id;
    if (rows.length < take) break;
  }
  return count;
}

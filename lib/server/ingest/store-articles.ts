// Writes parsed articles to the store: new, updated (history kept), skipped
// or failed, each item in its own transaction so it is stored whole or not
// at all, and exact copies under another uri linked to the first.
import "server-only";
import type { Db } from "../db/client";
import type { IncomingTag, ParsedArticle } from "../../ingest/types";
import { contentHash } from "../../ingest/text";
import { reverseKind } from "../../schemas/vocabulary";
import { DEFAULT_THRESHOLDS, type DuplicateThresholds } from "../../dedup/config";
import { isUpdate } from "../../dedup/update";
import type { SideInfo } from "../../dedup/compare";
import { recordAudit, type Actor } from "../audit";
import { findDuplicates, indexArticle, writeLinks } from "../duplicates/link-duplicates";
import { applySuggestions, type SuggestionContext } from "../tags/apply-suggestions";
import { tagInputOf } from "../tags/wanted-suggestions";
import { gatherStory, joinStory } from "../stories/story-clusters";
import { countryName } from "../../tagging";
import { enqueueArrival, prismaWriter } from "../webhooks/enqueue";

export type ItemOutcome =
  | { kind: "new"; articleId: number; links: number }
  | { kind: "updated"; articleId: number }
  | { kind: "skipped"; articleId: number; reason: string }
  | { kind: "failed"; location: string; message: string };

export interface StoreContext {
  runId: number;
  /** "cli", "upload", "demo", or the user's name. */
  actor: string;
  userId?: number;
  /** When copies are flagged, per kind (configuration: WIREDESK_DEDUP_THRESHOLDS). */
  thresholds?: DuplicateThresholds;
  /** The newsroom's tagging model and hidden topics; no suggestions without it. */
  tagging?: SuggestionContext;
  /** A polled feed's own Source: its items belong to it, whatever title the feed gives itself. */
  sourceId?: number;
  /** That Source gathers several publishers' copy (kind "aggregator"). */
  sourceAggregates?: boolean;
  /** Tags an admin set on that source, accepted on each of its items (origin "source"). */
  sourceTagIds?: number[];
}

const actorOf = (ctx: StoreContext): Actor => ({ name: ctx.actor, userId: ctx.userId, role: "system" });

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const MAX_HEADLINE = 1000;
const MAX_BODY = 2_000_000;

export function validate(a: ParsedArticle): string | undefined {
  if (!a.uri.trim()) return "missing uri";
  if (!a.headline.trim()) return "missing headline";
  if (!a.bodyText.trim()) return "missing body";
  if (a.headline.length > MAX_HEADLINE) return `headline longer than ${MAX_HEADLINE} characters`;
  if (a.bodyText.length > MAX_BODY) return `body longer than ${MAX_BODY} characters`;
  return undefined;
}

const validDate = (d?: Date) => (d && !Number.isNaN(d.getTime()) ? d : undefined);

async function sourceId(tx: Tx, a: ParsedArticle, cache: Map<string, number>): Promise<number | null> {
  const key = a.sourceName?.trim();
  if (!key) return null;
  const hit = cache.get(key);
  if (hit) return hit;
  const kind = a.sourceKind ?? "publisher";
  // A source seen as an aggregator stays one; a publisher can be learnt to be one later.
  const s = await tx.source.upsert({
    where: { name: key },
    create: { name: key, kind },
    update: kind === "aggregator" ? { kind } : {},
  });
  cache.set(key, s.id);
  return s.id;
}

/**
 * The tags copy arrives with, resolved against the taxonomy. A newsroom tag
 * is attached only when an admin has made it here, a Media Topic only when it
 * is in the synced IPTC set, a country when it is one (its tag is made on
 * first use, as suggestions do). Anything else is a carried label, kept on
 * the article (Article.carriedLabels) and never created as a tag: the
 * taxonomy is an admin's, not an upload's (an uploaded "newsroom:anything"
 * was once created, unaudited and parentless, and offered in the typeahead).
 */
async function resolveTags(tx: Tx, tags: IncomingTag[]): Promise<{ known: { tagId: number; t: IncomingTag }[]; carried: IncomingTag[] }> {
  const known: { tagId: number; t: IncomingTag }[] = [];
  const carried: IncomingTag[] = [];
  for (const t of tags) {
    const existing = await tx.tag.findUnique({ where: { scheme_code: { scheme: t.scheme, code: t.code } }, select: { id: true } });
    if (existing) {
      known.push({ tagId: existing.id, t });
    } else if (t.scheme === "iso3166" && countryName(t.code) !== t.code) {
      const tag = await tx.tag.upsert({
        where: { scheme_code: { scheme: t.scheme, code: t.code } },
        create: { scheme: t.scheme, code: t.code, name: countryName(t.code), officialName: t.name },
        update: {},
      });
      known.push({ tagId: tag.id, t });
    } else {
      carried.push(t);
    }
  }
  return { known, carried };
}

/** Carried labels as stored: JSON, or null when there are none. */
export function carriedJson(carried: IncomingTag[]): string | null {
  return carried.length ? JSON.stringify(carried) : null;
}

async function attachTags(tx: Tx, articleId: number, known: { tagId: number; t: IncomingTag }[], decidedById?: number): Promise<Set<number>> {
  const ids = new Set<number>();
  for (const { tagId, t } of known) {
    ids.add(tagId);
    const origin = t.creator ?? "machine";
    const state = t.state ?? (origin === "editor" ? "accepted" : "suggested");
    await tx.articleTag.upsert({
      where: { articleId_tagId: { articleId, tagId } },
      create: {
        articleId,
        tagId,
        origin,
        confidence: t.confidence ?? 1,
        state,
        rel: t.rel ?? null,
        decidedById: origin === "editor" ? (decidedById ?? null) : null,
      },
      update: {},
    });
  }
  return ids;
}

/**
 * A source's default tags, accepted: the admin decided them for every item of
 * the feed. An open machine suggestion of the same tag becomes this; an
 * editor's decision (accepted, rejected, added) is left as it is.
 */
async function applySourceTags(tx: Tx, articleId: number, tagIds: number[] | undefined): Promise<void> {
  for (const tagId of tagIds ?? []) {
    const current = await tx.articleTag.findUnique({ where: { articleId_tagId: { articleId, tagId } } });
    const data = { origin: "source", state: "accepted", confidence: 1, evidence: null };
    if (!current) await tx.articleTag.create({ data: { articleId, tagId, ...data } });
    else if (current.origin === "machine" && current.state === "suggested") await tx.articleTag.update({ where: { id: current.id }, data });
  }
}

export function fields(a: ParsedArticle, hash: string, src: number | null) {
  return {
    headline: a.headline.trim(),
    bodyText: a.bodyText,
    bodyHtml: a.bodyHtml ?? null,
    url: a.url ?? null,
    byline: a.byline ?? null,
    dateline: a.dateline ?? null,
    credit: a.credit ?? null,
    caption: a.caption ?? null,
    language: a.language ?? null,
    firstCreated: validDate(a.firstCreated) ?? null,
    versionCreated: validDate(a.versionCreated) ?? null,
    contentHash: hash,
    sourceId: src,
  };
}

/** What duplicate verification reads besides the text: corrections and updates are told by headline, source and time. */
/**
 * How an incoming article meets the copies it is compared with. Its source is
 * an aggregator when the polled feed's Source is one, or when the parser read
 * the item as an aggregator's own (a scraped aggregator page): then sharing
 * the source says nothing of who wrote the copies.
 */
export const sideInfo = (d: ReturnType<typeof fields>, a: ParsedArticle, ctx: StoreContext): SideInfo => ({
  headline: d.headline,
  source: d.sourceId,
  time: d.versionCreated ?? d.firstCreated ?? new Date(),
  aggregator: ctx.sourceId !== undefined ? ctx.sourceAggregates === true : a.sourceKind === "aggregator",
});

const snapshot = (a: { headline: string; contentHash: string; version: number; versionCreated: Date | null }) => ({
  headline: a.headline,
  contentHash: a.contentHash,
  version: a.version,
  versionCreated: a.versionCreated?.toISOString() ?? null,
});

/**
 * An item's transaction is normally milliseconds; on a loaded machine running
 * several workers, Prisma's 5 s default failed good items, so allow more.
 */
export const ITEM_TX = { timeout: 20_000, maxWait: 10_000 };

/** Stores one item; never throws for a bad item, it reports it. */
export async function storeArticle(
  db: Db,
  a: ParsedArticle,
  ctx: StoreContext,
  sources: Map<string, number>,
): Promise<ItemOutcome> {
  const invalid = validate(a);
  if (invalid) return { kind: "failed", location: a.location, message: invalid };
  const hash = contentHash(a.bodyText);
  try {
    return await db.$transaction((tx) => storeInTx(db, tx, a, hash, ctx, sources), ITEM_TX);
  } catch (e) {
    // Two writers racing on one uri: the loser retries once and sees the winner's row.
    if ((e as { code?: string }).code === "P2002") {
      try {
        return await db.$transaction((tx) => storeInTx(db, tx, a, hash, ctx, sources), ITEM_TX);
      } catch (e2) {
        return { kind: "failed", location: a.location, message: storeErrorMessage(e2) };
      }
    }
    sources.clear(); // a rolled-back transaction may have taken a new source with it
    return { kind: "failed", location: a.location, message: storeErrorMessage(e) };
  }
}

/** Prisma's messages open with the call site; editors need only the cause, on its last line. */
export function storeErrorMessage(e: unknown): string {
  const lines = String((e as Error)?.message ?? e).split("\n").map((l) => l.trim()).filter(Boolean);
  return `the store refused the item: ${lines[lines.length - 1] ?? "unknown error"}`;
}

type StoredArticle = NonNullable<Awaited<ReturnType<Tx["article"]["findUnique"]>>>;

/** A newer text of a stored article: the earlier one goes to its history. */
async function updateArticle(
  tx: Tx,
  existing: StoredArticle,
  data: ReturnType<typeof fields>,
  ctx: StoreContext,
  a: ParsedArticle,
): Promise<ItemOutcome> {
  await tx.articleVersion.create({
    data: {
      articleId: existing.id,
      version: existing.version,
      headline: existing.headline,
      bodyText: existing.bodyText,
      bodyHtml: existing.bodyHtml,
      byline: existing.byline,
      dateline: existing.dateline,
      versionCreated: existing.versionCreated,
      contentHash: existing.contentHash,
    },
  });
  const updated = await tx.article.update({
    where: { id: existing.id },
    data: {
      ...data,
      // an update keeps the first-created time it already had
      firstCreated: existing.firstCreated ?? data.firstCreated,
      version: { increment: 1 },
      lastIngestRunId: ctx.runId,
    },
  });
  await recordAudit(tx, actorOf(ctx), {
    action: "ingest.update",
    entityType: "article",
    entityId: existing.id,
    articleId: existing.id,
    before: snapshot(existing),
    after: snapshot(updated),
  });
  if (ctx.tagging) await applySuggestions(tx, existing.id, tagInputOf(data), ctx.tagging);
  await applySourceTags(tx, existing.id, ctx.sourceTagIds);
  if (existing.contentHash !== data.contentHash) {
    // The text changed: its place in the duplicate index and its copies change with it.
    const { fp, matches } = await findDuplicates(tx, data.bodyText, ctx.thresholds ?? DEFAULT_THRESHOLDS, existing.id, sideInfo(data, a, ctx));
    await indexArticle(tx, existing.id, fp);
    await writeLinks(tx, existing.id, matches);
  }
  return { kind: "updated", articleId: existing.id };
}

async function storeInTx(
  db: Db,
  tx: Tx,
  a: ParsedArticle,
  hash: string,
  ctx: StoreContext,
  sources: Map<string, number>,
): Promise<ItemOutcome> {
  const existing = await tx.article.findUnique({ where: { uri: a.uri } });
  const src = ctx.sourceId ?? (await sourceId(tx, a, sources));
  const data = fields(a, hash, src);

  if (existing) {
    const incomingTime = data.versionCreated?.getTime();
    const storedTime = existing.versionCreated?.getTime();
    if (incomingTime !== undefined && storedTime !== undefined && incomingTime < storedTime) {
      return { kind: "skipped", articleId: existing.id, reason: "older version of a stored item" };
    }
    // Same text is the same item, whatever time it carries: relative ages on
    // scraped pages ("10 hours ago") resolve to a new time at every ingest.
    const textChanged = existing.contentHash !== hash || existing.headline !== data.headline;
    if (!textChanged) {
      return { kind: "skipped", articleId: existing.id, reason: "already stored, unchanged" };
    }
    return updateArticle(tx, existing, data, ctx, a);
  }

  const { fp, matches } = await findDuplicates(tx, a.bodyText, ctx.thresholds ?? DEFAULT_THRESHOLDS, undefined, sideInfo(data, a, ctx));
  // A corrected text from the same source (a scraped page whose headline was fixed) updates that article.
  const own = matches.find((m) => isUpdate({ uri: a.uri, source: src }, { uri: m.otherUri, source: m.otherSourceId }, m.match));
  const stored = own ? await tx.article.findUniqueOrThrow({ where: { id: own.otherId } }) : undefined;
  if (stored) {
    if (stored.contentHash === hash && stored.headline === data.headline) {
      return { kind: "skipped", articleId: stored.id, reason: "same text from the same source already stored" };
    }
    const incomingTime = data.versionCreated?.getTime();
    if (incomingTime !== undefined && stored.versionCreated && incomingTime < stored.versionCreated.getTime()) {
      return { kind: "skipped", articleId: stored.id, reason: "older version of a stored item" };
    }
    return updateArticle(tx, stored, data, ctx, a);
  }

  const { known, carried } = await resolveTags(tx, [...(a.subjects ?? []), ...(a.places ?? [])]);
  const created = await tx.article.create({
    data: { ...data, uri: a.uri, status: a.status ?? "new", lastIngestRunId: ctx.runId, carriedLabels: carriedJson(carried) },
  });
  const attached = await attachTags(tx, created.id, known, ctx.userId);
  // Copy that arrives tagged (a Wiredesk export, a wire's ninjs) keeps its tags; the rest is suggested.
  if (ctx.tagging && attached.size === 0) await applySuggestions(tx, created.id, tagInputOf(data), ctx.tagging);
  await applySourceTags(tx, created.id, ctx.sourceTagIds);
  await recordAudit(tx, actorOf(ctx), {
    action: "ingest.create",
    entityType: "article",
    entityId: created.id,
    articleId: created.id,
    after: { uri: created.uri, ...snapshot(created) },
  });
  // Copies of stored articles are kept, and linked for an editor to decide.
  await indexArticle(tx, created.id, fp);
  const links = await writeLinks(tx, created.id, matches);
  // The story it carries: the best link's, with the engine's reason for it.
  const joined = await joinStory(
    tx,
    created.id,
    matches.map((m) => ({
      otherId: m.otherId,
      kind: m.match.kind,
      score: m.match.score,
      reason: reasonOf(m.match.evidence),
      olderVersion: (m.match.evidence as { newer?: unknown } | null)?.newer === "b",
    })),
    { inheritStatus: a.status === undefined },
  );
  if (joined.storyId !== null) {
    await recordAudit(tx, actorOf(ctx), {
      action: "story.join",
      entityType: "article",
      entityId: created.id,
      articleId: created.id,
      after: { storyId: joined.storyId, kind: joined.kind, ...(joined.inherited ? { status: joined.inherited } : {}) },
    });
  } else {
    // It joined no story: a new story has arrived (decision 021).
    await enqueueArrival(prismaWriter(tx), db, created.id);
  }
  return { kind: "new", articleId: created.id, links };
}

export const reasonOf = (evidence: unknown): string | undefined => {
  const r = (evidence as { reason?: unknown } | null)?.reason;
  return typeof r === "string" ? r : undefined;
};

/**
 * Duplicate links an imported file carries (ninjs `duplicates`), written once
 * both ends are stored. Returns how many were written.
 */
export async function restoreDuplicateLinks(db: Db, items: ParsedArticle[]): Promise<number> {
  let written = 0;
  for (const a of items) {
    for (const d of a.duplicates ?? []) {
      const [from, to] = await Promise.all([
        db.article.findUnique({ where: { uri: a.uri }, select: { id: true } }),
        db.article.findUnique({ where: { uri: d.uri }, select: { id: true } }),
      ]);
      if (!from || !to || from.id === to.id) continue;
      // A link is stored once: skip it if it already exists from either side.
      const exists = await db.duplicateLink.findFirst({
        where: {
          OR: [
            { articleId: from.id, otherId: to.id },
            { articleId: to.id, otherId: from.id },
          ],
        },
        select: { id: true, articleId: true },
      });
      if (exists) {
        await db.duplicateLink.update({
          where: { id: exists.id },
          data: {
            state: d.status,
            score: d.score,
            kind: exists.articleId === from.id ? d.kind : reverseKind(d.kind),
          },
        });
        continue;
      }
      await db.duplicateLink.create({
        data: { articleId: from.id, otherId: to.id, kind: d.kind, score: d.score, state: d.status },
      });
      written++;
    }
  }
  return written;
}

/**
 * Stories an imported file carries (a Wiredesk export's story altids): the
 * items that shared a story share one again. Returns how many stories.
 */
export async function restoreStories(db: Db, items: ParsedArticle[]): Promise<number> {
  const groups = new Map<string, string[]>();
  for (const a of items) if (a.storyKey) groups.set(a.storyKey, [...(groups.get(a.storyKey) ?? []), a.uri]);
  let restored = 0;
  for (const uris of groups.values()) {
    if (uris.length < 2) continue;
    const ids = (await db.article.findMany({ where: { uri: { in: uris } }, select: { id: true } })).map((r) => r.id);
    if ((await db.$transaction((tx) => gatherStory(tx, ids), ITEM_TX)) !== null) restored++;
  }
  return restored;
}

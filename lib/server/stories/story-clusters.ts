// Stories in the store: which story each article belongs to, kept as copy
// arrives (joinStory, from ingest) and as editors decide (moveArticle, and
// the link decisions in decide-link.ts). An article alone has no Story row
// and stands for itself; a Story row exists once two articles share one.
//
// Editors win: an article an editor placed is pinned, and ingest never moves
// it or merges its story into another.
import "server-only";
import type { Db } from "../db/client";
import { recordAudit, type Actor } from "../audit";
import { isVersionKind, linkStrength, mergesStories, storyKindOf, STORY_KIND_LABEL, type StoryKind } from "../../schemas/stories";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A verified link from a newly stored article to an older one. */
export interface StoryLink {
  otherId: number;
  /** The duplicate kind, read from the new article's side. */
  kind: string;
  score: number;
  /** The engine's own words for the link, when it gives them. */
  reason?: string;
  /** An update or correction link read the other way: the new article is the earlier version (it arrived late). */
  olderVersion?: boolean;
}

export interface JoinResult {
  storyId: number | null;
  kind: StoryKind;
  /** The status the new copy took from its already-triaged story. */
  inherited?: string;
}

const member = { id: true, storyId: true, storyPinned: true, storyKind: true, status: true } as const;

/** The articles of a story, or the article alone. */
async function membersOf(tx: Tx, a: { id: number; storyId: number | null }) {
  return a.storyId === null
    ? tx.article.findMany({ where: { id: a.id }, select: member })
    : tx.article.findMany({ where: { storyId: a.storyId }, select: member });
}

/** The link in an editor's words, naming the other copy by its source ("Meridian Wire's copy"). */
function reasonFor(link: StoryLink, source: string | null): string {
  const other = source ? `${source}'s copy` : `article ${link.otherId}`;
  if (link.reason) return `${link.reason} (against ${other})`;
  const kind = storyKindOf(link.kind);
  const share = `${Math.round(link.score * 100)}%`;
  if (link.kind === "exact") return `exact copy of ${other}`;
  if (link.kind === "near") return `${other} lightly edited: ${share} of the words the same`;
  if (link.kind === "contains") return `carries ${other} whole`;
  if (link.kind === "contained") return `${share} of it is in ${other}`;
  return `${STORY_KIND_LABEL[kind]} of ${other} (${share})`;
}

/** A new story around an article that was alone: it is the story's first copy. */
async function storyAround(tx: Tx, articleId: number): Promise<number> {
  const a = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { firstCreated: true, ingestedAt: true } });
  const s = await tx.story.create({
    data: { firstId: articleId, leadId: articleId, firstSeenAt: a.firstCreated ?? a.ingestedAt, lastUpdatedAt: a.ingestedAt },
  });
  await tx.article.update({ where: { id: articleId }, data: { storyId: s.id } });
  return s.id;
}

/**
 * Puts a newly stored article in the story of its best link (or leaves it
 * alone without one), merges stories it proves to be one, and gives a late
 * copy of a triaged story that story's status.
 */
export async function joinStory(tx: Tx, articleId: number, links: StoryLink[], opts: { inheritStatus?: boolean } = {}): Promise<JoinResult> {
  if (links.length === 0) return { storyId: null, kind: "first" };
  const others = new Map(
    (await tx.article.findMany({ where: { id: { in: links.map((l) => l.otherId) } }, select: member })).map((o) => [o.id, o]),
  );
  const usable = links.filter((l) => others.has(l.otherId));
  if (usable.length === 0) return { storyId: null, kind: "first" };
  const storyKey = (id: number) => {
    const o = others.get(id)!;
    return o.storyId === null ? `a${o.id}` : `s${o.storyId}`;
  };
  // A roundup that carries several stories whole belongs to none of them.
  if (usable.every((l) => l.kind === "contains") && new Set(usable.map((l) => storyKey(l.otherId))).size > 1) {
    return { storyId: null, kind: "first" };
  }
  const best = [...usable].sort((x, y) => linkStrength(y.kind) - linkStrength(x.kind) || y.score - x.score || x.otherId - y.otherId)[0]!;
  const bestOther = others.get(best.otherId)!;
  const storyId = bestOther.storyId ?? (await storyAround(tx, bestOther.id));
  // An earlier version that arrives late joins as a copy: it must not lead the story.
  const kind = best.olderVersion ? "copy" : storyKindOf(best.kind);

  // The story's status before this copy: its lead's (triage applies to the whole story).
  const lead = await tx.article.findFirst({ where: { storyId, storyLead: true }, select: { status: true } });
  // Copy that carries its own status (an export re-imported) keeps it.
  const inherited = opts.inheritStatus !== false && kind === "copy" && lead && lead.status !== "new" ? lead.status : undefined;
  const src = await tx.article.findUnique({ where: { id: best.otherId }, select: { source: { select: { name: true } } } });
  const reason = reasonFor(best, src?.source?.name ?? null) + (inherited ? ` · arrived after the story was ${inherited}` : "");
  await tx.article.update({
    where: { id: articleId },
    data: { storyId, storyKind: kind, storyScore: best.score, storyReason: reason, ...(inherited ? { status: inherited } : {}) },
  });

  // A copy of articles in two stories proves them one story, unless an editor placed any of them.
  const merged = new Set<string>([`s${storyId}`, storyKey(best.otherId)]);
  const inStory = async () => (await tx.article.findMany({ where: { storyId }, select: { id: true } })).map((r) => r.id);
  for (const l of usable) {
    if (!mergesStories(l.kind)) continue;
    const key = storyKey(l.otherId);
    if (merged.has(key)) continue;
    merged.add(key);
    const moving = await membersOf(tx, others.get(l.otherId)!);
    if (moving.some((m) => m.storyPinned)) continue;
    // An editor said some pair across the two is not the same story: they stay apart.
    if (await dismissedBetween(tx, moving.map((m) => m.id), await inStory())) continue;
    const from = others.get(l.otherId)!.storyId;
    for (const m of moving) {
      await tx.article.update({
        where: { id: m.id },
        data: {
          storyId,
          ...(m.storyKind === "first" ? { storyKind: "copy", storyReason: `joined through article ${articleId}, a copy of both` } : {}),
        },
      });
    }
    if (from !== null) await tx.story.delete({ where: { id: from } });
  }
  await refreshStory(tx, storyId);
  return { storyId, kind, inherited };
}

async function dismissedBetween(tx: Tx, a: number[], b: number[]): Promise<boolean> {
  const n = await tx.duplicateLink.count({
    where: {
      state: "dismissed",
      OR: [
        { articleId: { in: a }, otherId: { in: b } },
        { articleId: { in: b }, otherId: { in: a } },
      ],
    },
  });
  return n > 0;
}

/**
 * Recomputes a story from its articles: first copy, lead (the newest
 * version), counts and times. A story left with one article is dissolved:
 * that article stands alone again.
 */
export async function refreshStory(tx: Tx, storyId: number): Promise<void> {
  const rows = await tx.article.findMany({
    where: { storyId },
    select: { id: true, sourceId: true, firstCreated: true, ingestedAt: true, storyKind: true },
    orderBy: { id: "asc" },
  });
  if (rows.length <= 1) {
    if (rows[0]) await tx.article.update({ where: { id: rows[0].id }, data: { storyId: null, storyLead: true, storyKind: "first" } });
    await tx.story.deleteMany({ where: { id: storyId } });
    return;
  }
  const seen = (r: (typeof rows)[number]) => (r.firstCreated ?? r.ingestedAt).getTime();
  const first = [...rows].sort((a, b) => seen(a) - seen(b) || a.id - b.id)[0]!;
  const versions = rows.filter((r) => isVersionKind(r.storyKind) || r.id === first.id);
  const lead = (versions.length ? versions : rows)[(versions.length ? versions : rows).length - 1]!;
  const sources = new Set(rows.map((r) => (r.sourceId === null ? "unknown" : r.sourceId))).size;
  await tx.story.update({
    where: { id: storyId },
    data: {
      firstId: first.id,
      leadId: lead.id,
      copies: rows.length,
      sources,
      firstSeenAt: new Date(Math.min(...rows.map(seen))),
      lastUpdatedAt: new Date(Math.max(...rows.map((r) => r.ingestedAt.getTime()))),
    },
  });
  await tx.article.updateMany({ where: { storyId, storyLead: true, id: { not: lead.id } }, data: { storyLead: false } });
  await tx.article.updateMany({ where: { id: lead.id, storyLead: false }, data: { storyLead: true } });
}

export class StoryMoveError extends Error {}

/**
 * An editor places an article: out of its story ("alone") or into the story
 * of another article. Pinned from then on; audited, and undone by moving it
 * back (the audit entry's before).
 */
export async function moveInTx(tx: Tx, articleId: number, to: "alone" | { article: number }, actor: Actor): Promise<{ storyId: number | null }> {
  const a = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, storyId: true, storyKind: true } });
  if (!a) throw new StoryMoveError(`No article ${articleId}`);
  let target: number | null = null;
  if (to !== "alone") {
    if (to.article === articleId) throw new StoryMoveError("An article cannot be moved into its own story");
    const other = await tx.article.findUnique({ where: { id: to.article }, select: { id: true, storyId: true } });
    if (!other) throw new StoryMoveError(`No article ${to.article}`);
    target = other.storyId ?? (await storyAround(tx, other.id));
    await tx.article.update({ where: { id: other.id }, data: { storyPinned: true } });
  }
  if (target !== null && target === a.storyId) {
    await tx.article.update({ where: { id: articleId }, data: { storyPinned: true } });
    return { storyId: target };
  }
  const link = target === null ? null : await linkBetween(tx, articleId, to === "alone" ? 0 : to.article);
  await tx.article.update({
    where: { id: articleId },
    data:
      target === null
        ? { storyId: null, storyKind: "first", storyLead: true, storyPinned: true, storyScore: null, storyReason: `moved out of its story by ${actor.name}` }
        : {
            storyId: target,
            storyKind: link ? storyKindOf(link.kind) : "copy",
            storyPinned: true,
            storyScore: link?.score ?? null,
            storyReason: `placed in this story by ${actor.name}`,
          },
  });
  if (a.storyId !== null) await refreshStory(tx, a.storyId);
  if (target !== null) await refreshStory(tx, target);
  const now = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { storyId: true } });
  await recordAudit(tx, actor, {
    action: "story.move",
    entityType: "article",
    entityId: articleId,
    articleId,
    before: { storyId: a.storyId, kind: a.storyKind },
    after: { storyId: now.storyId, to: to === "alone" ? "alone" : to.article },
  });
  return { storyId: now.storyId };
}

async function linkBetween(tx: Tx, x: number, y: number) {
  const l = await tx.duplicateLink.findFirst({
    where: { OR: [{ articleId: x, otherId: y }, { articleId: y, otherId: x }] },
    select: { articleId: true, kind: true, score: true },
  });
  return l;
}

export async function moveArticle(db: Db, articleId: number, to: "alone" | { article: number }, actor: Actor) {
  return db.$transaction((tx) => moveInTx(tx, articleId, to, actor));
}

/**
 * A duplicate decision applied to stories: "not a duplicate" takes the later
 * article out of the earlier one's story; "confirmed" puts it in. Reopening
 * a dismissed link puts back an article that decision took out.
 */
export async function applyLinkDecision(
  tx: Tx,
  link: { articleId: number; otherId: number },
  state: string,
  previous: string,
  actor: Actor,
): Promise<void> {
  const [later, earlier] = link.articleId > link.otherId ? [link.articleId, link.otherId] : [link.otherId, link.articleId];
  const rows = await tx.article.findMany({ where: { id: { in: [later, earlier] } }, select: { id: true, storyId: true, storyPinned: true } });
  const l = rows.find((r) => r.id === later);
  const e = rows.find((r) => r.id === earlier);
  if (!l || !e) return;
  const together = l.storyId !== null && l.storyId === e.storyId;
  if (state === "dismissed" && together) await moveInTx(tx, later, "alone", actor);
  else if (state === "confirmed" && !together) await moveInTx(tx, later, { article: earlier }, actor);
  else if (state === "suggested" && previous === "dismissed" && !together && l.storyId === null && l.storyPinned) {
    await moveInTx(tx, later, { article: earlier }, actor);
  }
}

/**
 * Makes these articles one story (an import restoring what an export said):
 * the first of them keeps its story and the rest join it, each with the kind
 * its link to a member gives, else as a copy.
 */
export async function gatherStory(tx: Tx, ids: number[]): Promise<number | null> {
  const rows = await tx.article.findMany({ where: { id: { in: ids } }, select: { id: true, storyId: true }, orderBy: { id: "asc" } });
  if (rows.length < 2) return null;
  const storyId = rows[0]!.storyId ?? (await storyAround(tx, rows[0]!.id));
  const left = new Set<number>();
  for (const r of rows.slice(1)) {
    if (r.storyId === storyId) continue;
    if (r.storyId !== null) left.add(r.storyId);
    const link = await tx.duplicateLink.findFirst({
      where: { articleId: r.id, otherId: { in: rows.map((x) => x.id) } },
      select: { kind: true, score: true },
      orderBy: { score: "desc" },
    });
    await tx.article.update({
      where: { id: r.id },
      data: { storyId, storyKind: link ? storyKindOf(link.kind) : "copy", storyScore: link?.score ?? null, storyReason: "restored from an export" },
    });
  }
  for (const s of left) await refreshStory(tx, s);
  await refreshStory(tx, storyId);
  return storyId;
}

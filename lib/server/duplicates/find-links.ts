// Reads for the duplicate views: the queue of links to decide, and one link side by side.
import "server-only";
import type { Db } from "../db/client";
import type { DuplicateEvidence } from "../../dedup/compare";
import { confirmedGroup, getGroup, pickCanonical, type ClusterMember } from "./decide-link";
import { authorize, type Actor } from "../audit";
import { duplicateKind, linkState, type LinkState } from "../../schemas/vocabulary";
import type { DuplicateLinkPage, DuplicateLinkView, LinkListFilters } from "../../schemas/duplicates";

const side = { select: { id: true, headline: true, bodyText: true, ingestedAt: true, firstCreated: true, source: { select: { name: true, kind: true } } } } as const;

const member = { id: true, headline: true, canonical: true, firstCreated: true, ingestedAt: true, source: { select: { name: true, kind: true } } } as const;

const RETOLD = new Set(["same-story", "translation"]);

/** Links waiting for a decision: copies first, largest groups first; rewrites (same-story, translation) listed apart. */
export async function findLinkQueue(db: Db, actor: Actor, state: LinkState = "suggested") {
  authorize(actor, "read");
  const links = await db.duplicateLink.findMany({
    where: { state },
    orderBy: { id: "desc" },
    take: 500,
    include: {
      article: { select: member },
      other: { select: member },
    },
  });
  // Group by connected links so an editor sees each story's copies together.
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const r = find(p);
    parent.set(x, r);
    return r;
  };
  for (const l of links) parent.set(find(l.articleId), find(l.otherId));
  const groups = new Map<number, typeof links>();
  for (const l of links) {
    const root = find(l.articleId);
    groups.set(root, [...(groups.get(root) ?? []), l]);
  }
  const toView = (g: typeof links) => {
    const members = new Map(
      g.flatMap((l) => [l.article, l.other]).map((a): [number, ClusterMember] => [
        a.id,
        { id: a.id, headline: a.headline, source: a.source?.name ?? null, sourceKind: a.source?.kind ?? null, firstSeen: a.firstCreated ?? a.ingestedAt, canonical: a.canonical },
      ]),
    );
    return {
    size: members.size,
    /** The copy "keep the original" keeps: the editor's choice, else the earliest from a wire or publisher. */
    original: pickCanonical([...members.values()])!.id,
    links: g.map((l) => ({
      id: l.id,
      kind: l.kind,
      score: l.score,
      state: l.state,
      article: { id: l.article.id, headline: l.article.headline, source: l.article.source?.name ?? null },
      other: { id: l.other.id, headline: l.other.headline, source: l.other.source?.name ?? null },
    })),
    };
  };
  const all = [...groups.values()].map(toView).sort((a, b) => b.size - a.size);
  return {
    // Rewrites and copies in another language are the same story told again, not copies to keep one of.
    copies: all.filter((g) => g.links.some((l) => !RETOLD.has(l.kind))),
    sameStory: all.filter((g) => g.links.every((l) => RETOLD.has(l.kind))),
  };
}

/** One link with both texts and the shared passages, for the side-by-side view. */
export async function getLink(db: Db, id: number, actor: Actor) {
  authorize(actor, "read");
  const link = await db.duplicateLink.findUnique({ where: { id }, include: { article: side, other: side } });
  if (!link) return null;
  const evidence = link.evidence ? (JSON.parse(link.evidence) as Partial<DuplicateEvidence>) : {};
  // A link across languages records what both name and count instead of shared passages.
  const across = link.kind === "translation" ? (evidence as { names?: string[]; figures?: string[] }) : null;
  const audit = await db.auditEntry.findMany({
    where: { entityType: "duplicateLink", entityId: String(id) },
    orderBy: { id: "desc" },
    take: 20,
  });
  const groupIds = link.state === "confirmed" ? await confirmedGroup(db, link.articleId) : [link.articleId];
  const group = groupIds.length > 1 ? await getGroup(db, link.articleId) : null;
  return {
    ...link,
    passages: evidence.passages ?? [],
    evidence,
    across: across && { names: across.names ?? [], figures: across.figures ?? [] },
    audit,
    group,
  };
}

export type LinkDetail = NonNullable<Awaited<ReturnType<typeof getLink>>>;

type LinkQueue = Awaited<ReturnType<typeof findLinkQueue>>;

/** The queue's links in the order the list shows them: copies, then rewrites. */
export const queueOrder = (q: LinkQueue): number[] => [...q.copies, ...q.sameStory].flatMap((g) => g.links.map((l) => l.id));

/**
 * Where a pair sits for keyboard review: the previous and next pair in its own
 * list, and the open pair to go to once it is decided (the next one on,
 * wrapping round to any left earlier; none when it was the last).
 */
export async function linkNeighbours(db: Db, id: number, state: LinkState, actor: Actor) {
  const order = queueOrder(await findLinkQueue(db, actor, state));
  const open = state === "suggested" ? order : queueOrder(await findLinkQueue(db, actor, "suggested"));
  const at = order.indexOf(id);
  const openAt = open.indexOf(id);
  const nextOpen = openAt < 0 ? open[0] : [...open.slice(openAt + 1), ...open.slice(0, openAt)][0];
  return {
    prev: at > 0 ? order[at - 1]! : null,
    next: at >= 0 && at < order.length - 1 ? order[at + 1]! : null,
    nextOpen: nextOpen ?? null,
    position: at >= 0 ? { at: at + 1, of: order.length } : null,
  };
}

const sideView = (a: { id: number; headline: string; source: { name: string } | null }) => ({ id: a.id, headline: a.headline, source: a.source?.name ?? null });

/** One link as lists and the API show it. */
export function linkView(l: {
  id: number;
  kind: string;
  score: number;
  state: string;
  createdAt: Date;
  decidedAt: Date | null;
  article: { id: number; headline: string; source: { name: string } | null };
  other: { id: number; headline: string; source: { name: string } | null };
}): DuplicateLinkView {
  return {
    id: l.id,
    kind: duplicateKind.parse(l.kind),
    score: l.score,
    state: linkState.parse(l.state),
    article: sideView(l.article),
    other: sideView(l.other),
    createdAt: l.createdAt.toISOString(),
    decidedAt: l.decidedAt?.toISOString() ?? null,
  };
}

const linkSides = { article: { select: { id: true, headline: true, source: { select: { name: true } } } }, other: { select: { id: true, headline: true, source: { select: { name: true } } } } } as const;

/** The links, newest first, filtered, a keyset page at a time (by id): the API's list, flat where the desk's groups them. */
export async function listLinks(db: Db, p: LinkListFilters, actor: Actor): Promise<DuplicateLinkPage> {
  authorize(actor, "read");
  const rows = await db.duplicateLink.findMany({
    where: {
      ...(p.state ? { state: p.state } : {}),
      ...(p.kind ? { kind: { in: p.kind } } : {}),
      ...(p.article ? { OR: [{ articleId: p.article }, { otherId: p.article }] } : {}),
      ...(p.cursor ? { id: { lt: p.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: p.limit + 1,
    include: linkSides,
  });
  const page = rows.slice(0, p.limit);
  return { items: page.map(linkView), nextCursor: rows.length > p.limit ? String(page.at(-1)!.id) : null };
}

/** One link as lists show it, or null. */
export async function findLinkView(db: Db, id: number, actor: Actor): Promise<DuplicateLinkView | null> {
  authorize(actor, "read");
  const l = await db.duplicateLink.findUnique({ where: { id }, include: linkSides });
  return l && linkView(l);
}

/**
 * The pair to open for an article's duplicates (the "d" key): its open copies
 * first, then open rewrites, then anything decided, best score first; null
 * when it has no links.
 */
export async function firstLinkFor(db: Db, articleId: number, actor: Actor): Promise<number | null> {
  authorize(actor, "read");
  const links = await db.duplicateLink.findMany({
    where: { OR: [{ articleId }, { otherId: articleId }] },
    select: { id: true, kind: true, state: true },
    orderBy: { score: "desc" },
  });
  const rank = (l: { kind: string; state: string }) => (l.state === "suggested" ? 0 : 2) + (RETOLD.has(l.kind) ? 1 : 0);
  return [...links].sort((a, b) => rank(a) - rank(b))[0]?.id ?? null;
}

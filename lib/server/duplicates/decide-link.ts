// Editors' decisions on duplicate links: confirm, dismiss ("not a
// duplicate"), reopen; the canonical copy of a confirmed group. Every
// decision is on record in the audit log and can be undone from it.
import "server-only";
import type { Db } from "../db/client";
import { retryBusy } from "../db/busy";
import { linkState, type LinkState } from "../../schemas/vocabulary";
import { authorize, recordAudit, type Actor } from "../audit";
import { applyLinkDecision } from "../stories/story-clusters";
import { enqueueDuplicateConfirmed } from "../webhooks/enqueue";
import { NotFoundError } from "../articles/set-status";
import type { canonicalChosen } from "../../schemas/duplicates";
import type { z } from "zod";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export class DecisionError extends Error {}

/** Sets a link's state; "suggested" reopens it. Returns the link as it now is. */
export async function decideLink(db: Db, linkId: number, state: LinkState, actor: Actor) {
  authorize(actor, "triage");
  return retryBusy(() => db.$transaction(async (tx) => {
    const link = await tx.duplicateLink.findUnique({ where: { id: linkId } });
    if (!link) throw new DecisionError(`No duplicate link ${linkId}`);
    if (link.state === state) return link;
    const updated = await tx.duplicateLink.update({
      where: { id: linkId },
      data: { state, decidedById: actor.userId ?? null, decidedAt: state === "suggested" ? null : new Date() },
    });
    await recordAudit(tx, actor, {
      action: `link.${state === "suggested" ? "reopen" : state === "confirmed" ? "confirm" : "dismiss"}`,
      entityType: "duplicateLink",
      entityId: linkId,
      articleId: link.articleId,
      before: { state: link.state },
      after: { state },
    });
    // The story follows the decision: a dismissed copy leaves it, a confirmed one joins it.
    await applyLinkDecision(tx, link, state, link.state, actor);
    if (state === "confirmed") await enqueueDuplicateConfirmed(tx, link, actor.name);
    return updated;
  }));
}

export interface ClusterMember {
  id: number;
  headline: string;
  source: string | null;
  sourceKind: string | null;
  firstSeen: Date;
  canonical: boolean;
}

/** Articles joined to this one by confirmed links, itself included. */
export async function confirmedGroup(tx: Tx | Db, articleId: number): Promise<number[]> {
  const seen = new Set([articleId]);
  let frontier = [articleId];
  while (frontier.length) {
    const links = await tx.duplicateLink.findMany({
      where: { state: "confirmed", OR: [{ articleId: { in: frontier } }, { otherId: { in: frontier } }] },
      select: { articleId: true, otherId: true },
    });
    frontier = [];
    for (const l of links) {
      for (const id of [l.articleId, l.otherId]) {
        if (!seen.has(id)) {
          seen.add(id);
          frontier.push(id);
        }
      }
    }
  }
  return [...seen];
}

/**
 * The copy a confirmed group keeps: the one an editor chose, else the
 * original, the earliest copy from a wire or publisher (an aggregator's copy
 * only when the group has nothing else).
 */
export function pickCanonical(members: ClusterMember[]): ClusterMember | undefined {
  const chosen = members.find((m) => m.canonical);
  if (chosen) return chosen;
  const byAge = [...members].sort((a, b) => a.firstSeen.getTime() - b.firstSeen.getTime() || a.id - b.id);
  return byAge.find((m) => m.sourceKind !== "aggregator") ?? byAge[0];
}

export async function getGroup(db: Db | Tx, articleId: number) {
  const ids = await confirmedGroup(db, articleId);
  const rows = await db.article.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      headline: true,
      canonical: true,
      firstCreated: true,
      ingestedAt: true,
      source: { select: { name: true, kind: true } },
    },
  });
  const members: ClusterMember[] = rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    source: r.source?.name ?? null,
    sourceKind: r.source?.kind ?? null,
    firstSeen: r.firstCreated ?? r.ingestedAt,
    canonical: r.canonical,
  }));
  return { members, canonical: pickCanonical(members) };
}

/** An editor's choice of the copy a confirmed group keeps. */
export async function setCanonical(db: Db, articleId: number, actor: Actor) {
  authorize(actor, "triage");
  return retryBusy(() => db.$transaction(async (tx) => {
    const ids = await confirmedGroup(tx, articleId);
    const before = await getGroup(tx, articleId);
    await tx.article.updateMany({ where: { id: { in: ids }, canonical: true }, data: { canonical: false } });
    await tx.article.update({ where: { id: articleId }, data: { canonical: true } });
    await recordAudit(tx, actor, {
      action: "group.canonical",
      entityType: "article",
      entityId: articleId,
      articleId,
      before: { canonical: before.canonical?.id ?? null, chosen: before.members.find((m) => m.canonical)?.id ?? null },
      after: { canonical: articleId, chosen: articleId },
    });
    return getGroup(tx, articleId);
  }));
}

/** setCanonical for the desk: the group as ids, and the audit entry that undoes the choice (POST /api/audit/:id/undo). */
export async function chooseCanonical(db: Db, articleId: number, actor: Actor): Promise<z.infer<typeof canonicalChosen>> {
  authorize(actor, "triage");
  if (!(await db.article.findUnique({ where: { id: articleId }, select: { id: true } }))) throw new NotFoundError(`No article ${articleId}`);
  const group = await setCanonical(db, articleId, actor);
  const entry = await db.auditEntry.findFirst({ where: { action: "group.canonical", entityId: String(articleId) }, orderBy: { id: "desc" }, select: { id: true } });
  return { canonical: group.canonical?.id ?? null, members: group.members.map((m) => m.id), auditId: entry?.id ?? null };
}

/** Undoes an audited duplicate decision: the link's state, or the group's chosen copy, as before. */
export async function undoDecision(db: Db, auditId: number, actor: Actor) {
  authorize(actor, "triage");
  const entry = await db.auditEntry.findUnique({ where: { id: auditId } });
  if (!entry?.before) throw new DecisionError(`Audit entry ${auditId} cannot be undone`);
  const before = JSON.parse(entry.before) as { state?: LinkState; chosen?: number | null };
  if (entry.entityType === "duplicateLink" && before.state) {
    return decideLink(db, Number(entry.entityId), linkState.parse(before.state), actor);
  }
  if (entry.action === "group.canonical") {
    const articleId = Number(entry.entityId);
    if (before.chosen) return setCanonical(db, before.chosen, actor);
    const ids = await confirmedGroup(db, articleId);
    await db.article.updateMany({ where: { id: { in: ids } }, data: { canonical: false } });
    await recordAudit(db, actor, {
      action: "group.canonical",
      entityType: "article",
      entityId: articleId,
      articleId,
      before: entry.after ? JSON.parse(entry.after) : null,
      after: { canonical: null, chosen: null },
    });
    return getGroup(db, articleId);
  }
  throw new DecisionError(`Audit entry ${auditId} is not a duplicate decision`);
}

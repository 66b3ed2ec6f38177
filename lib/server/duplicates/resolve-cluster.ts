// "Keep the original, mark the rest reviewed": one decision on a whole
// cluster of copies. Each step is an ordinary audited decision (link
// confirmed, canonical chosen, status set), so the log reads as if an editor
// had made them one by one, and the result lists what to reverse for undo.
import "server-only";
import type { Db } from "../db/client";
import { authorize, type Actor } from "../audit";
import { decideLink, DecisionError, setCanonical } from "./decide-link";
import { setStatus, StaleWriteError } from "../articles/set-status";
import type { ClusterResult } from "../../schemas/duplicates";
import { workflowStatus } from "../../schemas/vocabulary";

export type { ClusterResult };

/** The copies joined to an article by suggested or confirmed copy links (rewrites and dismissed links excluded). */
export async function copyCluster(db: Db, articleId: number) {
  const seen = new Set([articleId]);
  const links = new Map<number, { id: number; state: string }>();
  let frontier = [articleId];
  while (frontier.length) {
    const found = await db.duplicateLink.findMany({
      where: { state: { in: ["suggested", "confirmed"] }, kind: { not: "same-story" }, OR: [{ articleId: { in: frontier } }, { otherId: { in: frontier } }] },
      select: { id: true, state: true, articleId: true, otherId: true },
    });
    frontier = [];
    for (const l of found) {
      links.set(l.id, { id: l.id, state: l.state });
      for (const id of [l.articleId, l.otherId]) {
        if (!seen.has(id)) {
          seen.add(id);
          frontier.push(id);
        }
      }
    }
  }
  return { articleIds: [...seen], links: [...links.values()] };
}

export async function resolveCluster(db: Db, keep: number, actor: Actor): Promise<ClusterResult> {
  authorize(actor, "triage");
  const cluster = await copyCluster(db, keep);
  if (cluster.links.length === 0) throw new DecisionError(`Article ${keep} has no copies to resolve`);
  const result: ClusterResult = { keep, confirmed: [], reviewed: [], refused: [], canonicalAuditId: null };
  for (const l of cluster.links) {
    if (l.state === "suggested") {
      await decideLink(db, l.id, "confirmed", actor);
      result.confirmed.push(l.id);
    }
  }
  const kept = await db.article.findUnique({ where: { id: keep }, select: { canonical: true } });
  if (!kept?.canonical) {
    await setCanonical(db, keep, actor);
    const entry = await db.auditEntry.findFirst({ where: { action: "group.canonical", entityId: String(keep) }, orderBy: { id: "desc" }, select: { id: true } });
    result.canonicalAuditId = entry?.id ?? null;
  }
  const rest = await db.article.findMany({ where: { id: { in: cluster.articleIds.filter((id) => id !== keep) } }, select: { id: true, status: true, version: true } });
  for (const a of rest) {
    if (a.status === "reviewed") continue;
    try {
      const r = await setStatus(db, a.id, "reviewed", a.version, actor);
      result.reviewed.push({ id: a.id, from: workflowStatus.parse(a.status), version: r.version });
    } catch (e) {
      if (!(e instanceof StaleWriteError)) throw e;
      result.refused.push({ id: a.id, reason: e.message });
    }
  }
  return result;
}

// Undo from the audit log: puts back what an entry's "before" recorded, as a
// new, audited action by whoever undoes it. Each kind goes through its own
// operation, so the same role checks and version checks apply.
import "server-only";
import type { Db } from "./db/client";
import { authorize, type Actor } from "./audit";
import { DecisionError, undoDecision } from "./duplicates/decide-link";
import { decideTag, reopenTag, TagError } from "./tags/decide-tag";
import { setStatus } from "./articles/set-status";
import { renameTag, setHidden } from "./tags/taxonomy";
import { workflowStatus } from "../schemas/vocabulary";

export class UndoError extends Error {}

const UNDOABLE = new Set(["link.confirm", "link.dismiss", "link.reopen", "group.canonical", "tag.accept", "tag.reject", "tag.reopen", "article.status", "taxonomy.rename", "taxonomy.hide", "taxonomy.show"]);

export const canUndo = (action: string) => UNDOABLE.has(action);

export async function undoEntry(db: Db, auditId: number, actor: Actor) {
  authorize(actor, "triage");
  const entry = await db.auditEntry.findUnique({ where: { id: auditId } });
  if (!entry) throw new UndoError(`No audit entry ${auditId}`);
  if (!canUndo(entry.action) || !entry.before) throw new UndoError(`Audit entry ${auditId} (${entry.action}) cannot be undone`);
  const before = JSON.parse(entry.before) as Record<string, unknown>;
  try {
    if (entry.entityType === "duplicateLink" || entry.action === "group.canonical") return await undoDecision(db, auditId, actor);
    if (entry.action === "tag.accept" || entry.action === "tag.reject" || entry.action === "tag.reopen") {
      const [articleId, scheme = "", ...rest] = entry.entityId.split(":");
      const tag = await db.tag.findUnique({ where: { scheme_code: { scheme, code: rest.join(":") } } });
      if (!tag) throw new UndoError(`The tag of audit entry ${auditId} no longer exists`);
      const state = before.state;
      // Only while the tag is as this entry left it: a later decision is not overwritten by undoing an earlier one.
      const after = entry.after ? (JSON.parse(entry.after) as { version?: number }) : {};
      if (state === "suggested") return await reopenTag(db, Number(articleId), tag.id, actor, after.version);
      if (state !== "accepted" && state !== "rejected") throw new UndoError(`Audit entry ${auditId} has no tag state to put back`);
      // Undoing an accept or reject takes its lesson back; undoing a reopen decides again, and teaches again.
      return await decideTag(db, Number(articleId), tag.id, state, actor, after.version, { undo: entry.action !== "tag.reopen" });
    }
    if (entry.action === "article.status") {
      const articleId = Number(entry.entityId);
      const now = await db.article.findUnique({ where: { id: articleId }, select: { version: true } });
      if (!now) throw new UndoError(`Article ${articleId} no longer exists`);
      return await setStatus(db, articleId, workflowStatus.parse(before.status), now.version, actor);
    }
    if (entry.action === "taxonomy.rename") return await renameTag(db, Number(entry.entityId), String(before.name), actor);
    if (entry.action === "taxonomy.hide" || entry.action === "taxonomy.show") return await setHidden(db, Number(entry.entityId), Boolean(before.hidden), actor);
  } catch (e) {
    if (e instanceof DecisionError || e instanceof TagError) throw new UndoError(e.message);
    throw e;
  }
  throw new UndoError(`Audit entry ${auditId} cannot be undone`);
}

// Bulk workflow: one status for a selection. Each article is written as in
// setStatus (its own version check and audit entry), so a stale one is
// reported and skipped while the rest go through.
import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../audit";
import { NotFoundError, setStatus, StaleWriteError } from "./set-status";
import { authorize } from "../audit";
import type { BulkStatusChange, BulkStatusResult } from "../../schemas/articles";
import { workflowStatus } from "../../schemas/vocabulary";

/** A status as the store keeps it (a string), read as the vocabulary's. */
const asStatus = (s: string) => workflowStatus.parse(s);

/** A stale write's report: what the article is now. */
const refusedStale = (id: number, e: StaleWriteError): BulkStatusResult["refused"][number] => ({
  id,
  reason: e.message,
  current: { version: e.current.version, ...(e.current.status ? { status: asStatus(e.current.status) } : {}) },
});

export type { BulkStatusResult };

/**
 * The rest of a story takes the status its row was given. The editor saw the
 * story, not each copy, so each copy is written at the version it has now;
 * one that changes meanwhile is reported, not overwritten.
 */
async function setStoryCopies(db: Db, leadId: number, status: BulkStatusChange["status"], actor: Actor, result: BulkStatusResult) {
  const lead = await db.article.findUnique({ where: { id: leadId }, select: { storyId: true } });
  if (lead?.storyId == null) return;
  const copies = await db.article.findMany({
    where: { storyId: lead.storyId, id: { not: leadId }, status: { not: status } },
    select: { id: true, status: true, version: true },
  });
  for (const c of copies) {
    try {
      const r = await setStatus(db, c.id, status, c.version, actor);
      result.changed.push({ id: c.id, from: asStatus(c.status), version: r.version });
    } catch (e) {
      if (e instanceof StaleWriteError) result.refused.push(refusedStale(c.id, e));
      else throw e;
    }
  }
}

export async function setStatuses(db: Db, input: BulkStatusChange, actor: Actor): Promise<BulkStatusResult> {
  authorize(actor, "triage");
  const result: BulkStatusResult = { changed: [], refused: [] };
  const before = new Map(
    (await db.article.findMany({ where: { id: { in: input.items.map((i) => i.id) } }, select: { id: true, status: true } })).map((a) => [a.id, a.status]),
  );
  for (const item of input.items) {
    try {
      const r = await setStatus(db, item.id, input.status, item.version, actor);
      result.changed.push({ id: item.id, from: asStatus(before.get(item.id) ?? input.status), version: r.version });
      if (input.wholeStory) await setStoryCopies(db, item.id, input.status, actor, result);
    } catch (e) {
      if (e instanceof StaleWriteError) result.refused.push(refusedStale(item.id, e));
      else if (e instanceof NotFoundError) result.refused.push({ id: item.id, reason: e.message });
      else throw e;
    }
  }
  return result;
}

/**
 * A whole story takes a status, as the desk's story row does (wholeStory):
 * `version` is the version of the article that stands for it (its lead, the
 * queue row's version). A stale lead refuses the write (StaleWriteError); a
 * copy changed meanwhile is reported and left as it is.
 */
export async function setStoryStatus(db: Db, storyId: number, status: BulkStatusChange["status"], version: number, actor: Actor): Promise<BulkStatusResult> {
  authorize(actor, "triage");
  const lead = await db.article.findFirst({ where: { storyId, storyLead: true }, select: { id: true, status: true } });
  if (!lead) throw new NotFoundError(`No story ${storyId}`);
  const result: BulkStatusResult = { changed: [], refused: [] };
  const r = await setStatus(db, lead.id, status, version, actor);
  result.changed.push({ id: lead.id, from: asStatus(lead.status), version: r.version });
  await setStoryCopies(db, lead.id, status, actor, result);
  return result;
}

// Workflow: mark reviewed, spike, reopen. The write names the version the
// editor saw; a stale one is refused so no change is lost silently.
import "server-only";
import type { Db } from "../db/client";
import { retryBusy } from "../db/busy";
import { authorize, recordAudit, type Actor } from "../audit";
import type { WorkflowStatus as Status } from "../../schemas/vocabulary";
import { enqueueStatusEvent } from "../webhooks/enqueue";

/** A write that named an older version than the store holds: refused, with what is there now. */
export class StaleWriteError extends Error {
  constructor(
    readonly current: { version: number; status?: string; state?: string },
    message = `The article changed since you opened it (now version ${current.version}, ${current.status}); reload to see it.`,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {}

export async function setStatus(db: Db, articleId: number, status: Status, expectedVersion: number, actor: Actor) {
  authorize(actor, "triage");
  return retryBusy(() => db.$transaction(async (tx) => {
    const a = await tx.article.findUnique({ where: { id: articleId }, select: { status: true, version: true } });
    if (!a) throw new NotFoundError(`No article ${articleId}`);
    if (a.version !== expectedVersion) throw new StaleWriteError(a);
    if (a.status === status) return a;
    // The version in the where clause makes the check and the write one step, even across instances.
    const { count } = await tx.article.updateMany({
      where: { id: articleId, version: expectedVersion },
      data: { status, version: { increment: 1 } },
    });
    if (count !== 1) throw new StaleWriteError(await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true, version: true } }));
    await recordAudit(tx, actor, {
      action: "article.status",
      entityType: "article",
      entityId: articleId,
      articleId,
      before: { status: a.status, version: a.version },
      after: { status, version: a.version + 1 },
    });
    await enqueueStatusEvent(tx, articleId, status, actor.name);
    return { status, version: a.version + 1 };
  }));
}

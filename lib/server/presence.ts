// Who else has an article open: each open article page beats every 10 s;
// anyone seen within 30 s is "here".
import "server-only";
import type { Db } from "./db/client";
import { authorize, type Actor } from "./audit";
import { NotFoundError } from "./articles/set-status";

export const PRESENCE_WINDOW_MS = 30_000;

export async function heartbeat(db: Db, articleId: number, actor: Actor) {
  authorize(actor, "read");
  if (!(await db.article.findUnique({ where: { id: articleId }, select: { id: true } }))) throw new NotFoundError(`No article ${articleId}`);
  if (!actor.userId) return [];
  const now = new Date();
  await db.presence.upsert({
    where: { articleId_userId: { articleId, userId: actor.userId } },
    create: { articleId, userId: actor.userId, seenAt: now },
    update: { seenAt: now },
  });
  const rows = await db.presence.findMany({
    where: { articleId, userId: { not: actor.userId }, seenAt: { gte: new Date(now.getTime() - PRESENCE_WINDOW_MS) } },
    select: { user: { select: { id: true, name: true, role: true } } },
  });
  return rows.map((r) => r.user);
}

/** The page is closed: stop showing this user there. */
export async function leave(db: Db, articleId: number, actor: Actor) {
  if (!actor.userId) return;
  await db.presence.deleteMany({ where: { articleId, userId: actor.userId } });
}

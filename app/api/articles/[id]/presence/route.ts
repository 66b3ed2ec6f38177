// POST /api/articles/:id/presence - "I have this article open" (every 10 s); answers who else has. DELETE - closed it.
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { heartbeat, leave } from "@/lib/server/presence";
import { idPath } from "@/lib/schemas/ids";

export const POST = apiRoute({ need: "read", params: idPath }, async ({ params, actor }) => ({ others: await heartbeat(db(), params.id, actor) }));

export const DELETE = apiRoute({ need: "read", params: idPath }, async ({ params, actor }) => {
  await leave(db(), params.id, actor);
  return { ok: true };
});

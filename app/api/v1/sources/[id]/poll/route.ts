// POST /api/v1/sources/:id/poll - "poll now": the feed is due at once and a worker takes it on its next tick
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { getSource } from "@/lib/server/sources/list-sources";
import { requestPoll } from "@/lib/server/sources/save-source";
import * as api from "@/lib/schemas/v1/sources";

export const POST = v1Route(api.pollSource, async ({ actor, params }) => {
  await requestPoll(db(), params.id, actor);
  return getSource(db(), params.id, actor);
});

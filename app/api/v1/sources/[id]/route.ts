// PATCH /api/v1/sources/:id - change a feed; DELETE - stop polling it and forget it (its articles stay)
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { getSource } from "@/lib/server/sources/list-sources";
import { deleteSource, updateSource } from "@/lib/server/sources/save-source";
import { UnknownTagError } from "@/lib/server/sources/source-tags";
import * as api from "@/lib/schemas/v1/sources";

export const PATCH = v1Route(api.updateSource, async ({ actor, params, body }) => getSource(db(), (await updateSource(db(), params.id, body, actor)).id, actor), {
  refusals: [[UnknownTagError, 422]],
});

export const DELETE = v1Route(api.deleteSource, async ({ actor, params }) => {
  await deleteSource(db(), params.id, actor);
  return { id: params.id, deleted: true as const };
});

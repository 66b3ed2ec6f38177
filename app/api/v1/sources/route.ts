// GET, POST /api/v1/sources - the polled feeds with their health; add one
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { getSource, listSources } from "@/lib/server/sources/list-sources";
import { createSource } from "@/lib/server/sources/save-source";
import { UnknownTagError } from "@/lib/server/sources/source-tags";
import * as api from "@/lib/schemas/v1/sources";

export const GET = v1Route(api.listSources, async ({ actor }) => ({ items: await listSources(db(), actor) }));

export const POST = v1Route(api.createSource, async ({ actor, body }) => getSource(db(), (await createSource(db(), body, actor)).id, actor), {
  refusals: [[UnknownTagError, 422]],
});

// POST /api/v1/stories/:id/status - a whole story reviewed, spiked or new: {status, version of its lead}
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { setStoryStatus } from "@/lib/server/articles/set-statuses";
import * as api from "@/lib/schemas/v1/stories";

export const POST = v1Route(api.setStoryStatus, async ({ actor, params, body }) => setStoryStatus(db(), params.id, body.status, body.version, actor));

// POST /api/v1/articles/:id/status - one article reviewed, spiked or new: {status, version}
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { setStatus } from "@/lib/server/articles/set-status";
import { workflowStatus } from "@/lib/schemas/workflow";
import * as api from "@/lib/schemas/v1/articles";

export const POST = v1Route(api.setArticleStatus, async ({ actor, params, body }) => {
  const r = await setStatus(db(), params.id, body.status, body.version, actor);
  return { id: params.id, status: workflowStatus.parse(r.status), version: r.version };
});

// POST /api/articles/:id/tags - accept, reject, remove, add or restore a tag, or accept the confident suggestions
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { applyTagAction, TagError } from "@/lib/server/tags/decide-tag";
import { tagAction } from "@/lib/schemas/tags";
import { idPath } from "@/lib/schemas/ids";

export const POST = apiRoute({ need: "triage", params: idPath, body: tagAction, refusals: [[TagError, 422]] }, ({ params, body, actor }) =>
  applyTagAction(db(), params.id, body, actor),
);

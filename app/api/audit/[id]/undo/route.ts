// POST /api/audit/:id/undo - undo the editorial action recorded in audit entry :id
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { undoEntry, UndoError } from "@/lib/server/audit-undo";
import { idPath } from "@/lib/schemas/ids";

export const POST = apiRoute({ need: "triage", params: idPath, refusals: [[UndoError, 409]] }, async ({ params, actor }) => {
  await undoEntry(db(), params.id, actor);
  return { undone: params.id };
});

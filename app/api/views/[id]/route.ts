// DELETE /api/views/:id - delete a saved queue view
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { deleteView, ViewError } from "@/lib/server/views/saved-views";
import { idPath } from "@/lib/schemas/ids";

export const DELETE = apiRoute({ need: "read", params: idPath, refusals: [[ViewError, 404]] }, ({ params, actor }) => deleteView(db(), params.id, actor));

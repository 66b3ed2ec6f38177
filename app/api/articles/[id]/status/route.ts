// POST /api/articles/:id/status - mark reviewed, spike or reopen: {status, version}
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { setStatus } from "@/lib/server/articles/set-status";
import { statusChange } from "@/lib/schemas/articles";
import { idPath } from "@/lib/schemas/ids";

// A stale version is a 409 with the article as it is now, an unknown article a 404 (both mapped by the wrapper).
export const POST = apiRoute({ need: "triage", params: idPath, body: statusChange }, ({ params, body, actor }) =>
  setStatus(db(), params.id, body.status, body.version, actor),
);

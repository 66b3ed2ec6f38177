// POST /api/articles/status - one status for a selection: {status, items: [{id, version}]}
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { setStatuses } from "@/lib/server/articles/set-statuses";
import { bulkStatusChange } from "@/lib/schemas/articles";

export const POST = apiRoute({ need: "triage", body: bulkStatusChange }, ({ body, actor }) => setStatuses(db(), body, actor));

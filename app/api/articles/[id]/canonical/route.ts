// POST /api/articles/:id/canonical - make this article the copy its confirmed duplicate group keeps
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { chooseCanonical } from "@/lib/server/duplicates/decide-link";
import { idPath } from "@/lib/schemas/ids";

export const POST = apiRoute({ need: "triage", params: idPath }, ({ params, actor }) => chooseCanonical(db(), params.id, actor));

// POST /api/duplicates/:id - decide a duplicate link: { state: "confirmed" | "dismissed" | "suggested" }
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { decideLink, DecisionError } from "@/lib/server/duplicates/decide-link";
import { linkDecision } from "@/lib/schemas/duplicates";
import { idPath } from "@/lib/schemas/ids";

export const POST = apiRoute({ need: "triage", params: idPath, body: linkDecision, refusals: [[DecisionError, 404]] }, async ({ params, body, actor }) => {
  const link = await decideLink(db(), params.id, body.state, actor);
  return { id: link.id, state: link.state };
});

// POST /api/v1/duplicates/:id - confirm, dismiss or reopen a duplicate link: {decision}
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { decideLink, DecisionError } from "@/lib/server/duplicates/decide-link";
import { findLinkView } from "@/lib/server/duplicates/find-links";
import * as api from "@/lib/schemas/v1/duplicates";

const STATE = { confirm: "confirmed", dismiss: "dismissed", reopen: "suggested" } as const;

export const POST = v1Route(
  api.decideDuplicate,
  async ({ actor, params, body }) => {
    await decideLink(db(), params.id, STATE[body.decision], actor);
    return (await findLinkView(db(), params.id, actor))!;
  },
  { refusals: [[DecisionError, 404]] },
);

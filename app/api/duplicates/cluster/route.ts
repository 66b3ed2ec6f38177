// POST /api/duplicates/cluster - keep one copy of a cluster and mark the rest reviewed: {keep: articleId}
import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { DecisionError } from "@/lib/server/duplicates/decide-link";
import { resolveCluster } from "@/lib/server/duplicates/resolve-cluster";
import { idNumber } from "@/lib/schemas/ids";

const clusterKeep = z.object({ keep: idNumber });

export const POST = apiRoute({ need: "triage", body: clusterKeep, refusals: [[DecisionError, 422]] }, ({ body, actor }) => resolveCluster(db(), body.keep, actor));

// GET /api/v1/duplicates - duplicate links by state, kind and article, newest first
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { listLinks } from "@/lib/server/duplicates/find-links";
import * as api from "@/lib/schemas/v1/duplicates";

export const GET = v1Route(api.listDuplicates, async ({ actor, query }) => listLinks(db(), query, actor));

// GET /api/v1/tags?q= - countries, topics and newsroom tags whose names match
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { searchTags } from "@/lib/server/tags/taxonomy";
import * as api from "@/lib/schemas/v1/tags";

export const GET = v1Route(api.searchTags, async ({ actor, query }) => ({ items: await searchTags(db(), query.q, actor, query.limit) }));

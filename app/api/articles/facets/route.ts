// GET /api/articles/facets - counts per filter value (status, place, topic, source, duplicates) under the other active filters
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { articleFacets } from "@/lib/server/articles/article-facets";
import { articleFilterParams } from "@/lib/schemas/articles";

export const GET = apiRoute({ need: "read", query: articleFilterParams }, ({ query, actor }) => articleFacets(db(), query, actor));

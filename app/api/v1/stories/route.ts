// GET /api/v1/stories - the queue, one row a story, with the desk's filters and cursor
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { findArticles } from "@/lib/server/articles/find-articles";
import * as api from "@/lib/schemas/v1/stories";

export const GET = v1Route(api.listStories, async ({ actor, query }) => findArticles(db(), { ...query, view: "stories" }, actor));

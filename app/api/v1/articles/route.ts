// GET /api/v1/articles - every article as it arrived, with the desk's filters and cursor
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { findArticles } from "@/lib/server/articles/find-articles";
import * as api from "@/lib/schemas/v1/articles";

export const GET = v1Route(api.listArticles, async ({ actor, query }) => findArticles(db(), { ...query, view: "articles" }, actor));

// GET /api/v1/articles/:id - one article with its tags and evidence, story and duplicate links
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { ApiError } from "@/lib/server/http/problem";
import { articlePreview } from "@/lib/server/articles/article-preview";
import * as api from "@/lib/schemas/v1/articles";

export const GET = v1Route(api.getArticle, async ({ actor, params }) => {
  const a = await articlePreview(db(), params.id, actor);
  if (!a) throw new ApiError(404, `No article ${params.id}`, { kind: "not-found" });
  return a;
});

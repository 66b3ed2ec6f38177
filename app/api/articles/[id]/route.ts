// GET /api/articles/:id - one article for the queue's reading pane: text, tags with evidence, story, duplicates
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { articlePreview } from "@/lib/server/articles/article-preview";
import { NotFoundError } from "@/lib/server/articles/set-status";
import { idPath } from "@/lib/schemas/ids";

export const GET = apiRoute({ need: "read", params: idPath }, async ({ params, actor }) => {
  const a = await articlePreview(db(), params.id, actor);
  if (!a) throw new NotFoundError(`Article ${params.id} does not exist.`);
  return a;
});

// POST /api/stories/move - an editor places an article: {articleId, to: "alone" | {article: N}}
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { moveArticle, StoryMoveError } from "@/lib/server/stories/story-clusters";
import { storyMove } from "@/lib/schemas/stories";

export const POST = apiRoute({ need: "triage", body: storyMove, refusals: [[StoryMoveError, 404]] }, ({ body, actor }) => moveArticle(db(), body.articleId, body.to, actor));

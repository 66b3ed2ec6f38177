// POST /api/stories/move - an editor places an article: {articleId, to: "alone" | {article: N}}
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { guard, refusal } from "@/lib/server/auth/guard";
import { readJsonBody } from "@/lib/server/http/read-body";
import { storyMove } from "@/lib/schemas/stories";
import { moveArticle, StoryMoveError } from "@/lib/server/stories/story-clusters";

export async function POST(req: NextRequest) {
  const g = await guard(req, "triage", { contentType: "json" });
  if (g instanceof Response) return g;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const body = storyMove.safeParse(raw.json);
  if (!body.success) {
    return NextResponse.json({ error: 'expected {"articleId": N, "to": "alone" | {"article": N}}' }, { status: 400 });
  }
  try {
    return NextResponse.json(await moveArticle(db(), body.data.articleId, body.data.to, g.actor));
  } catch (e) {
    if (e instanceof StoryMoveError) return NextResponse.json({ error: e.message }, { status: 404 });
    return refusal(e);
  }
}

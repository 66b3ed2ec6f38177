// GET /api/articles/:id - one article for the queue's reading pane: text, tags with evidence, story, duplicates
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { guard, refusal } from "@/lib/server/auth/guard";
import { idFromPath } from "@/lib/server/http/ids";
import { articlePreview } from "@/lib/server/articles/article-preview";

export async function GET(req: NextRequest, ctx: RouteContext<"/api/articles/[id]">) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "article");
  if (id instanceof Response) return id;
  try {
    const a = await articlePreview(db(), id, g.actor);
    return a ? NextResponse.json(a) : NextResponse.json({ error: `Article ${id} does not exist.` }, { status: 404 });
  } catch (e) {
    return refusal(e);
  }
}

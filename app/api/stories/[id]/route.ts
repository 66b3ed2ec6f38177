// GET /api/stories/:id - a story: its articles oldest first, each with its kind and reason, and what each update changed
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { guard, refusal } from "@/lib/server/auth/guard";
import { idFromPath } from "@/lib/server/http/ids";
import { getStory, StoryNotFoundError } from "@/lib/server/stories/get-story";

export async function GET(req: NextRequest, ctx: RouteContext<"/api/stories/[id]">) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "story");
  if (id instanceof Response) return id;
  try {
    return NextResponse.json(await getStory(db(), id, g.actor));
  } catch (e) {
    if (e instanceof StoryNotFoundError) return NextResponse.json({ error: e.message }, { status: 404 });
    return refusal(e);
  }
}

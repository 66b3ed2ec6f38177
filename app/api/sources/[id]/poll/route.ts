// POST /api/sources/:id/poll - "poll now": the feed is due at once and a worker takes it on its next tick
import { guard, refusal } from "@/lib/server/auth/guard";
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { requestPoll } from "@/lib/server/sources/save-source";
import { sourceErrorResponse } from "@/lib/server/sources/errors";
import { idFromPath } from "@/lib/server/http/ids";

export async function POST(req: NextRequest, ctx: RouteContext<"/api/sources/[id]/poll">) {
  const g = await guard(req, "sources");
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "source");
  if (id instanceof Response) return id;
  try {
    await requestPoll(db(), id, g.actor);
    return NextResponse.json({ queued: true }, { status: 202 });
  } catch (e) {
    const res = sourceErrorResponse(e);
    if (res) return res;
    return refusal(e);
  }
}

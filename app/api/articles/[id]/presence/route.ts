// POST /api/articles/:id/presence - "I have this article open" (every 10 s); answers who else has. DELETE - closed it.
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { guard, jsonError } from "@/lib/server/auth/guard";
import { heartbeat, leave } from "@/lib/server/presence";
import { idParam } from "@/lib/schemas/duplicates";

export async function POST(req: NextRequest, ctx: RouteContext<"/api/articles/[id]/presence">) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const id = idParam.safeParse((await ctx.params).id);
  if (!id.success) return jsonError(400, "expected /api/articles/<id>/presence");
  const exists = await db().article.findUnique({ where: { id: id.data }, select: { id: true } });
  if (!exists) return jsonError(404, `No article ${id.data}`);
  return NextResponse.json({ others: await heartbeat(db(), id.data, g.actor) });
}

export async function DELETE(req: NextRequest, ctx: RouteContext<"/api/articles/[id]/presence">) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const id = idParam.safeParse((await ctx.params).id);
  if (!id.success) return jsonError(400, "expected /api/articles/<id>/presence");
  await leave(db(), id.data, g.actor);
  return NextResponse.json({ ok: true });
}

// POST /api/articles/:id/presence - "I have this article open" (every 10 s); answers who else has. DELETE - closed it.
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { guard, jsonError } from "@/lib/server/auth/guard";
import { heartbeat, leave } from "@/lib/server/presence";
import { idFromPath } from "@/lib/server/http/ids";

export async function POST(req: NextRequest, ctx: RouteContext<"/api/articles/[id]/presence">) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "article");
  if (id instanceof Response) return id;
  const exists = await db().article.findUnique({ where: { id }, select: { id: true } });
  if (!exists) return jsonError(404, `No article ${id}`);
  return NextResponse.json({ others: await heartbeat(db(), id, g.actor) });
}

export async function DELETE(req: NextRequest, ctx: RouteContext<"/api/articles/[id]/presence">) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "article");
  if (id instanceof Response) return id;
  await leave(db(), id, g.actor);
  return NextResponse.json({ ok: true });
}

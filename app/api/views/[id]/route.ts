// DELETE /api/views/:id - delete a saved queue view
import { guard, refusal } from "@/lib/server/auth/guard";
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db/client";
import { deleteView, ViewError } from "@/lib/server/views/saved-views";
import { idFromPath } from "@/lib/server/http/ids";

export async function DELETE(req: Request, ctx: RouteContext<"/api/views/[id]">) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "view");
  if (id instanceof Response) return id;
  try {
    return NextResponse.json(await deleteView(db(), id, g.actor));
  } catch (e) {
    if (e instanceof ViewError) return NextResponse.json({ error: e.message }, { status: 404 });
    return refusal(e);
  }
}

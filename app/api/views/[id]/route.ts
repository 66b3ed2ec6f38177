// DELETE /api/views/:id - delete a saved queue view
import { guard, refusal } from "@/lib/server/auth/guard";
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db/client";
import { deleteView, ViewError } from "@/lib/server/views/saved-views";
import { idParam } from "@/lib/schemas/duplicates";

export async function DELETE(req: Request, ctx: RouteContext<"/api/views/[id]">) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const id = idParam.safeParse((await ctx.params).id);
  if (!id.success) return NextResponse.json({ error: "expected /api/views/<id>" }, { status: 400 });
  try {
    return NextResponse.json(await deleteView(db(), id.data, g.actor));
  } catch (e) {
    if (e instanceof ViewError) return NextResponse.json({ error: e.message }, { status: 404 });
    return refusal(e);
  }
}

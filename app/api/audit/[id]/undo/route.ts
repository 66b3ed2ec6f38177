// POST /api/audit/:id/undo - undo the editorial decision recorded in audit entry :id
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db/client";
import { DecisionError, undoDecision } from "@/lib/server/duplicates/decide-link";
import { idParam } from "@/lib/schemas/duplicates";

export async function POST(_req: Request, ctx: RouteContext<"/api/audit/[id]/undo">) {
  const id = idParam.safeParse((await ctx.params).id);
  if (!id.success) return NextResponse.json({ error: "expected /api/audit/<id>/undo" }, { status: 400 });
  try {
    await undoDecision(db(), id.data, { name: "editor" });
    return NextResponse.json({ undone: id.data });
  } catch (e) {
    if (e instanceof DecisionError) return NextResponse.json({ error: e.message }, { status: 409 });
    throw e;
  }
}

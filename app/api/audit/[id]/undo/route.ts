// POST /api/audit/:id/undo - undo the editorial action recorded in audit entry :id
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db/client";
import { undoEntry, UndoError } from "@/lib/server/audit-undo";
import { idFromPath } from "@/lib/server/http/ids";
import { guard, jsonError, refusal } from "@/lib/server/auth/guard";

export async function POST(req: Request, ctx: RouteContext<"/api/audit/[id]/undo">) {
  const g = await guard(req, "triage");
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "audit entry");
  if (id instanceof Response) return id;
  try {
    await undoEntry(db(), id, g.actor);
    return NextResponse.json({ undone: id });
  } catch (e) {
    if (e instanceof UndoError) return jsonError(409, e.message);
    return refusal(e);
  }
}

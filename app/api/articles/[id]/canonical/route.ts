// POST /api/articles/:id/canonical - make this article the copy its confirmed duplicate group keeps
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db/client";
import { setCanonical } from "@/lib/server/duplicates/decide-link";
import { idParam } from "@/lib/schemas/duplicates";
import { guard, refusal } from "@/lib/server/auth/guard";

export async function POST(req: Request, ctx: RouteContext<"/api/articles/[id]/canonical">) {
  const g = await guard(req, "triage");
  if (g instanceof Response) return g;
  const id = idParam.safeParse((await ctx.params).id);
  if (!id.success) return NextResponse.json({ error: "expected /api/articles/<id>/canonical" }, { status: 400 });
  const exists = await db().article.findUnique({ where: { id: id.data }, select: { id: true } });
  if (!exists) return NextResponse.json({ error: `No article ${id.data}` }, { status: 404 });
  try {
    const group = await setCanonical(db(), id.data, g.actor);
    // The entry that undoes it (POST /api/audit/:id/undo).
    const entry = await db().auditEntry.findFirst({ where: { action: "group.canonical", entityId: String(id.data) }, orderBy: { id: "desc" }, select: { id: true } });
    return NextResponse.json({ canonical: group.canonical?.id ?? null, members: group.members.map((m) => m.id), auditId: entry?.id ?? null });
  } catch (e) {
    return refusal(e);
  }
}

// POST /api/articles/:id/canonical - make this article the copy its confirmed duplicate group keeps
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db/client";
import { setCanonical } from "@/lib/server/duplicates/decide-link";
import { idFromPath } from "@/lib/server/http/ids";
import { guard, refusal } from "@/lib/server/auth/guard";

export async function POST(req: Request, ctx: RouteContext<"/api/articles/[id]/canonical">) {
  const g = await guard(req, "triage");
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "article");
  if (id instanceof Response) return id;
  const exists = await db().article.findUnique({ where: { id }, select: { id: true } });
  if (!exists) return NextResponse.json({ error: `No article ${id}` }, { status: 404 });
  try {
    const group = await setCanonical(db(), id, g.actor);
    // The entry that undoes it (POST /api/audit/:id/undo).
    const entry = await db().auditEntry.findFirst({ where: { action: "group.canonical", entityId: String(id) }, orderBy: { id: "desc" }, select: { id: true } });
    return NextResponse.json({ canonical: group.canonical?.id ?? null, members: group.members.map((m) => m.id), auditId: entry?.id ?? null });
  } catch (e) {
    return refusal(e);
  }
}

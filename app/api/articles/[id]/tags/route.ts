// POST /api/articles/:id/tags - accept, reject, remove or add a tag: {action, tagId, version?} or {action: "add", scheme, code}
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { addTag, decideTag, removeTag, TagError } from "@/lib/server/tags/decide-tag";
import { idParam } from "@/lib/schemas/duplicates";
import { tagAction } from "@/lib/schemas/tags";
import { guard, refusal } from "@/lib/server/auth/guard";

export async function POST(req: NextRequest, ctx: RouteContext<"/api/articles/[id]/tags">) {
  const g = await guard(req, "triage", { contentType: "json" });
  if (g instanceof Response) return g;
  const id = idParam.safeParse((await ctx.params).id);
  const body = tagAction.safeParse(await req.json().catch(() => null));
  if (!id.success || !body.success) {
    return NextResponse.json(
      { error: 'expected {"action": "accept" | "reject" | "remove", "tagId": N, "version": N} or {"action": "add", "scheme": "medtop" | "iso3166" | "newsroom", "code": "..."}' },
      { status: 400 },
    );
  }
  const actor = g.actor;
  try {
    const b = body.data;
    if (b.action === "add") {
      const at = await addTag(db(), id.data, b.scheme, b.code, actor);
      return NextResponse.json({ ok: true, tagId: at.tagId, state: at.state, version: at.version });
    }
    if (b.action === "remove") {
      await removeTag(db(), id.data, b.tagId, actor, b.version);
      return NextResponse.json({ ok: true });
    }
    const at = await decideTag(db(), id.data, b.tagId, b.action === "accept" ? "accepted" : "rejected", actor, b.version);
    return NextResponse.json({ ok: true, tagId: at.tagId, state: at.state, version: at.version });
  } catch (e) {
    if (e instanceof TagError) return NextResponse.json({ error: e.message }, { status: 422 });
    return refusal(e);
  }
}

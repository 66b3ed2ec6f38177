// POST /api/articles/:id/tags - accept, reject, remove, add or restore a tag, or accept the confident suggestions
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { acceptSuggestions, addTag, decideTag, removeTag, restoreTag, TagError } from "@/lib/server/tags/decide-tag";
import { idFromPath } from "@/lib/server/http/ids";
import { tagAction } from "@/lib/schemas/tags";
import { guard, refusal } from "@/lib/server/auth/guard";
import { readJsonBody } from "@/lib/server/http/read-body";

export async function POST(req: NextRequest, ctx: RouteContext<"/api/articles/[id]/tags">) {
  const g = await guard(req, "triage", { contentType: "json" });
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "article");
  if (id instanceof Response) return id;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const body = tagAction.safeParse(raw.json);
  if (!body.success) {
    return NextResponse.json(
      {
        error:
          'expected {"action": "accept" | "reject" | "remove", "tagId": N, "version": N}, {"action": "add", "scheme": "medtop" | "iso3166" | "newsroom", "code": "..."}, {"action": "accept-suggestions"} or {"action": "restore", "tagId": N, "state": "suggested" | "accepted" | "rejected", "version": N}',
      },
      { status: 400 },
    );
  }
  const actor = g.actor;
  try {
    const b = body.data;
    if (b.action === "accept-suggestions") return NextResponse.json(await acceptSuggestions(db(), id, actor));
    if (b.action === "add") {
      const at = await addTag(db(), id, b.scheme, b.code, actor);
      return NextResponse.json({ ok: true, tagId: at.tagId, state: at.state, version: at.version });
    }
    if (b.action === "remove") {
      await removeTag(db(), id, b.tagId, actor, b.version);
      return NextResponse.json({ ok: true });
    }
    const at =
      b.action === "restore"
        ? await restoreTag(db(), id, b.tagId, b.state, actor, b.version)
        : await decideTag(db(), id, b.tagId, b.action === "accept" ? "accepted" : "rejected", actor, b.version);
    return NextResponse.json({ ok: true, tagId: at.tagId, state: at.state, version: at.version });
  } catch (e) {
    if (e instanceof TagError) return NextResponse.json({ error: e.message }, { status: 422 });
    return refusal(e);
  }
}

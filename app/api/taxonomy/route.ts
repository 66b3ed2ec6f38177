// POST /api/taxonomy - rename or hide a topic, or add a newsroom tag under one
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { addNewsroomTag, renameTag, setHidden } from "@/lib/server/tags/taxonomy";
import { TagError } from "@/lib/server/tags/decide-tag";
import { taxonomyChange } from "@/lib/schemas/tags";
import { guard, refusal } from "@/lib/server/auth/guard";
import { readJsonBody } from "@/lib/server/http/read-body";

export async function POST(req: NextRequest) {
  const g = await guard(req, "taxonomy", { contentType: "json" });
  if (g instanceof Response) return g;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const body = taxonomyChange.safeParse(raw.json);
  if (!body.success) return NextResponse.json({ error: body.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }, { status: 400 });
  const actor = g.actor;
  try {
    const b = body.data;
    const tag =
      b.action === "rename" ? await renameTag(db(), b.tagId, b.name, actor)
      : b.action === "hide" ? await setHidden(db(), b.tagId, b.hidden, actor)
      : await addNewsroomTag(db(), b.parentId, b.name, actor);
    return NextResponse.json({ id: tag.id, code: tag.code, name: tag.name, hidden: tag.hidden });
  } catch (e) {
    if (e instanceof TagError) return NextResponse.json({ error: e.message }, { status: 422 });
    return refusal(e);
  }
}

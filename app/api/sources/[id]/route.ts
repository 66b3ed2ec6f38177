// PATCH /api/sources/:id - change a feed's name, URL, default tags, interval or enabled flag; DELETE - remove it
import { guard, refusal } from "@/lib/server/auth/guard";
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { deleteSource, updateSource } from "@/lib/server/sources/save-source";
import { sourceErrorResponse } from "@/lib/server/sources/errors";
import { sourceUpdate } from "@/lib/schemas/sources";
import { idFromPath } from "@/lib/server/http/ids";
import { readJsonBody } from "@/lib/server/http/read-body";

export async function PATCH(req: NextRequest, ctx: RouteContext<"/api/sources/[id]">) {
  const g = await guard(req, "sources", { contentType: "json" });
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "source");
  if (id instanceof Response) return id;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const body = sourceUpdate.safeParse(raw.json);
  if (!body.success) return sourceErrorResponse(body.error)!;
  try {
    const s = await updateSource(db(), id, body.data, g.actor);
    return NextResponse.json({ id: s.id, name: s.name, enabled: s.enabled });
  } catch (e) {
    const res = sourceErrorResponse(e);
    if (res) return res;
    return refusal(e);
  }
}

export async function DELETE(req: NextRequest, ctx: RouteContext<"/api/sources/[id]">) {
  const g = await guard(req, "sources");
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "source");
  if (id instanceof Response) return id;
  try {
    await deleteSource(db(), id, g.actor);
    return new NextResponse(null, { status: 204 });
  } catch (e) {
    const res = sourceErrorResponse(e);
    if (res) return res;
    return refusal(e);
  }
}

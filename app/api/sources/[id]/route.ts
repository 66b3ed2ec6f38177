// PATCH /api/sources/:id - change a feed's name, URL, default tags, interval or enabled flag; DELETE - remove it
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { deleteSource, updateSource } from "@/lib/server/sources/save-source";
import { sourceRefusals } from "@/lib/server/sources/errors";
import { sourceUpdate } from "@/lib/schemas/sources";
import { idPath } from "@/lib/schemas/ids";

export const PATCH = apiRoute({ need: "sources", params: idPath, body: sourceUpdate, refusals: sourceRefusals }, async ({ params, body, actor }) => {
  const s = await updateSource(db(), params.id, body, actor);
  return { id: s.id, name: s.name, enabled: s.enabled };
});

export const DELETE = apiRoute({ need: "sources", params: idPath, refusals: sourceRefusals }, async ({ params, actor }) => {
  await deleteSource(db(), params.id, actor);
  return new NextResponse(null, { status: 204 });
});

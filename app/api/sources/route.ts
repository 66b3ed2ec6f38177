// GET /api/sources - polled feeds with their health; POST - add a feed {name, feedUrl, defaultTags, pollMinutes, enabled}
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { listSources } from "@/lib/server/sources/list-sources";
import { createSource } from "@/lib/server/sources/save-source";
import { sourceRefusals } from "@/lib/server/sources/errors";
import { sourceInput } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ need: "sources" }, async ({ actor }) => ({ items: await listSources(db(), actor) }));

export const POST = apiRoute({ need: "sources", body: sourceInput, refusals: sourceRefusals }, async ({ body, actor }) => {
  const s = await createSource(db(), body, actor);
  return NextResponse.json({ id: s.id, name: s.name }, { status: 201 });
});

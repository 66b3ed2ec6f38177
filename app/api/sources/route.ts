// GET /api/sources - polled feeds with their health; POST - add a feed {name, feedUrl, defaultTags, pollMinutes, enabled}
import { guard, refusal } from "@/lib/server/auth/guard";
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { listSources } from "@/lib/server/sources/list-sources";
import { createSource } from "@/lib/server/sources/save-source";
import { sourceErrorResponse } from "@/lib/server/sources/errors";
import { sourceInput } from "@/lib/schemas/sources";
import { readJsonBody } from "@/lib/server/http/read-body";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  const g = await guard(req, "sources");
  if (g instanceof Response) return g;
  return NextResponse.json({ items: await listSources(db(), g.actor) });
}

export async function POST(req: NextRequest) {
  const g = await guard(req, "sources", { contentType: "json" });
  if (g instanceof Response) return g;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const body = sourceInput.safeParse(raw.json);
  if (!body.success) return sourceErrorResponse(body.error)!;
  try {
    const s = await createSource(db(), body.data, g.actor);
    return NextResponse.json({ id: s.id, name: s.name }, { status: 201 });
  } catch (e) {
    const res = sourceErrorResponse(e);
    if (res) return res;
    return refusal(e);
  }
}

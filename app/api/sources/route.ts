// GET /api/sources - polled feeds with their health; POST - add a feed {name, feedUrl, defaultTags, pollMinutes, enabled}
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { listSources } from "@/lib/server/sources/list-sources";
import { createSource } from "@/lib/server/sources/save-source";
import { sourceErrorResponse } from "@/lib/server/sources/errors";
import { sourceInput } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

export async function GET() {
  return NextResponse.json({ items: await listSources(db()) });
}

export async function POST(req: NextRequest) {
  const body = sourceInput.safeParse(await req.json().catch(() => null));
  if (!body.success) return sourceErrorResponse(body.error)!;
  try {
    const s = await createSource(db(), body.data, { name: "admin" });
    return NextResponse.json({ id: s.id, name: s.name }, { status: 201 });
  } catch (e) {
    const res = sourceErrorResponse(e);
    if (res) return res;
    throw e;
  }
}

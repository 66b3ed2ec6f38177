// GET /api/sources/opml - the polled feeds as an OPML file; POST - import an OPML file (the request body), ?pollMinutes=
import { NextResponse, type NextRequest } from "next/server";
import { guard, refusal } from "@/lib/server/auth/guard";
import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { exportOpml, importOpml } from "@/lib/server/sources/opml-sources";
import { sourceErrorResponse } from "@/lib/server/sources/errors";
import { BODY_LIMITS, readTextBody } from "@/lib/server/http/read-body";

export const dynamic = "force-dynamic";

const importParams = z.object({ pollMinutes: z.coerce.number().int().min(1).max(1440).default(15) });

export async function GET(req: NextRequest) {
  const g = await guard(req, "sources");
  if (g instanceof Response) return g;
  return new NextResponse(await exportOpml(db(), g.actor), {
    headers: { "content-type": "text/x-opml; charset=utf-8", "content-disposition": 'attachment; filename="wiredesk-sources.opml"' },
  });
}

export async function POST(req: NextRequest) {
  const g = await guard(req, "sources");
  if (g instanceof Response) return g;
  const params = importParams.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!params.success) return NextResponse.json({ error: "pollMinutes: expected 1 to 1440" }, { status: 400 });
  const body = await readTextBody(req, BODY_LIMITS.opml);
  if (body instanceof Response) return body;
  const text = body.text;
  if (!text.trim()) return NextResponse.json({ error: "expected an OPML file as the request body" }, { status: 400 });
  try {
    return NextResponse.json(await importOpml(db(), text, g.actor, { pollMinutes: params.data.pollMinutes }));
  } catch (e) {
    const res = sourceErrorResponse(e);
    if (res) return res;
    return refusal(e);
  }
}

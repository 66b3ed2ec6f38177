// GET /api/sources/opml - the polled feeds as an OPML file; POST - import an OPML file (the request body), ?pollMinutes=
import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { ApiError } from "@/lib/server/http/problem";
import { BODY_LIMITS, readBodyBytes } from "@/lib/server/http/read-body";
import { exportOpml, importOpml } from "@/lib/server/sources/opml-sources";
import { sourceRefusals } from "@/lib/server/sources/errors";

export const dynamic = "force-dynamic";

const importParams = z.object({ pollMinutes: z.coerce.number().int().min(1).max(1440).default(15) });

export const GET = apiRoute({ need: "sources" }, async ({ actor }) =>
  new NextResponse(await exportOpml(db(), actor), {
    headers: { "content-type": "text/x-opml; charset=utf-8", "content-disposition": 'attachment; filename="wiredesk-sources.opml"' },
  }),
);

// The body is the OPML file itself (any text type), read here up to its own limit; past it, 413.
export const POST = apiRoute({ need: "sources", query: importParams, refusals: sourceRefusals }, async ({ req, query, actor }) => {
  const text = new TextDecoder().decode(await readBodyBytes(req, BODY_LIMITS.opml));
  if (!text.trim()) throw new ApiError(400, "expected an OPML file as the request body");
  return importOpml(db(), text, actor, { pollMinutes: query.pollMinutes });
});

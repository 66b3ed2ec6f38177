// POST /api/sources/:id/poll - "poll now": the feed is due at once and a worker takes it on its next tick
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { requestPoll } from "@/lib/server/sources/save-source";
import { sourceRefusals } from "@/lib/server/sources/errors";
import { idPath } from "@/lib/schemas/ids";

export const POST = apiRoute({ need: "sources", params: idPath, refusals: sourceRefusals }, async ({ params, actor }) => {
  await requestPoll(db(), params.id, actor);
  return NextResponse.json({ queued: true }, { status: 202 });
});

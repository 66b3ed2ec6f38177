// POST /api/articles/:id/status - mark reviewed, spike or reopen: {status, version}
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { NotFoundError, setStatus, StaleWriteError } from "@/lib/server/articles/set-status";
import { statusChange } from "@/lib/schemas/articles";
import { idFromPath } from "@/lib/server/http/ids";
import { guard, refusal } from "@/lib/server/auth/guard";
import { readJsonBody } from "@/lib/server/http/read-body";

export async function POST(req: NextRequest, ctx: RouteContext<"/api/articles/[id]/status">) {
  const g = await guard(req, "triage", { contentType: "json" });
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "article");
  if (id instanceof Response) return id;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const body = statusChange.safeParse(raw.json);
  if (!body.success) {
    return NextResponse.json({ error: 'expected {"status": "new" | "reviewed" | "spiked", "version": N}' }, { status: 400 });
  }
  try {
    return NextResponse.json(await setStatus(db(), id, body.data.status, body.data.version, g.actor));
  } catch (e) {
    if (e instanceof StaleWriteError) return NextResponse.json({ error: e.message, current: e.current }, { status: 409 });
    if (e instanceof NotFoundError) return NextResponse.json({ error: e.message }, { status: 404 });
    return refusal(e);
  }
}

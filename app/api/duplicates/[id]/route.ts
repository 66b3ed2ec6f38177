// POST /api/duplicates/:id - decide a duplicate link: { state: "confirmed" | "dismissed" | "suggested" }
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { decideLink, DecisionError } from "@/lib/server/duplicates/decide-link";
import { linkDecision } from "@/lib/schemas/duplicates";
import { idFromPath } from "@/lib/server/http/ids";
import { guard, refusal } from "@/lib/server/auth/guard";
import { readJsonBody } from "@/lib/server/http/read-body";

export async function POST(req: NextRequest, ctx: RouteContext<"/api/duplicates/[id]">) {
  const g = await guard(req, "triage", { contentType: "json" });
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "link");
  if (id instanceof Response) return id;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const body = linkDecision.safeParse(raw.json);
  if (!body.success) {
    return NextResponse.json({ error: 'expected /api/duplicates/<id> with {"state": "confirmed" | "dismissed" | "suggested"}' }, { status: 400 });
  }
  try {
    const link = await decideLink(db(), id, body.data.state, g.actor);
    return NextResponse.json({ id: link.id, state: link.state });
  } catch (e) {
    if (e instanceof DecisionError) return NextResponse.json({ error: e.message }, { status: 404 });
    return refusal(e);
  }
}

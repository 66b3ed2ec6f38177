// POST /api/duplicates/cluster - keep one copy of a cluster and mark the rest reviewed: {keep: articleId}
import { guard, refusal } from "@/lib/server/auth/guard";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { DecisionError } from "@/lib/server/duplicates/decide-link";
import { resolveCluster } from "@/lib/server/duplicates/resolve-cluster";
import { readJsonBody } from "@/lib/server/http/read-body";

const body = z.object({ keep: z.number().int().positive() });

export async function POST(req: NextRequest) {
  const g = await guard(req, "triage", { contentType: "json" });
  if (g instanceof Response) return g;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const b = body.safeParse(raw.json);
  if (!b.success) return NextResponse.json({ error: 'expected {"keep": <article id>}' }, { status: 400 });
  try {
    return NextResponse.json(await resolveCluster(db(), b.data.keep, g.actor));
  } catch (e) {
    if (e instanceof DecisionError) return NextResponse.json({ error: e.message }, { status: 422 });
    return refusal(e);
  }
}

// POST /api/articles/status - one status for a selection: {status, items: [{id, version}]}
import { guard, refusal } from "@/lib/server/auth/guard";
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { setStatuses } from "@/lib/server/articles/set-statuses";
import { bulkStatusChange } from "@/lib/schemas/articles";
import { readJsonBody } from "@/lib/server/http/read-body";

export async function POST(req: NextRequest) {
  const g = await guard(req, "triage", { contentType: "json" });
  if (g instanceof Response) return g;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const body = bulkStatusChange.safeParse(raw.json);
  if (!body.success) {
    return NextResponse.json(
      { error: 'expected {"status": "new" | "reviewed" | "spiked", "items": [{"id": N, "version": N}, ...]} with 1 to 500 items' },
      { status: 400 },
    );
  }
  try {
    return NextResponse.json(await setStatuses(db(), body.data, g.actor));
  } catch (e) {
    return refusal(e);
  }
}

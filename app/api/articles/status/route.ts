// POST /api/articles/status - one status for a selection: {status, items: [{id, version}]}
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { setStatuses } from "@/lib/server/articles/set-statuses";
import { bulkStatusChange } from "@/lib/schemas/articles";

export async function POST(req: NextRequest) {
  const body = bulkStatusChange.safeParse(await req.json().catch(() => null));
  if (!body.success) {
    return NextResponse.json(
      { error: 'expected {"status": "new" | "reviewed" | "spiked", "items": [{"id": N, "version": N}, ...]} with 1 to 500 items' },
      { status: 400 },
    );
  }
  return NextResponse.json(await setStatuses(db(), body.data, { name: "editor" }));
}

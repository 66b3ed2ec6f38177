// GET /api/views - the saved queue views; POST /api/views - save one: {name, query}
import { guard, refusal } from "@/lib/server/auth/guard";
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { listViews, saveView, ViewError } from "@/lib/server/views/saved-views";
import { savedViewInput } from "@/lib/schemas/views";
import { readJsonBody } from "@/lib/server/http/read-body";

export async function GET(req: NextRequest) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  return NextResponse.json({ items: await listViews(db(), g.actor) });
}

export async function POST(req: NextRequest) {
  const g = await guard(req, "read", { contentType: "json" });
  if (g instanceof Response) return g;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const body = savedViewInput.safeParse(raw.json);
  if (!body.success) {
    return NextResponse.json({ error: body.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") }, { status: 400 });
  }
  try {
    return NextResponse.json(await saveView(db(), body.data, g.actor), { status: 201 });
  } catch (e) {
    if (e instanceof ViewError) return NextResponse.json({ error: e.message }, { status: 409 });
    return refusal(e);
  }
}

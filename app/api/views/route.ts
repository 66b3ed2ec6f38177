// GET /api/views - the saved queue views; POST /api/views - save one: {name, query}
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { listViews, saveView, ViewError } from "@/lib/server/views/saved-views";
import { savedViewInput } from "@/lib/schemas/views";

const actor = { name: "editor" };

export async function GET() {
  return NextResponse.json({ items: await listViews(db(), actor) });
}

export async function POST(req: NextRequest) {
  const body = savedViewInput.safeParse(await req.json().catch(() => null));
  if (!body.success) {
    return NextResponse.json({ error: body.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") }, { status: 400 });
  }
  try {
    return NextResponse.json(await saveView(db(), body.data, actor), { status: 201 });
  } catch (e) {
    if (e instanceof ViewError) return NextResponse.json({ error: e.message }, { status: 409 });
    throw e;
  }
}

// GET /api/views - the saved queue views; POST /api/views - save one: {name, query}
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { listViews, saveView, ViewError } from "@/lib/server/views/saved-views";
import { savedViewInput } from "@/lib/schemas/views";

export const GET = apiRoute({ need: "read" }, async ({ actor }) => ({ items: await listViews(db(), actor) }));

export const POST = apiRoute({ need: "read", body: savedViewInput, refusals: [[ViewError, 409]] }, async ({ body, actor }) =>
  NextResponse.json(await saveView(db(), body, actor), { status: 201 }),
);

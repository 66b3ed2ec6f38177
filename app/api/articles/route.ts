// GET /api/articles - the queue, newest first, keyset-paginated (?status=&place=&topic=&source=&since=&until=&range=&duplicates=&q=&cursor=&limit=)
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { findArticlesJson } from "@/lib/server/articles/find-articles";
import { articleListParams } from "@/lib/schemas/articles";
import { guard } from "@/lib/server/auth/guard";

export async function GET(req: NextRequest) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const parsed = articleListParams.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) {
    return NextResponse.json(
      { error: "invalid query", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
      { status: 400 },
    );
  }
  // The store builds the page's JSON (find-articles.ts): sent as it comes, not parsed and serialized again.
  return new NextResponse(await findArticlesJson(db(), parsed.data, g.actor), { headers: { "content-type": "application/json" } });
}

// GET /api/articles/facets - counts per filter value (status, place, topic, source, duplicates) under the other active filters
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { articleFacets } from "@/lib/server/articles/article-facets";
import { articleFilterParams } from "@/lib/schemas/articles";
import { guard } from "@/lib/server/auth/guard";

export async function GET(req: NextRequest) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const parsed = articleFilterParams.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) {
    return NextResponse.json(
      { error: "invalid query", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
      { status: 400 },
    );
  }
  return NextResponse.json(await articleFacets(db(), parsed.data, g.actor));
}

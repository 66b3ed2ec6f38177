// GET /api/tags?q= - topics, newsroom tags and countries whose names match, for the tag typeahead
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { findCountries, findTags } from "@/lib/server/tags/taxonomy";
import { tagSearch } from "@/lib/schemas/tags";
import { guard } from "@/lib/server/auth/guard";

export async function GET(req: NextRequest) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const p = tagSearch.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!p.success) return NextResponse.json({ error: "expected ?q=<at least one character>" }, { status: 400 });
  const tags = await findTags(db(), p.data.q, g.actor, p.data.limit);
  const countries = findCountries(p.data.q, 5);
  return NextResponse.json({ items: [...countries, ...tags.map((t) => ({ scheme: t.scheme, code: t.code, name: t.name }))].slice(0, p.data.limit) });
}

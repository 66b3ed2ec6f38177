// GET /api/articles - the queue, newest first, keyset-paginated (?status=&place=&topic=&source=&since=&until=&range=&duplicates=&q=&cursor=&limit=)
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { findArticlesJson } from "@/lib/server/articles/find-articles";
import { articleListParams } from "@/lib/schemas/articles";

// The store builds the page's JSON (find-articles.ts): sent as it comes, not parsed and serialized again.
export const GET = apiRoute({ need: "read", query: articleListParams }, async ({ query, actor }) =>
  new NextResponse(await findArticlesJson(db(), query, actor), { headers: { "content-type": "application/json" } }),
);

// GET /api/tags?q= - topics, newsroom tags and countries whose names match, for the tag typeahead
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { findCountries, findTags } from "@/lib/server/tags/taxonomy";
import { tagSearch } from "@/lib/schemas/tags";

export const GET = apiRoute({ need: "read", query: tagSearch }, async ({ query, actor }) => {
  const tags = await findTags(db(), query.q, actor, query.limit);
  const countries = findCountries(query.q, 5);
  return { items: [...countries, ...tags.map((t) => ({ scheme: t.scheme, code: t.code, name: t.name }))].slice(0, query.limit) };
});

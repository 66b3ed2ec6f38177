// POST /api/v1/tags/suggest - what ingest's tagger suggests for a text, with evidence; nothing stored
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { BODY_LIMITS } from "@/lib/server/http/read-body";
import { suggestForText } from "@/lib/server/tags/apply-suggestions";
import * as api from "@/lib/schemas/v1/tags";

export const POST = v1Route(
  api.suggestTags,
  async ({ actor, body }) => suggestForText(db(), { headline: body.headline, bodyText: body.body, ...(body.dateline ? { dateline: body.dateline } : {}) }, actor),
  // A whole article's text (the schema bounds the body at 100,000 characters, some of them multi-byte).
  { bodyLimit: Math.max(BODY_LIMITS.json, 512 * 1024) },
);

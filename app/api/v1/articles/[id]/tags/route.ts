// POST /api/v1/articles/:id/tags - accept or reject a tag, or add one: the tag as it now is
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { addTag, decideTag, TagError, TagNotFoundError } from "@/lib/server/tags/decide-tag";
import { tagView } from "@/lib/server/articles/article-preview";
import * as api from "@/lib/schemas/v1/tags";

export const POST = v1Route(
  api.decideArticleTag,
  async ({ actor, params, body }) => {
    const at =
      body.action === "add"
        ? await addTag(db(), params.id, body.scheme, body.code, actor)
        : await decideTag(db(), params.id, body.tagId, body.action === "accept" ? "accepted" : "rejected", actor, body.version);
    return tagView(at);
  },
  // A missing article or tag is 404; a code that names no tag is the body's fault.
  { refusals: [[TagNotFoundError, 404], [TagError, 422]] },
);

// POST /api/taxonomy - rename or hide a topic, or add a newsroom tag under one
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { changeTaxonomy } from "@/lib/server/tags/taxonomy";
import { TagError } from "@/lib/server/tags/decide-tag";
import { taxonomyChange } from "@/lib/schemas/tags";

export const POST = apiRoute({ need: "taxonomy", body: taxonomyChange, refusals: [[TagError, 422]] }, ({ body, actor }) => changeTaxonomy(db(), body, actor));

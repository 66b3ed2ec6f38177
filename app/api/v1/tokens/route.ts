// GET, POST /api/v1/tokens - list and make API tokens (signed-in admins)
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { createToken, listTokens } from "@/lib/server/auth/tokens";
import * as api from "@/lib/schemas/v1/tokens";

export const GET = v1Route(api.listTokens, async ({ actor }) => ({ tokens: await listTokens(db(), actor) }));
export const POST = v1Route(api.createToken, async ({ actor, body }) => createToken(db(), actor, body));

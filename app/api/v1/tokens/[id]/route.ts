// DELETE /api/v1/tokens/:id - revoke an API token (signed-in admins)
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { revokeToken } from "@/lib/server/auth/tokens";
import * as api from "@/lib/schemas/v1/tokens";

export const DELETE = v1Route(api.revokeToken, async ({ actor, params }) => revokeToken(db(), actor, params.id));

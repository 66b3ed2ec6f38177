// POST /api/users/:id - change a user's role, name, or disable them: {role?, disabled?, name?} (admin)
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { changeUser, UserError } from "@/lib/server/users";
import { userChange } from "@/lib/schemas/users";
import { idPath } from "@/lib/schemas/ids";

export const POST = apiRoute({ need: "users", params: idPath, body: userChange, refusals: [[UserError, 409]] }, async ({ params, body, actor }) => ({
  user: await changeUser(db(), params.id, body, actor),
}));

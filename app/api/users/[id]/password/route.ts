// POST /api/users/:id/password - set a user's password: {password} to choose it, {} to have one generated and answered once (admin)
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { resetPassword, UserError } from "@/lib/server/users";
import { passwordReset } from "@/lib/schemas/users";
import { idPath } from "@/lib/schemas/ids";

export const POST = apiRoute({ need: "users", params: idPath, body: passwordReset, refusals: [[UserError, 404]] }, async ({ params, body, actor }) => {
  const r = await resetPassword(db(), params.id, body.password, actor);
  return r.generated ? { password: r.generated } : { ok: true };
});

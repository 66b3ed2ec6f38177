// POST /api/users/:id/password - set a user's password: {password} to choose it, {} to have one generated and answered once (admin)
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { guard, jsonError, refusal } from "@/lib/server/auth/guard";
import { resetPassword, UserError } from "@/lib/server/users";
import { passwordReset } from "@/lib/schemas/users";
import { idFromPath } from "@/lib/server/http/ids";
import { readJsonBody } from "@/lib/server/http/read-body";

export async function POST(req: NextRequest, ctx: RouteContext<"/api/users/[id]/password">) {
  const g = await guard(req, "users", { contentType: "json" });
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "user");
  if (id instanceof Response) return id;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const body = passwordReset.safeParse(raw.json);
  if (!body.success) {
    const why = body.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    return jsonError(400, `expected /api/users/<id>/password with {"password": "..."} or {} to generate one (${why})`);
  }
  try {
    const r = await resetPassword(db(), id, body.data.password, g.actor);
    return NextResponse.json(r.generated ? { password: r.generated } : { ok: true });
  } catch (e) {
    if (e instanceof UserError) return jsonError(404, e.message);
    return refusal(e);
  }
}

// POST /api/users/:id - change a user's role, name, or disable them: {role?, disabled?, name?} (admin)
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { guard, jsonError, refusal } from "@/lib/server/auth/guard";
import { changeUser, UserError } from "@/lib/server/users";
import { userChange } from "@/lib/schemas/users";
import { idFromPath } from "@/lib/server/http/ids";
import { readJsonBody } from "@/lib/server/http/read-body";

export async function POST(req: NextRequest, ctx: RouteContext<"/api/users/[id]">) {
  const g = await guard(req, "users", { contentType: "json" });
  if (g instanceof Response) return g;
  const id = idFromPath((await ctx.params).id, "user");
  if (id instanceof Response) return id;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const body = userChange.safeParse(raw.json);
  if (!body.success) {
    const why = body.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    return jsonError(400, `expected /api/users/<id> with {"role": "admin" | "editor" | "viewer"}, {"disabled": true | false} and/or {"name": "..."} (${why})`);
  }
  try {
    return NextResponse.json({ user: await changeUser(db(), id, body.data, g.actor) });
  } catch (e) {
    if (e instanceof UserError) return jsonError(409, e.message);
    return refusal(e);
  }
}

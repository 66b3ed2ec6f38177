// GET /api/users - the desk's users (admin); POST /api/users - create one: {email, name, role, password?}
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { guard, jsonError, refusal } from "@/lib/server/auth/guard";
import { createUser, generatePassword, listUsers, UserError } from "@/lib/server/users";
import { newUser } from "@/lib/schemas/users";
import { readJsonBody } from "@/lib/server/http/read-body";

export async function GET(req: NextRequest) {
  const g = await guard(req, "users");
  if (g instanceof Response) return g;
  return NextResponse.json({ items: await listUsers(db(), g.actor) });
}

export async function POST(req: NextRequest) {
  const g = await guard(req, "users", { contentType: "json" });
  if (g instanceof Response) return g;
  const raw = await readJsonBody(req);
  if (raw instanceof Response) return raw;
  const body = newUser.safeParse(raw.json);
  if (!body.success) return jsonError(400, body.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  const password = body.data.password ?? generatePassword();
  try {
    const user = await createUser(db(), { ...body.data, password }, g.actor);
    // A generated password is shown once, to the admin who created the account.
    return NextResponse.json({ user, ...(body.data.password ? {} : { password }) }, { status: 201 });
  } catch (e) {
    if (e instanceof UserError) return jsonError(409, e.message);
    return refusal(e);
  }
}

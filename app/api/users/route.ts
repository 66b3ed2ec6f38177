// GET /api/users - the desk's users (admin); POST /api/users - create one: {email, name, role, password?}
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { createUser, generatePassword, listUsers, UserError } from "@/lib/server/users";
import { newUser } from "@/lib/schemas/users";

export const GET = apiRoute({ need: "users" }, async ({ actor }) => ({ items: await listUsers(db(), actor) }));

export const POST = apiRoute({ need: "users", body: newUser, refusals: [[UserError, 409]] }, async ({ body, actor }) => {
  const password = body.password ?? generatePassword();
  const user = await createUser(db(), { ...body, password }, actor);
  // A generated password is shown once, to the admin who created the account.
  return NextResponse.json({ user, ...(body.password ? {} : { password }) }, { status: 201 });
});

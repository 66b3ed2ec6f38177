// GET|POST /api/auth/* - better-auth: sign in with email and password, sign out, session (rate-limited, origin-checked)
import { toNextJsHandler } from "better-auth/next-js";
import { db } from "@/lib/server/db/client";
import { authFor } from "@/lib/server/auth/auth";
import { withoutSecrets } from "@/lib/server/auth/responses";

// Built on first request, not at import: the build has no secret to sign with.
const handler = () => toNextJsHandler(authFor(db()));

export const GET = async (req: Request) => withoutSecrets(await handler().GET(req));
export const POST = async (req: Request) => withoutSecrets(await handler().POST(req));

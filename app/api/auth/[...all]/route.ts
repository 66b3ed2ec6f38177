// GET|POST /api/auth/* - better-auth: sign in with email and password, sign out, session (rate-limited, origin-checked)
import { toNextJsHandler } from "better-auth/next-js";
import { db } from "@/lib/server/db/client";
import { authFor } from "@/lib/server/auth/auth";
import { withoutSecrets } from "@/lib/server/auth/responses";
import { BODY_LIMITS, withBufferedBody } from "@/lib/server/http/read-body";

// Built on first request, not at import: the build has no secret to sign with.
const handler = () => toNextJsHandler(authFor(db()));

export const GET = async (req: Request) => withoutSecrets(await handler().GET(req));
// better-auth reads the body itself, in full: it gets a copy read up to the limit.
export const POST = async (req: Request) => {
  const capped = await withBufferedBody(req, BODY_LIMITS.auth);
  if (capped instanceof Response) return capped;
  return withoutSecrets(await handler().POST(capped));
};

// better-auth answers sign-in and session requests with the session token
// and user row in the body. The token already travels in an httpOnly cookie;
// in a body page scripts could read it, so it is taken out, and the user is
// cut down to what the desk shows.
const USER_FIELDS = ["id", "email", "name", "role"] as const;

function clean(value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  const v = { ...(value as Record<string, unknown>) };
  delete v.token;
  if (v.session && typeof v.session === "object") {
    const s = { ...(v.session as Record<string, unknown>) };
    delete s.token;
    delete s.ipAddress;
    delete s.userAgent;
    v.session = s;
  }
  if (v.user && typeof v.user === "object") {
    const u = v.user as Record<string, unknown>;
    v.user = Object.fromEntries(USER_FIELDS.filter((k) => k in u).map((k) => [k, u[k]]));
  }
  return v;
}

export async function withoutSecrets(res: Response): Promise<Response> {
  if (!/application\/json/.test(res.headers.get("content-type") ?? "")) return res;
  const body = await res.clone().json().catch(() => undefined);
  if (body === undefined) return res;
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(clean(body)), { status: res.status, statusText: res.statusText, headers });
}

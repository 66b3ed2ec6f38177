// better-auth answers sign-in and session requests with the session token
// and user row in the body. The token already travels in an httpOnly cookie;
// in a body page scripts could read it, so it is taken out, and the user is
// cut down to what the desk shows.
import "server-only";
const USER_FIELDS = ["id", "email", "name", "role"] as const;
/** Never in a body, at any depth: session tokens and any other credential better-auth might return. */
const SECRET_KEYS = new Set(["token", "accessToken", "refreshToken", "idToken", "password"]);

/** The body without secrets, at every depth; arrays stay arrays (list-sessions answers one). */
export function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_KEYS.has(k)) continue;
    if (k === "user" && v && typeof v === "object" && !Array.isArray(v)) {
      const u = v as Record<string, unknown>;
      out[k] = Object.fromEntries(USER_FIELDS.filter((f) => f in u).map((f) => [f, u[f]]));
    } else if (k === "session" && v && typeof v === "object" && !Array.isArray(v)) {
      const session = clean(v) as Record<string, unknown>;
      delete session.ipAddress;
      delete session.userAgent;
      out[k] = session;
    } else {
      out[k] = clean(v);
    }
  }
  return out;
}

export async function withoutSecrets(res: Response): Promise<Response> {
  if (!/application\/json/.test(res.headers.get("content-type") ?? "")) return res;
  const body = await res.clone().json().catch(() => undefined);
  if (body === undefined) return res;
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(clean(body)), { status: res.status, statusText: res.statusText, headers });
}

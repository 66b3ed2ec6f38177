// Sign-in: better-auth with email and password over our own store. Its
// users are our User rows (integer ids, role and disabled as extra fields),
// its sessions rows in Session, its password hashes (scrypt, memory-hard:
// better-auth's default) in Account, and its sign-in rate limit in RateLimit
// so every instance counts the same attempts. Public sign-up is off: admins
// create users (the users page, or `npm run user:create`).
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { randomBytes } from "node:crypto";
import { dbKind, type Db } from "../db/client";
import { env } from "../env";
import { CLIENT_HEADER, clientAddress, parseTrustedProxies, requestScheme } from "./client-address";
import { consumeAccountAttempt } from "./account-limit";

/** What sign-in answers for a wrong password, an unknown email and a disabled account alike. */
const INVALID_SIGN_IN = { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" };

function secret(): string {
  const configured = env().BETTER_AUTH_SECRET;
  if (configured) return configured;
  if (process.env.NODE_ENV === "production") {
    throw new Error("BETTER_AUTH_SECRET is not set: sessions cannot be signed (npm start sets one up; see README)");
  }
  // Development and tests: a secret per process is enough (sessions end on restart).
  globalForAuth.devSecret ??= randomBytes(32).toString("hex");
  return globalForAuth.devSecret;
}

function ownOrigin(request?: Request): string[] {
  const host = request?.headers.get("x-forwarded-host") ?? request?.headers.get("host");
  if (!request || !host) return [];
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return [`${proto}://${host}`];
}

const globalForAuth = globalThis as unknown as { wiredeskAuth?: WeakMap<Db, Instances>; devSecret?: string };

/**
 * `secure`: whether the session cookie is __Secure- and Secure. Undefined
 * when WIREDESK_URL is set (its scheme decides); otherwise the scheme of each
 * request decides, through one instance per scheme: a desk reached over
 * plain http on a LAN address gets a cookie the browser keeps.
 */
function create(db: Db, secure: boolean | undefined) {
  const config = env();
  return betterAuth({
    appName: "Wiredesk",
    secret: secret(),
    baseURL: config.WIREDESK_URL,
    // This desk's own origin as the browser sees it (the Host it asked for;
    // a page elsewhere cannot change that), plus any configured ones.
    trustedOrigins: (request) => [...ownOrigin(request), ...config.WIREDESK_TRUSTED_ORIGINS],
    database: prismaAdapter(db, { provider: dbKind(db) === "postgres" ? "postgresql" : "sqlite" }),
    advanced: {
      database: { generateId: "serial" },
      // Cookies are httpOnly and SameSite=Lax (better-auth's defaults); Secure when served over https.
      cookiePrefix: "wiredesk",
      ...(secure === undefined ? {} : { useSecureCookies: secure }),
      // The client address the rate limiter counts: resolved by the handler below from the
      // connection and trusted proxies only; a client's own X-Forwarded-For is not read.
      ipAddress: { ipAddressHeaders: [CLIENT_HEADER] },
    },
    // Users do not edit themselves: names (which the audit log records) are set by admins
    // through /api/users, validated; an email is an account's identity.
    disabledPaths: ["/update-user", "/change-email"],
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    rateLimit: {
      // On in every mode, not only in production: sign-in is what it guards.
      enabled: true,
      storage: "database",
      modelName: "rateLimit",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: config.WIREDESK_SIGNIN_LIMIT },
      },
    },
    hooks: {
      // Per account as well as per address: many addresses (a botnet, or forged headers
      // before they were ignored) cannot try more than WIREDESK_SIGNIN_ACCOUNT_LIMIT
      // passwords on one account per 15 minutes.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = (ctx.body as { email?: unknown } | undefined)?.email;
        if (typeof email !== "string" || !email.trim()) return;
        const verdict = await consumeAccountAttempt(db, email, config.WIREDESK_SIGNIN_ACCOUNT_LIMIT);
        if (!verdict.allowed) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { code: "TOO_MANY_ATTEMPTS", message: `Too many sign-in attempts for this account: try again in ${Math.ceil(verdict.retryAfter / 60)} minute(s).` },
            { "Retry-After": String(verdict.retryAfter), "X-Retry-After": String(verdict.retryAfter) },
          );
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled user cannot start a session, and is told exactly what a wrong
          // password is told (after the password was checked, so it takes as long):
          // the answer must not reveal whether the password was right.
          before: async (session) => {
            const u = await db.user.findUnique({ where: { id: Number(session.userId) }, select: { disabled: true } });
            if (!u || u.disabled) throw new APIError("UNAUTHORIZED", INVALID_SIGN_IN);
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof create>;

interface Instances {
  /** Over https, or every request when WIREDESK_URL is set. */
  https: Auth;
  /** Over plain http when WIREDESK_URL is unset. */
  http: Auth;
}

/**
 * Every request into better-auth goes through here: the client address is
 * resolved (and a client-sent value of the header dropped), and the request
 * goes to the instance for its scheme.
 */
function route(instances: Instances, handlers: Record<keyof Instances, Auth["handler"]>): Auth["handler"] {
  const ranges = parseTrustedProxies(env().WIREDESK_TRUSTED_PROXIES);
  return (req: Request) => {
    const headers = new Headers(req.headers);
    headers.delete(CLIENT_HEADER);
    const client = clientAddress(req.headers, ranges);
    if (client) headers.set(CLIENT_HEADER, client);
    const scheme = instances.http === instances.https ? "https" : requestScheme(req);
    return handlers[scheme](new Request(req, { headers }));
  };
}

function instancesFor(db: Db): Instances {
  globalForAuth.wiredeskAuth ??= new WeakMap();
  let found = globalForAuth.wiredeskAuth.get(db);
  if (!found) {
    const fixed = env().WIREDESK_URL !== undefined;
    const https = create(db, fixed ? undefined : true);
    const http = fixed ? https : create(db, false);
    const instances: Instances = { https, http };
    const handlers = { https: https.handler, http: http.handler };
    const routed = route(instances, handlers);
    https.handler = routed;
    http.handler = routed;
    found = instances;
    globalForAuth.wiredeskAuth.set(db, found);
  }
  return found;
}

/**
 * The better-auth instance for a store (one set per client, so tests can run
 * several stores). Its handler serves any request (it picks the instance for
 * the request's scheme itself); for reading a session, pass the request's
 * headers so the instance whose cookie the browser holds reads it.
 */
export function authFor(db: Db, headers?: Headers): Auth {
  const { https, http } = instancesFor(db);
  if (!headers || https === http) return https;
  if (/(^|;\s*)__Secure-wiredesk\.session_token=/.test(headers.get("cookie") ?? "")) return https;
  return /(^|;\s*)wiredesk\.session_token=/.test(headers.get("cookie") ?? "") ? http : https;
}


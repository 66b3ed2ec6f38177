// Sign-in: better-auth with email and password over our own store. Its
// users are our User rows (integer ids, role and disabled as extra fields),
// its sessions rows in Session, its password hashes (scrypt, memory-hard:
// better-auth's default) in Account, and its sign-in rate limit in RateLimit
// so every instance counts the same attempts. Public sign-up is off: admins
// create users (the users page, or `npm run user:create`).
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { randomBytes } from "node:crypto";
import { dbKind, type Db } from "../db/client";
import { env } from "../env";

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

const globalForAuth = globalThis as unknown as { wiredeskAuth?: WeakMap<Db, Auth>; devSecret?: string };

function create(db: Db) {
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
    },
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
    databaseHooks: {
      session: {
        create: {
          // A disabled user cannot start a session.
          before: async (session) => {
            const u = await db.user.findUnique({ where: { id: Number(session.userId) }, select: { disabled: true } });
            if (!u || u.disabled) return false;
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof create>;

/** The better-auth instance for a store (one per client, so tests can run several stores). */
export function authFor(db: Db): Auth {
  globalForAuth.wiredeskAuth ??= new WeakMap();
  let a = globalForAuth.wiredeskAuth.get(db);
  if (!a) {
    a = create(db);
    globalForAuth.wiredeskAuth.set(db, a);
  }
  return a;
}

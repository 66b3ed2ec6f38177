// API tokens (decision 020): an admin makes one with scopes, sees it once,
// and may revoke it. Only the SHA-256 of a token is stored: the token is 256
// random bits, so a plain hash is enough (no salt or slow hash is needed
// against guessing, unlike a password).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { authorize, recordAudit, type Actor } from "../audit";
import { ApiError } from "../http/problem";
import type { Permission, Role } from "../../schemas/roles";
import { tokenScope, type TokenScope, type TokenView } from "../../schemas/tokens";

export const TOKEN_PREFIX = "wd_";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The scope a route's permission needs from a token: the set-up of the newsroom is "admin". */
export function scopeFor(p: Permission): TokenScope {
  return p === "read" || p === "triage" || p === "ingest" ? p : "admin";
}

/** The role a token acts with in the data layer: the widest its scopes allow (the route has already checked the scope). */
export function roleForScopes(scopes: TokenScope[]): Role {
  if (scopes.includes("admin")) return "admin";
  if (scopes.includes("triage") || scopes.includes("ingest")) return "editor";
  return "viewer";
}

/** How a token's use appears in the audit log. */
export const tokenActorName = (name: string) => `token:${name}`;

export interface VerifiedToken {
  id: number;
  name: string;
  scopes: TokenScope[];
}

const parseScopes = (s: string): TokenScope[] => s.split(",").filter((x): x is TokenScope => tokenScope.safeParse(x).success);

type TokenRow = { id: number; name: string; prefix: string; scopes: string; createdBy: string; createdAt: Date; lastUsedAt: Date | null; uses: number; revokedAt: Date | null };

export const tokenView = (t: TokenRow): TokenView => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: parseScopes(t.scopes),
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  uses: t.uses,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export async function createToken(db: Db, actor: Actor, input: { name: string; scopes: TokenScope[] }): Promise<TokenView & { token: string }> {
  authorize(actor, "users");
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const scopes = [...new Set(input.scopes)];
  const existing = await db.apiToken.findUnique({ where: { name: input.name } });
  if (existing) throw new ApiError(409, `a token named "${input.name}" exists already (names stay with revoked tokens, so the audit log stays clear); choose another name`);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name: input.name, prefix: token.slice(0, 10), hash: hashToken(token), scopes: scopes.join(","), createdBy: actor.name },
    });
    await recordAudit(tx, actor, { action: "token.create", entityType: "token", entityId: created.id, after: { name: created.name, scopes } });
    return created;
  });
  return { ...tokenView(row), token };
}

export async function listTokens(db: Db, actor: Actor): Promise<TokenView[]> {
  authorize(actor, "users");
  const rows = await db.apiToken.findMany({ orderBy: { id: "asc" } });
  return rows.map(tokenView);
}

export async function revokeToken(db: Db, actor: Actor, id: number): Promise<TokenView> {
  authorize(actor, "users");
  const row = await db.apiToken.findUnique({ where: { id } });
  if (!row) throw new ApiError(404, `no token ${id}`, { kind: "not-found" });
  if (row.revokedAt) return tokenView(row);
  const revoked = await db.$transaction(async (tx) => {
    const r = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: "token.revoke", entityType: "token", entityId: id, before: { name: row.name } });
    return r;
  });
  return tokenView(revoked);
}

/** The live token behind a bearer value, or null (unknown, malformed or revoked). Counts the use. */
export async function verifyToken(db: Db, raw: string): Promise<VerifiedToken | null> {
  if (!raw.startsWith(TOKEN_PREFIX) || raw.length > 200) return null;
  const row = await db.apiToken.findUnique({ where: { hash: hashToken(raw) } });
  if (!row || row.revokedAt) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(), uses: { increment: 1 } } });
  return { id: row.id, name: row.name, scopes: parseScopes(row.scopes) };
}

export const tokenActor = (t: VerifiedToken): Actor => ({ name: tokenActorName(t.name), role: roleForScopes(t.scopes) });

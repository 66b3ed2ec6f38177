// API tokens as the admin pages and /api/v1 show them (never the secret,
// except once in the answer that creates it).
import { z } from "zod";

export const tokenScopes = ["read", "triage", "ingest", "admin"] as const;
export const tokenScope = z.enum(tokenScopes);
export type TokenScope = z.infer<typeof tokenScope>;

export const tokenCreate = z.object({
  name: z.string().trim().min(1, "name: required").max(100, "name: at most 100 characters"),
  scopes: z.array(tokenScope).min(1, "scopes: at least one of read, triage, ingest, admin"),
});

export const tokenView = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().describe("The token's first characters, to recognise it"),
    scopes: z.array(tokenScope),
    createdBy: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    uses: z.number().int(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export type TokenView = z.infer<typeof tokenView>;

export const tokenCreated = tokenView.extend({ token: z.string().describe("The secret: shown this once, never again") }).meta({ id: "ApiTokenCreated" });

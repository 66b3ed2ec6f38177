// Roles and what each may do: the one table every check reads. Pure, and in
// lib/schemas, so the UI hides controls with the same rules the server enforces.
import { z } from "zod";

export const role = z.enum(["admin", "editor", "viewer"]);
export type Role = z.infer<typeof role>;

/**
 * What an operation needs. Reading is for every signed-in user; triage
 * (status, tags, duplicates, ingest, undoing editorial actions) for editors
 * and admins; the newsroom's set-up (users, sources, taxonomy, the full
 * audit log) for admins.
 */
export const permissions = {
  read: ["admin", "editor", "viewer"],
  triage: ["admin", "editor"],
  ingest: ["admin", "editor"],
  taxonomy: ["admin"],
  users: ["admin"],
  sources: ["admin"],
  audit: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(r: Role | "system", p: Permission): boolean {
  // "system" is the process acting for nobody (CLI, demo loader, feed worker).
  return r === "system" || (permissions[p] as readonly Role[]).includes(r);
}

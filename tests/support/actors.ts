// Actors for calling server functions directly: reads take one as writes do.
import type { Actor } from "../../lib/server/audit";

/** The least role that reads the desk. */
export const viewer: Actor = { name: "test viewer", role: "viewer" };
/** An admin, for the set-up's reads (sources, taxonomy). */
export const admin: Actor = { name: "test admin", role: "admin" };

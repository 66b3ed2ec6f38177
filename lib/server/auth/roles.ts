// The role table lives in lib/schemas/roles.ts (pure: the UI reads it too);
// kept here so server imports of this path keep working.
import "server-only";
export * from "../../schemas/roles";

import type { Samples } from "./samples";
import { createToken } from "../../../lib/server/auth/tokens";
import { systemActor } from "../../../lib/server/audit";

let n = 0;

export const samples: Samples = {
  listTokens: async () => ({}),
  createToken: async () => ({ json: { name: `sample token ${++n}`, scopes: ["read"] } }),
  revokeToken: async (db) => {
    const t = await createToken(db, systemActor("test"), { name: `to revoke ${++n}`, scopes: ["read"] });
    return { params: { id: String(t.id) } };
  },
};

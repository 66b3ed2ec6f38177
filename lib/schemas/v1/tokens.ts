// /api/v1/tokens: an admin's API tokens. Only a signed-in admin may make or
// revoke one (a token cannot mint tokens).
import { z } from "zod";
import { endpoint } from "../endpoint";
import { idParam } from "../ids";
import { tokenCreate, tokenCreated, tokenView } from "../tokens";

const idPath = z.object({ id: idParam.describe("The token's id") });

export const listTokens = endpoint({
  id: "listTokens",
  method: "get",
  path: "/api/v1/tokens",
  group: "Tokens",
  summary: "List API tokens (never their secrets)",
  need: "users",
  sessionOnly: true,
  response: z.object({ tokens: z.array(tokenView) }),
});

export const createToken = endpoint({
  id: "createToken",
  method: "post",
  path: "/api/v1/tokens",
  group: "Tokens",
  summary: "Make an API token with scopes; the answer holds the token, shown this once",
  need: "users",
  sessionOnly: true,
  body: tokenCreate,
  response: tokenCreated,
  status: 201,
  errors: [409],
});

export const revokeToken = endpoint({
  id: "revokeToken",
  method: "delete",
  path: "/api/v1/tokens/{id}",
  group: "Tokens",
  summary: "Revoke an API token: it stops working at once",
  need: "users",
  sessionOnly: true,
  params: idPath,
  response: tokenView,
  errors: [404],
});

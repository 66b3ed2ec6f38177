// Query keys, options and writes for API tokens (admins, /admin/tokens).
// They call /api/v1/tokens with the browser's session and read every answer
// with the same zod schemas the server declares, so a changed shape fails
// loudly here instead of rendering half a row.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { problemMessage } from "../schemas/problem";
import { tokenCreated, tokenView, type TokenScope, type TokenView } from "../schemas/tokens";

export const tokenKeys = {
  all: ["tokens"] as const,
  list: () => [...tokenKeys.all, "list"] as const,
};

const tokenList = z.object({ tokens: z.array(tokenView) });

/** The answer read with `schema`, or the server's problem as an Error. */
async function readAnswer<T>(res: Response, schema: z.ZodType<T>, failed: string): Promise<T> {
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new Error(problemMessage(body, `${failed} (HTTP ${res.status})`));
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`${failed}: the server's answer was not understood`);
  return parsed.data;
}

async function send(url: string, init: RequestInit, failed: string): Promise<Response> {
  // Offline, a write is refused at once and says so, rather than shown as done.
  if (typeof navigator !== "undefined" && navigator.onLine === false) throw new Error("You are offline: nothing was sent");
  try {
    return await fetch(url, init);
  } catch {
    throw new Error(`${failed}: the desk could not reach the server`);
  }
}

export const tokenQueries = {
  list: () =>
    queryOptions({
      queryKey: tokenKeys.list(),
      queryFn: async (): Promise<TokenView[]> =>
        (await readAnswer(await send("/api/v1/tokens", {}, "Could not load the tokens"), tokenList, "Could not load the tokens")).tokens,
    }),
};

export async function createToken(input: { name: string; scopes: TokenScope[] }) {
  const failed = "The token was not made";
  const res = await send("/api/v1/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) }, failed);
  return readAnswer(res, tokenCreated, failed);
}

export async function revokeToken(id: number) {
  const failed = "The token was not revoked";
  return readAnswer(await send(`/api/v1/tokens/${id}`, { method: "DELETE" }, failed), tokenView, failed);
}

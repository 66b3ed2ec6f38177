// A /api/v1 route from its declaration: tokens and sessions both work, the
// path, query and body are read with the declared schemas, and the answer is
// typed by the declared response.
import "server-only";
import type { z } from "zod";
import type { Endpoint } from "../../schemas/endpoint";
import { apiRoute, type Refusals, type RouteInput } from "./route";

export function v1Route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  e: Endpoint<P, Q, B, R>,
  handler: (input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<(R extends z.ZodType ? z.input<R> : never) | Response>,
  /** bodyLimit: bytes, or a function read per request (a limit the desk's configuration sets). */
  opts: { refusals?: Refusals; bodyLimit?: number | (() => number) } = {},
) {
  const build = (bodyLimit: number | undefined) =>
    apiRoute(
      {
        need: e.need,
        auth: e.sessionOnly ? "session" : "both",
        params: e.params,
        query: e.query,
        body: e.body,
        multipart: !!e.multipart,
        bodyLimit,
        refusals: opts.refusals,
      },
      handler,
    );
  const limit = opts.bodyLimit;
  const route: ReturnType<typeof build> = typeof limit === "function" ? (req, ctx) => build(limit())(req, ctx) : build(limit);
  if (e.status === 201) {
    return async (...args: Parameters<typeof route>) => {
      const res = await route(...args);
      return res.status === 200 ? new Response(res.body, { status: 201, headers: res.headers }) : res;
    };
  }
  return route;
}

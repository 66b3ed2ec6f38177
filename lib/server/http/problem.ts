// Problem details (RFC 9457) for every refusal, and the one error type the
// server functions and the route wrapper throw to say which status applies.
import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { PROBLEM_CONTENT_TYPE, type FieldError, type Problem } from "../../schemas/problem";

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Sign in or send a token",
  403: "Not allowed",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Request body too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal error",
  502: "Bad gateway",
  503: "Store busy",
};

/** A typed kind of problem, for the few a client may want to tell apart. */
export type ProblemKind = "validation" | "stale-write" | "rate-limited" | "not-found" | "forbidden" | "unauthenticated";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly extra: { kind?: ProblemKind; errors?: FieldError[]; current?: unknown; retryAfter?: number } = {},
  ) {
    super(detail);
  }
}

export function problemBody(status: number, detail: string, extra: ApiError["extra"] & { instance?: string } = {}): Problem {
  const { kind, ...rest } = extra;
  return {
    type: kind ? `/api/v1/problems/${kind}` : "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
  };
}

export function problem(status: number, detail: string, extra: ApiError["extra"] & { instance?: string } = {}): NextResponse {
  const res = NextResponse.json(problemBody(status, detail, extra), { status });
  res.headers.set("content-type", PROBLEM_CONTENT_TYPE);
  if (extra.retryAfter !== undefined) res.headers.set("Retry-After", String(extra.retryAfter));
  return res;
}

export const problemFromApiError = (e: ApiError, instance?: string) => problem(e.status, e.message, { ...e.extra, instance });

/** A 422 naming each field a schema refused, under `where` (body, query, path). */
export function validationError(error: z.ZodError, where: "body" | "query" | "path"): ApiError {
  const errors = error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join("."), message: i.message }));
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join("; ");
  return new ApiError(422, `the request's ${where} is not valid: ${detail}`.slice(0, 2000), { kind: "validation", errors });
}

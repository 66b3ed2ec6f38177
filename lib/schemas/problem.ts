// The one error shape of every API answer: RFC 9457 problem details, with
// the field errors of a 422. Pure, so clients and the OpenAPI document use it.
import { z } from "zod";

export const fieldError = z.object({
  /** Where: "body.status", "query.limit", "path.id". */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldError>;

export const problemSchema = z
  .object({
    type: z.string().describe("A URI naming the kind of problem; about:blank when the status says it all"),
    title: z.string().describe("The kind of problem, the same for every occurrence"),
    status: z.number().int().describe("The HTTP status"),
    detail: z.string().describe("What went wrong this time, for a person to read"),
    instance: z.string().optional().describe("The request's path"),
    errors: z.array(fieldError).optional().describe("For a 422: each field that was wrong"),
    current: z.unknown().optional().describe("For a 409 stale write: the record as it is now"),
    retryAfter: z.number().int().optional().describe("For a 429 or 503: seconds to wait"),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** The message a client shows for a problem (or for any other error body it may meet). */
export function problemMessage(body: unknown, fallback: string): string {
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    if (typeof b.detail === "string") return b.detail;
    if (typeof b.error === "string") return b.error;
  }
  return fallback;
}

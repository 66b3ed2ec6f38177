// One declaration per /api/v1 operation (decision 020): the route handler is
// built from it (lib/server/http/v1.ts), the OpenAPI document is generated
// from it (lib/schemas/openapi.ts), and the contract test calls each one. So
// the document, the checks and the code cannot drift apart.
import type { z } from "zod";
import type { Permission } from "./roles";

export type HttpMethod = "get" | "post" | "patch" | "delete";

export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  /** A stable name: the OpenAPI operationId. */
  id: string;
  method: HttpMethod;
  /** OpenAPI style: /api/v1/articles/{id}. */
  path: string;
  /** The OpenAPI tag it is listed under. */
  group: string;
  summary: string;
  description?: string;
  /** What the caller needs; a token needs the matching scope (admin for the set-up permissions). */
  need: Permission | "public";
  /** Sessions only: refuses API tokens (minting tokens, say). */
  sessionOnly?: boolean;
  params?: P;
  query?: Q;
  /** A JSON body. */
  body?: B;
  /** A multipart body, described for the document; the handler reads it. */
  multipart?: z.ZodType;
  /** The 2xx answer: a JSON schema, or another media type the document names. */
  response: R | { mediaType: "application/x-ndjson" | "text/html" | "application/json"; description: string; schema?: z.ZodType };
  /** The success status: 200 unless said. */
  status?: 200 | 201;
  /** The refusals this operation may answer besides 401/403/429 (which every protected one may). */
  errors?: number[];
}

export const endpoint = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(e: Endpoint<P, Q, B, R>) => e;

// What the contract test sends to each /api/v1 operation: one module per
// group (tokens.ts, articles.ts, ...) exporting `samples`, keyed by the
// endpoint's id. A sample builds what it needs in the store and returns a
// request an allowed caller could send now (it is called afresh per caller).
import type { Db } from "../../../lib/server/db/client";

export interface ApiSample {
  /** Path parameters by name ({id} -> { id: "3" }). */
  params?: Record<string, string>;
  /** The query string, without "?". */
  query?: string;
  json?: unknown;
  form?: FormData;
}

export type Samples = Record<string, (db: Db) => Promise<ApiSample>>;

// Reading an answer of the desk's own API in the browser: checked against
// the zod schema the server's answer is declared with (lib/schemas), so a
// change on one side that the other did not follow fails here, loudly and
// at once, instead of as an undefined deep in a component.
import type { z } from "zod";
import { problemMessage } from "../schemas/problem";

/** An answer that did not have the shape its schema declares. */
export class AnswerShapeError extends Error {}

/** The answer's JSON, as the schema reads it; a refusal throws the server's own message (problem details). */
export async function readJson<S extends z.ZodType>(res: Response, schema: S, fallback = `Request failed (HTTP ${res.status})`): Promise<z.output<S>> {
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(problemMessage(json, fallback));
  return parseAnswer(schema, json, res.url ? new URL(res.url).pathname : undefined);
}

/** A JSON value of the desk's API (an answer, a live message) as its schema reads it, or an error naming the first wrong field. */
export function parseAnswer<S extends z.ZodType>(schema: S, json: unknown, from = "the server"): z.output<S> {
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  throw new AnswerShapeError(`The answer from ${from} was not understood (${where}${first?.message ?? "wrong shape"})`);
}

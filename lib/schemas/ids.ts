// Record ids in paths, query strings and bodies: decimal digits, 1 to 2^31-1
// (the stores' integer columns). "0x10", "1e1", " 16" and "16.0" are not 16,
// and a 20-digit id is not found rather than an overflow in the store.
import { z } from "zod";

export const MAX_ID = 2_147_483_647;

const DIGITS = /^[0-9]{1,10}$/;

/** The id a string names, or null when it is not decimal digits within 1..2^31-1. */
export function parseId(raw: unknown): number | null {
  if (typeof raw !== "string" || !DIGITS.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= MAX_ID ? n : null;
}

const idMessage = `must be a whole number from 1 to ${MAX_ID}, in decimal digits`;

/** A path or query-string id (a string of digits). */
export const idParam = z
  .string()
  .regex(DIGITS, idMessage)
  .transform(Number)
  .pipe(z.number().int().min(1, idMessage).max(MAX_ID, idMessage));

/** A route's path with one id in it (/…/[id]). */
export const idPath = z.object({ id: idParam });

/** An id in a JSON body (a number). */
export const idNumber = z.number().int(idMessage).min(1, idMessage).max(MAX_ID, idMessage);

/** An id in a query string (digits) or given by code (a number): the same range either way. */
export const queryId = z.union([idNumber, idParam]);

/** As queryId, where 0 means "from the start" (the queue's `after`). */
export const queryIdOrZero = z.union([
  z.number().int().min(0).max(MAX_ID),
  z.string().regex(DIGITS, idMessage).transform(Number).pipe(z.number().int().min(0).max(MAX_ID, idMessage)),
]);

// The id in an API route's path: decimal digits within 1..2^31-1, else 422
// saying what was wrong (never a 500 from an overflowing integer, never
// "0x10" read as 16).
import "server-only";
import { NextResponse } from "next/server";
import { badIdMessage, parseId } from "../../schemas/ids";

export function idFromPath(raw: string | undefined, what: string): number | NextResponse {
  const id = parseId(raw);
  return id ?? NextResponse.json({ error: badIdMessage(what, raw) }, { status: 422 });
}

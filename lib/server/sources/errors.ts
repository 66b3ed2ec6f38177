// What a source route answers when an operation refuses its input.
import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { IngestInputError } from "../../ingest/types";
import { SourceError } from "./save-source";
import { UnknownTagError } from "./source-tags";

export function sourceErrorResponse(e: unknown): NextResponse | undefined {
  if (e instanceof ZodError) return NextResponse.json({ error: e.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") }, { status: 400 });
  if (e instanceof SourceError) return NextResponse.json({ error: e.message }, { status: e.status });
  if (e instanceof UnknownTagError) return NextResponse.json({ error: e.message }, { status: 422 });
  if (e instanceof IngestInputError) return NextResponse.json({ error: e.message }, { status: 422 });
  return undefined;
}

// GET /api/v1/openapi.json - the API's OpenAPI 3.1 document, generated from
// the same declarations the routes are built from. Public: it holds no data.
import { NextResponse } from "next/server";
import { buildOpenApi } from "@/lib/schemas/openapi";
import { v1Endpoints } from "@/lib/schemas/v1";
import pkg from "@/package.json";

let doc: unknown;

export function GET() {
  doc ??= buildOpenApi(v1Endpoints, { version: pkg.version });
  return NextResponse.json(doc, { headers: { "cache-control": "public, max-age=60" } });
}

// POST /api/v1/ingest/ninjs - ingest one ninjs item or an array of them (application/json)
import { db } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import { v1Route } from "@/lib/server/http/v1";
import { ingestAs } from "@/lib/server/ingest/ingest-as";
import * as api from "@/lib/schemas/v1/ingest";

export const POST = v1Route(api.ingestNinjs, async ({ actor, body, query }) => ingestAs(db(), actor, { json: body, source: query.source }), {
  // A body of copy, not of commands: the desk's input limit applies, as to a file.
  bodyLimit: () => env().WIREDESK_MAX_INPUT_BYTES,
});

// /api/v1/ingest: copy in, as files, a URL or ninjs JSON. The answer is the
// run's report, item by item: an item that cannot be read costs that item.
import { z } from "zod";
import { endpoint } from "../endpoint";
import { ingestForm, ingestReport, ingestSourceName, ninjsIngestBody } from "../ingest";

export const ingestFiles = endpoint({
  id: "ingestFiles",
  method: "post",
  path: "/api/v1/ingest",
  group: "Ingest",
  summary: "Ingest files and/or a URL (multipart form); the answer reports each item",
  description:
    "Feeds (RSS, Atom, JSON Feed), ninjs (an object, an array or NDJSON), CSV, HTML pages and plain text; the content decides the format. " +
    "Each file may be up to the desk's input limit (WIREDESK_MAX_INPUT_BYTES), the request five times that. " +
    "Items that cannot be read are listed in each input's errors and items; the others are stored.",
  need: "ingest",
  multipart: ingestForm,
  response: ingestReport,
});

export const ingestNinjs = endpoint({
  id: "ingestNinjs",
  method: "post",
  path: "/api/v1/ingest/ninjs",
  group: "Ingest",
  summary: "Ingest ninjs JSON: one item or an array; the answer reports each item",
  description:
    "The body is one ninjs item (1.x or 2.x) or an array of them, up to the desk's input limit. An item that cannot be read " +
    '(not an object, no headline or body) is reported under its location ("item 2") and costs that item alone.',
  need: "ingest",
  query: z.object({ source: ingestSourceName.optional().describe("The source to file items under when they name none") }),
  body: ninjsIngestBody,
  response: ingestReport,
});

// /api/v1/export: stored articles as ninjs, one per line, with the queue's
// filters. The stream ingests back into another desk.
import { z } from "zod";
import { endpoint } from "../endpoint";
import { articleFilterParams } from "../articles";
import { ninjsItem } from "../ninjs";

const f = articleFilterParams.shape;
/** The queue's filters, described for the document (their checks are the queue's own). */
const exportQuery = z.object({
  status: f.status.describe('A workflow status (new, reviewed, spiked), or "all"'),
  q: f.q.describe("Full-text search over headline and body"),
  place: f.place.describe("ISO 3166-1 alpha-2 countries, comma-separated: filed under any of them"),
  topic: f.topic.describe("Topic or newsroom tag codes (medtop:16000000, newsroom:x), comma-separated: any of them"),
  source: f.source.describe("Sources by id or exact name, comma-separated: any of them"),
  language: f.language.describe("ISO 639-1 language codes, comma-separated: articles in any of them; -en: articles not in English"),
  since: f.since.describe("Arrived at or after this instant (ISO 8601)"),
  until: f.until.describe("Arrived before this instant (ISO 8601)"),
  range: f.range.describe("Arrived within this window ending now"),
  duplicates: f.duplicates.describe('"yes": only articles with an open or confirmed duplicate link; "no": only those without'),
  /** An export is every article unless asked for one row a story. */
  view: z.enum(["stories", "articles"]).optional().describe('"articles" (the default): every article; "stories": each story\'s lead alone'),
  limit: z.coerce.number().int().min(1).optional().describe("At most this many articles"),
});

export const exportNinjs = endpoint({
  id: "exportNinjs",
  method: "get",
  path: "/api/v1/export",
  group: "Export",
  summary: "Export articles as ninjs NDJSON, with the queue's filters",
  description:
    "One ninjs 2.x object a line, in arrival (id) order, streamed as the store is read. The filters are the queue's " +
    "(status, q, place, topic, source, language, since, until, range, duplicates); view defaults to every article. " +
    "The file ingests back (POST /api/v1/ingest) with its tags, duplicate links and stories.",
  need: "read",
  query: exportQuery,
  response: { mediaType: "application/x-ndjson", description: "One NinjsItem per line", schema: ninjsItem },
});

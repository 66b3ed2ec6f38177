// /api/v1/stories: the queue one row a story (the desk's default view), one
// story with its copies and versions, and a status for a whole story.
import { z } from "zod";
import { endpoint } from "../endpoint";
import { idParam, queryIdOrZero } from "../ids";
import { articlePage, articleQueryFields, bulkStatusResult, cursorFitsSort, queueCursor, statusChange } from "../articles";
import { storyDetail } from "../stories";

const idPath = z.object({ id: idParam.describe("The story's id (a queue row's storyId)") });

const f = articleQueryFields.shape;

/** A query string's value read by a schema that also takes numbers or objects (given by code), its issues passed on. */
const fromString = <T>(schema: z.ZodType<T>) =>
  z.string().max(500).transform((raw, ctx): T => {
    const r = schema.safeParse(raw);
    if (r.success) return r.data;
    for (const i of r.error.issues) ctx.addIssue({ code: "custom", message: i.message });
    return z.NEVER;
  });

/**
 * The queue's filters and keyset cursor, as the desk's GET /api/articles
 * reads them (the same schemas), described for the document; the view is the
 * operation's. Query values are strings, so the cursor and `after` are too.
 */
export const queueQuery = z
  .object({
    status: f.status.describe("A workflow status (new, reviewed, spiked), or all: every status (the default)"),
    q: f.q.describe('Full-text search over headline and body: words, "a phrase", -word to exclude, OR'),
    place: f.place.describe("ISO 3166-1 alpha-2 countries it is tagged with, comma-separated, any of them: ES,FR"),
    topic: f.topic.describe("Topic or newsroom tag codes, comma-separated, any of them: medtop:16000000,newsroom:fan-protests"),
    source: f.source.describe("Sources by id or exact name, comma-separated, any of them"),
    language: f.language.describe("ISO 639-1 language codes, comma-separated: rows with copy in any of them; a code after a minus leaves rows out. A story counts its copies (-en: no English copy yet), an article its own language"),
    since: f.since.describe("Arrived at or after this instant (ISO 8601)"),
    until: f.until.describe("Arrived before this instant (ISO 8601)"),
    range: f.range.describe("A time window ending now, on arrival; today starts at midnight UTC"),
    duplicates: f.duplicates.describe("Only with (yes) or without (no) an open or confirmed duplicate link"),
    sort: f.sort.describe("Newest arrival first (arrived, the default) or newest publication first (published)"),
    after: fromString(queryIdOrZero).optional().describe("Only articles that arrived after this id (a page's `newest`): what is new since"),
    cursor: fromString(queueCursor).optional().describe("The previous page's nextCursor, as it came"),
    limit: f.limit.describe("Rows a page, 1 to 200 (50 by default)"),
  })
  .superRefine(cursorFitsSort);

export const listStories = endpoint({
  id: "listStories",
  method: "get",
  path: "/api/v1/stories",
  group: "Stories",
  summary: "The queue, one row a story, newest first: the desk's filters, keyset-paginated",
  description:
    "Each row is the article that stands for its story (the newest version); `storyId` is null for an article alone, " +
    "which is its own story. Page with `cursor` = the previous page's `nextCursor`, keeping the same filters and sort.",
  need: "read",
  query: queueQuery,
  response: articlePage,
});

export const getStory = endpoint({
  id: "getStory",
  method: "get",
  path: "/api/v1/stories/{id}",
  group: "Stories",
  summary: "One story: its articles oldest first (who ran it first, who copied it) and what each update changed",
  need: "read",
  params: idPath,
  response: storyDetail,
  errors: [404],
});

export const setStoryStatus = endpoint({
  id: "setStoryStatus",
  method: "post",
  path: "/api/v1/stories/{id}/status",
  group: "Stories",
  summary: "Mark a whole story reviewed, spiked or new again",
  description:
    "`version` is the version of the article that leads the story (the queue row's `version`, or the story's lead member's). " +
    "A stale one is refused with 409 and the article as it is now in `current`; a copy that changed meanwhile is reported in `refused` and left as it is.",
  need: "triage",
  params: idPath,
  body: statusChange,
  response: bulkStatusResult,
  errors: [404, 409],
});

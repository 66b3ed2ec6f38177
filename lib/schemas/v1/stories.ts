// /api/v1/stories: the queue one row a story (the desk's default view), one
// story with its copies and versions, and a status for a whole story.
import { z } from "zod";
import { endpoint } from "../endpoint";
import { idParam } from "../ids";
import { articlePage, articleQueryFields, bulkStatusResult, cursorFitsSort, statusChange } from "../articles";
import { storyDetail } from "../stories";

const idPath = z.object({ id: idParam.describe("The story's id (a queue row's storyId)") });

/** The queue's filters and keyset cursor; the view is the operation's. */
export const queueQuery = articleQueryFields.omit({ view: true }).superRefine(cursorFitsSort);

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

// /api/v1/sources: the polled feeds. The newsroom's set-up: admins, and
// tokens with the admin scope.
import { z } from "zod";
import { endpoint } from "../endpoint";
import { idParam } from "../ids";
import { sourceInput, sourceList, sourceUpdate, sourceView } from "../sources";

const idPath = z.object({ id: idParam.describe("The source's id") });

export const listSources = endpoint({
  id: "listSources",
  method: "get",
  path: "/api/v1/sources",
  group: "Sources",
  summary: "List the polled feeds with their health",
  need: "sources",
  response: sourceList,
});

export const createSource = endpoint({
  id: "createSource",
  method: "post",
  path: "/api/v1/sources",
  group: "Sources",
  summary: "Add a feed to poll; it is due at once",
  description: "Default tags are topic codes (medtop:…), newsroom tags (newsroom:…) or countries (ES). A feed at a private address is refused unless the desk allows those.",
  need: "sources",
  body: sourceInput,
  response: sourceView,
  status: 201,
  errors: [409],
});

export const updateSource = endpoint({
  id: "updateSource",
  method: "patch",
  path: "/api/v1/sources/{id}",
  group: "Sources",
  summary: "Change a feed's name, URL, default tags, interval or enabled flag",
  need: "sources",
  params: idPath,
  body: sourceUpdate,
  response: sourceView,
  errors: [404, 409],
});

export const deleteSource = endpoint({
  id: "deleteSource",
  method: "delete",
  path: "/api/v1/sources/{id}",
  group: "Sources",
  summary: "Stop polling a feed and forget it; its articles stay",
  need: "sources",
  params: idPath,
  response: z.object({ id: z.number().int(), deleted: z.literal(true) }).meta({ id: "SourceDeleted" }),
  errors: [404],
});

export const pollSource = endpoint({
  id: "pollSource",
  method: "post",
  path: "/api/v1/sources/{id}/poll",
  group: "Sources",
  summary: "Poll now: the feed is due at once and a worker takes it on its next tick",
  need: "sources",
  params: idPath,
  response: sourceView,
  errors: [404],
});

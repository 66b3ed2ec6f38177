// /api/v1/duplicates: duplicate links to decide, and the decision.
import { z } from "zod";
import { endpoint } from "../endpoint";
import { idParam } from "../ids";
import { duplicateLinkPage, duplicateLinkView, linkListParams } from "../duplicates";

export const listDuplicates = endpoint({
  id: "listDuplicates",
  method: "get",
  path: "/api/v1/duplicates",
  group: "Duplicates",
  summary: "Duplicate links, newest first, by state, kind and article, keyset-paginated",
  need: "read",
  query: linkListParams,
  response: duplicateLinkPage,
});

export const decideDuplicate = endpoint({
  id: "decideDuplicate",
  method: "post",
  path: "/api/v1/duplicates/{id}",
  group: "Duplicates",
  summary: "Confirm a duplicate link, dismiss it (not a duplicate), or reopen it",
  description: "The story follows: a confirmed copy joins the other's story, a dismissed one leaves it.",
  need: "triage",
  params: z.object({ id: idParam.describe("The link's id") }),
  body: z.object({ decision: z.enum(["confirm", "dismiss", "reopen"]) }),
  response: duplicateLinkView,
  errors: [404],
});

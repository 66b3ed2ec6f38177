// /api/v1/articles: the queue one row an article, one article with its tags
// and evidence, and its status.
import { z } from "zod";
import { endpoint } from "../endpoint";
import { idParam } from "../ids";
import { articlePage, articleStatus, statusChange } from "../articles";
import { articlePreview } from "../preview";
import { queueQuery } from "./stories";

const idPath = z.object({ id: idParam.describe("The article's id") });

export const listArticles = endpoint({
  id: "listArticles",
  method: "get",
  path: "/api/v1/articles",
  group: "Articles",
  summary: "Every article as it arrived, newest first: the desk's filters, keyset-paginated",
  description: "Page with `cursor` = the previous page's `nextCursor`, keeping the same filters and sort.",
  need: "read",
  query: queueQuery,
  response: articlePage,
});

export const getArticle = endpoint({
  id: "getArticle",
  method: "get",
  path: "/api/v1/articles/{id}",
  group: "Articles",
  summary: "One article: its text, its tags with their evidence, its story and duplicate links",
  need: "read",
  params: idPath,
  response: articlePreview,
  errors: [404],
});

export const setArticleStatus = endpoint({
  id: "setArticleStatus",
  method: "post",
  path: "/api/v1/articles/{id}/status",
  group: "Articles",
  summary: "Mark one article reviewed, spiked or new again",
  description: "Name the `version` you read; a newer one in the store refuses the write with 409 and the article as it is now in `current`.",
  need: "triage",
  params: idPath,
  body: statusChange,
  response: articleStatus,
  errors: [404, 409],
});

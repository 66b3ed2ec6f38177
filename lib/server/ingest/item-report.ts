// What happened to each item of an upload, for the editor who sent it: stored
// (with the story or article to open), skipped and why, or failed and where.
import "server-only";
import type { Db } from "../db/client";
import type { ItemError, ParsedArticle } from "../../ingest/types";
import type { ItemOutcome } from "./store-articles";
import type { IngestItem } from "../../schemas/ingest";

/** Its shape is a zod schema (lib/schemas/ingest.ts), as the API declares it. */
export type ItemReport = IngestItem;

const HEADLINE = 200;

export function itemOf(a: ParsedArticle, outcome: ItemOutcome): ItemReport {
  const base = { location: a.location, headline: a.headline.trim().slice(0, HEADLINE) || undefined };
  switch (outcome.kind) {
    case "new":
      return { ...base, outcome: "new", articleId: outcome.articleId, ...(outcome.links ? { links: outcome.links } : {}) };
    case "updated":
      return { ...base, outcome: "updated", articleId: outcome.articleId };
    case "skipped":
      return { ...base, outcome: "skipped", articleId: outcome.articleId, reason: outcome.reason };
    case "failed":
      return { ...base, outcome: "failed", reason: outcome.message };
  }
}

export const failedItem = (e: ItemError): ItemReport => ({ location: e.location, outcome: "failed", reason: e.message });

/** Fills in each item's story, read once all the input's items are stored (a later copy may have made one). */
export async function addStories(db: Db, items: ItemReport[]): Promise<void> {
  const ids = [...new Set(items.flatMap((i) => (i.articleId === undefined ? [] : [i.articleId])))];
  const story = new Map<number, number>();
  for (let at = 0; at < ids.length; at += 500) {
    const rows = await db.article.findMany({ where: { id: { in: ids.slice(at, at + 500) } }, select: { id: true, storyId: true } });
    for (const r of rows) if (r.storyId !== null) story.set(r.id, r.storyId);
  }
  for (const i of items) {
    const s = i.articleId === undefined ? undefined : story.get(i.articleId);
    if (s !== undefined) i.storyId = s;
  }
}

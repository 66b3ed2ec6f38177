// Which tags count as a story's own: the rule the queue filters by and the
// dashboard counts with, kept in one place so that the two agree.
import type { Prisma } from "../db/client";
import { MENTION_TAG_CONFIDENCE } from "../../tagging/thresholds";

/** An accepted tag, or a suggestion not yet turned down; for places, only one the story is about. */
export function storyTag(scheme: string): Prisma.ArticleTagWhereInput {
  return {
    OR: [
      { state: "accepted" },
      // A place the story is about, not one it only names in passing (lib/tagging/places.ts).
      scheme === "iso3166"
        ? { state: "suggested", OR: [{ rel: "main" }, { confidence: { gte: MENTION_TAG_CONFIDENCE } }] }
        : { state: "suggested" },
    ],
  };
}

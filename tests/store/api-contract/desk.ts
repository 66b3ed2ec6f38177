// Samples for the desk's /api/v1 operations: stories, articles, status,
// tags and duplicates, on a small seeded desk (tests/support/desk-seed.ts).
// Writes read the versions as they are now, so each caller's call is current.
import type { Samples } from "./samples";
import { deskSeed } from "../../support/desk-seed";

export const samples: Samples = {
  listStories: async (db) => {
    await deskSeed(db);
    return { query: "limit=5&status=all" };
  },
  getStory: async (db) => ({ params: { id: String((await deskSeed(db)).storyId) } }),
  setStoryStatus: async (db) => {
    const { storyId } = await deskSeed(db);
    const lead = await db.article.findFirstOrThrow({ where: { storyId, storyLead: true } });
    return { params: { id: String(storyId) }, json: { status: "reviewed", version: lead.version } };
  },
  listArticles: async (db) => {
    await deskSeed(db);
    return { query: "limit=5&status=all&sort=published" };
  },
  // The wire copy: tags with evidence, and a duplicate link.
  getArticle: async (db) => ({ params: { id: String((await deskSeed(db)).wireId) } }),
  setArticleStatus: async (db) => {
    const { aloneId } = await deskSeed(db);
    const a = await db.article.findUniqueOrThrow({ where: { id: aloneId } });
    return { params: { id: String(aloneId) }, json: { status: "spiked", version: a.version } };
  },
  searchTags: async () => ({ query: "q=lit" }),
  suggestTags: async () => ({
    json: {
      headline: "Floods close roads in Valencia",
      body: "Heavy rain flooded streets in Valencia on Tuesday and the regional government closed three roads, Spain's weather agency said.",
    },
  }),
  decideArticleTag: async (db) => {
    const { aloneId } = await deskSeed(db);
    const t = await db.articleTag.findFirstOrThrow({ where: { articleId: aloneId, origin: "machine" }, orderBy: { id: "asc" } });
    return { params: { id: String(aloneId) }, json: { action: "accept", tagId: t.tagId, version: t.version } };
  },
  listDuplicates: async (db) => {
    await deskSeed(db);
    return { query: "limit=10" };
  },
  decideDuplicate: async (db) => ({ params: { id: String((await deskSeed(db)).linkId) }, json: { decision: "confirm" } }),
};

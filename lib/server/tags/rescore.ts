// Suggestions again for stored articles, with what editors have taught since.
import "server-only";
import type { Db } from "../db/client";
import { applySuggestions, suggestionContext } from "./apply-suggestions";
import { loadModel } from "./tagging-model";
import { tagInputOf } from "./wanted-suggestions";

export async function rescoreArticles(
  db: Db,
  opts: {
    since?: Date;
    /** Only articles in these languages (ISO 639-1), and not in the unwanted ones: { unwanted: ["en"] } is copy known not to be English. */
    language?: { wanted: string[]; unwanted: string[] };
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<{ articles: number; suggestions: number }> {
  const ctx = await suggestionContext(db, (await loadModel(db)).model);
  const lang = opts.language;
  const where = {
    ...(opts.since ? { ingestedAt: { gte: opts.since } } : {}),
    ...(lang && (lang.wanted.length || lang.unwanted.length)
      ? { language: { not: null, ...(lang.wanted.length ? { in: lang.wanted } : {}), ...(lang.unwanted.length ? { notIn: lang.unwanted } : {}) } }
      : {}),
  };
  const total = await db.article.count({ where });
  let cursor: number | undefined;
  let done = 0;
  let suggestions = 0;
  for (;;) {
    const batch = await db.article.findMany({
      where,
      orderBy: { id: "asc" },
      take: 200,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, headline: true, bodyText: true, dateline: true, language: true, credit: true },
    });
    if (batch.length === 0) break;
    for (const a of batch) {
      suggestions += await db.$transaction((tx) =>
        applySuggestions(tx, a.id, tagInputOf(a), ctx),
      );
      opts.onProgress?.(++done, total);
    }
    cursor = batch[batch.length - 1]!.id;
  }
  return { articles: done, suggestions };
}

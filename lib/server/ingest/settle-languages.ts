// The language of articles stored before ingest settled it (or under an older
// detector): each label checked against its text again, as ingest does now.
import "server-only";
import type { Db } from "../db/client";
import { identifyLanguage, loadLanguageDetector } from "../../ingest/language";

export interface SettleResult {
  articles: number;
  /** Articles whose stored language changed (labels normalised, corrected or detected). */
  changed: number;
}

export async function settleLanguages(db: Db, opts: { onProgress?: (done: number, total: number) => void } = {}): Promise<SettleResult> {
  await loadLanguageDetector();
  const total = await db.article.count();
  let cursor: number | undefined;
  let done = 0;
  let changed = 0;
  for (;;) {
    const batch = await db.article.findMany({
      orderBy: { id: "asc" },
      take: 500,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, headline: true, bodyText: true, language: true },
    });
    if (batch.length === 0) break;
    const updates = batch
      .map((a) => ({ id: a.id, from: a.language, to: identifyLanguage(a, a.language ?? undefined).code ?? null }))
      .filter((u) => u.from !== u.to);
    // A language is no editorial change: the article's version and updatedAt stay, so no editor's open copy goes stale.
    if (updates.length) {
      await db.$transaction(updates.map((u) => db.$executeRaw`UPDATE "Article" SET "language" = ${u.to} WHERE "id" = ${u.id}`));
    }
    changed += updates.length;
    done += batch.length;
    opts.onProgress?.(done, total);
    cursor = batch[batch.length - 1]!.id;
  }
  return { articles: done, changed };
}

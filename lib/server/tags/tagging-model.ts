// The newsroom's tagging model in the store: read once per run or request,
// written with a version check so two editors' lessons are both kept.
import "server-only";
import { isBusy } from "../db/busy";
import type { Db } from "../db/client";
import { emptyModel, learn, unlearn, type Feedback, type NewsroomModel, type TagInput } from "../../tagging";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const NEWSROOM = "default";

export async function loadModel(db: Db | Tx, newsroom = NEWSROOM): Promise<{ model: NewsroomModel; version: number }> {
  const row = await db.taggingModel.findUnique({ where: { newsroom } });
  if (!row) return { model: emptyModel(), version: 0 };
  return { model: JSON.parse(row.model) as NewsroomModel, version: row.version };
}

/** The lesson id of one article's one tag: what an undo of a decision on it takes back. */
export const lessonId = (articleId: number, tag: { scheme: string; code: string }) => `${articleId}|${tag.scheme}:${tag.code}`;

/**
 * Teaches the model one editor action. A concurrent writer makes the
 * version check fail; the lesson is then applied again to the newer model.
 * `lesson` (lessonId) keeps the step so an undo can take it back.
 */
export function teach(db: Db, input: TagInput, feedback: Feedback, lesson?: string, newsroom = NEWSROOM): Promise<NewsroomModel> {
  return changeModel(db, newsroom, (model) => learn(model, input, feedback, lesson));
}

/** Takes back the newest lesson of `lesson` (an undone decision); nothing when the model no longer keeps it. */
export function unteach(db: Db, input: TagInput, feedback: Pick<Feedback, "scheme" | "code">, lesson: string, newsroom = NEWSROOM): Promise<NewsroomModel> {
  return changeModel(db, newsroom, (model) => unlearn(model, input, feedback, lesson));
}

async function changeModel(db: Db, newsroom: string, change: (model: NewsroomModel) => NewsroomModel): Promise<NewsroomModel> {
  // Many editors deciding at once all update this one row: retry with a
  // growing, jittered pause rather than fail a decision that is already saved.
  for (let attempt = 0; attempt < 40; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * attempt)));
    const { model, version } = await loadModel(db, newsroom);
    const next = change(model);
    if (next === model) return model;
    const json = JSON.stringify(next);
    if (version === 0) {
      try {
        await db.taggingModel.create({ data: { newsroom, model: json } });
        return next;
      } catch {
        continue; // another writer created it first
      }
    }
    let count = 0;
    try {
      ({ count } = await db.taggingModel.updateMany({
        where: { newsroom, version },
        data: { model: json, version: { increment: 1 } },
      }));
    } catch (e) {
      // The store busy past its wait is one more reason to try again, not a failed decision.
      if (!isBusy(e)) throw e;
    }
    if (count === 1) return next;
  }
  throw new Error("the tagging model is changing too fast to save; try again");
}

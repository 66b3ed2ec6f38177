import { analyse, docFeatures } from "./doc";
import { MODEL_LIMITS, NO_PRIOR_LOGIT, applyStep, logit, modelKey, tagGradient } from "./model";
import { placesForDoc } from "./places";
import { toMedtop } from "./taxonomy";
import { topicPrior } from "./topics";
import type { Feedback, NewsroomModel, TagInput } from "./types";

// Learning from editors: every accept, reject and hand-added tag is one
// step of online logistic regression for that tag, on the article's word
// stems, with the taxonomy's own confidence as a fixed offset. A rejection
// lowers the weights of the words the article shares with similar ones, so
// the suggestion fades there and stays elsewhere; an added tag raises them,
// so similar new articles get it suggested. Each step is kept by lesson id
// for a while, so that undoing the decision takes exactly that step back.

/** The tag's model key, its article's features and the taxonomy's prior, for a lesson or its undo. */
function lessonParts(input: TagInput, feedback: Pick<Feedback, "scheme" | "code">) {
  const code = feedback.scheme === "medtop" ? toMedtop(feedback.code) : feedback.code.trim();
  if (!code) throw new Error(`not a media topic code: ${feedback.code}`);
  const key = modelKey(feedback.scheme, code);
  const doc = analyse(input);
  const features = docFeatures(doc);
  let prior: number | undefined;
  if (feedback.scheme === "medtop") prior = topicPrior(doc, code);
  else if (feedback.scheme === "iso3166") {
    const iso = key.slice("iso3166:".length);
    prior = placesForDoc(doc, { minConfidence: 0 }).find((p) => p.code === iso)?.confidence;
  }
  return { key, features, priorLogit: prior ? logit(prior) : NO_PRIOR_LOGIT };
}

/** Bounded: the least recently taught tags go first. */
function boundTags(tags: NewsroomModel["tags"]) {
  const keys = Object.keys(tags);
  if (keys.length <= MODEL_LIMITS.maxTags) return;
  keys.sort((a, b) => tags[a]!.last - tags[b]!.last);
  for (const k of keys.slice(0, keys.length - MODEL_LIMITS.maxTags)) delete tags[k];
}

/**
 * The model after one editor action. Pure: the model passed in is not changed.
 * `lessonId` (one article's one tag) keeps the step for unlearn.
 */
export function learn(model: NewsroomModel, input: TagInput, feedback: Feedback, lessonId?: string): NewsroomModel {
  const { key, features, priorLogit } = lessonParts(input, feedback);
  const step = model.updates + 1;
  const g = tagGradient(model.tags[key], features, priorLogit, feedback.signal === "reject" ? 0 : 1);
  const tags = { ...model.tags, [key]: applyStep(model.tags[key], features, g, step) };
  boundTags(tags);
  let lessons = model.lessons;
  if (lessonId !== undefined) {
    lessons = { ...lessons };
    const earlier = lessons[lessonId] ?? [];
    // Re-inserted so the object's key order stays oldest first.
    delete lessons[lessonId];
    lessons[lessonId] = [...earlier, g].slice(-8);
    const ids = Object.keys(lessons);
    for (const id of ids.slice(0, Math.max(0, ids.length - MODEL_LIMITS.maxLessons))) delete lessons[id];
  }
  return { version: 1, updates: step, tags, ...(lessons ? { lessons } : {}) };
}

/**
 * The model with the newest lesson of `lessonId` taken back: what undoing that
 * decision teaches. Lessons learnt since stay. Unchanged (the same object)
 * when the lesson is no longer kept or its tag was dropped.
 */
export function unlearn(model: NewsroomModel, input: TagInput, feedback: Pick<Feedback, "scheme" | "code">, lessonId: string): NewsroomModel {
  const kept = model.lessons?.[lessonId];
  const { key, features } = lessonParts(input, feedback);
  if (!kept?.length || !model.tags[key]) return model;
  const g = kept.at(-1)!;
  const step = model.updates + 1;
  const tags = { ...model.tags, [key]: applyStep(model.tags[key], features, -g, step, -1) };
  const lessons = { ...model.lessons };
  if (kept.length > 1) lessons[lessonId] = kept.slice(0, -1);
  else delete lessons[lessonId];
  return { version: 1, updates: step, tags, lessons };
}

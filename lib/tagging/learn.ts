import { analyse, docFeatures } from "./doc";
import { MODEL_LIMITS, NO_PRIOR_LOGIT, logit, modelKey, updateTag } from "./model";
import { placesForDoc } from "./places";
import { toMedtop } from "./taxonomy";
import { topicPrior } from "./topics";
import type { Feedback, NewsroomModel, TagInput } from "./types";

// Learning from editors: every accept, reject and hand-added tag is one
// step of online logistic regression for that tag, on the article's word
// stems, with the taxonomy's own confidence as a fixed offset. A rejection
// lowers the weights of the words the article shares with similar ones, so
// the suggestion fades there and stays elsewhere; an added tag raises them,
// so similar new articles get it suggested.

/** The model after one editor action. Pure: the model passed in is not changed. */
export function learn(model: NewsroomModel, input: TagInput, feedback: Feedback): NewsroomModel {
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
  const priorLogit = prior ? logit(prior) : NO_PRIOR_LOGIT;
  const step = model.updates + 1;
  const target = feedback.signal === "reject" ? 0 : 1;
  const tags = { ...model.tags, [key]: updateTag(model.tags[key], features, priorLogit, target, step) };
  // Bounded: the least recently taught tags go first.
  const keys = Object.keys(tags);
  if (keys.length > MODEL_LIMITS.maxTags) {
    keys.sort((a, b) => tags[a]!.last - tags[b]!.last);
    for (const k of keys.slice(0, keys.length - MODEL_LIMITS.maxTags)) delete tags[k];
  }
  return { version: 1, updates: step, tags };
}

import { analyse } from "./doc";
import { placesForDoc, type PlaceOptions } from "./places";
import { regionsFor } from "./regions";
import { topicsForDoc, type TopicOptions } from "./topics";
import type { NewsroomModel, PlaceSuggestion, Region, TagInput, TopicSuggestion } from "./types";

// The tagging engine's front door: an article in, topic and place
// suggestions with evidence out. Pure TypeScript; its data ships in ./data.

export { suggestTopics, type TopicOptions } from "./topics";
export { suggestPlaces, type PlaceOptions } from "./places";
export { regionsFor, REGIONS } from "./regions";
export { learn, unlearn } from "./learn";
export { emptyModel, MODEL_LIMITS } from "./model";
export { MEDTOP_CONCEPTS, TOP_LEVEL_TOPICS, medtopConcept, topLevelOf, topicName, toMedtop } from "./taxonomy";
export { countryName } from "./gazetteer";
export type * from "./types";

export interface TagSuggestions {
  topics: TopicSuggestion[];
  places: PlaceSuggestion[];
  /** Regions above the suggested places, derived, never suggested alone. */
  regions: Region[];
}

/** Topics, places and regions of one article, reading it once. */
export function suggestTags(
  input: TagInput,
  model?: NewsroomModel,
  opts: { topics?: TopicOptions; places?: PlaceOptions } = {},
): TagSuggestions {
  const doc = analyse(input);
  const topics = topicsForDoc(doc, { ...opts.topics, ...(model ? { model } : {}) });
  const places = placesForDoc(doc, { ...opts.places, ...(model ? { model } : {}) });
  return { topics, places, regions: regionsFor(places.map((p) => p.code)) };
}

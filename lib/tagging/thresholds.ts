// Thresholds the desk shares with the engine; kept apart so that the browser
// can import them without the engine and its data.

/**
 * A mentioned place at or above this confidence is worth tagging; weaker
 * mentions are still listed, as mentions only. Chosen on the first half of
 * Reuters-21578 and measured on the second (npm run bench:tagging).
 */
export const MENTION_TAG_CONFIDENCE = 0.7;

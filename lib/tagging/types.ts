// The tagging engine's contract with the store and the desk. Codes:
//   topics   "medtop:02000000"            IPTC Media Topics qcode
//   places   "ES"                         ISO 3166-1 alpha-2 (scheme iso3166)
//   regions  "region:eastern-europe"      derived from the places, never stored alone
//   newsroom "newsroom:local-elections"   a newsroom's own tag, learnt from editors

/** What the tagger reads of an article (a ParsedArticle fits). */
export interface TagInput {
  headline: string;
  bodyText: string;
  /** "DRUZHKIVKA", "PARIS, Texas": the dateline place, when the parser found one. */
  dateline?: string;
  /** ISO 639-1 code of the copy's language ("fr"), as ingest settled it; English when absent. */
  language?: string;
  /** The wire or photo credit ("EFE", "Reuters"): a national agency's dateline is read in its country first. */
  credit?: string;
}

export type EvidenceField = "headline" | "body" | "dateline";

/** A word or phrase that supports a suggestion, with its offsets in its field. */
export interface Evidence {
  text: string;
  start: number;
  end: number;
  field: EvidenceField;
}

export interface TopicSuggestion {
  /** "medtop:02000000" or "newsroom:local-elections". */
  code: string;
  scheme: "medtop" | "newsroom";
  /** What editors see: "crime", "war and conflict", or the narrower concept's label. */
  name: string;
  /** 0..1 */
  confidence: number;
  /** 1 for the 17 top-level topics; deeper for narrower concepts; 0 for newsroom tags. */
  level: number;
  /** The broader topic of a narrower concept. */
  parent?: string;
  evidence: Evidence[];
}

export interface PlaceSuggestion {
  /** ISO 3166-1 alpha-2: "ES". */
  code: string;
  name: string;
  /** 0..1 */
  confidence: number;
  /** The story's place (dateline, or most and earliest named in headline and lead), or only named in it. */
  rel: "main" | "mentioned";
  evidence: Evidence[];
}

export interface Region {
  /** "region:eastern-europe" */
  code: string;
  name: string;
}

export type FeedbackScheme = "medtop" | "iso3166" | "newsroom";
export type FeedbackSignal = "accept" | "reject" | "add";

/** One editor action on one article's tag. */
export interface Feedback {
  /** "medtop:02000000" (or "02000000"), "ES", "newsroom:local-elections" (or "local-elections"). */
  code: string;
  scheme: FeedbackScheme;
  /** accept: a suggestion was right; reject: it was wrong; add: the editor tagged by hand. */
  signal: FeedbackSignal;
}

/** Weights learnt for one tag. */
export interface TagWeights {
  /** Added to every article's score for this tag. */
  bias: number;
  /** Word stem → weight. */
  w: Record<string, number>;
  /** Feedback events seen. */
  n: number;
  /** Model.updates at the last event, to evict the least recently taught tag first. */
  last: number;
}

/**
 * A newsroom's learnt adjustments, JSON-serialisable. One online logistic
 * regression per tag over word stems, with the taxonomy's suggestion as a
 * fixed prior; bounded by MODEL_LIMITS.
 */
export interface NewsroomModel {
  version: 1;
  /** Feedback events learnt from. */
  updates: number;
  /** Keyed "medtop:02000000", "iso3166:ES", "newsroom:local-elections". */
  tags: Record<string, TagWeights>;
  /**
   * The step each recent decision took, by lesson id (an article and a tag,
   * lib/server/tags), newest last; several for one id when it was decided
   * again. An undo takes the newest back (unlearn).
   */
  lessons?: Record<string, number[]>;
}

// The tags the engines would suggest for a text: pure, so the bulk path's
// worker threads compute them ahead of the writes (prepare-item.ts).
// No "server-only" marker: worker threads load this file with plain Node
// resolution, also under Next, where the marker would throw.
import { countryName, suggestTags, type NewsroomModel, type TagInput } from "../../tagging";

export interface SuggestionContext {
  model?: NewsroomModel;
  /** Topics an admin hid: never suggested. */
  hidden?: Set<string>;
}

export interface WantedTag {
  scheme: string;
  code: string;
  name: string;
  confidence: number;
  rel: string | null;
  evidence: unknown;
}

/**
 * What the tagger reads of a stored or incoming article: its fields, its
 * language, which decides whose words count, and its credit, which places a
 * national agency's bare dateline at home.
 */
export function tagInputOf(a: {
  headline: string;
  bodyText: string;
  dateline?: string | null;
  language?: string | null;
  credit?: string | null;
}): TagInput {
  return {
    headline: a.headline,
    bodyText: a.bodyText,
    ...(a.dateline ? { dateline: a.dateline } : {}),
    ...(a.language ? { language: a.language } : {}),
    ...(a.credit ? { credit: a.credit } : {}),
  };
}

/** The tags the engines suggest for a text, hidden topics and places left out (pure: the bulk path computes them ahead of its writes). */
export function wantedSuggestions(input: TagInput, ctx: SuggestionContext): WantedTag[] {
  const overrides = Object.fromEntries([...(ctx.hidden ?? [])].map((code) => [code, { hidden: true }]));
  const { topics, places } = suggestTags(input, ctx.model, { topics: { overrides } });
  return [
    ...topics.map((t) => ({ scheme: t.scheme, code: t.code, name: t.name, confidence: t.confidence, rel: null as string | null, evidence: t.evidence })),
    ...places
      .filter((p) => !ctx.hidden?.has(p.code))
      .map((p) => ({ scheme: "iso3166", code: p.code, name: p.name || countryName(p.code), confidence: p.confidence, rel: p.rel as string | null, evidence: p.evidence })),
  ];
}

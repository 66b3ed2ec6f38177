import { matchDateline } from "../ingest/body";
import { agencyCountry } from "./places-lexicon";
import { stem } from "./stem";
import { ELIDING_LANGUAGES, tokenizeField, type FieldTokens } from "./text";
import type { TagInput } from "./types";
import { foreignStopwords } from "./stopwords-foreign";

// An article read once: its fields tokenised, and, when asked for, the
// bag of word stems the newsroom model learns from.

export interface Doc {
  headline: FieldTokens;
  body: FieldTokens;
  dateline?: FieldTokens;
  /** When the dateline was found at the start of the body: where it ends there. */
  datelineInBody?: number;
  /** Body offset where the lead (the opening of the story) ends. */
  leadEnd: number;
  features?: Map<string, number>;
  /** Function words of the copy's language when it is not English: no evidence of a topic. */
  stop?: ReadonlySet<string>;
  /** The copy is known to be in a language other than English. */
  foreign?: boolean;
  /** The copy's language as ingest settled it (ISO 639-1), when known. */
  language?: string;
  /** The home country of the national agency that filed the copy (EFE: ES), from its credit or dateline. */
  agency?: string;
}

/** How much of the body counts as the lead. */
const LEAD_CHARS = 350;
/** Body tokens the model reads: enough for the story's subject, bounded for speed. */
const FEATURE_TOKENS = 400;

export function analyse(input: TagInput): Doc {
  const language = input.language?.slice(0, 2).toLowerCase();
  const elide = language !== undefined && ELIDING_LANGUAGES.has(language);
  const headline = tokenizeField("headline", input.headline ?? "", elide);
  const bodyText = input.bodyText ?? "";
  const body = tokenizeField("body", bodyText, elide);
  const doc: Doc = { headline, body, leadEnd: LEAD_CHARS };
  if (language) doc.language = language;
  if (language && language !== "en") {
    doc.foreign = true;
    const stop = foreignStopwords(language);
    if (stop) doc.stop = stop;
  } else if (!language && mostlyCyrillic(`${input.headline ?? ""} ${bodyText.slice(0, 400)}`)) {
    // Unlabelled copy in Cyrillic is no English whatever its language: the English model hears nothing in it.
    doc.foreign = true;
  }
  if (input.credit) doc.agency = agencyCountry(input.credit);
  const given = input.dateline?.trim();
  if (given) {
    doc.dateline = tokenizeField("dateline", input.dateline ?? "", elide);
  } else {
    // Copy that kept its dateline in the body: "MADRID (Meridian) — ...".
    const d = matchDateline(bodyText.slice(0, 200).trimStart());
    if (d) {
      const at = bodyText.indexOf(d.placeText);
      if (at >= 0 && at < 10) {
        doc.dateline = { ...tokenizeField("dateline", bodyText.slice(0, at + d.placeText.length), elide), quotes: "body" };
        doc.datelineInBody = at + d.placeText.length;
        doc.leadEnd += doc.datelineInBody;
        if (d.wire && !input.credit) doc.agency = agencyCountry(d.wire);
      }
    }
  }
  return doc;
}

/** More Cyrillic letters than Latin ones. */
function mostlyCyrillic(text: string): boolean {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return cyrillic > latin;
}

/** Function words and newsroom filler that say nothing about a story's subject. */
export const STOPWORDS = new Set(
  (
    "a about above after again against all also although am among an and another any are around as at be because been " +
    "before being below between both but by can could did do does doing down during each either else even ever every " +
    "few for from further had has have having he her here hers herself him himself his how however i if in into is it " +
    "its itself just least less like made make many may me might more most much must my myself neither no nor not now " +
    "of off on once one only or other others our ours ourselves out over own per perhaps quite rather really same " +
    "several shall she should since so some such than that the their theirs them themselves then there these they " +
    "this those though through thus to too two under until up upon us very via was we well were what whatever when " +
    "where whether which while who whom whose why will with within without would yet you your yours yourself " +
    "said says say saying told tell according added adding asked new old year years month months week weeks day days " +
    "today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april " +
    "june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "time times first second third last next three four five six seven eight nine ten hundred thousand million " +
    "billion mln bln people percent pct also still back get got go going went come came take took see seen know " +
    "known want wants way ways thing things lot part including include includes among recent recently earlier later " +
    "early late since ago around near including mr mrs ms dr reuters afp ap upi reuter"
  ).split(" "),
);

/**
 * The article as a bag of word stems, headline words counted twice,
 * square-rooted counts, unit length: what the newsroom model learns from
 * and scores. Computed on first use.
 */
export function docFeatures(doc: Doc): Map<string, number> {
  if (doc.features) return doc.features;
  const counts = new Map<string, number>();
  const addField = (ft: FieldTokens, weight: number, limit: number) => {
    const toks = ft.tokens;
    const n = Math.min(toks.length, limit);
    for (let i = 0; i < n; i++) {
      const w = toks[i]!.norm;
      if (w.length < 3 || STOPWORDS.has(w) || doc.stop?.has(w) || /\d/.test(w)) continue;
      const s = stem(w);
      counts.set(s, (counts.get(s) ?? 0) + weight);
    }
  };
  addField(doc.headline, 2, 60);
  addField(doc.body, 1, FEATURE_TOKENS);
  let norm = 0;
  for (const [k, v] of counts) {
    const x = Math.sqrt(v);
    counts.set(k, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [k, v] of counts) counts.set(k, v / norm);
  doc.features = counts;
  return counts;
}

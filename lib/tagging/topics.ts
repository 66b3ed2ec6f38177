import { analyse, STOPWORDS, type Doc } from "./doc";
import { withModel, type ModelOptions } from "./model";
import { stem } from "./stem";
import { MEDTOP_CONCEPTS, TOP_LEVEL_TOPICS, medtopConcept, topicName } from "./taxonomy";
import { phraseKey, phraseKeys, Gap, type FieldTokens, type Word } from "./text";
import { BLOCKED_CUES, TOPIC_CUES } from "./topic-cues";
import { FOREIGN_TOPIC_CUES } from "./topic-cues-foreign";
import { isCyrillic, slavicForms, slavicPluralForms } from "./places-foreign";
import { classifyTopics, featureMap, topicFeatures, topicModel, type CueFeature } from "./topic-model";
import type { Evidence, TagInput, TopicSuggestion } from "./types";
import type { WordVectors } from "./word-vectors";
import { canGloss, glossedSpan, glossFields, type Gloss } from "./gloss";

// Topics from the words of a story. The lexicon joins the taxonomy's own
// labels (every current concept, its English label split into its parts,
// its Spanish, French, German and Portuguese labels whole) with Wiredesk's
// cue words (topic-cues.ts); all of it stemmed into one trie. One pass over
// the stems of headline and body finds the longest cue at each word; each
// cue adds its weight to its topic, more in the headline and lead, less on
// repetition. The newsroom model then moves each confidence on the log-odds
// scale.

export interface TopicOptions extends ModelOptions {
  /** Suggestions below this confidence are dropped (default 0.3). */
  minConfidence?: number;
  /** At most this many suggestions (default 8). */
  max?: number;
  /** Suggest narrower concepts when the story names them (default true). */
  narrower?: boolean;
  /** Per-newsroom overrides: a new name, or hidden (never suggested). Keyed by code. */
  overrides?: Record<string, { name?: string; hidden?: boolean }>;
}

interface Hit {
  /** Index into TOP_LEVEL_TOPICS. */
  top: number;
  w: number;
  /** The narrower concept whose label this is. */
  concept?: string;
  /** A one-word label matches only these forms: "import" and "imports", not "importance". */
  forms?: string[];
  /** A cue word of another Latin-script language: read only in copy known to be in another language. */
  foreign?: true;
}

interface CueNode {
  next?: Map<string, CueNode>;
  hits?: Hit[];
  blocked?: boolean;
}

const DEFAULT_MIN_CONFIDENCE = 0.3;
/** Field weights: a cue in the headline says more than one deep in the body; the lead in between. */
const FIELD_WEIGHT = { headline: 2, lead: 1.3, body: 1 };
/** Repetition: total field weight of a cue raised to this power. */
const REPEAT_POWER = 0.6;
/** Score at which a topic's evidence is taken as strong: confidence 1 - e^-1 at this score. */
const STRENGTH_SCALE = 3;
/**
 * A learnt topic whose training heading also held a topic the classifier
 * does not know: its probability is shared with that one by their cue words
 * (the portal files storms under disasters; the desk files a forecast under
 * weather).
 */
const SHARED_WITH: Record<string, string> = {
  "medtop:03000000": "medtop:17000000",
  // Churches, mosques, pilgrimages: the portal files them under arts and culture.
  "medtop:01000000": "medtop:12000000",
  // Strikes and pay disputes: the portal files them under politics or business; the desk under labour.
  "medtop:11000000": "medtop:09000000",
  "medtop:04000000": "medtop:09000000",
};
/** The most of a learnt topic's probability its untrained sibling takes. */
const MAX_SHARE = 0.5;
/** How far a sure classifier lowers the cue lexicon's confidence in a topic it was not trained on. */
const UNKNOWN_YIELD = 0.4;
/** The cue lexicon's confidence in a topic the classifier knows counts this much... */
const SECOND_OPINION = 0.7;
/** ...and stays below this share of the classifier's best topic. */
const SECOND_BELOW = 0.9;
/** Two learnt topics closer than this are a tie the cue words break. */
const NEAR_TIE = 0.1;
/** Narrower concepts need this much of their own evidence. */
const MIN_NARROWER_SCORE = 2;

/** Single-word labels too common to be evidence ("party" is a gathering in IPTC's lifestyle branch). */
const GENERIC_LABELS = new Set(
  (
    "party transfer series pool bar game fine people plant language values trend adults children water court law " +
    "justice history geography design media culture accident fire disaster animal ceremony mankind gender infants " +
    "teenagers family consumers inventories communities employee employer commuting volunteering retirement " +
    "market trend traffic festival influencers cosmetics forging hobby leisure lifestyle collecting puzzle game " +
    "regulations constitution government defence election politics diplomacy treaty democracy parliament " +
    "health illness injury therapy medicine diet vaccines epidemic society charity welfare sport weather war " +
    "riot revolution rebellion demonstration terrorism economy education environment labour religion science technology"
  ).split(" "),
);

let lexicon: Map<string, CueNode> | undefined;

const TOP_INDEX = new Map(TOP_LEVEL_TOPICS.map((t, i) => [t.qcode, i]));

const cueStems = new Map<string, string>();

/** The stem a word is matched by; function words, and words whose stem is one ("innings" → "in"), stay whole. */
function cueStem(norm: string): string {
  let c = cueStems.get(norm);
  if (c !== undefined) return c;
  if (STOPWORDS.has(norm)) c = norm;
  else {
    const s = stem(norm);
    c = s.length < 3 || STOPWORDS.has(s) ? norm : s;
  }
  if (cueStems.size > 200_000) cueStems.clear();
  cueStems.set(norm, c);
  return c;
}

/** The lexicon node a word's stem starts, or null; kept on the shared Word. */
function firstNode(root: Map<string, CueNode>, w: Word): CueNode | null {
  let n = w.cue as CueNode | null | undefined;
  if (n === undefined) w.cue = n = root.get(wordStem(w)) ?? null;
  return n;
}

function wordStem(w: Word): string {
  return (w.stem ??= cueStem(w.norm));
}

function cueKey(phrase: string): string[] {
  return phraseKey(phrase).map(cueStem);
}

/** A cue's keys: as English copy reads it and, where it differs, as French and Italian copy does ("chiffre d'affaires"). */
function cueKeys(phrase: string): string[][] {
  return phraseKeys(phrase).map((k) => k.map(cueStem));
}

/** Inflected forms of a one-word label. */
function formsOf(word: string): string[] {
  const w = phraseKey(word)[0] ?? word;
  const forms = [w, `${w}s`, `${w}es`];
  if (w.endsWith("y")) forms.push(`${w.slice(0, -1)}ies`);
  if (w.endsWith("s")) forms.push(w.slice(0, -1));
  return forms;
}

function buildLexicon(): Map<string, CueNode> {
  const root = new Map<string, CueNode>();
  const topIndex = new Map(TOP_LEVEL_TOPICS.map((t, i) => [t.qcode, i]));
  const nodeFor = (key: string[]): CueNode | undefined => {
    if (key.length === 0) return undefined;
    let map = root;
    let node: CueNode | undefined;
    for (let i = 0; i < key.length; i++) {
      const k = key[i]!;
      node = map.get(k);
      if (!node) map.set(k, (node = {}));
      if (i < key.length - 1) map = node.next ??= new Map();
    }
    return node;
  };
  /** A phrase's nodes: one, or two where French and Italian copy reads it otherwise (cueKeys). */
  const nodesFor = (phrase: string): CueNode[] => cueKeys(phrase).flatMap((key) => nodeFor(key) ?? []);
  /** Same cue for the same topic twice: keep the stronger, and the narrower concept. */
  const add = (phrase: string, hit: Hit) => {
    for (const node of nodesFor(phrase)) {
      node.hits ??= [];
      const same = node.hits.find((h) => h.top === hit.top);
      if (!same) node.hits.push({ ...hit });
      else {
        if (hit.w > same.w) same.w = hit.w;
        if (hit.concept && !same.concept) same.concept = hit.concept;
        if (same.forms) same.forms = hit.forms ? [...new Set([...same.forms, ...hit.forms])] : undefined;
      }
    }
  };

  // The taxonomy's labels. A label shared by branches is split between them.
  const labelHits = new Map<string, Hit[]>();
  const pushLabel = (phrase: string, hit: Hit) => {
    const k = cueKey(phrase).join(" ");
    if (!k) return;
    let list = labelHits.get(k);
    if (!list) labelHits.set(k, (list = []));
    list.push({ ...hit });
  };
  const labelPhrase = new Map<string, string>();
  for (const c of MEDTOP_CONCEPTS) {
    if (c.retired) continue;
    let top = c;
    for (let guard = 0; top.parent !== null && guard < 10; guard++) top = medtopConcept(top.parent) ?? top;
    const ti = topIndex.get(top.qcode);
    if (ti === undefined) continue;
    const concept = c.level > 1 ? c.qcode : undefined;
    const label = c.label.replace(/\([^)]*\)/g, " ").trim();
    const parts = label.split(/,\s*|\s+and\s+|\s+or\s+|\s*\/\s*|\s+-\s+/).map((p) => p.trim()).filter(Boolean);
    for (const p of parts) {
      const words = p.split(/\s+/);
      if (words.length === 1 && (GENERIC_LABELS.has(p.toLowerCase()) || p.length < 4)) continue;
      const w = words.length > 1 ? 1 : 0.7;
      pushLabel(p, { top: ti, w, ...(concept ? { concept } : {}), ...(words.length === 1 ? { forms: formsOf(p) } : {}) });
      labelPhrase.set(cueKey(p).join(" "), p);
    }
    for (const l of Object.values(c.labels ?? {})) {
      const clean = l.replace(/\([^)]*\)/g, " ").trim();
      if (clean.length < 5 || (clean.split(/\s+/).length === 1 && GENERIC_LABELS.has(clean.toLowerCase()))) continue;
      const one = clean.split(/\s+/).length === 1;
      pushLabel(clean, { top: ti, w: 0.8, ...(concept ? { concept } : {}), ...(one ? { forms: formsOf(clean) } : {}) });
      labelPhrase.set(cueKey(clean).join(" "), clean);
    }
  }
  for (const [k, hits] of labelHits) {
    const tops = new Set(hits.map((h) => h.top));
    const phrase = labelPhrase.get(k) ?? k;
    for (const h of hits) add(phrase, { ...h, w: h.w / tops.size });
  }

  // Wiredesk's cue words.
  for (const { ti, phrase, w } of cueLists(TOPIC_CUES, "topic-cues", topIndex)) {
    for (const node of nodesFor(phrase)) {
      node.hits ??= [];
      const same = node.hits.find((h) => h.top === ti);
      // A cue word overrides the label weight for its topic: the cue list is the considered one.
      if (same) {
        same.w = w;
        delete same.forms;
      }
      else node.hits.push({ top: ti, w });
    }
  }
  // The beat's other languages: Cyrillic nouns in every case; a word English already cues keeps its English weight.
  for (const { ti, phrase, w } of cueLists(FOREIGN_TOPIC_CUES, "topic-cues-foreign", topIndex)) {
    const forms = isCyrillic(phrase) && !phrase.includes(" ") ? [...slavicForms(phrase), ...slavicPluralForms(phrase)] : [phrase];
    for (const form of forms) {
      for (const node of nodesFor(form)) {
        if (node.hits?.some((h) => h.top === ti)) continue;
        // "film", "festival", "suspect" are English words too: in English copy the English lists decide.
        (node.hits ??= []).push(isCyrillic(form) ? { top: ti, w } : { top: ti, w, foreign: true });
      }
    }
  }
  for (const phrase of BLOCKED_CUES) {
    for (const node of nodesFor(phrase)) {
      node.blocked = true;
      delete node.hits;
    }
  }
  return root;
}

/** The cues of a list ("phrase^weight; …" per top-level topic), each with its topic's index. */
function* cueLists(lists: Record<string, string>, name: string, topIndex: Map<string, number>): Generator<{ ti: number; phrase: string; w: number }> {
  for (const [code, text] of Object.entries(lists)) {
    const ti = topIndex.get(code);
    if (ti === undefined) throw new Error(`${name}: ${code} is not a top-level topic`);
    for (const raw of text.split(";")) {
      const [phrase, weight] = raw.trim().split("^");
      const w = weight === undefined ? 1 : Number(weight);
      if (phrase && w > 0) yield { ti, phrase, w };
    }
  }
}

function cueLexicon(): Map<string, CueNode> {
  lexicon ??= buildLexicon();
  return lexicon;
}

interface CueHit {
  top: number;
  w: number;
  /** Summed field weight of its occurrences. */
  mult: number;
  concept?: string;
  /** Its score, once the scan is done. */
  score?: number;
  /** First occurrence, for evidence. */
  ft: FieldTokens;
  start: number;
  end: number;
}

/** Every cue of the story, keyed by its lexicon entry. */
function scoreDoc(doc: Doc): Map<Hit, CueHit> {
  const root = cueLexicon();
  const found = new Map<Hit, CueHit>();
  const scan = (ft: FieldTokens, leadEnd: number, baseWeight: number, skipBefore: number) => {
    const toks = ft.tokens;
    for (let i = 0; i < toks.length; i++) {
      const first = toks[i]!;
      if (first.start < skipBefore) continue;
      let node: CueNode | null | undefined = firstNode(root, first.word);
      if (!node) continue;
      let bestEnd = -1;
      let bestNode: CueNode | undefined;
      let k = i;
      while (node) {
        if (node.hits || node.blocked) {
          bestEnd = k + 1;
          bestNode = node;
        }
        k++;
        const nt = toks[k];
        if (!nt || nt.gap === Gap.Sentence || !node.next) break;
        node = node.next.get(wordStem(nt.word));
      }
      if (!bestNode) continue;
      // A function word of the copy's own language is no English cue ("un", "eu").
      if (bestEnd - i === 1 && doc.stop?.has(first.norm)) continue;
      const startIdx = i;
      i = bestEnd - 1;
      const hits = bestNode.hits;
      if (!hits) continue;
      const fw = first.start < leadEnd ? FIELD_WEIGHT.lead : baseWeight;
      const single = bestEnd - startIdx === 1 ? first.norm : undefined;
      for (const h of hits) {
        if (h.forms && single !== undefined && !h.forms.includes(single)) continue;
        if (h.foreign && !doc.foreign) continue;
        let c = found.get(h);
        if (!c) {
          c = { top: h.top, w: h.w, mult: 0, ft, start: first.start, end: toks[bestEnd - 1]!.end };
          if (h.concept) c.concept = h.concept;
          found.set(h, c);
        }
        c.mult += fw;
      }
    }
  };
  scan(doc.headline, -1, FIELD_WEIGHT.headline, 0);
  scan(doc.body, doc.leadEnd, FIELD_WEIGHT.body, doc.datelineInBody ?? 0);
  return found;
}

function evidenceOf(c: CueHit): Evidence {
  return { text: c.ft.text.slice(c.start, c.end), start: c.start, end: c.end, field: c.ft.field === "headline" ? "headline" : "body" };
}

const cueScore = (c: CueHit) => (c.score ??= c.w * Math.pow(c.mult, REPEAT_POWER));

/** Summed cue-word score per top-level topic (code → score): how much of each topic's vocabulary the story uses. */
export function cueTopicScores(doc: Doc): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of scoreDoc(doc).values()) {
    const code = TOP_LEVEL_TOPICS[c.top]!.qcode;
    out.set(code, (out.get(code) ?? 0) + cueScore(c));
  }
  return out;
}

/** Cues a cue feature quotes as its evidence. */
const CUE_EVIDENCE = 3;

/** The cue lexicon's strength per topic, with its strongest cues' places: features of the classifier. Hits strongest first. */
function cueFeatures(hits: CueHit[]): CueFeature[] {
  const byTop = new Map<number, CueFeature & { score: number }>();
  for (const c of hits) {
    let t = byTop.get(c.top);
    if (!t) byTop.set(c.top, (t = { code: TOP_LEVEL_TOPICS[c.top]!.qcode, strength: 0, score: 0, places: [] }));
    t.score += cueScore(c);
    if (t.places.length < CUE_EVIDENCE) t.places.push({ ft: c.ft, start: c.start, end: c.end });
  }
  for (const t of byTop.values()) t.strength = 1 - Math.exp(-t.score / STRENGTH_SCALE);
  return [...byTop.values()];
}

/** What the classifier reads of an article: for scripts/build-topic-model.ts, which must read as tagging does. */
export function classifierFeatures(doc: Doc, vectors?: WordVectors | null): Map<string, number> {
  // Undefined takes topicFeatures' default, the shipped vectors; null pools nothing.
  return featureMap(topicFeatures(doc, cueFeatures([...scoreDoc(doc).values()].sort((a, b) => cueScore(b) - cueScore(a))), vectors));
}

/**
 * Topic confidences before the newsroom model, with evidence: the model's
 * prior. The learned classifier (topic-model.ts) gives the topics it was
 * trained on, as calibrated probabilities; the cue lexicon gives the topics
 * the training data does not cover (education, weather, religion...), and the
 * narrower concepts a story names under any suggested topic.
 */
function priorTopics(doc: Doc, narrower: boolean): TopicSuggestion[] {
  const found = scoreDoc(doc);
  // The cues, strongest first, once: for the classifier's cue features, evidence and narrower concepts.
  const hits = [...found.values()].sort((a, b) => cueScore(b) - cueScore(a));
  const out: TopicSuggestion[] = [];
  const confidenceOf = new Map<number, number>();

  // Two known words at least when no cue word speaks: one word alone ("Hello") gives the class priors back.
  const learnt = classifyTopics(doc, cueFeatures(hits), undefined, undefined, 2);
  const model = topicModel();
  const covered = new Set(model.tops);
  const byTop = new Map<string, { p: number; evidence: Evidence[]; bestP: number }>();
  for (const c of learnt) {
    const top = c.top;
    let t = byTop.get(top);
    if (!t) byTop.set(top, (t = { p: 0, evidence: c.evidence, bestP: c.p }));
    t.p += c.p;
    if (c.p > t.bestP) {
      t.bestP = c.p;
      t.evidence = c.evidence;
    }
    // A narrower class of its own (international relations): suggested under its topic.
    if (c.code !== top && narrower) {
      const con = medtopConcept(c.code);
      if (con) out.push({ code: c.code, scheme: "medtop", name: con.label, confidence: c.p, level: con.level, ...(con.parent ? { parent: con.parent } : {}), evidence: c.evidence });
    }
  }
  const scores = new Array<number>(TOP_LEVEL_TOPICS.length).fill(0);
  for (const c of hits) scores[c.top]! += cueScore(c);
  const cueScoreOf = (code: string) => scores[TOP_INDEX.get(code) ?? -1] ?? 0;
  const shared = new Map<string, { p: number }>();
  for (const [code, t] of byTop) {
    const i = TOP_INDEX.get(code) ?? -1;
    // No word of the story speaks for it: the probability is only what is left over from the others.
    if (i < 0 || t.evidence.length === 0) continue;
    let p = t.p;
    const sibling = SHARED_WITH[code];
    if (sibling) {
      const own = cueScoreOf(code);
      const theirs = cueScoreOf(sibling);
      if (theirs > 0) {
        // At most half: a storm that cuts power is weather and a disaster, and the classifier said the latter.
        const share = Math.min(MAX_SHARE, theirs / (own + theirs));
        shared.set(sibling, { p: (shared.get(sibling)?.p ?? 0) + p * share });
        p *= 1 - share;
      }
    }
    confidenceOf.set(i, p);
    out.push({ code, scheme: "medtop", name: topicName(code), confidence: p, level: 1, evidence: t.evidence });
  }

  // A near tie between two learnt topics is broken by the cue words: the
  // training data's labels are noisy at the margin (HuffPost files NFL stars
  // under entertainment), the curated lexicon is not.
  const learntTops = out.filter((t) => t.level === 1).sort((a, b) => b.confidence - a.confidence);
  const [a, b] = learntTops;
  if (a && b && a.confidence - b.confidence < NEAR_TIE && cueScoreOf(b.code) > cueScoreOf(a.code)) {
    [a.confidence, b.confidence] = [b.confidence, a.confidence];
    confidenceOf.set(TOP_INDEX.get(a.code)!, a.confidence);
    confidenceOf.set(TOP_INDEX.get(b.code)!, b.confidence);
  }

  // The cue lexicon: in full for the topics the classifier was not trained
  // on; for the others only as a second opinion, below the classifier's
  // best, so that a story can carry a second topic without the cue words
  // choosing its first.
  const max = Math.max(0, ...scores);
  const learntBest = Math.max(0, ...out.filter((t) => t.level === 1).map((t) => t.confidence));
  scores.forEach((s, i) => {
    const topic = TOP_LEVEL_TOPICS[i]!;
    if (s <= 0) return;
    const strength = 1 - Math.exp(-s / STRENGTH_SCALE);
    let confidence = strength * Math.pow(s / max, 0.7);
    confidence = Math.max(confidence, shared.get(topic.qcode)?.p ?? 0);
    // The classifier learnt English: in other languages it reads only the odd cognate, so the cue words speak in full.
    const isCovered = covered.has(topic.qcode) && !doc.foreign;
    if (isCovered) confidence = Math.min(SECOND_OPINION * confidence, SECOND_BELOW * learntBest);
    // A topic the classifier does not know counts for less the surer the classifier is of one it knows.
    else confidence *= 1 - UNKNOWN_YIELD * learntBest;
    const have = out.find((t) => t.code === topic.qcode);
    if (have) {
      if (confidence > have.confidence) {
        have.confidence = confidence;
        confidenceOf.set(i, confidence);
      }
      return;
    }
    confidenceOf.set(i, confidence);
    const evidence: Evidence[] = [];
    for (const c of hits) if (c.top === i && evidence.push(evidenceOf(c)) >= 6) break;
    out.push({ code: topic.qcode, scheme: "medtop", name: topicName(topic.qcode), confidence, level: 1, evidence });
  });
  if (!narrower) return out;

  // Narrower concepts the story names, each with its broader ones up to the top level.
  const concepts = new Map<string, { score: number; evidence: Evidence[]; top: number }>();
  for (const c of hits) {
    if ((confidenceOf.get(c.top) ?? 0) < 0.2) continue;
    for (let code = c.concept; code; ) {
      const con = medtopConcept(code);
      if (!con || con.level === 1) break;
      let t = concepts.get(code);
      if (!t) concepts.set(code, (t = { score: 0, evidence: [], top: c.top }));
      t.score += cueScore(c);
      if (t.evidence.length < 4) t.evidence.push(evidenceOf(c));
      code = con.parent ?? undefined;
    }
  }
  for (const [code, t] of concepts) {
    if (t.score < MIN_NARROWER_SCORE) continue;
    const con = medtopConcept(code)!;
    const confidence = confidenceOf.get(t.top)! * (1 - Math.exp(-t.score / 2.5));
    const same = out.find((x) => x.code === code);
    if (same) {
      same.confidence = Math.max(same.confidence, confidence);
      continue;
    }
    out.push({ code, scheme: "medtop", name: con.label, confidence, level: con.level, ...(con.parent ? { parent: con.parent } : {}), evidence: t.evidence });
  }
  return out;
}

/**
 * Copy in a language the dictionaries cover, read word by word into English
 * (gloss.ts) and tagged as English copy: the learnt model and its word
 * vectors read it, where the copy's own words reach only the cue lists. The
 * evidence quotes the copy's own words behind the English ones. Null when
 * the English reading suggests no topic.
 */
function glossedTopics(doc: Doc, narrower: boolean): TopicSuggestion[] | null {
  if (!doc.foreign || !canGloss(doc.language)) return null;
  const [headline, body] = glossFields([doc.headline.text, doc.body.text], doc.language, doc.stop) as [Gloss, Gloss];
  const list = priorTopics(analyse({ headline: headline.text, bodyText: body.text, language: "en" }), narrower);
  if (!list.some((t) => t.level === 1)) return null;
  const own: Record<string, [Gloss, string]> = { headline: [headline, doc.headline.text], body: [body, doc.body.text] };
  return list.map((t) => ({
    ...t,
    evidence: t.evidence.flatMap((e) => {
      const [g, text] = own[e.field] ?? [];
      const span = g && glossedSpan(g, text!, e.start, e.end);
      return span ? [{ ...span, field: e.field }] : [];
    }),
  }));
}

/** Topics as the copy's language is best read: by its own words and, where a dictionary serves, through English (glossedTopics). */
function readTopics(doc: Doc, narrower: boolean): TopicSuggestion[] {
  const own = priorTopics(doc, narrower);
  const english = glossedTopics(doc, narrower);
  if (!english) return own;
  // Each topic as the surer reading has it. Read through English alone, French Wikinews articles lost
  // 17 points (0.764 → 0.596): the copy's own cue words know its idiom, the gloss its subject.
  const by = new Map(own.map((t) => [t.code, t]));
  for (const t of english) if (t.confidence > (by.get(t.code)?.confidence ?? 0)) by.set(t.code, t);
  return [...by.values()];
}

/** Topics of an analysed article. */
export function topicsForDoc(doc: Doc, opts: TopicOptions = {}): TopicSuggestion[] {
  let list = readTopics(doc, opts.narrower ?? true);
  if (opts.model) {
    const priors = new Map(list.map((t) => [t.code, t.confidence]));
    const byCode = new Map(list.map((t) => [t.code, t]));
    const adjusted = [...withModel(opts.model, doc, "medtop", priors), ...withModel(opts.model, doc, "newsroom", new Map())];
    list = adjusted.map(([code, a]) => {
      const t = byCode.get(code);
      if (t) return { ...t, confidence: a.confidence, evidence: t.evidence.length ? t.evidence : a.evidence };
      return suggestionFor(code, a.confidence, a.evidence);
    });
  }
  const min = opts.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const overrides = opts.overrides ?? {};
  const kept = list
    .filter((t) => t.confidence >= min && !overrides[t.code]?.hidden)
    .map((t) => ({ ...t, confidence: round(t.confidence), name: overrides[t.code]?.name ?? t.name }));
  // A narrower concept only under a broader topic that is itself suggested.
  const codes = new Set(kept.map((t) => t.code));
  const rooted = kept.filter((t) => t.scheme !== "medtop" || t.level <= 1 || hasSuggestedAncestor(t.code, codes));
  return rooted
    .sort((a, b) => b.confidence - a.confidence || a.level - b.level || a.code.localeCompare(b.code))
    .slice(0, opts.max ?? 8);
}

function hasSuggestedAncestor(code: string, codes: Set<string>): boolean {
  let c = medtopConcept(code);
  for (let guard = 0; c?.parent && guard < 10; guard++) {
    if (codes.has(c.parent)) return true;
    c = medtopConcept(c.parent);
  }
  return false;
}

function suggestionFor(code: string, confidence: number, evidence: Evidence[]): TopicSuggestion {
  const con = medtopConcept(code);
  if (con) {
    return {
      code: con.qcode,
      scheme: "medtop",
      name: topicName(con.qcode),
      confidence,
      level: con.level,
      ...(con.parent ? { parent: con.parent } : {}),
      evidence,
    };
  }
  const slug = code.replace(/^newsroom:/, "");
  return { code, scheme: "newsroom", name: slug.replace(/[-_]+/g, " "), confidence, level: 0, evidence };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The raw confidence the taxonomy alone gives a code on this article (0 when it gives none). */
export function topicPrior(doc: Doc, code: string): number {
  return readTopics(doc, true).find((t) => t.code === code)?.confidence ?? 0;
}

/** IPTC topics (and, with a model, newsroom tags) for an article, with confidence and evidence. */
export function suggestTopics(input: TagInput, model?: TopicOptions["model"], opts: TopicOptions = {}): TopicSuggestion[] {
  return topicsForDoc(analyse(input), { ...opts, ...(model ? { model } : {}) });
}

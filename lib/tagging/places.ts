import { MENTION_TAG_CONFIDENCE } from "./thresholds";
import { analyse, type Doc } from "./doc";
import { gazetteer, countryName, type PlaceEntry, type TrieNode } from "./gazetteer";
import { withModel, type ModelOptions } from "./model";
import { AMBIGUOUS_NAMES, CITY_NAME_PREFIXES, PLACE_FOLLOWERS, PLACE_MODIFIERS } from "./places-lexicon";
import { COUNTRIES_OF_LANGUAGE } from "./places-foreign";
import { glossedPlace, mayBeGlossedPlace } from "./places-glossed";
import { Gap, type FieldTokens, type Token } from "./text";
import type { Evidence, PlaceSuggestion, TagInput } from "./types";

// Countries a story is set in or names. One pass over each field's tokens
// finds the longest gazetteer name at each capitalised word; rules then
// drop persons, common words and qualified namesakes, settle the ambiguous
// names from the rest of the story, and weigh what is left by where it
// stands: dateline, headline, lead, body.

export interface PlaceOptions extends ModelOptions {
  /** Suggestions below this confidence are dropped (default 0.25). */
  minConfidence?: number;
  /** At most this many places (default 12). */
  max?: number;
}

type Position = "dateline" | "headline" | "lead" | "body";

interface Mention {
  entries: PlaceEntry[];
  ft: FieldTokens;
  /** Token range [i, j). */
  i: number;
  j: number;
  pos: Position;
  /** Next to another capitalised name: "Jordan Whitfield", "Michael Jordan". */
  person: boolean;
  /** The country named after a comma: "Paris, Texas" → US. */
  qualifier?: string;
  /** The name as the gazetteer knows it (its trie node's entries): the same for every mention of it. */
  key: PlaceEntry[];
  /** Order in the story, for ties. */
  order: number;
}

/** How much one mention says, by what it is. */
const KIND_WEIGHT = { country: 1, region: 0.9, city: 0.8, capital: 1, demonym: 0.6 };
/** How much one mention says, by where it stands. */
const POSITION_WEIGHT: Record<Position, number> = { dateline: 6, headline: 3, lead: 2, body: 1 };
const DEFAULT_MIN_CONFIDENCE = 0.25;

const DATE_WORD = /^(?:\d.*|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)$/;

/** The longest name starting at token i, and the entries usable there. */
function longestMatch(
  root: Map<string, TrieNode>,
  toks: Token[],
  i: number,
  capsOk: boolean,
): { end: number; entries: PlaceEntry[] } | undefined {
  const w = toks[i]!.word;
  let node = w.place as TrieNode | null | undefined;
  if (node === undefined) w.place = node = root.get(w.norm) ?? null;
  let best: { end: number; entries: PlaceEntry[] } | undefined;
  let k = i;
  while (node) {
    const last = toks[k]!;
    // A name ends on a capital ("New Mexico"); a blocked phrase may not ("French fries").
    if (node.entries && (capsOk || last.cap || node.entries.some((e) => e.kind === "block" || e.kind === "area"))) {
      best = { end: k + 1, entries: node.entries };
    }
    k++;
    const nt = toks[k];
    if (!nt || nt.gap === Gap.Sentence || !node.next) break;
    node = node.next.get(nt.norm);
  }
  return best;
}

function isStartOfName(root: Map<string, TrieNode>, t: Token): boolean {
  const w = t.word;
  let node = w.place as TrieNode | null | undefined;
  if (node === undefined) w.place = node = root.get(w.norm) ?? null;
  return node?.entries !== undefined;
}

function startsLowercaseName(root: Map<string, TrieNode>, t: Token): boolean {
  const w = t.word;
  let node = w.place as TrieNode | null | undefined;
  if (node === undefined) w.place = node = root.get(w.norm) ?? null;
  return node?.entries?.some((e) => e.lowercase) ?? false;
}

/** Roman numerals of two letters or more ("I" is the English pronoun). */
const REGNAL = /^(?=[ivx]{2,}$)x{0,3}(?:ix|iv|v?i{0,3})$/;
/** Titles before a regnal name, in the beat's languages. */
const TITLES = new Set(["pope", "papa", "pape", "papst", "king", "queen", "rey", "reina", "roi", "reine", "re", "regina", "konig", "konigin", "rei", "rainha", "tsar", "czar", "zar"]);

/**
 * Whether token i stands beside another capitalised word or is joined to one
 * by a hyphen: a name read through the dictionary there is a person's or a
 * longer name's ("Wladimir Putin", "Berners-Lee"), since the dictionary knows
 * towns, not people. A demonym is still one ("US-amerikanischen").
 */
function besideName(ft: FieldTokens, i: number): boolean {
  const t = ft.tokens[i]!;
  const prev = ft.tokens[i - 1];
  const next = ft.tokens[i + 1];
  return (
    ft.text[t.start - 1] === "-" ||
    ft.text[t.end] === "-" ||
    (prev !== undefined && t.gap === Gap.Space && prev.cap) ||
    (next !== undefined && next.gap === Gap.Space && next.cap)
  );
}

/** Find place mentions in one field. */
function scanField(ft: FieldTokens, pos: (t: Token) => Position, skipBefore: number, orderBase: number, language?: string): Mention[] {
  const { root } = gazetteer();
  const toks = ft.tokens;
  const out: Mention[] = [];
  const isDateline = ft.field === "dateline";
  const caps = ft.allCaps || isDateline;
  const shapeless = ft.titleCase || caps; // capitals say nothing about names here
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.start < skipBefore) continue;
    if (isDateline && DATE_WORD.test(t.norm)) break; // "LONDON, March 3": the place is over
    // Lower case names nothing in English; the beat's other languages write demonyms so ("el Gobierno español").
    const lower = !t.cap && !caps;
    let m = lower && !startsLowercaseName(root, t) ? undefined : longestMatch(root, toks, i, caps || lower);
    // Not a capitalised word where capitals say nothing (a title-case headline, German's nouns in a short line).
    if (!m && language !== undefined && !isDateline && (lower || !shapeless) && mayBeGlossedPlace(t.word, language)) {
      // Copy in another language: a demonym or name the gazetteer does not spell, read through the dictionary.
      const glossed = glossedPlace(ft.text.slice(t.start, t.end), language);
      if (glossed && (glossed[0]!.kind === "demonym" || !besideName(ft, i))) m = { end: i + 1, entries: glossed };
    }
    if (!m) continue;
    const single = m.end - i === 1;
    const sentenceStart = t.gap === Gap.Sentence;
    // "French fries", "Rio Grande", "Europe": the phrase holds its words, whatever else they could name.
    const fixed = m.entries.find((e) => e.kind === "block" || e.kind === "area");
    const entries = fixed ? [fixed] : m.entries.filter((e) => {
      if (e.kind === "qualifier") return false;
      if (e.languages && !(language !== undefined && e.languages.includes(language))) return false;
      if (lower && !e.lowercase) return false;
      if (e.datelineOnly && !isDateline) return false;
      if (e.upperOnly && single && !t.upper) return false;
      // An English word is no word in other copy, for a city of that language's own countries.
      const home = e.kind === "city" && language !== undefined && COUNTRIES_OF_LANGUAGE[language]?.includes(e.candidates[0]?.code ?? "");
      const wordy = (e.wordy && !home) || (language !== undefined && e.wordyIn?.includes(language));
      if (wordy && !isDateline && (sentenceStart || shapeless)) return false;
      const after = language !== undefined ? e.afterIn?.[language] : undefined;
      if (after && !isDateline && !(i > 0 && t.gap === Gap.Space && after.includes(toks[i - 1]!.norm))) return false;
      return true;
    });
    if (entries.length === 0) continue;
    const key = m.entries;
    let person = false;
    if (single && !shapeless) {
      const prev = toks[i - 1];
      const next = toks[m.end];
      // "Russia's Krasnodar": a possessive ends the name before it.
      const prevCap = prev !== undefined && t.gap === Gap.Space && prev.cap && !prev.possessive && !PLACE_MODIFIERS.has(prev.norm);
      const nextCap =
        next !== undefined &&
        next.gap === Gap.Space &&
        next.cap &&
        !next.upper &&
        next.norm !== "i" && // "In Paris I met": the pronoun, not a surname
        !PLACE_FOLLOWERS.has(next.norm) &&
        !isStartOfName(root, next);
      const personal = entries.some((e) => e.person);
      // "el papa León XIV": a given name with a regnal number after a title is a person's ("Paris XIII" is a university).
      const regnal =
        next !== undefined && next.gap === Gap.Space && next.upper && REGNAL.test(next.norm) && prev !== undefined && TITLES.has(prev.norm);
      if (regnal || (personal && (prevCap || nextCap))) person = true;
      // "Real Madrid", "Hurricane Florence", "Mr Lincoln": a city inside a longer name. At a sentence's start the
      // word before is capitalised whatever it is ("In Madrid"): there only a word that opens such names counts.
      else if (prevCap && entries.every((e) => e.kind === "city") && (prev.gap !== Gap.Sentence || CITY_NAME_PREFIXES.has(prev.norm))) continue;
    }
    const mention: Mention = { entries, ft, i, j: m.end, pos: pos(t), person, key, order: orderBase + t.start };
    // "PARIS, Texas", "Salvador, Brazil", "ATLANTA, Ga.": the qualifier names the country.
    const q = toks[m.end];
    if (q && q.gap === Gap.Comma && !fixed) {
      const qm = longestMatch(root, toks, m.end, true);
      const code = qm ? qualifierCode(entries, qm.entries, q, isDateline) : undefined;
      if (qm && code) {
        mention.qualifier = code;
        mention.j = qm.end;
      }
    }
    out.push(mention);
    i = mention.j - 1;
  }
  return out;
}

/**
 * The country a qualifier gives a place, or undefined when the comma only
 * separates a list ("bushfires in New South Wales, Canada postal talks").
 * A state or province qualifies any town ("Paris, Texas"); a country only a
 * town it has one of ("Salvador, Brazil", not "Seoul, China"); a region
 * only by its own country ("Victoria, Australia").
 */
function qualifierCode(place: PlaceEntry[], qualifier: PlaceEntry[], q: Token, dateline: boolean): string | undefined {
  const towns = new Set<string>();
  const regions = new Set<string>();
  for (const e of place) {
    if (e.kind === "city") for (const c of e.namesakes ?? e.candidates.map((x) => x.code)) towns.add(c);
    if (e.kind === "region") for (const c of e.candidates) regions.add(c.code);
  }
  if (towns.size === 0 && regions.size === 0) return undefined;
  const subnational = qualifier.filter((e) => (e.kind === "qualifier" || e.kind === "region") && (!e.upperOnly || q.upper));
  const countries = qualifier.filter((e) => e.kind === "country" && (!e.upperOnly || q.upper));
  const fits = (code: string) => towns.has(code) || regions.has(code);
  for (const e of subnational) {
    const code = e.candidates[0]?.code;
    if (code && (towns.size > 0 || regions.has(code))) return code;
  }
  for (const e of countries) {
    const code = e.candidates[0]?.code;
    // A dateline names one place: its country qualifier is the country, whatever towns the gazetteer knows
    // ("LEÓN, México": GeoNames calls that León "León de los Aldama").
    if (code && (fits(code) || dateline)) return code;
  }
  return undefined;
}

/** Stems and bigrams of the story, for the cues of ambiguous names. */
function cueSet(doc: Doc): Set<string> {
  const s = new Set<string>();
  for (const ft of [doc.headline, doc.body]) {
    const toks = ft.tokens;
    for (let i = 0; i < toks.length; i++) {
      const a = toks[i]!.norm;
      s.add(a);
      const b = toks[i + 1];
      if (b && b.gap !== Gap.Sentence) s.add(`${a} ${b.norm}`);
    }
  }
  return s;
}

interface Tally {
  score: number;
  /** Score of headline, lead and dateline mentions, demonyms halved: where the story is, not what it is about. */
  leadScore: number;
  evidence: Evidence[];
  first: number;
  inLead: boolean;
  dateline: boolean;
}

function mentionText(m: Mention): Evidence {
  const a = m.ft.tokens[m.i]!;
  const b = m.ft.tokens[m.j - 1]!;
  return { text: m.ft.text.slice(a.start, b.end), start: a.start, end: b.end, field: m.ft.quotes ?? m.ft.field };
}

function kindWeight(e: PlaceEntry, code: string): number {
  if (e.kind === "city") return e.candidates.find((c) => c.code === code)?.capital ? KIND_WEIGHT.capital : KIND_WEIGHT.city;
  if (e.kind === "country" || e.kind === "region" || e.kind === "demonym") return KIND_WEIGHT[e.kind];
  return 0;
}

/** Places of an analysed article. */
export { MENTION_TAG_CONFIDENCE };

/** The places a story is tagged with: its main place and its strong mentions. */
export function taggedPlaces<T extends { rel: "main" | "mentioned"; confidence: number }>(places: T[]): T[] {
  return places.filter((p) => p.rel === "main" || p.confidence >= MENTION_TAG_CONFIDENCE);
}

export function placesForDoc(doc: Doc, opts: PlaceOptions = {}): PlaceSuggestion[] {
  const mentions: Mention[] = [];
  if (doc.dateline) mentions.push(...scanField(doc.dateline, () => "dateline", 0, -1e6, doc.language));
  mentions.push(...scanField(doc.headline, () => "headline", 0, -1e5, doc.language));
  mentions.push(
    ...scanField(doc.body, (t) => (t.start < doc.leadEnd ? "lead" : "body"), doc.datelineInBody ?? 0, 0, doc.language),
  );

  // What the story says without doubt: single-country mentions, qualifiers.
  const support = new Map<string, number>();
  const supportByKey = new Map<PlaceEntry[], Map<string, number>>();
  const qualified = new Map<PlaceEntry[], string>();
  const personKeys = new Set<PlaceEntry[]>();
  for (const m of mentions) {
    if (m.person) {
      personKeys.add(m.key);
      continue;
    }
    const codes = m.qualifier ? [m.qualifier] : uniqueCodes(m.entries);
    if (m.qualifier) qualified.set(m.key, m.qualifier);
    if (codes.length !== 1 || m.entries.some((e) => e.ambiguous)) continue;
    const c = codes[0]!;
    support.set(c, (support.get(c) ?? 0) + 1);
    let byKey = supportByKey.get(m.key);
    if (!byKey) supportByKey.set(m.key, (byKey = new Map()));
    byKey.set(c, (byKey.get(c) ?? 0) + 1);
  }
  let cues: Set<string> | undefined;
  /** The reading of an ambiguous name with most support in the story; null when it is no place here. */
  const reading = (name: string, key: PlaceEntry[], dateline: boolean): string | null => {
    const readings = AMBIGUOUS_NAMES[name] ?? [];
    cues ??= cueSet(doc);
    let best: string | null = null;
    let bestScore = -1;
    for (const r of readings) {
      let s = 0;
      for (const c of r.cues) if (cues.has(c)) s++;
      for (const v of r.via ?? []) s += (support.get(v) ?? 0) - (supportByKey.get(key)?.get(v) ?? 0);
      if (dateline && r.code === doc.agency) s++;
      if (s > bestScore) {
        bestScore = s;
        best = r.code;
      }
    }
    // A name also used as a person's in this story needs support to be the place.
    return bestScore <= 0 && personKeys.has(key) ? null : best;
  };

  const tallies = new Map<string, Tally>();
  for (const m of mentions) {
    if (m.person) continue;
    const entries = m.entries.filter((e) => e.kind !== "area" && e.kind !== "block");
    if (entries.length === 0) continue;
    let code: string | null | undefined;
    const amb = entries.find((e) => e.ambiguous)?.ambiguous;
    if (m.qualifier) code = m.qualifier;
    else if (qualified.has(m.key)) code = qualified.get(m.key);
    else if (amb) code = reading(amb, m.key, m.pos === "dateline");
    else if (personKeys.has(m.key) && (support.get(uniqueCodes(entries)[0] ?? "") ?? 0) === 0) code = null;
    else if (m.pos === "dateline") code = datelineCode(entries, support, doc.agency);
    else {
      const codes = uniqueCodes(entries);
      code = codes[0];
      // A namesake wins only with support in the story and none for the bigger place.
      if (codes.length > 1 && (support.get(code!) ?? 0) === 0) code = codes.find((c) => (support.get(c) ?? 0) > 0) ?? code;
    }
    if (!code) continue;
    const entry = entries.find((e) => e.candidates.some((c) => c.code === code)) ?? entries[0]!;
    const w = (kindWeight(entry, code) || KIND_WEIGHT.region) * POSITION_WEIGHT[m.pos];
    let t = tallies.get(code);
    if (!t) tallies.set(code, (t = { score: 0, leadScore: 0, evidence: [], first: m.order, inLead: false, dateline: false }));
    t.score += w;
    if (m.pos !== "body") t.leadScore += entry.kind === "demonym" ? w / 2 : w;
    if (t.evidence.length < 5) t.evidence.push(mentionText(m));
    if (m.pos !== "body") t.inLead = true;
    if (m.pos === "dateline") t.dateline = true;
  }

  const entries = [...tallies.entries()];
  if (entries.length === 0) return finish([], doc, opts);
  let main = entries.find(([, t]) => t.dateline);
  if (!main) {
    const inLead = entries.some(([, t]) => t.inLead);
    const key = (t: Tally) => (inLead ? t.leadScore : t.score);
    main = entries.reduce((a, b) => (key(b[1]) > key(a[1]) || (key(b[1]) === key(a[1]) && b[1].first < a[1].first) ? b : a));
  }
  const out: PlaceSuggestion[] = entries.map(([code, t]) => {
    const isMain = code === main[0];
    const confidence = isMain
      ? t.dateline
        ? 0.95
        : 0.55 + 0.4 * (1 - Math.exp(-t.score / 4))
      : Math.min(0.9, 0.15 + 0.75 * (1 - Math.exp(-t.score / 2.5)));
    return {
      code,
      name: countryName(code),
      confidence: round(confidence),
      rel: isMain ? "main" : "mentioned",
      evidence: t.evidence,
    };
  });
  return finish(out, doc, opts);
}

function finish(out: PlaceSuggestion[], doc: Doc, opts: PlaceOptions): PlaceSuggestion[] {
  let list = out;
  if (opts.model) {
    const priors = new Map(list.map((p) => [p.code, p.confidence]));
    const adjusted = withModel(opts.model, doc, "iso3166", priors);
    const byCode = new Map(list.map((p) => [p.code, p]));
    list = [...adjusted].map(([code, a]) => {
      const p = byCode.get(code);
      return p
        ? { ...p, confidence: round(a.confidence) }
        : { code, name: countryName(code), confidence: round(a.confidence), rel: "mentioned" as const, evidence: a.evidence };
    });
  }
  const min = opts.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  return list
    .filter((p) => p.confidence >= min)
    .sort((a, b) => (a.rel === b.rel ? b.confidence - a.confidence : a.rel === "main" ? -1 : 1))
    .slice(0, opts.max ?? 12);
}

/**
 * The country of an unqualified dateline. A national agency's bare dateline
 * is at home ("LEÓN, 3 dic. (EFE)" is Spain's León: EFE writes "LEÓN
 * (Nicaragua)" for the other), unless the story speaks for another reading
 * and not for home. Otherwise the biggest place, unless the story speaks
 * only for a smaller namesake ("MÉRIDA" with "Junta de Extremadura").
 */
function datelineCode(entries: PlaceEntry[], support: Map<string, number>, agency: string | undefined): string | undefined {
  const codes = uniqueCodes(entries);
  const has = (c: string) => (support.get(c) ?? 0) > 0;
  const readings = [...codes, ...entries.flatMap((e) => e.datelineNamesakes ?? [])];
  const home = agency !== undefined && (codes.includes(agency) || entries.some((e) => e.namesakes?.includes(agency)));
  if (home && (has(agency) || !readings.some(has))) return agency;
  if (codes[0] === undefined || has(codes[0])) return codes[0];
  return readings.find(has) ?? codes[0];
}

function uniqueCodes(entries: PlaceEntry[]): string[] {
  const codes: string[] = [];
  // Countries first, then regions and cities: "Georgia" is a country before it is a state.
  const order = ["country", "demonym", "city", "region"];
  const sorted = entries.slice().sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (const e of sorted) for (const c of e.candidates) if (!codes.includes(c.code)) codes.push(c.code);
  return codes;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Countries of an article, each main or mentioned, with evidence. */
export function suggestPlaces(input: TagInput, opts: PlaceOptions = {}): PlaceSuggestion[] {
  return placesForDoc(analyse(input), opts);
}

import { readFileSync, existsSync } from "node:fs";

import { DEFAULT_FINGERPRINT_CONFIG } from "../../lib/dedup/config";
import type { SideInfo } from "../../lib/dedup/compare";
import { DedupIndex } from "../../lib/dedup/dedup-index";
import { fingerprint } from "../../lib/dedup/fingerprint";
import { hashString, mulberry32 } from "../../lib/dedup/hash";
import { compare as legacyCompare } from "./legacy-compare";
import type { ReutersStory } from "./reuters";

// The labelled development set of decision 011: pairs of Reuters-21578
// stories (template notices, corrections, re-sends) labelled by rules on
// their headlines and dates, and copies generated from Reuters stories with
// the edits of each kind (a newspaper rewrite, a near copy, an update, a
// correction, a template notice with other figures). Only ids, labels and
// the seed are kept; the texts are rebuilt from the corpus on every run.

export type DevLabel = "exact" | "near" | "contains" | "same-story" | "correction" | "update" | "template" | "unrelated";
export const POSITIVE: DevLabel[] = ["exact", "near", "contains", "same-story", "correction", "update"];

export interface DevDoc {
  id: number;
  text: string;
  info: SideInfo;
  /** The Reuters story it is or was made from. */
  base: number;
}

export interface DevPair {
  /** The earlier text (in the index) and the later one (looked up). */
  older: number;
  newer: number;
  label: DevLabel;
  /** How the pair was made: "reuters" (mined, labelled by rule) or the generator's name. */
  origin: string;
  half: "tuning" | "held-out";
}

export interface DevSet {
  docs: DevDoc[];
  pairs: DevPair[];
}

const SOURCE = "Reuters";
const HOUR = 3_600_000;

/** Tuning or held-out, by the Reuters story a pair comes from, so a story's pairs stay on one side. */
const halfOf = (newId: number): DevPair["half"] => (hashString(`devset:${newId}`) % 2 === 0 ? "tuning" : "held-out");

const stripMarks = (t: string) => t.replace(/\(?\b(CORRECTED|CORRECTION)\b\)?\s*-?\s*/g, "").replace(/\s+/g, " ").trim();
const maskFigures = (t: string) => stripMarks(t).replace(/\d[\d.,/-]*/g, "#");
const tickers = (t: string) => [...t.matchAll(/<([^>]+)>/g)].map((m) => m[1]);
const words = (t: string) => stripMarks(t).split(" ");

/** Two headlines of the same length differing in one or two words (other than a word's ending): one template filled in twice. */
function sameTemplate(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  if (x.length !== y.length || x.length < 3) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) {
    const [u, v] = [x[i] ?? "", y[i] ?? ""];
    if (u !== v && u.slice(0, 4) !== v.slice(0, 4)) diff++;
  }
  return diff > 0 && diff <= 2;
}

/** The figures of a text, as written with their separators. */
const bodyFigures = (t: string) => new Set(t.match(/\d[\d,.]*\d|\d/g) ?? []);
/** Each text has a figure the other lacks. */
function figuresDiffer(a: string, b: string): boolean {
  const x = bodyFigures(a);
  const y = bodyFigures(b);
  return [...x].some((v) => !y.has(v)) && [...y].some((v) => !x.has(v));
}

/**
 * Labels for Reuters pairs the engine before 011 linked, by rules on their
 * headlines, dates and the figures they carry (not on the wording the engine
 * measures): a headline marked CORRECTED is the correction of the other;
 * other companies' tickers, or one headline template with figures in the
 * texts that differ both ways, are two notices; the same item sent again
 * (same headline, or retitled within a day) is a copy of the kind its words
 * show, a later version when it came within a day with a dozen words more.
 * Pairs the rules cannot decide are left out.
 */
export function labelReutersPair(a: ReutersStory, b: ReutersStory, kindBefore: string): DevLabel | undefined {
  const ca = /CORRECT/.test(a.title);
  const cb = /CORRECT/.test(b.title);
  if (ca !== cb) return "correction";
  const days = Math.abs(a.date - b.date) / (24 * HOUR);
  const ta = tickers(a.title);
  const tb = tickers(b.title);
  if (ta.length > 0 && tb.length > 0 && ta.join() !== tb.join()) return "template";
  const sameTitle = stripMarks(a.title) === stripMarks(b.title);
  const oneTemplate = sameTitle || maskFigures(a.title) === maskFigures(b.title);
  const copyKind = kindBefore === "contained" ? "contains" : kindBefore;
  const short = (s: ReutersStory) => s.body.split(/\s+/).length <= 150;
  // A notice issued again on another day under its standing headline (the Fed's repurchases, a weekly money supply).
  if (sameTitle && short(a) && short(b) && days >= 0.5 && a.body !== b.body) return "template";
  if (oneTemplate && figuresDiffer(a.body, b.body)) {
    // A notice (short, mostly figures) filled in again on another day is another notice; a long story with other
    // figures may be a re-send with a figure fixed or brought up to date, which headlines and dates do not tell: left out.
    return short(a) && short(b) && days >= 0.5 ? "template" : undefined;
  }
  // Headlines one word or two apart (other fund, other direction) without the figures to tell: left out.
  if (!oneTemplate && sameTemplate(a.title, b.title)) return undefined;
  if (oneTemplate || (days <= 1 && !figuresDiffer(a.body, b.body))) {
    if (copyKind === "exact") return "exact";
    if (copyKind === "near" || copyKind === "contains") {
      // The same item sent again by the same wire within a day with a dozen words more: a later version.
      const [older, newer] = a.date <= b.date ? [a, b] : [b, a];
      const n = (s: ReutersStory) => s.body.split(/\s+/).length;
      return sameTitle && days <= 1 && n(newer) >= n(older) + 12 ? "update" : (copyKind as DevLabel);
    }
    if (copyKind === "same-story" && oneTemplate && days <= 1) return "same-story";
  }
  return undefined;
}

// ---- generated copies ---------------------------------------------------------------

const TOWNS = ["Harrowgate", "Millbrook", "Eastwick", "Port Alden", "Kingsford", "Bramley", "Oakridge", "Westhaven"];
const PEOPLE = ["Margaret Olsen", "David Kerrigan", "Priya Natarajan", "Tom Beckwith", "Lucia Ferraro", "Henrik Dahl", "Grace Obi"];
const FIRMS = ["Alder Holdings", "Northgate Mills", "Crestline Foods", "Harbor Steel", "Pinecrest Bancorp", "Silverlake Energy"];

const SYNONYMS: [RegExp, string][] = [
  [/\bsaid\b/g, "says"],
  [/\bincrease\b/g, "rise"],
  [/\brose\b/g, "climbed"],
  [/\bfell\b/g, "dropped"],
  [/\bcompany\b/g, "firm"],
  [/\bexpects\b/g, "anticipates"],
  [/\bshares\b/g, "stock"],
  [/\bpct\b/g, "per cent"],
  [/\bmln\b/g, "million"],
  [/\bdlrs\b/g, "dollars"],
  [/\bwould\b/g, "will"],
  [/\bagreed to\b/g, "has agreed to"],
  [/\bannounced\b/g, "unveiled"],
  [/\bofficials\b/g, "authorities"],
  [/\bbecause\b/g, "as"],
  [/\babout\b/g, "around"],
  [/\bhowever\b/gi, "though"],
  [/\bplans to\b/g, "intends to"],
  [/\bincluding\b/g, "among them"],
  [/\bbuy\b/g, "acquire"],
  [/\bthe\b/g, "its"],
  [/\bof the\b/g, "in the"],
  [/\bin the\b/g, "across the"],
  [/\bwill be\b/g, "is to be"],
  [/\bhad been\b/g, "was"],
  [/\bhas been\b/g, "is"],
  [/\bis\b/g, "remains"],
  [/\bwas\b/g, "had been"],
  [/\bfor the\b/g, "for its"],
  [/\bon\b/g, "upon"],
  [/\bwith\b/g, "alongside"],
  [/\band\b/g, "as well as"],
];

const pick = <T>(rnd: () => number, xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

/** Paragraphs of a Reuters body (indented lines start them). */
export const paragraphs = (body: string) =>
  body
    .split(/\n\s{2,}|\n\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);

const sentences = (p: string) => p.split(/(?<=[.!?]["\u201d]?)\s+(?=["\u201c]?[A-Z])/).filter(Boolean);

/** A sentence in other words: synonyms, the attribution moved to the end, a clause dropped. Quotes are kept as they are. */
function paraphrase(s: string, rnd: () => number): string {
  if (/["\u201c\u201d]/.test(s)) return s;
  let out = s;
  for (const [re, to] of SYNONYMS) if (rnd() < 0.85) out = out.replace(re, to);
  const attributed = /^(.{3,60}?) (said|says) (that )?(.+?)([.!?])$/.exec(out);
  if (attributed && rnd() < 0.6) {
    const rest = attributed[4] ?? "";
    out = `${rest.charAt(0).toUpperCase()}${rest.slice(1)}, ${attributed[1]} ${attributed[2]}${attributed[5]}`;
  }
  // Drop a trailing clause now and then, as a sub-editor trimming for space does.
  const comma = out.lastIndexOf(", ");
  if (comma > out.length * 0.6 && rnd() < 0.3) out = `${out.slice(0, comma)}.`;
  return out;
}

/** A newspaper's story written from the wire copy: shortened, reordered, paraphrased, quotes kept, a local angle, a new headline. */
export function rewrite(title: string, body: string, rnd: () => number): { headline: string; text: string } {
  const ps = paragraphs(body);
  const [lead, ...rest] = ps;
  let kept = rest.filter(() => rnd() > 0.4);
  if (kept.length >= 3 && rnd() < 0.7) {
    const i = 1 + Math.floor(rnd() * (kept.length - 2));
    kept = [...kept.slice(0, i - 1), kept[i] as string, kept[i - 1] as string, ...kept.slice(i + 1)];
  }
  const out = [lead ?? "", ...kept].map((p) => sentences(p).map((s) => paraphrase(s, rnd)).join(" "));
  const town = pick(rnd, TOWNS);
  const local = `The news was followed closely in ${town}, where ${pick(rnd, FIRMS)} employs about ${100 + Math.floor(rnd() * 900)} people, ${pick(rnd, PEOPLE)}, a local analyst, told this newspaper.`;
  out.splice(Math.min(out.length, 1 + Math.floor(rnd() * 2)), 0, local);
  const headline = title
    .toLowerCase()
    .replace(/\b\w/, (c) => c.toUpperCase())
    .replace(/\bsays\b/, "reports")
    .replace(/\bsees\b/, "expects")
    .replace(/\bto\b/, "set to");
  return { headline, text: out.join("\n\n") };
}

/**
 * Another paper's brief of the wire story: its lead and next paragraph in
 * other words, no quote, nothing else of the copy, a headline of its own.
 * What a brief keeps is the story's names and figures, not its sentences.
 */
export function brief(title: string, body: string, rnd: () => number): { headline: string; text: string } {
  const [lead, next] = paragraphs(body);
  const said = [lead ?? "", next ?? ""].flatMap((p) => sentences(p).filter((s) => !/["\u201c\u201d]/.test(s)));
  const text = said.map((s) => paraphrase(s, rnd)).join(" ");
  const headline = `In brief: ${title.toLowerCase().replace(/\b\w/, (c) => c.toUpperCase())}`;
  return { headline, text };
}

/** A near copy: a typo or two, a word changed, a byline, the closing sentence cut now and then. */
export function nearCopy(body: string, rnd: () => number): string {
  const ws = body.split(/(\s+)/);
  const letters = ws.map((w, i) => (/^[a-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  for (let e = 0; e < 2 && letters.length; e++) {
    const i = pick(rnd, letters);
    const w = ws[i] ?? "";
    ws[i] = `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}`;
  }
  let text = ws.join("").replace(/\bsaid\b/, "says");
  const ss = sentences(text.replace(/\s+/g, " "));
  const last = ss[ss.length - 1] ?? "";
  if (ss.length > 6 && last.split(" ").length * 12 < text.split(/\s+/).length && rnd() < 0.4) text = ss.slice(0, -1).join(" ");
  return `By a staff correspondent\n\n${text}`;
}

/** The same text as a scraper gives it: spacing, quotes and case lost. */
export const exactCopy = (body: string) => `  ${body.replace(/\s+/g, " ").replace(/"/g, "\u201d").toUpperCase()}  `;

const NUMBER = /\b\d+(?:[.,/]\d+)*\b/g;

/** Each figure in a text, as a list of [index, value]. */
const figures = (text: string) => [...text.matchAll(NUMBER)].map((m) => [m.index ?? 0, m[0]] as const);

/** Another value for a figure, of the same shape. */
function otherFigure(v: string, rnd: () => number): string {
  return v.replace(/\d+/g, (d) => {
    const n = Number(d);
    let m = n;
    while (m === n) m = Math.max(0, n + Math.floor(rnd() * 9) - 4 + (n > 50 ? Math.floor(n * (rnd() - 0.5) * 0.3) : 0));
    return String(m);
  });
}

/** The same template with other figures (every one of them redrawn) and, where it names one, another company. */
export function templateNotice(title: string, body: string, rnd: () => number): { headline: string; text: string } | undefined {
  if (figures(body).length < 2) return undefined;
  const firm = pick(rnd, FIRMS);
  const swap = (t: string) => {
    let out = t.replace(NUMBER, (v) => otherFigure(v, rnd));
    const company = /^([A-Z][A-Za-z&.]+(?: [A-Z][A-Za-z&.]+){0,2}) (?:Inc|Corp|Co|Ltd|said)\b/.exec(out);
    if (company?.[1]) out = out.split(company[1]).join(firm);
    return out;
  };
  const headline = title.replace(NUMBER, (v) => otherFigure(v, rnd)).replace(/^[A-Z][A-Z&.]+(?: [A-Z][A-Z&.]+)?(?= )/, firm.toUpperCase());
  return { headline, text: swap(body) };
}

/** A corrected re-send: one figure fixed, the headline marked. */
export function correction(title: string, body: string, rnd: () => number): { headline: string; text: string } | undefined {
  const fs = figures(body);
  if (fs.length === 0) return undefined;
  const [at, v] = pick(rnd, fs);
  const text = `${body.slice(0, at)}${otherFigure(v, rnd)}${body.slice(at + v.length)}`;
  return { headline: `CORRECTED - ${title}`, text: rnd() < 0.5 ? `(Corrects figure in paragraph ${1 + Math.floor(rnd() * 3)})\n\n${text}` : text };
}

/** A later version of the story: new paragraphs, now and then a figure brought up to date and the headline marked. */
export function update(title: string, body: string, rnd: () => number): { headline: string; text: string } {
  const firm = pick(rnd, FIRMS);
  const added = [
    `In later trading, analysts at ${firm} said the announcement had been widely expected and left their forecasts unchanged for the rest of the year.`,
    `A spokesman for ${pick(rnd, PEOPLE).split(" ")[1]} and Associates said further details would be given at a news conference on ${pick(rnd, ["Monday", "Tuesday", "Thursday"])}.`,
  ].slice(0, 1 + Math.floor(rnd() * 2));
  return { headline: rnd() < 0.5 ? `UPDATE 1-${title}` : title, text: `${body}\n\n${added.join("\n\n")}` };
}

/** A roundup carrying the story whole between two others. */
export const roundup = (body: string, before: string, after: string) => `Business briefing.\n\n${before}\n\n${body}\n\n${after}`;

// ---- the set ---------------------------------------------------------------------

export interface DevSetOptions {
  seed: number;
  /** Stories each generator draws. */
  perKind: number;
  /** Labelled Reuters pairs file (NEWID pairs and labels) to use instead of mining; see LABELS_FILE. */
  labelsFile?: string;
}

export interface LabelRow {
  older: number;
  newer: number;
  label: DevLabel;
}

/** Read "older,newer,label" rows; a clear error names the line that is not one. */
export function readLabels(file: string): LabelRow[] {
  if (!existsSync(file)) throw new Error(`labels file not found: ${file}`);
  const rows: LabelRow[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, n) => {
      const l = line.trim();
      if (!l || l.startsWith("#")) return;
      const m = /^(\d+),(\d+),([a-z-]+)$/.exec(l);
      if (!m || ![...POSITIVE, "template", "unrelated"].includes(m[3] ?? "")) throw new Error(`${file}:${n + 1}: expected "older,newer,label", got "${l}"`);
      rows.push({ older: Number(m[1]), newer: Number(m[2]), label: m[3] as DevLabel });
    });
  return rows;
}

/** Pairs of Reuters stories the engine before 011 linked, labelled by labelReutersPair; undecided pairs left out. */
export function mineReutersLabels(stories: ReutersStory[]): LabelRow[] {
  const cfg = { ...DEFAULT_FINGERPRINT_CONFIG, nameBands: 0 };
  const index = new DedupIndex();
  const rows: LabelRow[] = [];
  stories.forEach((s, i) => {
    const fp = fingerprint(s.body, cfg);
    for (const h of index.candidates(fp)) {
      const o = stories[h.id] as ReutersStory;
      const m = legacyCompare(s.body, o.body);
      if (!m) continue;
      const label = labelReutersPair(o, s, m.kind);
      if (label) rows.push({ older: o.newId, newer: s.newId, label });
    }
    index.add(i, fp);
  });
  return rows;
}

/** The whole set: Reuters stories with a body as they are, generated copies after them, and the labelled pairs. */
export function buildDevSet(all: ReutersStory[], opts: DevSetOptions): DevSet {
  const stories = all.filter((s) => s.body);
  const rnd = mulberry32(opts.seed);
  const docs: DevDoc[] = stories.map((s, i) => ({
    id: i,
    text: s.body,
    info: { headline: s.title, source: SOURCE, time: Number.isNaN(s.date) ? null : s.date },
    base: s.newId,
  }));
  const docOf = new Map(stories.map((s, i) => [s.newId, i]));
  const pairs: DevPair[] = [];

  const labels = opts.labelsFile ? readLabels(opts.labelsFile) : mineReutersLabels(stories);
  for (const r of labels) {
    const older = docOf.get(r.older);
    const newer = docOf.get(r.newer);
    if (older === undefined || newer === undefined) throw new Error(`labelled pair ${r.older},${r.newer}: no such story with a body in the corpus`);
    pairs.push({ older, newer, label: r.label, origin: "reuters", half: halfOf(Math.min(r.older, r.newer)) });
  }

  // Bases for generated copies: wire stories long enough to rewrite, each used once, none already in a mined pair.
  const used = new Set(labels.flatMap((r) => [r.older, r.newer]));
  const long = stories.filter((s) => !used.has(s.newId) && paragraphs(s.body).length >= 4 && s.body.split(/\s+/).length >= 120);
  const short = stories.filter((s) => !used.has(s.newId) && s.body.split(/\s+/).length < 150 && figures(s.body).length >= 3);
  const shuffle = <T>(xs: T[]) => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  const longPool = shuffle(long);
  const shortPool = shuffle(short);
  const take = (pool: ReutersStory[]) => pool.pop();
  const add = (base: ReutersStory, made: { headline: string; text: string }, label: DevLabel, origin: string, source: string, hours: number) => {
    const id = docs.length;
    docs.push({ id, text: made.text, info: { headline: made.headline, source, time: base.date + hours * HOUR }, base: base.newId });
    pairs.push({ older: docOf.get(base.newId) as number, newer: id, label, origin, half: halfOf(base.newId) });
  };

  for (let n = 0; n < opts.perKind; n++) {
    const s = take(longPool);
    if (!s) break;
    add(s, rewrite(s.title, s.body, rnd), "same-story", "rewrite", `Newspaper ${1 + (n % 7)}`, 6 + rnd() * 30);
  }
  for (let n = 0; n < opts.perKind; n++) {
    const s = take(longPool);
    if (!s) break;
    add(s, { headline: s.title, text: nearCopy(s.body, rnd) }, "near", "near", `Site ${1 + (n % 5)}`, 2);
  }
  for (let n = 0; n < opts.perKind / 2; n++) {
    const s = take(longPool);
    if (!s) break;
    add(s, { headline: s.title.toLowerCase(), text: exactCopy(s.body) }, "exact", "exact", `Aggregator ${1 + (n % 3)}`, 1);
  }
  for (let n = 0; n < opts.perKind / 2; n++) {
    const s = take(longPool);
    const [x, y] = [pick(rnd, long), pick(rnd, long)];
    if (!s) break;
    add(s, { headline: "Business briefing", text: roundup(s.body, x.body, y.body) }, "contains", "roundup", "Digest", 4);
  }
  for (let n = 0; n < opts.perKind / 2; n++) {
    const s = take(longPool);
    if (!s) break;
    add(s, update(s.title, s.body, rnd), "update", "update", SOURCE, 1 + rnd() * 5);
  }
  for (let n = 0; n < opts.perKind / 2; n++) {
    const s = take(longPool) ?? take(shortPool);
    const made = s && correction(s.title, s.body, rnd);
    if (!s || !made) continue;
    add(s, made, "correction", "correction", SOURCE, 1 + rnd() * 5);
  }
  for (let n = 0; n < opts.perKind; n++) {
    const s = take(shortPool);
    const made = s && templateNotice(s.title, s.body, rnd);
    if (!s || !made) continue;
    add(s, made, "template", "template", SOURCE, 24 * (1 + Math.floor(rnd() * 7)));
  }
  // Unrelated stories on one topic: the same subject, other events.
  const byTopic = new Map<string, ReutersStory[]>();
  for (const s of stories) for (const t of s.topics.slice(0, 1)) byTopic.set(t, [...(byTopic.get(t) ?? []), s]);
  const topics = [...byTopic.values()].filter((xs) => xs.length >= 20);
  for (let n = 0; n < opts.perKind * 2 && topics.length; n++) {
    const xs = pick(rnd, topics);
    const a = pick(rnd, xs);
    const b = pick(rnd, xs);
    if (a === b || used.has(a.newId) || used.has(b.newId) || stripMarks(a.title) === stripMarks(b.title)) continue;
    const [o, w] = a.date <= b.date ? [a, b] : [b, a];
    pairs.push({ older: docOf.get(o.newId) as number, newer: docOf.get(w.newId) as number, label: "unrelated", origin: "same-topic", half: halfOf(o.newId) });
  }
  // Briefs last, so that the kinds above keep the pairs they had before briefs were made.
  for (let n = 0; n < opts.perKind / 2; n++) {
    const s = take(longPool);
    if (!s) break;
    const made = brief(s.title, s.body, rnd);
    if (made.text.split(/\s+/).length < 25) continue;
    add(s, made, "same-story", "brief", `Newspaper ${1 + (n % 7)}`, 2 + rnd() * 10);
  }
  return { docs, pairs };
}

import { fmix32, mulberry32 } from "../../lib/dedup/hash";
import { normalizeForHash } from "../../lib/ingest/text";
import type { ReutersStory } from "./reuters";

// Synthetic corpora built from Reuters sentences with planted copies of each
// kind, so the truth is known. Every article is a pure function of (seed, id):
// nothing is kept in memory but the sentence pool and the plan of copies, and
// any article can be rebuilt when a candidate has to be verified.
//
// A plain article strings together sentences of different Reuters stories and
// rewrites them: numbers are always redrawn and most content words are
// replaced by words drawn from the corpus at their own frequency, while
// function words stay. The result reads like wire copy, keeps Reuters' stock
// phrases ("the company said it", "mln dlrs") and is not a copy of anything.

export type PlantKind = "exact" | "near" | "contains" | "contained" | "same-story";
export const PLANT_KINDS: PlantKind[] = ["exact", "near", "contains", "contained", "same-story"];

const STOP = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours
  out over own same she should so some such than that the their theirs them then there these they this those through to
  too under until up very was we were what when where which while who whom why will with would you your said says say
  also would may might must shall told vs mln dlrs pct cts billion million year years last next new first second per`
    .split(/\s+/)
    .filter(Boolean),
);

const enum W {
  Keep = 0,
  Content = 1,
  Number = 2,
}

/** Every sentence of the corpus as word ranges over flat arrays. */
export interface SentencePool {
  core: string[];
  pre: string[];
  post: string[];
  type: Uint8Array;
  /** Capitalisation of a content word: 0 lower, 1 Capitalised, 2 UPPER. */
  caps: Uint8Array;
  sentStart: Int32Array;
  sentEnd: Int32Array;
  /** Content words, one entry per occurrence: drawing uniformly draws by frequency. */
  contentWords: string[];
  datelines: string[];
}

function splitSentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?]["']?)\s+(?=["'<(]?[A-Z])/).filter((s) => s.trim().length > 0);
}

export function buildPool(stories: ReutersStory[]): SentencePool {
  const core: string[] = [];
  const pre: string[] = [];
  const post: string[] = [];
  const types: number[] = [];
  const capsArr: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const contentWords: string[] = [];
  const datelines = new Set<string>();
  for (const s of stories) {
    if (s.dateline) datelines.add(s.dateline.replace(/\s+/g, " "));
    for (const para of s.body.split(/\n\s{2,}|\n\s*\n/)) {
      for (const sentence of splitSentences(para.replace(/\s+/g, " ").trim())) {
        const words = sentence.split(" ");
        if (words.length < 5 || words.length > 70) continue;
        starts.push(core.length);
        for (const w of words) {
          const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(w);
          const c = m?.[2] ?? w;
          pre.push(m?.[1] ?? "");
          post.push(m?.[3] ?? "");
          core.push(c);
          const lower = c.toLowerCase();
          let type = W.Keep;
          if (/\d/.test(c)) type = W.Number;
          else if (c.length > 2 && /^\p{L}[\p{L}'-]*$/u.test(c) && !STOP.has(lower)) type = W.Content;
          types.push(type);
          capsArr.push(c.length > 1 && c === c.toUpperCase() ? 2 : /^\p{Lu}/u.test(c) ? 1 : 0);
          if (type === W.Content) contentWords.push(lower);
        }
        ends.push(core.length);
      }
    }
  }
  return {
    core,
    pre,
    post,
    type: Uint8Array.from(types),
    caps: Uint8Array.from(capsArr),
    sentStart: Int32Array.from(starts),
    sentEnd: Int32Array.from(ends),
    contentWords,
    datelines: [...datelines].filter((d) => d.length > 4 && d.length < 40),
  };
}

type Rng = () => number;

const pick = (rng: Rng, n: number) => Math.floor(rng() * n);

function randomNumber(rng: Rng, like: string): string {
  return like.replace(/\d/g, (_, i: number) => String(i === 0 ? 1 + pick(rng, 9) : pick(rng, 10)));
}

function caseLike(word: string, caps: number): string {
  if (caps === 2) return word.toUpperCase();
  if (caps === 1) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** Share of content words replaced in a plain article. */
const REPLACE = 0.6;

/** One rewritten Reuters sentence. */
function sentence(pool: SentencePool, rng: Rng): string {
  const s = pick(rng, pool.sentStart.length);
  const out: string[] = [];
  for (let w = pool.sentStart[s] ?? 0; w < (pool.sentEnd[s] ?? 0); w++) {
    const t = pool.type[w];
    let c = pool.core[w] ?? "";
    if (t === W.Number) c = randomNumber(rng, c);
    else if (t === W.Content && rng() < REPLACE) {
      c = caseLike(pool.contentWords[pick(rng, pool.contentWords.length)] ?? c, pool.caps[w] ?? 0);
    }
    out.push((pool.pre[w] ?? "") + c + (pool.post[w] ?? ""));
  }
  return out.join(" ");
}

/**
 * The random stream of article id under a corpus seed: sfc32 with 128 bits of
 * state. (mulberry32 walks one cycle of 2^32 states, so streams seeded from
 * different ids overlap and a million articles would share whole sentences.)
 */
export function rngFor(seed: number, id: number, salt = 0): Rng {
  let a = fmix32(seed ^ 0x243f6a88);
  let b = fmix32(id ^ 0x85a308d3);
  let c = fmix32(Math.imul(salt + 1, 0x13198a2e) ^ id);
  let d = fmix32(seed + id + salt);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** How many sentences article id has: known without writing it, so the plan can choose bases. */
export function sentenceCount(seed: number, id: number): number {
  const rng = rngFor(seed, id, 1);
  return 2 + Math.min(28, Math.floor(-Math.log(1 - rng()) * 7));
}

/** Sentences of a plain article, in paragraphs of one to three sentences. */
function plainParagraphs(pool: SentencePool, seed: number, id: number): string[][] {
  const n = sentenceCount(seed, id);
  const rng = rngFor(seed, id, 2);
  const paras: string[][] = [];
  let cur: string[] = [];
  for (let i = 0; i < n; i++) {
    cur.push(sentence(pool, rng));
    if (rng() < 0.55) {
      paras.push(cur);
      cur = [];
    }
  }
  if (cur.length) paras.push(cur);
  const first = paras[0];
  if (first && first[0] !== undefined && rng() < 0.5) {
    first[0] = `${pool.datelines[pick(rng, pool.datelines.length)] ?? ""} ${first[0]}`.trim();
  }
  return paras;
}

const join = (paras: string[][]) => paras.map((p) => p.join(" ")).join("\n\n");
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export interface Plan {
  n: number;
  seed: number;
  /** For each article: the article it was copied from, or -1. */
  baseOf: Int32Array;
  /** For each copy: its PlantKind index (read from the copy's side). */
  kindOf: Uint8Array;
  copies: Record<PlantKind, number[]>;
}

/** What a base must offer for each kind of copy, so that every planted pair is a clear case of its kind. */
function baseFits(kind: PlantKind, paras: string[][]): boolean {
  const sentences = paras.flat();
  const total = words(sentences.join(" "));
  switch (kind) {
    case "exact":
      return total >= 10;
    case "near":
    case "contains":
      return total >= 40;
    case "contained":
      return sentences.length >= 6 && total >= 120;
    case "same-story": {
      const long = sentences.filter((s) => words(s) >= 10);
      return sentences.length >= 6 && long.length >= 3 && words(long.join(" ")) >= 45;
    }
  }
}

/**
 * Choose which articles are planted copies, of what and of which kind: each
 * base is used once, so the truth is exactly the planted pairs.
 */
export function makePlan(pool: SentencePool, n: number, seed: number, perKind: number): Plan {
  const rng = mulberry32(seed ^ 0x51a7);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = pick(rng, i + 1);
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  const baseOf = new Int32Array(n).fill(-1);
  const kindOf = new Uint8Array(n);
  const role = new Uint8Array(n); // 0 free, 1 copy, 2 base
  const copies = { exact: [], near: [], contains: [], contained: [], "same-story": [] } as Record<PlantKind, number[]>;
  const total = perKind * PLANT_KINDS.length;
  if (total * 4 > n) throw new Error(`corpus of ${n} too small for ${perKind} planted copies of each kind`);
  for (let c = 0; c < total; c++) role[order[c] ?? 0] = 1;
  let next = total;
  PLANT_KINDS.forEach((kind, k) => {
    for (let c = k * perKind; c < (k + 1) * perKind; c++) {
      const copy = order[c] ?? 0;
      let base = -1;
      while (next < n && base < 0) {
        const b = order[next++] ?? 0;
        if (role[b] === 0 && baseFits(kind, plainParagraphs(pool, seed, b))) base = b;
      }
      if (base < 0) throw new Error("ran out of bases");
      role[base] = 2;
      baseOf[copy] = base;
      kindOf[copy] = k;
      copies[kind].push(copy);
    }
  });
  return { n, seed, baseOf, kindOf, copies };
}

/** Formatting that normalisation removes: wrapping, quotes, dashes, case, diacritics. */
function exactVariant(paras: string[][], rng: Rng): string {
  let text = rng() < 0.5 ? paras.map((p) => p.join(" ")).join(" ") : paras.flat().join("\n\n");
  text = text.replace(/"([^"]*)"/g, "“$1”").replace(/'/g, "’").replace(/ - /g, " — ");
  if (rng() < 0.5) text = text.replace(/^[^.]*/, (s) => s.toUpperCase());
  if (rng() < 0.5) text = text.replace(/\bcafe\b|\be(?=[a-z]{3,}\b)/, (s) => (s === "e" ? "é" : "café"));
  return rng() < 0.5 ? `  ${text.replace(/ /g, rng() < 0.5 ? "  " : " ")}  ` : text;
}

/** A few edits: words replaced, dropped or added, a typo, a short sentence cut or added. */
function nearVariant(pool: SentencePool, paras: string[][], rng: Rng): string {
  let ps = paras.map((p) => [...p]);
  const total = words(join(ps));
  const sentences = ps.flat();
  if (sentences.length >= 6 && rng() < 0.5) {
    const dropOrAdd = rng() < 0.6;
    const pi = 1 + pick(rng, Math.max(1, ps.length - 1));
    const para = ps[Math.min(pi, ps.length - 1)];
    if (para) {
      if (dropOrAdd) {
        const si = pick(rng, para.length);
        if (words(para[si] ?? "") <= total * 0.1) para.splice(si, 1);
      } else {
        const extra = sentence(pool, rng);
        if (words(extra) <= total * 0.1) para.push(extra);
      }
    }
    ps = ps.filter((p) => p.length > 0);
  }
  const tokens = join(ps).split(" ");
  const edits = Math.max(1, Math.min(6, Math.floor(total / 60)));
  for (let e = 0; e < edits; e++) {
    const at = pick(rng, tokens.length);
    const op = rng();
    const w = tokens[at] ?? "";
    if (/\n/.test(w)) continue;
    if (op < 0.45) tokens[at] = pool.contentWords[pick(rng, pool.contentWords.length)] ?? w;
    else if (op < 0.7) tokens.splice(at, 1);
    else if (op < 0.85) tokens.splice(at, 0, pool.contentWords[pick(rng, pool.contentWords.length)] ?? "");
    else if (w.length >= 4) tokens[at] = w.slice(0, 1) + w.charAt(2) + w.charAt(1) + w.slice(3);
  }
  const text = tokens.join(" ");
  if (normalizeForHash(text) !== normalizeForHash(join(paras))) return text;
  const at = pick(rng, tokens.length);
  tokens.splice(at, 0, "reportedly");
  return tokens.join(" ");
}

/** A roundup: an intro, the whole story (or all but a short last sentence), then other items. */
function containsVariant(pool: SentencePool, paras: string[][], rng: Rng): string {
  const story = paras.map((p) => [...p]);
  const storyWords = words(join(story));
  const last = story[story.length - 1];
  if (last && story.flat().length >= 8 && rng() < 0.3 && words(last[last.length - 1] ?? "") <= storyWords * 0.07) last.pop();
  const parts: string[] = [];
  const intro = [sentence(pool, rng)];
  if (rng() < 0.5) intro.push(sentence(pool, rng));
  parts.push(intro.join(" "));
  parts.push(join(story.filter((p) => p.length > 0)));
  let extra = words(intro.join(" "));
  const items = 1 + pick(rng, 3);
  for (let i = 0; i < items || extra < storyWords * 0.45; i++) {
    const item = Array.from({ length: 2 + pick(rng, 4) }, () => sentence(pool, rng)).join(" ");
    extra += words(item);
    parts.push(item);
  }
  return parts.join("\n\n");
}

/** An extract: a run of whole sentences making up 30–60% (never over 70%) of a longer article. */
function containedVariant(paras: string[][], rng: Rng): string {
  const sentences = paras.flat();
  const total = words(sentences.join(" "));
  const target = total * (0.3 + 0.3 * rng());
  const start = pick(rng, Math.max(1, Math.floor(sentences.length / 2)));
  const out: string[] = [];
  let got = 0;
  for (let i = start; i < sentences.length && got < target; i++) {
    const n = words(sentences[i] ?? "");
    if (out.length > 0 && got + n > total * 0.7) break;
    out.push(sentences[i] ?? "");
    got += n;
  }
  return out.join(rng() < 0.5 ? " " : "\n\n");
}

/** A rewrite: new copy around two to four sentences lifted word for word from the story. */
function sameStoryVariant(pool: SentencePool, paras: string[][], rng: Rng): string {
  const lifted = paras.flat().filter((s) => words(s) >= 10);
  const take = 2 + pick(rng, 3);
  const chosen: string[] = [];
  while (lifted.length > 0 && (chosen.length < take || words(chosen.join(" ")) < 35)) {
    chosen.push(lifted.splice(pick(rng, lifted.length), 1)[0] ?? "");
  }
  const own = Array.from({ length: 4 + pick(rng, 8) }, () => sentence(pool, rng));
  const sharedWords = chosen.reduce((n, s) => n + words(s), 0);
  while (own.reduce((n, s) => n + words(s), 0) < sharedWords * 1.2) own.push(sentence(pool, rng));
  const out = [...own];
  for (const s of chosen) out.splice(1 + pick(rng, out.length), 0, s);
  return out.join(" ");
}

/** The text of article id under a plan: a plain article or a planted copy of its base. */
export function articleText(pool: SentencePool, plan: Plan, id: number): string {
  const base = plan.baseOf[id] ?? -1;
  if (base < 0) return join(plainParagraphs(pool, plan.seed, id));
  const paras = plainParagraphs(pool, plan.seed, base);
  const rng = rngFor(plan.seed, id, 3);
  switch (PLANT_KINDS[plan.kindOf[id] ?? 0]) {
    case "exact":
      return exactVariant(paras, rng);
    case "near":
      return nearVariant(pool, paras, rng);
    case "contains":
      return containsVariant(pool, paras, rng);
    case "contained":
      return containedVariant(paras, rng);
    default:
      return sameStoryVariant(pool, paras, rng);
  }
}

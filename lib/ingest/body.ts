import { isAgeLine } from "./age";
import { isFurnitureLine, splitAtInlineFurniture } from "./furniture";
import { dateKeys } from "./dates";

// Tells the story text apart from what surrounds it at the top of a body:
// photo caption and credit, byline, dateline. Shared by the text, page and
// HTML parsers.

export interface BodyParts {
  bodyText: string;
  byline?: string;
  dateline?: string;
  credit?: string;
  caption?: string;
}

/** Longest text taken as a photo caption; longer text is story. */
const MAX_CAPTION = 400;
/** Longest remainder after "PHOTO:" taken whole as the credit. */
const MAX_CREDIT = 60;

// "PHOTO:", "FILE PHOTO:", "Image:", "Photograph:", "Photo credit:" (capitalised or upper case only).
const LABEL =
  String.raw`(?:FILE\s+PHOTO|File\s+[Pp]hoto|PHOTO(?:GRAPH)?|Photo(?:graph)?|IMAGE|Image|PICTURE|Picture)(?:\s+CREDITS?|\s+[Cc]redits?)?\s*:\s*`;
/** A label at the start of a text or right after a sentence ends. */
const LABEL_SRC = String.raw`(?:^|(?<=[.!?'"”’)]\s+))${LABEL}`;
const LABEL_RE = new RegExp(LABEL_SRC, "gu");
const HAS_LABEL_RE = new RegExp(LABEL_SRC, "u");

/** Photo agencies and credit words that are not upper case. */
const CREDIT_WORDS = new Set([
  "reuters",
  "afp",
  "getty",
  "images",
  "photo",
  "photos",
  "via",
  "file",
  "handout",
  "supplied",
  "courtesy",
  "bloomberg",
  "xinhua",
  "anadolu",
  "shutterstock",
  "alamy",
  "wikimedia",
  "commons",
]);

/** Words that open a body in capitals and a colon but are not a place. */
const NOT_PLACES = new Set([
  "BREAKING",
  "BREAKING NEWS",
  "UPDATE",
  "UPDATED",
  "EXCLUSIVE",
  "WATCH",
  "LIVE",
  "ANALYSIS",
  "OPINION",
  "EDITORIAL",
  "CORRECTION",
  "VIDEO",
  "NOTE",
  "EDITOR'S NOTE",
  "FACTBOX",
  "EXPLAINER",
  "PHOTO",
  "FILE PHOTO",
]);

// "MADRID (Reuters) -", "LONDON, March 3 (AFP) —", "DRUZHKIVKA:", "WASHINGTON/LONDON -";
// Spanish agencies: "LEÓN (México), 3 dic. (EFE).-" (a qualifier in brackets, ".-" after the wire).
const DATELINE_RE =
  /^(\p{Lu}[\p{Lu}'’.-]*(?:[ /]\p{Lu}[\p{Lu}'’.-]*){0,4})(?:\s*\(([^()\n]{1,40})\))?(?:,\s*([^():\-–—\n]{1,40}?))?\s*(?:\(([^()\n]{1,40})\))?\s*(?::|\s[-–—]{1,2}|[-–—]{1,2}(?=\s)|—|(?<=\))\.\s?[-–—]{1,2})\s*/u;
// "МОСКВА, 5 декабря. /ТАСС/.", "Київ, 3 грудня. ": a date closed by a full stop, when it names a month (dateKeys).
const DOT_DATELINE_RE = /^(\p{Lu}[\p{L}'’-]*(?:[ -](?:de |del |la |de la )?\p{Lu}[\p{L}'’-]*){0,3}),\s*(\d{1,2}\.?\s+\p{L}{3,}\.?(?:\s+\d{4})?)\.\s+/u;
// Wires that follow the date instead of standing in brackets: "/ТАСС/.", "— РИА Новости.", "INTERFAX.RU -".
const WIRE_AFTER_RE = /^(?:\/([^/\n]{2,30})\/\.?|(РИА Новости|ТАСС|Интерфакс|INTERFAX\.RU|Укрінформ|УНІАН|Інтерфакс-Україна)\s*[.\-–—]+)\s*/u;
// "Madrid, 3 dic (EFE).-": a place in mixed case only with a date and a wire after it, as agencies write it.
const MIXED_CASE_DATELINE_RE =
  /^(\p{Lu}\p{Ll}[\p{L}'’.-]*(?:[ -](?:de |del |la |de la )?\p{Lu}[\p{L}'’.-]*){0,3})(?:\s*\(([^()\n]{1,40})\))?,\s*(\d{1,2}\b[^():\-–—\n]{0,30}?)\s*\(([^()\n]{1,40})\)\s*(?::|\.?\s?[-–—]{1,2})\s*/u;

const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const NAME_JOINER = String.raw`(?:and|&|de|da|del|dos|du|van|von|der|den|al|bin|el|la|le)`;
// "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Reuters"
const BYLINE_LINE_RE = new RegExp(
  String.raw`^By:?\s+(${NAME_WORD}(?:\s+(?:${NAME_WORD}|${NAME_JOINER})){0,9}(?:\s*[,|]\s*\p{Lu}[\p{L} &'’.-]{0,40})?)\.?$`,
  "u",
);
// "By Jane Doe NAIROBI (Reuters) - ..." inside a line: only trusted before a dateline.
const BYLINE_INLINE_RE = new RegExp(
  String.raw`^By:?\s+(${NAME_WORD}(?:\s+(?:${NAME_WORD}|${NAME_JOINER})){0,4}?)\s+(?=\p{Lu}{2})`,
  "u",
);

/**
 * Split body lines or paragraphs into story text and the parts around it.
 * Each input string is one paragraph; furniture is removed on the way.
 */
export function extractBodyParts(paragraphs: string[]): BodyParts {
  const paras = paragraphs
    .map((p) => p.trim())
    .filter((p) => p !== "" && !isFurnitureLine(p))
    .map(splitAtInlineFurniture)
    .filter((segs) => segs.length > 0);
  const parts: Omit<BodyParts, "bodyText"> = {};
  takeLeadingMatter(paras, parts);
  takeDateline(paras, parts);
  const rest = takeInnerCaptions(paras, parts);
  const bodyText = rest.map((segs) => collapseSpaces(segs.join(" "))).filter(Boolean).join("\n\n");
  return { bodyText, ...parts };
}

/**
 * Whitespace runs → one space, trimmed. Tests before replacing: on a
 * multi-megabyte line an unneeded replace costs seconds of garbage collection.
 */
export function collapseSpaces(text: string): string {
  const t = /[\t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]|\s{2}/.test(text) ? text.replace(/\s+/g, " ") : text;
  return t.trim();
}

/** The first unit of the body: the first piece of the first paragraph. */
function head(paras: string[][]): string | undefined {
  return paras[0]?.[0];
}

/** The unit after the head, either in the same paragraph or the next one. */
function second(paras: string[][]): string | undefined {
  const p = paras[0];
  return p && p.length > 1 ? p[1] : paras[1]?.[0];
}

function replaceHead(paras: string[][], text: string): void {
  const p = paras[0];
  if (!p) return;
  const t = text.trim();
  if (t) p[0] = t;
  else p.shift();
  if (p.length === 0) paras.shift();
}

/** Caption, credit and byline at the top, in whatever order they come. */
function takeLeadingMatter(paras: string[][], parts: Omit<BodyParts, "bodyText">): void {
  for (let guard = 0; guard < 4; guard++) {
    const h = head(paras);
    if (h === undefined) return;
    // A bare date or age ("20 May 2025", "2 hours ago") above the story is page chrome.
    if (isAgeLine(h)) {
      replaceHead(paras, "");
      continue;
    }
    if (!parts.byline) {
      const byline = BYLINE_LINE_RE.exec(h)?.[1];
      if (byline) {
        parts.byline = byline.trim();
        replaceHead(paras, "");
        continue;
      }
    }
    if (parts.caption === undefined && parts.credit === undefined && takeLeadingCaption(paras, parts)) {
      continue;
    }
    if (!parts.byline) {
      const m = BYLINE_INLINE_RE.exec(h);
      if (m?.[1] && DATELINE_RE.test(h.slice(m[0].length))) {
        parts.byline = m[1].trim();
        replaceHead(paras, h.slice(m[0].length));
        continue;
      }
    }
    return;
  }
}

function takeLeadingCaption(paras: string[][], parts: Omit<BodyParts, "bodyText">): boolean {
  const h = head(paras);
  if (h === undefined) return false;
  const split = splitCaptionCredit(h, true);
  if (split) {
    if (split.caption) parts.caption = split.caption;
    if (split.credit) parts.credit = split.credit;
    replaceHead(paras, split.rest);
    return true;
  }
  // A caption line followed by a credit line of its own.
  const next = second(paras);
  const nextCredit = next === undefined ? undefined : pureCreditLine(next);
  if (nextCredit && h.length <= MAX_CAPTION && !HAS_LABEL_RE.test(h)) {
    parts.caption = h;
    parts.credit = nextCredit;
    replaceHead(paras, "");
    replaceHead(paras, "");
    return true;
  }
  return false;
}

/**
 * Standalone credit lines and "caption. PHOTO: credit" lines further down a
 * multi-line body: they are not story text.
 */
function takeInnerCaptions(paras: string[][], parts: Omit<BodyParts, "bodyText">): string[][] {
  return paras.filter((segs) => {
    if (segs.length !== 1 || segs[0] === undefined) return true;
    const split = splitCaptionCredit(segs[0], false);
    if (!split || split.rest !== "") return true;
    if (split.caption && parts.caption === undefined) parts.caption = split.caption;
    if (split.credit && parts.credit === undefined) parts.credit = split.credit;
    return false;
  });
}

function takeDateline(paras: string[][], parts: Omit<BodyParts, "bodyText">): void {
  const h = head(paras);
  if (h === undefined) return;
  const d = matchDateline(h);
  if (!d) return;
  parts.dateline = d.place;
  if (d.wire && parts.credit === undefined) parts.credit = d.wire;
  replaceHead(paras, d.rest);
}

export interface Dateline {
  /** The place and its qualifiers, commas between: "LEÓN, México" for "LEÓN (México), 3 dic. (EFE).-". */
  place: string;
  /** The place and its qualifiers as written at the start of the text: "LEÓN (México)". */
  placeText: string;
  wire?: string;
  rest: string;
}

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b/i;
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b/i;

/** "March 3", "3 March 2026", "Nov. 12", "Tuesday", "2026-11-28": a date, not a place. */
function isDateText(text: string): boolean {
  const t = text.trim();
  return /^\d/.test(t) || MONTH.test(t) || WEEKDAY.test(t);
}

/** A leading dateline: upper-case place, optional date and wire, then ":" or a dash. */
export function matchDateline(text: string): Dateline | undefined {
  const m = DATELINE_RE.exec(text) ?? MIXED_CASE_DATELINE_RE.exec(text);
  if (!m?.[1]) return datelineClosedByFullStop(text);
  const place = m[1].replace(/[.'’-]+$/, "").trim();
  const letters = place.replace(/[^\p{L}]/gu, "");
  if (letters.length < 3 || NOT_PLACES.has(place)) return undefined;
  const { rest, wire: wireAfter } = takeWireAfter(text.slice(m[0].length));
  // The story must follow; "UN: " alone, or a line of capitals, is no dateline.
  if (!/^[\p{L}\p{N}'"‘“(]/u.test(rest)) return undefined;
  // One bracket is the wire ("MADRID (Reuters) -"); of two, the first qualifies the place ("LEÓN (México), 3 dic. (EFE)").
  const bracketed = m[2]?.trim();
  const wire = (m[4] ?? (m[3] === undefined ? bracketed : undefined))?.trim() ?? wireAfter;
  const bracketQualifier = m[4] !== undefined ? bracketed : undefined;
  // "PARIS, Texas —" names a place in a state; "LONDON, March 3 —" only adds a date.
  const qualifier = m[3]?.trim();
  const region = (qualifier ?? "").split(",").map((q) => q.trim()).filter(Boolean);
  const cut = region.findIndex(isDateText);
  const kept = [...(bracketQualifier ? [bracketQualifier] : []), ...(cut === -1 ? region : region.slice(0, cut))];
  const full = kept.length ? `${place}, ${kept.join(", ")}` : place;
  // Where the place and its qualifiers end as written: after the bracket, or before the first date part.
  let end = place.length;
  if (bracketQualifier) end = text.indexOf(")", end) + 1;
  if (qualifier !== undefined && cut !== 0 && region.length > 0) {
    const from = text.indexOf(qualifier, end);
    const datePart = cut === -1 ? undefined : region[cut];
    end = datePart === undefined ? from + qualifier.length : from + qualifier.indexOf(datePart);
    while (end > 0 && /[\s,]/.test(text[end - 1]!)) end--;
  }
  return { place: full, placeText: text.slice(0, end), ...(wire ? { wire } : {}), rest };
}

/** "МОСКВА, 5 декабря. /ТАСС/. Текст", "Київ, 3 грудня. Текст": place, a date naming its month, a full stop. */
function datelineClosedByFullStop(text: string): Dateline | undefined {
  const m = DOT_DATELINE_RE.exec(text);
  if (!m?.[1] || !m[2] || dateKeys(m[2]).keys.size === 0 || NOT_PLACES.has(m[1]) || isDateText(m[1])) return undefined;
  const { rest, wire } = takeWireAfter(text.slice(m[0].length));
  if (!/^[\p{L}\p{N}'"‘“(«]/u.test(rest)) return undefined;
  return { place: m[1], placeText: m[1], ...(wire ? { wire } : {}), rest };
}

/** A wire named after the date ("/ТАСС/.", "РИА Новости."), taken off the story that follows. */
function takeWireAfter(text: string): { rest: string; wire?: string } {
  const m = WIRE_AFTER_RE.exec(text);
  if (!m) return { rest: text };
  const wire = (m[1] ?? m[2])?.trim();
  return { rest: text.slice(m[0].length), ...(wire ? { wire } : {}) };
}

export interface CaptionSplit {
  caption?: string;
  credit?: string;
  /** The text left after caption and credit are taken out. */
  rest: string;
}

/**
 * Find "<caption> PHOTO: <credit>" in a text. With storyMayFollow the credit
 * may be followed by the story on the same line, and its end is found from
 * the shape of credits ("DW", "REUTERS/Jane Doe", "AP Photo/John Roe").
 */
export function splitCaptionCredit(text: string, storyMayFollow: boolean): CaptionSplit | undefined {
  if (!text.includes(":")) return undefined; // every label ends in a colon
  for (const m of text.matchAll(LABEL_RE)) {
    const at = m.index ?? 0;
    const caption = text.slice(0, at).trim();
    if (caption.length > MAX_CAPTION) return undefined;
    const after = text.slice(at + m[0].length);
    const whole = wholeCredit(after);
    if (whole) return withCaption(caption, whole, "");
    if (storyMayFollow) {
      const read = readCredit(after);
      if (read) return withCaption(caption, read.credit, read.rest);
    }
    // "FILE PHOTO: A man walks past ... REUTERS/Jane Doe" with nothing after it
    if (at === 0 && !storyMayFollow) {
      const trailing = trailingCredit(after);
      if (trailing && trailing.caption.length <= MAX_CAPTION) {
        return withCaption(trailing.caption, trailing.credit, "");
      }
    }
  }
  return undefined;
}

function withCaption(caption: string, credit: string, rest: string): CaptionSplit {
  return { ...(caption ? { caption } : {}), credit, rest: rest.trim() };
}

/** "PHOTO: REUTERS/Jane Doe" standing alone: the credit, else undefined. */
export function pureCreditLine(text: string): string | undefined {
  const split = splitCaptionCredit(text, false);
  return split && !split.caption && split.rest === "" ? split.credit : undefined;
}

function isCreditToken(token: string): boolean {
  const word = token.replace(/[.,;]+$/, "");
  if (/^\p{Lu}[\p{Lu}\p{N}&-]+$/u.test(word)) return true; // AFP, DW, EPA-EFE
  if (word.includes("/")) return true; // REUTERS/Jane, Photo/John
  return CREDIT_WORDS.has(word.toLowerCase());
}

/** The remainder after a label, when all of it is a credit. */
function wholeCredit(after: string): string | undefined {
  const t = after.trim().replace(/[.;,]+$/, "");
  if (t === "" || t.length > MAX_CREDIT) return undefined;
  const tokens = t.split(/\s+/);
  if (tokens.length > 6) return undefined;
  const firstToken = tokens[0] ?? "";
  // A credit opens with an agency or name in capitals; "A man walks..." does not.
  const credible =
    isCreditToken(firstToken) ||
    (tokens.length <= 3 && tokens.every((w) => /^\p{Lu}/u.test(w) || w === "via"));
  return credible ? t : undefined;
}

/** Read a credit off the front of a text the story continues in. */
function readCredit(after: string): { credit: string; rest: string } | undefined {
  const tokens = after.split(/(\s+)/); // keeps separators so the rest is exact
  const words: string[] = [];
  let nameWordsLeft = 0;
  let i = 0;
  for (; i < tokens.length; i += 2) {
    const w = tokens[i] ?? "";
    if (w === "") break;
    const restFromHere = tokens.slice(i).join("");
    const first = words.length === 0;
    if (!first && matchDateline(restFromHere)) break; // "PHOTO: AFP NAIROBI (Reuters) - ..."
    if (nameWordsLeft > 0 && /^\p{Lu}[\p{L}'’.-]*$/u.test(w.replace(/[.,]+$/, ""))) {
      words.push(w);
      nameWordsLeft--;
      continue;
    }
    if (words.length >= 6 || !isCreditToken(w)) break;
    words.push(w);
    // After "AGENCY/Jane" one more name word may follow; after "AGENCY/" two.
    if (w.includes("/")) nameWordsLeft = w.endsWith("/") ? 2 : 1;
  }
  if (words.length === 0) return undefined;
  const credit = words.join(" ").replace(/[,;]+$/, "");
  const rest = tokens.slice(i).join("");
  if (rest.trim() === "") return undefined; // then it was a whole credit, handled elsewhere
  return { credit, rest };
}

/** "<caption> REUTERS/Jane Doe/File Photo" → caption and credit. */
function trailingCredit(text: string): { caption: string; credit: string } | undefined {
  const m = /\s(\p{Lu}[\p{Lu}-]+(?:\s\p{Lu}[\p{Lu}-]+)?\/[\p{L}'’. -]+?(?:\/File Photo)?)\.?$/u.exec(text.trim());
  if (!m?.[1]) return undefined;
  return { caption: text.trim().slice(0, m.index).trim(), credit: m[1].trim() };
}

/**
 * Feeds and ninjs carry the dateline inside the body ("MADRID (Reuters) —
 * ..."); pages have it taken out. Taking it out everywhere keeps one story's
 * copies equal whatever format they came in, and fills the dateline field.
 */
export function withDateline<T extends { bodyText: string; dateline?: string; credit?: string }>(a: T): T {
  const d = matchDateline(a.bodyText);
  if (!d || !d.rest.trim()) return a;
  // A dateline field the input already had (ninjs "located") is kept as given.
  return { ...a, bodyText: d.rest, dateline: a.dateline ?? d.place, ...(d.wire && !a.credit ? { credit: d.wire } : {}) };
}

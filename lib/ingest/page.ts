import { isAgeLine, parseAgeLine } from "./age";
import { type BodyParts, collapseSpaces, extractBodyParts } from "./body";
import { isEndFurnitureLine, isFurnitureLine, stripInlineFurniture } from "./furniture";
import { deriveUri, sourceFromName } from "./text";
import type { ItemError, ParseOptions, ParseResult, ParsedArticle } from "./types";

// Scraped text pages: an aggregator's copy of one story, its furniture, then
// "related" entries of the shape
//   <source name>
//   <age: "10 hours ago", "a day ago", "yesterday">
//   - <source name>
//   <headline>
//   <body, one or more lines>

interface Line {
  /** Trimmed text of the line. */
  text: string;
  /** 1-based line number in the input. */
  no: number;
}

interface EntryHeader {
  /** Index of the header's first line. */
  start: number;
  /** Index of the first line after the header. */
  end: number;
  sourceName: string;
  age: Line;
  /** Both a source line and a "- Source" line around the age: the full shape. */
  strong: boolean;
}

/** Longest line taken as a headline; longer is body text. */
const MAX_HEADLINE = 250;
/** Median line length at or under which blank-separated lines are hard-wrapped paragraphs. */
const WRAP_WIDTH = 100;

const DASH_SOURCE_RE = /^[-–—•·|]\s*(\S.{0,79})$/u;
/** Every age or date line has one of these; most lines are ruled out by this alone. */
const AGE_HINT_RE = /\d|ago|yesterday|today|now/i;

function toLines(text: string): Line[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((t, i) => ({ text: collapseSpaces(t), no: i + 1 }));
}

/** A short name-like line: "Express Tribune", "Reuters", "BBC News". */
function isSourceLine(text: string): boolean {
  if (text.length < 2 || text.length > 60) return false;
  if (/[.!?:;,]$/.test(text) || !/^[\p{L}\p{N}]/u.test(text)) return false;
  if (text.split(/\s+/).length > 6) return false;
  return !isFurnitureLine(text) && !isAgeLine(text);
}

function findHeaders(lines: Line[]): EntryHeader[] {
  const found: EntryHeader[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.text === "" || line.text.length > 40 || !AGE_HINT_RE.test(line.text)) continue;
    const dash = DASH_SOURCE_RE.exec(lines[i + 1]?.text ?? "")?.[1]?.trim();
    const prevText = lines[i - 1]?.text ?? "";
    const lastEnd = found[found.length - 1]?.end ?? 0;
    const prevSource = i - 1 >= lastEnd && isSourceLine(prevText) ? prevText : undefined;
    if (!dash && !prevSource) continue; // cheap checks first: the age parser is slower
    if (!isAgeLine(line.text)) continue;
    found.push({
      start: prevSource ? i - 1 : i,
      end: dash ? i + 2 : i + 1,
      sourceName: dash ?? prevSource ?? "",
      age: line,
      strong: Boolean(dash && prevSource),
    });
  }
  // A page keeps one shape: when full headers exist, partial ones are body text.
  const strong = found.filter((h) => h.strong);
  if (strong.length > 0) return strong;
  return found.length >= 2 ? found : [];
}

/** True when the text has the related-entry shape of a scraped aggregator page. */
export function looksLikeAggregatorPage(text: string): boolean {
  return findHeaders(toLines(text)).length > 0;
}

/** The lines up to the first furniture line that ends a story. */
function cutAtEnd(lines: Line[]): Line[] {
  const end = lines.findIndex((l) => isEndFurnitureLine(l.text));
  return end < 0 ? lines : lines.slice(0, end);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Body lines → paragraphs. Scraped pages put one paragraph on a line; text
 * files may hard-wrap paragraphs and separate them with blank lines.
 */
function linesToParagraphs(lines: Line[]): string[] {
  const kept = lines.filter((l) => !isFurnitureLine(l.text));
  const groups: string[][] = [[]];
  for (const l of kept) {
    if (l.text === "") groups.push([]);
    else groups[groups.length - 1]?.push(l.text);
  }
  const nonEmpty = groups.filter((g) => g.length > 0);
  const all = nonEmpty.flat();
  if (all.length === 0) return [];
  const endsSentence = all.filter((t) => /[.!?"'”’:)\]]$/.test(t)).length;
  const wrapped =
    nonEmpty.some((g) => g.length > 1) && median(all.map((t) => t.length)) <= WRAP_WIDTH && endsSentence < all.length / 2;
  return wrapped ? nonEmpty.map((g) => g.join(" ")) : all;
}

function firstTextIndex(lines: Line[]): number {
  return lines.findIndex((l) => l.text !== "" && !isFurnitureLine(l.text));
}

function cleanHeadline(text: string): string {
  return stripInlineFurniture(text).replace(/\s+/g, " ").trim();
}

function buildArticle(
  headline: string,
  headLine: Line,
  parts: BodyParts,
  sourceName: string,
  created: Date | undefined,
): ParsedArticle {
  return {
    uri: deriveUri(sourceName, headline),
    headline,
    bodyText: parts.bodyText,
    sourceName,
    location: `line ${headLine.no}`,
    ...(parts.byline ? { byline: parts.byline } : {}),
    ...(parts.dateline ? { dateline: parts.dateline } : {}),
    ...(parts.credit ? { credit: parts.credit } : {}),
    ...(parts.caption ? { caption: parts.caption } : {}),
    ...(created ? { firstCreated: created, versionCreated: created } : {}),
  };
}

type ItemOutcome = { article: ParsedArticle } | { error: ItemError } | undefined;

/**
 * One story from its lines: headline, an optional age or date line under it,
 * then the body. Undefined when the lines hold no text at all.
 */
function parseStory(
  lines: Line[],
  sourceName: string,
  created: Date | undefined,
  opts: ParseOptions,
  emptyMessage: string,
): ItemOutcome {
  const block = cutAtEnd(lines);
  const headIdx = firstTextIndex(block);
  const head = block[headIdx];
  if (headIdx < 0 || !head) return undefined;
  if (head.text.length > MAX_HEADLINE) {
    return { error: { location: `line ${head.no}`, message: emptyMessage } };
  }
  let rest = block.slice(headIdx + 1);
  let date = created;
  const next = rest[firstTextIndex(rest)];
  const stamped = next ? parseAgeLine(next.text, opts.ingestTime) : undefined;
  if (next && stamped && !created) {
    date = stamped;
    rest = rest.filter((l) => l !== next);
  }
  const parts = extractBodyParts(linesToParagraphs(rest));
  if (!parts.bodyText) return { error: { location: `line ${head.no}`, message: "missing body" } };
  return { article: buildArticle(cleanHeadline(head.text), head, parts, sourceName, date) };
}

function collect(outcome: ItemOutcome, result: ParseResult): void {
  if (!outcome) return;
  if ("article" in outcome) result.articles.push(outcome.article);
  else result.errors.push(outcome.error);
}

function ownSource(opts: ParseOptions): string {
  return opts.defaultSource?.trim() || sourceFromName(opts.name);
}

/** A scraped aggregator page → its own article, then each related entry. */
export function parseAggregatorPage(text: string, opts: ParseOptions): ParseResult {
  const lines = toLines(text);
  const headers = findHeaders(lines);
  const result: ParseResult = { format: "aggregator-page", articles: [], errors: [] };
  const ownEnd = headers[0]?.start ?? lines.length;
  const own = parseStory(lines.slice(0, ownEnd), ownSource(opts), undefined, opts, "missing headline");
  // The page's own site aggregates; the related entries name their publishers.
  if (own && "article" in own && headers.length > 0) own.article.sourceKind = "aggregator";
  collect(own, result);
  headers.forEach((h, k) => {
    const until = headers[k + 1]?.start ?? lines.length;
    const created = parseAgeLine(h.age.text, opts.ingestTime);
    const outcome = parseStory(lines.slice(h.end, until), h.sourceName, created, opts, "missing headline");
    collect(outcome ?? { error: { location: `line ${h.age.no}`, message: "missing headline and body" } }, result);
  });
  return result;
}

/** A headline from the first sentence of a text that starts without one. */
function headlineFromSentence(text: string): string {
  const sentence = /^(.{20,200}?[.!?])(?=\s|$)/u.exec(text)?.[1];
  if (sentence) return sentence;
  const cut = text.slice(0, 120);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 60)).trim()}…`;
}

/** A text file that is not an aggregator page → one article. */
export function parsePlainText(text: string, opts: ParseOptions): ParseResult {
  const lines = toLines(text);
  const result: ParseResult = { format: "text", articles: [], errors: [] };
  const headIdx = firstTextIndex(lines);
  const head = lines[headIdx];
  if (!head) {
    result.errors.push({ location: "line 1", message: "no text found" });
    return result;
  }
  if (head.text.length <= MAX_HEADLINE) {
    collect(parseStory(lines, ownSource(opts), undefined, opts, "missing headline"), result);
    return result;
  }
  // One long paragraph and no headline line: the first sentence stands in for one.
  const parts = extractBodyParts(linesToParagraphs(cutAtEnd(lines.slice(headIdx))));
  if (!parts.bodyText) {
    result.errors.push({ location: `line ${head.no}`, message: "missing body" });
    return result;
  }
  result.articles.push(buildArticle(headlineFromSentence(parts.bodyText), head, parts, ownSource(opts), undefined));
  return result;
}

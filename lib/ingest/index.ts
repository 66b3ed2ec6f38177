import { MAX_INPUT_BYTES, decodeInput } from "./decode";
import { parseFeed } from "./feed";
import { parseHtmlPage, parseHtmlPageOffThread } from "./html";
import { parseNinjs } from "./ninjs";
import { looksLikeArticleCsv, parseCsv } from "./csv";
import { withDateline } from "./body";
import { loadLanguageDetector, withLanguage } from "./language";
import { looksLikeAggregatorPage, parseAggregatorPage, parsePlainText } from "./page";
import { IngestInputError, type InputFormat, type ParseOptions, type ParseResult } from "./types";

// The ingest engine's front door: bytes in, parsed articles out. The content
// decides the format; a file name only breaks ties.

export type ParseInputOptions = ParseOptions & { maxBytes?: number };

/** How an HTML page or fragment opens once any doctype and comments are stripped. */
const HTML_START_RE = /^<(?:html|head|body|meta|link|title|article|main|div|section|header|p|h[1-6])\b/i;

/** Leading XML declaration, comments, processing instructions and doctype. */
function stripXmlProlog(text: string): string {
  let t = text;
  for (;;) {
    const next = t.replace(/^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype\b[^>[]*(?:\[[\s\S]*?\])?\s*>)/i, "");
    if (next === t) return t.trimStart();
    t = next;
  }
}

/** Name of the root element of an XML or HTML text, lower-cased ("rss", "rdf:rdf", "feed"). */
export function rootElement(text: string): string | undefined {
  return /^<([\w:.-]+)/.exec(stripXmlProlog(text))?.[1]?.toLowerCase();
}

function extension(name: string): string {
  const base = name.split(/[?#]/)[0] ?? name;
  return /\.([a-z0-9]+)$/i.exec(base)?.[1]?.toLowerCase() ?? "";
}

function xmlFormat(root: string | undefined, name: string): InputFormat {
  if (root === "rss" || root === "rdf:rdf" || root === "rdf") return "rss";
  if (root === "feed") return "atom";
  if (root === "html") return "html";
  return extension(name) === "atom" ? "atom" : "rss"; // unknown roots: the feed parser reports them
}

/** NDJSON: several lines, each a JSON object. */
function isJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.length > 1 && lines.every((l) => /^\s*\{.*\}\s*$/.test(l));
}

function jsonFormat(text: string): InputFormat {
  try {
    const value: unknown = JSON.parse(text);
    const version = typeof value === "object" && value !== null && "version" in value ? value.version : undefined;
    return typeof version === "string" && version.includes("jsonfeed.org") ? "json-feed" : "ninjs";
  } catch {
    // Not one JSON document: NDJSON, or broken JSON the ninjs parser will report.
    return "ninjs";
  }
}

/** The format of a decoded input. */
export function detectFormat(text: string, name: string): InputFormat {
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("<")) {
    const root = rootElement(head);
    if (root === "rss" || root === "rdf:rdf" || root === "rdf" || root === "feed") return xmlFormat(root, name);
    if (HTML_START_RE.test(stripXmlProlog(head))) return "html";
    if (head.startsWith("<?xml")) return xmlFormat(root, name);
  }
  if (head.startsWith("{") || head.startsWith("[")) {
    return isJsonLines(head) ? "ninjs" : jsonFormat(head);
  }
  if (looksLikeArticleCsv(head)) return "csv";
  if (looksLikeAggregatorPage(text)) return "aggregator-page";
  return "text";
}

/** Every format's items get their language the same way: the label checked against the text (language.ts). */
function withLanguages(r: ParseResult): ParseResult {
  return { ...r, articles: r.articles.map(withLanguage) };
}

function withDatelines(r: ParseResult): ParseResult {
  return { ...r, articles: r.articles.map(withDateline) };
}

/**
 * Decode, detect and parse one input, in this thread. Throws IngestInputError
 * for inputs that cannot be read at all. Ingest itself uses parseInputAsync;
 * this one needs the language detector loaded first (loadLanguageDetector).
 */
export function parseInput(bytes: Uint8Array, opts: ParseInputOptions): ParseResult {
  const { text, format } = decodeAndDetect(bytes, opts);
  return withLanguages(parseText(text, format, opts));
}

/**
 * parseInput for ingest: an HTML page is read in a worker thread with a time
 * and memory budget (html-offthread.ts), so a hostile page cannot stall the
 * process; other formats parse here, as their parsers are linear.
 */
export async function parseInputAsync(bytes: Uint8Array, opts: ParseInputOptions): Promise<ParseResult> {
  await loadLanguageDetector();
  const { text, format } = decodeAndDetect(bytes, opts);
  if (format === "html") {
    return withLanguages(await parseHtmlPageOffThread(text, parseOptions(opts)));
  }
  return withLanguages(parseText(text, format, opts));
}

function decodeAndDetect(bytes: Uint8Array, opts: ParseInputOptions): { text: string; format: InputFormat } {
  const text = decodeInput(bytes, opts.name, opts.maxBytes ?? MAX_INPUT_BYTES);
  // Lines of a large NDJSON file are NDJSON whatever their first line holds.
  return { text, format: opts.firstLine !== undefined ? "ninjs" : detectFormat(text, opts.name) };
}

/** The parsers' options: all but the byte limit, which decoding applies. */
function parseOptions(opts: ParseInputOptions): ParseOptions {
  const parseOpts = { ...opts };
  delete parseOpts.maxBytes;
  return parseOpts;
}

function parseText(text: string, format: InputFormat, opts: ParseInputOptions): ParseResult {
  const parseOpts = parseOptions(opts);
  switch (format) {
    case "rss":
    case "atom":
    case "json-feed": {
      const root = format === "json-feed" ? undefined : rootElement(text);
      if (root !== undefined && !["rss", "rdf:rdf", "rdf", "feed"].includes(root)) {
        throw new IngestInputError(opts.name, `not a feed: the XML root element is <${root}>`);
      }
      return withDatelines(parseFeed(text, parseOpts));
    }
    case "ninjs":
      return withDatelines(parseNinjs(text, parseOpts));
    case "csv":
      return withDatelines(parseCsv(text, parseOpts));
    case "html":
      return parseHtmlPage(text, parseOpts);
    case "aggregator-page":
      return parseAggregatorPage(text, parseOpts);
    case "text":
      return parsePlainText(text, parseOpts);
  }
}


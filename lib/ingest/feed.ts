import { XMLValidator, type ValidationError } from "fast-xml-parser";
import {
  parseFeed as parseAnyFeed,
  parseJsonFeed,
  type AnyFeed,
  type AtomFeed,
  type JsonFeed,
  type RdfFeed,
  type RssFeed,
} from "feedsmith";
import { toMedtopCode, uniqueTags } from "./iptc";
import { htmlToText, sanitizeBodyHtml } from "./sanitize";
import { cleanParagraphs, deriveUri, describeJsonError, parseDate, parseJsonClean, squash, toHttpUrl } from "./text";
import {
  IngestInputError,
  type IncomingTag,
  type ItemError,
  type ParseOptions,
  type ParseResult,
  type ParsedArticle,
} from "./types";
import { assertSafeXml, maskXmlLiterals } from "./xml-guard";

// RSS 2.0 / RSS 1.0 (RDF) / Atom 1.0 / JSON Feed 1.x → ParsedArticle. Pure: no I/O.
// One broken item costs that item only: an XML document that does not
// validate is split into its <item>/<entry> blocks and each is read alone.

type FeedFormat = "rss" | "atom" | "json-feed";

/** One item in a format-neutral shape, before it becomes an article. */
interface RawItem {
  id?: string;
  link?: string;
  title?: string;
  /** Body that may carry markup (RSS description, Atom html content, content_html). */
  html?: string;
  /** Body that is plain text by definition (Atom text content, content_text). */
  text?: string;
  author?: string;
  published?: string;
  updated?: string;
  language?: string;
  categories: Category[];
}

interface Category {
  term: string;
  scheme?: string;
  label?: string;
}

interface FeedMeta {
  title?: string;
  language?: string;
}

interface Normalized {
  format: FeedFormat;
  meta: FeedMeta;
  items: RawItem[];
}

/** Parse an RSS, Atom, RDF or JSON Feed document. */
export function parseFeed(text: string, opts: ParseOptions): ParseResult {
  const src = text.replace(/^\uFEFF/, "");
  if (!src.trim()) throw new IngestInputError(opts.name, "empty feed");
  return src.trimStart().startsWith("{") ? parseJsonFeedText(src, opts) : parseXmlFeed(src, opts);
}

// ---------------------------------------------------------------- XML feeds

function parseXmlFeed(text: string, opts: ParseOptions): ParseResult {
  assertSafeXml(text, opts.name);
  let doc = text;
  let check = XMLValidator.validate(doc);
  if (check !== true) {
    // A bare "&" (AT&T) is the commonest real-world breakage; repairing it loses nothing.
    const repaired = escapeBareAmpersands(doc);
    if (repaired !== doc) {
      doc = repaired;
      check = XMLValidator.validate(doc);
    }
  }
  return check === true ? fromWholeDocument(doc, opts) : fromItemBlocks(doc, check, opts);
}

function fromWholeDocument(doc: string, opts: ParseOptions): ParseResult {
  const feed = normalize(readXmlFeed(doc, opts.name));
  const starts = findItemBlocks(doc)?.blocks ?? [];
  // Line numbers only when the scan and the parser agree on the items.
  const lines = starts.length === feed.items.length ? starts.map((b) => b.line) : undefined;
  return build(
    feed,
    feed.items.map((raw, i) => ({ raw, location: itemLocation(i, lines?.[i]) })),
    opts,
  );
}

/** The document does not validate: read every item block on its own. */
function fromItemBlocks(doc: string, failure: ValidationError, opts: ParseOptions): ParseResult {
  const split = findItemBlocks(doc);
  if (!split) throw malformed(opts.name, failure.err.msg, failure.err.line);
  // Each item is read inside the header and footer: many items behind a huge
  // header cost items × header (10,000 items behind 200 KB of title took a minute).
  const work = split.blocks.length * (split.header.length + split.footer.length);
  if (work > MAX_RECOVERY_CHARS) {
    throw malformed(opts.name, `${brief(failure.err.msg)}; its ${split.blocks.length} items are too many to read one by one behind a ${split.header.length}-character header`, failure.err.line);
  }

  // A truncated download has no footer: close what the header opened so the whole items still count.
  if (!/<\//.test(split.footer)) split.footer += closingTags(split.header);
  const skeleton = split.header + split.footer;
  const skeletonCheck = XMLValidator.validate(skeleton);
  if (skeletonCheck !== true) {
    const line = skeletonCheck.err.line;
    const origLine = line > split.headerEndLine ? line + split.itemLineSpan : line;
    throw malformed(opts.name, skeletonCheck.err.msg, origLine);
  }
  const shell = normalize(readXmlFeed(skeleton, opts.name));

  const entries: Array<{ raw: RawItem; location: string } | ItemError> = split.blocks.map(
    (block, i) => {
      const location = itemLocation(i, block.line);
      const mini = split.header + block.text + split.footer;
      const check = XMLValidator.validate(mini);
      if (check !== true) return { location, message: blockError(check, split.headerEndLine, block) };
      try {
        const raw = normalize(parseAnyFeed(mini)).items[0];
        return raw ? { raw, location } : { location, message: "could not be read as a feed item" };
      } catch (error) {
        return { location, message: `could not be read: ${errorMessage(error)}` };
      }
    },
  );
  return build(shell, entries, opts);
}

/** "malformed XML: …" with the validator's mini-document line numbers mapped back. */
function blockError(check: ValidationError, headerEndLine: number, block: ItemBlock): string {
  const shift = block.line - headerEndLine;
  const inBlock = (n: number) => n >= headerEndLine && n <= headerEndLine + block.lineCount;
  const msg = check.err.msg.replace(/\bline (\d+)/g, (m, n: string) =>
    inBlock(Number(n)) ? `line ${Number(n) + shift}` : m,
  );
  const at = inBlock(check.err.line) ? ` at line ${check.err.line + shift}` : "";
  return `malformed XML${at}: ${msg}`;
}

/** The validator's message can list every open tag: thousands for a hostile feed. */
const brief = (msg: string, max = 300) => (msg.length > max ? `${msg.slice(0, max)}…` : msg);

function malformed(name: string, msg: string, line?: number): IngestInputError {
  return new IngestInputError(name, `malformed XML${line ? ` at line ${line}` : ""}: ${brief(msg, 600)}`);
}

function readXmlFeed(doc: string, name: string): AnyFeed {
  try {
    return parseAnyFeed(doc);
  } catch (error) {
    if (error instanceof Error && error.name === "DetectError") {
      throw new IngestInputError(name, "not an RSS, Atom or RDF feed");
    }
    throw new IngestInputError(name, `could not read feed: ${errorMessage(error)}`);
  }
}

interface ItemBlock {
  text: string;
  /** 1-based line where the block starts in the original document. */
  line: number;
  /** Newlines inside the block. */
  lineCount: number;
}

interface ItemBlocks {
  header: string;
  footer: string;
  blocks: ItemBlock[];
  /** 1-based line on which the header ends (and the first block starts). */
  headerEndLine: number;
  /** Newlines between the first block's start and the footer. */
  itemLineSpan: number;
}

/** Most characters validated while reading a broken feed's items one by one. */
const MAX_RECOVERY_CHARS = 20_000_000;

const ITEM_OPEN = /<(?:[A-Za-z_][\w.-]*:)?(item|entry)(?=[\s>/])/gi;

/**
 * Cut the document into header, one block per item/entry, and footer.
 * Each block runs to the next item's start, so a block missing its closing
 * tag swallows nothing but itself. Undefined when there are no items.
 */
function findItemBlocks(doc: string): ItemBlocks | undefined {
  const masked = maskXmlLiterals(doc);
  const starts: number[] = [];
  let tag: string | undefined;
  for (const m of masked.matchAll(ITEM_OPEN)) {
    const name = m[1]!.toLowerCase();
    tag ??= name; // An Atom feed's <entry> and an RSS <item> never mix.
    if (name === tag) starts.push(m.index);
  }
  if (!tag || starts.length === 0) return undefined;
  const end = itemsEnd(masked, starts[starts.length - 1]!, tag);
  const lines = lineNumbers(doc, [...starts, end]);
  const blocks = starts.map((start, i) => {
    const text = doc.slice(start, starts[i + 1] ?? end);
    return { text, line: lines[i]!, lineCount: countNewlines(text) };
  });
  return {
    header: doc.slice(0, starts[0]),
    footer: doc.slice(end),
    blocks,
    headerEndLine: lines[0]!,
    itemLineSpan: lines[lines.length - 1]! - lines[0]!,
  };
}

/** End of the last item: after its closing tag, else where the container closes. */
function itemsEnd(masked: string, lastStart: number, tag: string): number {
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${tag}\\s*>`, "gi");
  close.lastIndex = lastStart;
  let end = -1;
  for (let m = close.exec(masked); m; m = close.exec(masked)) end = m.index + m[0].length;
  if (end >= 0) return end;
  const container = /<\/(?:[A-Za-z_][\w.-]*:)?(?:channel|feed|RDF|rss)\s*>/gi;
  container.lastIndex = lastStart;
  return container.exec(masked)?.index ?? masked.length;
}

/** Closing tags for the elements a header leaves open, innermost first. */
function closingTags(header: string): string {
  const open: string[] = [];
  for (const m of maskXmlLiterals(header).matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
    if (m[3]) continue; // self-closing
    if (m[1]) open.pop();
    else open.push(m[2]!);
  }
  return open.reverse().map((name) => `</${name}>`).join("\n");
}

/** 1-based line numbers of ascending positions, in one pass. */
function lineNumbers(text: string, positions: number[]): number[] {
  const out: number[] = [];
  let line = 1;
  let at = 0;
  for (const pos of positions) {
    for (; at < pos; at++) if (text.charCodeAt(at) === 10) line++;
    out.push(line);
  }
  return out;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** "&" not starting an entity becomes "&amp;", outside CDATA and comments only. */
function escapeBareAmpersands(doc: string): string {
  const masked = maskXmlLiterals(doc);
  const bare = /&(?!(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);)/g;
  let out = "";
  let last = 0;
  for (const m of masked.matchAll(bare)) {
    out += doc.slice(last, m.index) + "&amp;";
    last = m.index + 1;
  }
  return last === 0 ? doc : out + doc.slice(last);
}

function itemLocation(index: number, line?: number): string {
  return line ? `item ${index + 1} (line ${line})` : `item ${index + 1}`;
}

// --------------------------------------------------------------- JSON Feed

function parseJsonFeedText(text: string, opts: ParseOptions): ParseResult {
  let data: unknown;
  try {
    data = parseJsonClean(text);
  } catch (error) {
    throw new IngestInputError(opts.name, `invalid JSON: ${describeJsonError(error, text)}`);
  }
  const version = isRecord(data) && typeof data.version === "string" ? data.version : "";
  if (!isRecord(data) || !/jsonfeed\.org\/version\//i.test(version)) {
    throw new IngestInputError(opts.name, "not a JSON Feed (no jsonfeed.org version)");
  }
  if (!Array.isArray(data.items)) throw new IngestInputError(opts.name, "JSON Feed has no items array");

  const meta: FeedMeta = { title: stringOr(data.title), language: stringOr(data.language) };
  const entries = data.items.map((item: unknown, i) => {
    const location = itemLocation(i);
    if (!isRecord(item)) return { location, message: "not a JSON object" };
    return { raw: readJsonItem(version, item), location };
  });
  return build({ format: "json-feed", meta, items: [] }, entries, opts);
}

/** One JSON Feed item through feedsmith (so 1.0 forms read like 1.1), alone so indices hold. */
function readJsonItem(version: string, item: Record<string, unknown>): RawItem {
  try {
    const one = parseJsonFeed({ version, title: "-", items: [item] }).items?.[0];
    return one ? jsonRaw(one) : { categories: [] };
  } catch {
    return { categories: [] };
  }
}

// -------------------------------------------------------- format mapping

function normalize(parsed: AnyFeed): Normalized {
  switch (parsed.format) {
    case "rss":
      return {
        format: "rss",
        meta: { title: parsed.feed.title, language: parsed.feed.language ?? parsed.feed.dc?.languages?.[0] },
        items: (parsed.feed.items ?? []).map(rssRaw),
      };
    case "rdf":
      return {
        format: "rss", // RSS 1.0 is RSS to the desk.
        meta: { title: parsed.feed.title, language: parsed.feed.dc?.languages?.[0] },
        items: (parsed.feed.items ?? []).map(rdfRaw),
      };
    case "atom":
      return {
        format: "atom",
        meta: { title: parsed.feed.title?.value, language: parsed.feed.xml?.lang },
        items: (parsed.feed.entries ?? []).map(atomRaw),
      };
    case "json":
      return {
        format: "json-feed",
        meta: { title: parsed.feed.title, language: parsed.feed.language },
        items: (parsed.feed.items ?? []).map(jsonRaw),
      };
  }
}

function rssRaw(item: RssFeed.Item<string>): RawItem {
  const guid = item.guid?.value?.trim();
  const guidLink = guid && item.guid?.isPermaLink !== false && isHttpUrl(guid) ? guid : undefined;
  return {
    id: guid,
    link: item.link ?? guidLink,
    title: item.title ?? item.dc?.titles?.[0],
    html: firstText(item.content?.encoded, item.description, item.dc?.descriptions?.[0]),
    author: joinNames(item.dc?.creators) ?? joinNames(item.authors?.map((a) => a.name)),
    published: item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.published,
    updated: item.atom?.updated,
    language: item.dc?.languages?.[0] ?? item.xml?.lang,
    categories: [
      ...(item.categories ?? []).flatMap((c) => (c.name ? [{ term: c.name, scheme: c.domain }] : [])),
      ...(item.dc?.subjects ?? []).map((term) => ({ term })),
    ],
  };
}

function rdfRaw(item: RdfFeed.Item<string>): RawItem {
  return {
    id: item.rdf?.about ?? item.link,
    link: item.link,
    title: item.title,
    html: firstText(item.content?.encoded, item.description, item.dc?.descriptions?.[0]),
    author: joinNames(item.dc?.creators),
    published: item.dc?.dates?.[0],
    language: item.dc?.languages?.[0] ?? item.xml?.lang,
    categories: (item.dc?.subjects ?? []).map((term) => ({ term })),
  };
}

function atomRaw(entry: AtomFeed.Entry<string>): RawItem {
  const body = atomBody(entry.content) ?? atomBody(entry.summary);
  return {
    id: entry.id,
    link: atomLink(entry.links),
    title: entry.title?.value,
    html: body?.html,
    text: body?.text,
    author: joinNames(entry.authors?.map((a) => a.name)),
    published: entry.published ?? entry.dc?.dates?.[0],
    updated: entry.updated,
    language: entry.xml?.lang,
    categories: (entry.categories ?? []).flatMap((c) =>
      c.term ? [{ term: c.term, scheme: c.scheme, label: c.label }] : [],
    ),
  };
}

/** Atom text constructs say whether they hold markup; out-of-line content (src) has no body. */
function atomBody(
  content: AtomFeed.Content | AtomFeed.Text | undefined,
): { html?: string; text?: string } | undefined {
  const value = content?.value;
  if (!value?.trim()) return undefined;
  const type = (content?.type ?? "text").toLowerCase();
  if (type === "html" || type === "xhtml" || type.includes("html")) return { html: value };
  if (type === "text" || type.startsWith("text/")) return { text: value };
  return undefined;
}

function atomLink(links: AtomFeed.Entry<string>["links"]): string | undefined {
  const alternate = links?.find((l) => !l.rel || l.rel === "alternate");
  return alternate?.href;
}

function jsonRaw(item: JsonFeed.Item<string>): RawItem {
  return {
    id: item.id,
    link: item.url ?? item.external_url,
    title: item.title,
    html: item.content_html,
    // summary is plain text by spec; a body of last resort.
    text: item.content_text ?? (item.content_html ? undefined : item.summary),
    author: joinNames(item.authors?.map((a) => a.name)),
    published: item.date_published,
    updated: item.date_modified,
    language: item.language,
    categories: (item.tags ?? []).map((term) => ({ term })),
  };
}

// -------------------------------------------------------- item → article

function build(
  feed: Normalized,
  entries: Array<{ raw: RawItem; location: string } | ItemError>,
  opts: ParseOptions,
): ParseResult {
  const articles: ParsedArticle[] = [];
  const errors: ItemError[] = [];
  const sourceName = plainTitle(feed.meta.title) || opts.defaultSource;
  for (const entry of entries) {
    const out = "raw" in entry ? toArticle(entry.raw, feed.meta, sourceName, entry.location, opts) : entry;
    if ("message" in out) errors.push(out);
    else articles.push(out);
  }
  return { format: feed.format, articles, errors };
}

function toArticle(
  raw: RawItem,
  meta: FeedMeta,
  sourceName: string | undefined,
  location: string,
  opts: ParseOptions,
): ParsedArticle | ItemError {
  const headline = plainTitle(raw.title);
  const body = readBody(raw, opts.baseUrl);
  if (!headline && !body) return { location, message: "missing headline and body" };
  if (!headline) return { location, message: "missing headline" };
  if (!body) return { location, message: "missing body" };

  const url = toHttpUrl(raw.link, opts.baseUrl);
  const uri = raw.id?.trim() || url || deriveUri(sourceName ?? opts.name, headline);
  const article: ParsedArticle = { uri, headline, bodyText: body.text, location };
  if (body.html) article.bodyHtml = body.html;
  if (url) article.url = url;
  const byline = raw.author && squash(raw.author);
  if (byline) article.byline = byline;
  const language = (raw.language ?? meta.language)?.trim();
  if (language) article.language = language;
  if (sourceName) article.sourceName = sourceName;
  const first = parseDate(raw.published) ?? parseDate(raw.updated);
  const version = parseDate(raw.updated) ?? first;
  if (first) article.firstCreated = first;
  if (version) article.versionCreated = version;
  const subjects = medtopSubjects(raw.categories);
  if (subjects.length) article.subjects = subjects;
  return article;
}

/** Sanitized HTML plus its text, or plain text alone; undefined when there is no body. */
function readBody(raw: RawItem, baseUrl: string | undefined): { html?: string; text: string } | undefined {
  if (raw.html?.trim() && looksLikeHtml(raw.html)) {
    const html = sanitizeBodyHtml(raw.html, baseUrl ? { baseUrl } : {});
    const text = raw.text?.trim() ? cleanParagraphs(raw.text) : htmlToText(html).trim();
    return text ? { html, text } : undefined;
  }
  const text = cleanParagraphs(firstText(raw.text, raw.html) ?? "");
  return text ? { text } : undefined;
}

function looksLikeHtml(value: string): boolean {
  return /<\/?[a-z][a-z0-9]*(?:\s[^>]*)?\/?>/i.test(value);
}

/** Titles often carry markup and double-encoded entities; the desk wants plain words. */
function plainTitle(value: string | undefined): string {
  if (!value?.trim()) return "";
  return squash(/[<&]/.test(value) ? htmlToText(value) : value);
}

/** Categories become subjects only when they are IPTC media topics; free tags are noise here. */
function medtopSubjects(categories: Category[]): IncomingTag[] {
  const tags = categories.flatMap((c): IncomingTag[] => {
    const code = toMedtopCode(c.term, c.scheme);
    if (!code) return [];
    const tag: IncomingTag = { scheme: "medtop", code };
    if (c.label?.trim()) tag.name = c.label.trim();
    return [tag];
  });
  return uniqueTags(tags);
}

// ------------------------------------------------------------- helpers

function firstText(...values: Array<string | undefined>): string | undefined {
  return values.find((v) => typeof v === "string" && v.trim() !== "");
}

function joinNames(names: Array<string | undefined> | undefined): string | undefined {
  const clean = (names ?? []).map((n) => n?.trim()).filter((n): n is string => !!n);
  return clean.length ? clean.join(", ") : undefined;
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return error.message + cause;
}

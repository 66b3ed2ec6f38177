import { parseHTML } from "linkedom";

import { extractBodyParts, splitCaptionCredit } from "./body";
import { extractPage, type PageFacts } from "./html-dom.mjs";
import { HTML_LIMITS, preScanHtml, type HtmlLimits } from "./html-guard";
import { extractPageOffThread, OFF_THREAD_LIMITS, PageReadError, type OffThreadLimits } from "./html-offthread";
import { htmlToText, sanitizeBodyHtml } from "./sanitize";
import { deriveUri, parseDate, sourceFromName, squash } from "./text";
import type { ParseOptions, ParseResult, ParsedArticle } from "./types";

// One article page of a news site: Readability finds the story, the page's
// meta tags name it. Building the DOM and running Readability happen in
// html-dom.mjs: in a worker thread with a time and memory budget for ingest
// (parseHtmlPageOffThread), in this thread for the synchronous parseInput.
// Either way the page passes the pre-scan of html-guard.ts first.

/** Less story text than this and Readability found a teaser, not an article. */
const MIN_TEXT_CHARS = 40;

interface PageMeta {
  title?: string;
  siteName?: string;
  author?: string;
  url?: string;
  published?: Date;
  modified?: Date;
  language?: string;
}

/** The first meta tag with this property, else name, else itemprop, for each key in turn. */
function meta(facts: PageFacts, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el =
      facts.metas.find((m) => m.property === key) ?? facts.metas.find((m) => m.name === key) ?? facts.metas.find((m) => m.itemprop === key);
    const value = el?.content?.trim();
    if (value) return value;
  }
  return undefined;
}

function text(value: string | undefined): string | undefined {
  return squash(value ?? "") || undefined;
}

function absoluteUrl(href: string | undefined | null, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function hostname(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}

const SEPARATORS = "|-–—·";

/**
 * "Main | Site" → its parts, split at the last separator when whitespace
 * surrounds it and the main part is not empty. A scan rather than a regex:
 * /^(.+?)\s+([|-])\s+/ backtracks quadratically over long runs of spaces.
 */
function splitAtLastSeparator(title: string): { main: string; sep: string; last: string } | undefined {
  let at = -1;
  for (let i = title.length - 1; i >= 0; i--) {
    if (SEPARATORS.includes(title[i]!)) {
      at = i;
      break;
    }
  }
  if (at <= 0 || at === title.length - 1) return undefined;
  if (!/\s/.test(title[at - 1]!) || !/\s/.test(title[at + 1]!)) return undefined;
  const main = title.slice(0, at).trimEnd();
  const last = title.slice(at + 1).trimStart();
  if (!main || !last) return undefined;
  return { main, sep: title[at]!, last };
}

/** Drop a " | Site", " - Site" or " — Site" suffix from a page title. */
export function stripSiteSuffix(title: string, siteName?: string): string {
  const parts = splitAtLastSeparator(title.trim());
  if (!parts) return title.trim();
  const { main, sep, last } = parts;
  const named = siteName !== undefined && last.trim().toLowerCase() === siteName.trim().toLowerCase();
  const words = last.trim().split(/\s+/);
  // Without a site name, a short run of capitalised words after the separator is the site.
  const looksLikeSite =
    words.length <= 4 && last.length <= 30 && (sep === "|" || words.every((w) => /^[\p{Lu}\p{N}]/u.test(w)));
  return named || looksLikeSite ? main.trim() : title.trim();
}

function readMeta(doc: PageFacts, opts: ParseOptions): PageMeta {
  const canonical = doc.canonical;
  const ogUrl = absoluteUrl(meta(doc, "og:url"), opts.baseUrl);
  // A relative canonical link resolves against the fetched address, else against og:url.
  const url = absoluteUrl(canonical, opts.baseUrl ?? ogUrl) ?? ogUrl ?? absoluteUrl(opts.baseUrl, undefined);
  const siteName = meta(doc, "og:site_name", "application-name");
  const h1 = text(doc.h1);
  const og = meta(doc, "og:title", "twitter:title");
  const docTitle = text(doc.title);
  const title = og ? stripSiteSuffix(og, siteName) : h1 ?? (docTitle ? stripSiteSuffix(docTitle, siteName) : undefined);
  const timeEl = doc.time;
  const published =
    parseDate(meta(doc, "article:published_time", "datePublished", "date", "dc.date", "DC.date.issued")) ?? parseDate(timeEl);
  const modified = parseDate(meta(doc, "article:modified_time", "dateModified", "og:updated_time"));
  const language = doc.lang?.trim() || undefined;
  const author = meta(doc, "author", "article:author", "byl");
  return { title, siteName, author, url, published, modified, language };
}

function cleanByline(byline: string | undefined | null): string | undefined {
  const b = squash(byline ?? "").replace(/^by:?\s+/i, "");
  // Some sites put a profile URL in the author meta tag.
  return b && !/^https?:\/\//i.test(b) ? b : undefined;
}

/** First figure caption of the article content, split from its credit. */
function figureCaption(contentHtml: string): { caption?: string; credit?: string } {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const fig = squash(document.querySelector("figcaption")?.textContent ?? "");
  if (!fig) return {};
  const split = splitCaptionCredit(fig, false);
  if (split && split.rest === "") return { caption: split.caption, credit: split.credit };
  return { caption: fig };
}

const location = "item 1";
const failed = (error: { location: string; message: string }): ParseResult => ({ format: "html", articles: [], errors: [error] });

/** An HTML article page → one article, read in this thread (tests, tools). */
export function parseHtmlPage(html: string, opts: ParseOptions, limits: HtmlLimits = HTML_LIMITS): ParseResult {
  const refused = preScanHtml(html, limits);
  if (refused) return failed(refused);
  let facts: PageFacts;
  try {
    facts = extractPage(html, limits.maxDepth);
  } catch (err) {
    return failed({ location, message: `could not read the page: ${err instanceof Error ? err.message : String(err)}` });
  }
  return articleFromFacts(facts, opts);
}

/**
 * An HTML article page → one article, its DOM built and read in a worker
 * thread: what ingest uses, so a hostile page costs at most the time budget
 * and never blocks the process's other requests.
 */
export async function parseHtmlPageOffThread(
  html: string,
  opts: ParseOptions,
  limits: HtmlLimits = HTML_LIMITS,
  budget: OffThreadLimits = OFF_THREAD_LIMITS,
): Promise<ParseResult> {
  const refused = preScanHtml(html, limits);
  if (refused) return failed(refused);
  let facts: PageFacts;
  try {
    facts = await extractPageOffThread(html, limits.maxDepth, budget);
  } catch (err) {
    if (err instanceof PageReadError) return failed({ location, message: err.message });
    throw err;
  }
  return articleFromFacts(facts, opts);
}

function articleFromFacts(facts: PageFacts, opts: ParseOptions): ParseResult {
  const fail = (message: string) => failed({ location, message });
  const pageMeta = readMeta(facts, opts);
  const parsed = facts.article;
  const contentHtml = parsed?.content ?? "";
  const bodyHtml = sanitizeBodyHtml(contentHtml, { baseUrl: pageMeta.url ?? opts.baseUrl });
  const plain = htmlToText(bodyHtml);
  if (plain.replace(/\s/g, "").length < MIN_TEXT_CHARS) return fail("no article text found");

  const headline = pageMeta.title ?? squash(parsed?.title ?? "");
  if (!headline) return fail("missing headline");
  const parts = extractBodyParts(plain.split("\n\n"));
  if (!parts.bodyText) return fail("no article text found");
  const fig = figureCaption(bodyHtml);
  const sourceName =
    pageMeta.siteName ?? (squash(parsed?.siteName ?? "") || undefined) ?? opts.defaultSource ?? hostname(pageMeta.url) ?? sourceFromName(opts.name);
  const published = pageMeta.published ?? parseDate(parsed?.publishedTime);
  const byline = parts.byline ?? cleanByline(parsed?.byline) ?? cleanByline(pageMeta.author);
  const credit = parts.credit ?? fig.credit;
  const caption = parts.caption ?? fig.caption;
  const language = pageMeta.language ?? (parsed?.lang?.trim() || undefined);

  const article: ParsedArticle = {
    uri: pageMeta.url ?? deriveUri(sourceName, headline),
    headline,
    bodyText: parts.bodyText,
    bodyHtml,
    sourceName,
    location,
    ...(pageMeta.url ? { url: pageMeta.url } : {}),
    ...(byline ? { byline } : {}),
    ...(parts.dateline ? { dateline: parts.dateline } : {}),
    ...(credit ? { credit } : {}),
    ...(caption ? { caption } : {}),
    ...(language ? { language } : {}),
    ...(published ? { firstCreated: published } : {}),
    ...((pageMeta.modified ?? published) ? { versionCreated: pageMeta.modified ?? published } : {}),
  };
  return { format: "html", articles: [article], errors: [] };
}

import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

import { extractBodyParts, splitCaptionCredit } from "./body";
import { htmlToText, sanitizeBodyHtml } from "./sanitize";
import { deriveUri, parseDate, sourceFromName, squash } from "./text";
import type { ParseOptions, ParseResult, ParsedArticle } from "./types";

// One article page of a news site: Readability finds the story, the page's
// meta tags name it.

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

type Doc = ReturnType<typeof parseHTML>["document"];

function meta(doc: Doc, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}"]`) ??
      doc.querySelector(`meta[name="${key}"]`) ??
      doc.querySelector(`meta[itemprop="${key}"]`);
    const value = el?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return undefined;
}

function text(doc: Doc, selector: string): string | undefined {
  const value = squash(doc.querySelector(selector)?.textContent ?? "");
  return value || undefined;
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

/** Drop a " | Site", " - Site" or " — Site" suffix from a page title. */
export function stripSiteSuffix(title: string, siteName?: string): string {
  const m = /^(.+?)\s+([|\-–—·])\s+([^|\-–—·]+)$/.exec(title.trim());
  if (!m?.[1] || !m[2] || !m[3]) return title.trim();
  const [, main, sep, last] = m;
  const named = siteName !== undefined && last.trim().toLowerCase() === siteName.trim().toLowerCase();
  const words = last.trim().split(/\s+/);
  // Without a site name, a short run of capitalised words after the separator is the site.
  const looksLikeSite =
    words.length <= 4 && last.length <= 30 && (sep === "|" || words.every((w) => /^[\p{Lu}\p{N}]/u.test(w)));
  return named || looksLikeSite ? main.trim() : title.trim();
}

function readMeta(doc: Doc, opts: ParseOptions): PageMeta {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href");
  const ogUrl = absoluteUrl(meta(doc, "og:url"), opts.baseUrl);
  // A relative canonical link resolves against the fetched address, else against og:url.
  const url = absoluteUrl(canonical, opts.baseUrl ?? ogUrl) ?? ogUrl ?? absoluteUrl(opts.baseUrl, undefined);
  const siteName = meta(doc, "og:site_name", "application-name");
  const h1 = text(doc, "h1");
  const og = meta(doc, "og:title", "twitter:title");
  const docTitle = text(doc, "title");
  const title = og ? stripSiteSuffix(og, siteName) : h1 ?? (docTitle ? stripSiteSuffix(docTitle, siteName) : undefined);
  const timeEl = doc.querySelector("time[datetime]")?.getAttribute("datetime");
  const published =
    parseDate(meta(doc, "article:published_time", "datePublished", "date", "dc.date", "DC.date.issued")) ?? parseDate(timeEl);
  const modified = parseDate(meta(doc, "article:modified_time", "dateModified", "og:updated_time"));
  const language = doc.documentElement?.getAttribute("lang")?.trim() || undefined;
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

/** An HTML article page → one article. */
export function parseHtmlPage(html: string, opts: ParseOptions): ParseResult {
  const location = "item 1";
  const fail = (message: string): ParseResult => ({ format: "html", articles: [], errors: [{ location, message }] });
  // Two parses: Readability rewrites the tree it is given.
  const metaDoc = parseHTML(html).document;
  const pageMeta = readMeta(metaDoc, opts);
  const readDoc = parseHTML(html).document;
  let parsed: ReturnType<Readability["parse"]>;
  try {
    parsed = new Readability(readDoc as unknown as Document).parse();
  } catch (err) {
    return fail(`could not read the page: ${err instanceof Error ? err.message : String(err)}`);
  }
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

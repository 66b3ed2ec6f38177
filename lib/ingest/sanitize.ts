import { parseHTML } from "linkedom";
import sanitizeHtml from "sanitize-html";

import { cleanParagraphs } from "./text";

// HTML from pages and feeds is hostile until proven otherwise: only a small
// set of text tags survives, and links only to the open web or mail.

const ALLOWED_SCHEMES = new Set(["http:", "https:", "mailto:"]);

export interface SanitizeOptions {
  /** Base for relative links; without it relative links lose their href. */
  baseUrl?: string;
}

/** Resolve an href to an absolute http(s) or mailto URL, or undefined. */
function safeHref(href: string | undefined, baseUrl: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    // URL parsing also strips the tabs and newlines of "java\tscript:" tricks.
    const url = baseUrl ? new URL(href, baseUrl) : new URL(href);
    return ALLOWED_SCHEMES.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Sanitize article HTML to the tags a story body needs. */
export function sanitizeBodyHtml(html: string, opts: SanitizeOptions = {}): string {
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "h2",
      "h3",
      "h4",
      "ul",
      "ol",
      "li",
      "blockquote",
      "a",
      "em",
      "strong",
      "b",
      "i",
      "br",
      "figure",
      "figcaption",
    ],
    allowedAttributes: { a: ["href"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    // Contents of these are code or widgets, never story text.
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "template", "svg", "math", "object", "embed", "button", "select"],
    transformTags: {
      h1: "h2",
      h5: "h4",
      h6: "h4",
      a: (_tagName, attribs): sanitizeHtml.Tag => {
        const href = safeHref(attribs.href, opts.baseUrl);
        // A link that may not stay loses its tag, not its text.
        return href ? { tagName: "a", attribs: { href } } : { tagName: "span", attribs: {} };
      },
    },
  })
    .replace(/<p>\s*<\/p>/g, "")
    .replace(/\s*\n\s*/g, "\n") // the source's indentation, not content
    .trim();
}

const BLOCK_TAGS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TR",
  "UL",
]);

const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG", "HEAD", "TITLE", "BUTTON", "SELECT", "TEXTAREA"]);

export interface HtmlToTextOptions {
  /** Keep <figcaption> text in the body (default: captions are not story text). */
  keepCaptions?: boolean;
}

interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNodeLike>;
}

/** Plain text of an HTML fragment: blocks become paragraphs separated by "\n\n". */
export function htmlToText(html: string, opts: HtmlToTextOptions = {}): string {
  if (!/[<&]/.test(html)) return cleanParagraphs(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  walk(document.body as unknown as TextNodeLike, out, opts);
  return cleanParagraphs(out.join(""));
}

function walk(node: TextNodeLike, out: string[], opts: HtmlToTextOptions): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      out.push((child.textContent ?? "").replace(/\s+/g, " "));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = child.nodeName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === "FIGCAPTION" && !opts.keepCaptions) continue;
    if (tag === "BR") {
      out.push("\n");
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) out.push("\n\n");
    walk(child, out, opts);
    if (block) out.push("\n\n");
  }
}

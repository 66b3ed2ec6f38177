import type { ItemError } from "./types";

// A cheap look at an HTML page before anything builds a DOM of it. Readability
// (lib/ingest/html-dom.mjs) costs time superlinear in how deeply elements nest:
// 2,000 nested <div> in 23 KB took over 30 s. This counts nesting with a
// linear scan of the tags (no regex that can backtrack) and refuses pages past
// the limits, so a hostile page costs a few milliseconds, not the worker's
// whole time budget. It is an estimate of what the HTML parser builds (it
// knows void elements and the usual implied end tags); the worker counts the
// parsed tree again.

export interface HtmlLimits {
  /** Longest page read, in characters. */
  maxChars: number;
  /** Deepest element nesting. */
  maxDepth: number;
  /** Most elements. */
  maxElements: number;
  /** Sum over elements of their depth: many deep subtrees cost as much as one very deep one. */
  maxNestingLoad: number;
}

export const HTML_LIMITS: HtmlLimits = {
  maxChars: 5_000_000,
  maxDepth: 160,
  maxElements: 60_000,
  maxNestingLoad: 400_000,
};

/** Elements that never have children. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr", "frame", "basefont", "bgsound"]);
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"]);

const P_CLOSERS = "address article aside blockquote details dialog div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section table ul dd dt";
/** Open element → the open elements its start tag ends (the HTML parser's implied end tags). */
const ENDS = new Map<string, Set<string>>([
  ...P_CLOSERS.split(" ").map((t): [string, Set<string>] => [t, new Set(["p"])]),
  ["li", new Set(["li", "p"])],
  ["dt", new Set(["dt", "dd", "p"])],
  ["dd", new Set(["dt", "dd", "p"])],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["option", "optgroup"])],
  ["tr", new Set(["tr", "td", "th"])],
  ["td", new Set(["td", "th"])],
  ["th", new Set(["td", "th"])],
  ["thead", new Set(["thead", "tbody", "tfoot", "tr", "td", "th"])],
  ["tbody", new Set(["thead", "tbody", "tfoot", "tr", "td", "th"])],
  ["tfoot", new Set(["thead", "tbody", "tfoot", "tr", "td", "th"])],
  ["rb", new Set(["rb", "rt", "rp", "rtc"])],
  ["rt", new Set(["rb", "rt", "rp"])],
  ["rp", new Set(["rb", "rt", "rp"])],
]);

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95 || c === 46;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Why the page is refused before parsing, or undefined when it is within the limits. */
export function preScanHtml(html: string, limits: HtmlLimits = HTML_LIMITS): ItemError | undefined {
  if (html.length > limits.maxChars) {
    return { location: "file", message: `refused: the page is ${html.length} characters long, over the ${limits.maxChars}-character limit for an HTML page` };
  }
  const stack: string[] = [];
  let elements = 0;
  let load = 0;
  let i = 0;
  const refuse = (at: number, what: string): ItemError => ({ location: `line ${lineAt(html, at)}`, message: `refused: ${what}; the desk does not read pages built like this` });
  for (;;) {
    const lt = html.indexOf("<", i);
    if (lt === -1 || lt + 1 >= html.length) break;
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    const first = html.charCodeAt(lt + 1);
    if (first === 33 /* ! */ || first === 63 /* ? */) {
      const end = html.indexOf(">", lt);
      if (end === -1) break;
      i = end + 1;
      continue;
    }
    const closing = first === 47; /* / */
    const start = lt + (closing ? 2 : 1);
    let j = start;
    while (j < html.length && isNameChar(html.charCodeAt(j))) j++;
    if (j === start) {
      i = lt + 1; // a "<" in text
      continue;
    }
    const name = html.slice(start, j).toLowerCase();
    const end = html.indexOf(">", j);
    if (end === -1) break;
    i = end + 1;
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at !== -1) stack.length = at;
      continue;
    }
    elements++;
    if (elements > limits.maxElements) return refuse(lt, `the page has more than ${limits.maxElements} elements`);
    if (VOID.has(name)) continue;
    // "/>" closes an element only in SVG and MathML; <div/> is an open <div>.
    if (html.charCodeAt(end - 1) === 47 /* / */ && (name === "svg" || name === "math" || stack.includes("svg") || stack.includes("math"))) continue;
    const ends = ENDS.get(name);
    while (ends && stack.length && ends.has(stack[stack.length - 1]!)) stack.pop();
    stack.push(name);
    if (stack.length > limits.maxDepth) return refuse(lt, `the page nests elements more than ${limits.maxDepth} deep`);
    load += stack.length;
    if (load > limits.maxNestingLoad) return refuse(lt, `the page nests too many elements too deeply (nesting load over ${limits.maxNestingLoad})`);
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, "gi");
      close.lastIndex = i;
      const m = close.exec(html);
      if (!m) break;
      stack.pop();
      i = m.index + m[0].length;
    }
  }
  return undefined;
}

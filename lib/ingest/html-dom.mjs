// The expensive half of reading an HTML page: building its DOM and running
// Readability over it. Plain JavaScript, not TypeScript, because this file
// is also the worker_threads entry (lib/ingest/html-offthread.ts): a worker
// is started from a file, and a .mjs file runs as it is under node, tsx,
// Vitest and the built Next app alike, with no loader in between.
//
// Readability is superlinear in nesting depth (2,000 nested <div> took over
// 30 s), so the desk never runs it on the request thread: the caller runs
// this in a worker with a time and memory budget, after lib/ingest/html-guard.ts
// has refused pages nested or sized past the limits.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/** Meta tags kept for the page's metadata; a page with more is padding. */
const MAX_META = 1000;

const textOf = (el) => (el ? (el.textContent ?? "") : undefined);

/**
 * Deepest element nesting of a parsed document, walked without recursion
 * (a recursive walk is itself a stack overflow on a hostile page).
 */
export function treeDepth(root) {
  let max = 0;
  const stack = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop();
    if (depth > max) max = depth;
    for (let child = node.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return max;
}

/**
 * The page's facts: its meta tags and the few elements that name it, and
 * what Readability found as the story. Throws when the parsed tree is nested
 * deeper than `maxDepth` (the pre-scan is an estimate; this is the parser's count).
 */
export function extractPage(html, maxDepth) {
  const metaDoc = parseHTML(html).document;
  const depth = treeDepth(metaDoc);
  if (maxDepth !== undefined && depth > maxDepth) {
    throw new Error(`the page nests elements ${depth} deep, over the limit of ${maxDepth}`);
  }
  const metas = [];
  for (const el of metaDoc.querySelectorAll("meta")) {
    if (metas.length >= MAX_META) break;
    metas.push({
      property: el.getAttribute("property") ?? undefined,
      name: el.getAttribute("name") ?? undefined,
      itemprop: el.getAttribute("itemprop") ?? undefined,
      content: el.getAttribute("content") ?? undefined,
    });
  }
  const facts = {
    metas,
    canonical: metaDoc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? undefined,
    h1: textOf(metaDoc.querySelector("h1")),
    title: textOf(metaDoc.querySelector("title")),
    time: metaDoc.querySelector("time[datetime]")?.getAttribute("datetime") ?? undefined,
    lang: metaDoc.documentElement?.getAttribute("lang") ?? undefined,
  };

  // A second parse: Readability rewrites the tree it is given.
  const readDoc = parseHTML(html).document;
  // Readability matches meta names with /\s*(og|...)\s*:\s*(title|...)/g, which
  // backtracks quadratically over a long run of spaces (80,000 spaces: 2.4 s).
  // No real meta name has more than one space in a row.
  for (const el of readDoc.querySelectorAll("meta")) {
    for (const attr of ["property", "name"]) {
      const value = el.getAttribute(attr);
      if (value && /\s\s/.test(value)) el.setAttribute(attr, value.replace(/\s+/g, " "));
    }
  }
  const parsed = new Readability(readDoc).parse();
  return {
    ...facts,
    article: parsed
      ? {
          content: parsed.content ?? undefined,
          title: parsed.title ?? undefined,
          byline: parsed.byline ?? undefined,
          siteName: parsed.siteName ?? undefined,
          publishedTime: parsed.publishedTime ?? undefined,
          lang: parsed.lang ?? undefined,
        }
      : undefined,
  };
}

// As a worker: one page a message, for as long as the pool keeps it.
if (!isMainThread && workerData?.wiredeskHtmlWorker === true && parentPort) {
  const port = parentPort;
  port.on("message", ({ id, html, maxDepth }) => {
    try {
      port.postMessage({ id, ok: true, facts: extractPage(html, maxDepth) });
    } catch (err) {
      port.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  });
}

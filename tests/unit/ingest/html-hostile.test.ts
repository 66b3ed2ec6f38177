// Hostile HTML pages: deep nesting, long runs of spaces in meta tags, pages
// that take the reader past its time budget. Each is refused with a per-item
// error saying what and where, and never stalls the event loop.
import { afterAll, describe, expect, it } from "vitest";

import { parseInput, parseInputAsync } from "../../../lib/ingest";
import { parseHtmlPageOffThread, stripSiteSuffix } from "../../../lib/ingest/html";
import { HTML_LIMITS, preScanHtml } from "../../../lib/ingest/html-guard";
import { closePageWorkers } from "../../../lib/ingest/html-offthread";
import { extractPage } from "../../../lib/ingest/html-dom.mjs";
import { fixtureText, opts } from "./helpers";

const bytes = (s: string) => new TextEncoder().encode(s);
const nested = (depth: number, inner = "Hello world") => `<html><body>${"<div>".repeat(depth)}${inner}${"</div>".repeat(depth)}</body></html>`;
const story = `<article><h1>Ferry timetable changes</h1>${"<p>The harbour ferry will run every twenty minutes from Monday, the operator said on Tuesday.</p>".repeat(4)}</article>`;

afterAll(() => closePageWorkers());

describe("the pre-scan of an HTML page", () => {
  it("refuses 2,000 nested <div> (30 s of Readability before) with where it happened", () => {
    const page = `<html>\n<body>\n${"<div>".repeat(2000)}text${"</div>".repeat(2000)}\n</body></html>`;
    const result = parseInput(bytes(page), opts("deep.html"));
    expect(result.articles).toEqual([]);
    expect(result.errors).toEqual([{ location: "line 3", message: expect.stringMatching(/nests elements more than 160 deep/) }]);
  });

  it("counts implied end tags as the HTML parser does: unclosed <p> and <li> are siblings, not nesting", () => {
    const page = `<html><body><ul>${"<li><p>item text".repeat(5000)}</ul></body></html>`;
    expect(preScanHtml(page)).toBeUndefined();
  });

  it("counts <div/> as an open <div>, as HTML does, and <path/> in SVG as closed", () => {
    expect(preScanHtml(`<html><body>${"<div/>".repeat(500)}</body></html>`)?.message).toMatch(/more than 160 deep/);
    expect(preScanHtml(`<html><body><svg>${"<path d='M0 0'/>".repeat(500)}</svg></body></html>`)).toBeUndefined();
  });

  it("ignores tags inside comments, scripts and styles", () => {
    const page = `<html><body><!-- ${"<div>".repeat(1000)} --><script>${"<div>".repeat(1000)}</script><style>${"<b>".repeat(1000)}</style><p>text</p></body></html>`;
    expect(preScanHtml(page)).toBeUndefined();
  });

  it("refuses many deep subtrees (their nesting load), each within the depth limit", () => {
    const chains = `<html><body>${("<div>".repeat(150) + "text" + "</div>".repeat(150)).repeat(60)}</body></html>`;
    expect(preScanHtml(chains)?.message).toMatch(/nesting load over 400000/);
  });

  it("refuses a page over the size limit before reading its tags", () => {
    expect(preScanHtml("<p>x</p>".repeat(10), { ...HTML_LIMITS, maxChars: 50 })).toEqual({
      location: "file",
      message: expect.stringMatching(/80 characters long, over the 50-character limit/),
    });
  });

  it("stays linear on a tag that never closes and on thousands of lone '<'", () => {
    expect(preScanHtml(`<html><body><div class="${"x".repeat(500_000)}`)).toBeUndefined();
    expect(preScanHtml(`<p>${"a < b ".repeat(200_000)}</p>`)).toBeUndefined();
  });
});

describe("meta tags with long runs of spaces", () => {
  // 80,000 spaces took 2.4 s in two quadratic regexes (the page title's site
  // suffix, Readability's meta names); 200,000 would take over 15 s each.
  const spaces = " ".repeat(200_000);
  const page = `<html><head><meta property="og:${spaces}title" content="x"><meta property="og:title" content="Ferry${spaces}timetable | Harbour Post"></head><body>${story}</body></html>`;

  it("read in linear time, the title's site suffix still dropped", () => {
    const started = performance.now();
    const result = parseInput(bytes(page), opts("spaces.html"));
    // Generous: linear work here is well under a second even on a busy machine.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.errors).toEqual([]);
    // The suffix is dropped; the spaces themselves are kept, as before.
    expect(result.articles[0]?.headline === `Ferry${spaces}timetable`).toBe(true);
  });

  it("a title with only spaces around no separator is kept whole", () => {
    expect(stripSiteSuffix(`Ferry${spaces}timetable`)).toBe(`Ferry${spaces}timetable`);
    expect(stripSiteSuffix("Ferry | Harbour Post")).toBe("Ferry");
    expect(stripSiteSuffix("- Ferry")).toBe("- Ferry");
    expect(stripSiteSuffix("Ferry -")).toBe("Ferry -");
    expect(stripSiteSuffix("Ferry-timetable")).toBe("Ferry-timetable");
  });
});

describe("reading a page off the event loop", () => {
  it("reads an ordinary page in a worker as in this thread", async () => {
    const html = fixtureText("article-harbourpost.html");
    const offThread = await parseInputAsync(bytes(html), opts("article-harbourpost.html"));
    const inThread = parseInput(bytes(html), opts("article-harbourpost.html"));
    expect(offThread.errors).toEqual([]);
    expect(offThread).toEqual(inThread);
  });

  it("refuses a page past the time budget while timers and other pages go on", async () => {
    // Within relaxed pre-scan limits, so only the worker's budget stops it: 600
    // nested <div> keep Readability busy for many seconds.
    const relaxed = { ...HTML_LIMITS, maxDepth: 10_000, maxNestingLoad: Number.MAX_SAFE_INTEGER };
    const slow = nested(600, story);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    let hostileSettled = false;
    const hostile = parseHtmlPageOffThread(slow, opts("slow.html"), relaxed, { timeMs: 1_500, maxHeapMb: 256 }).finally(() => {
      hostileSettled = true;
    });
    try {
      // Another page, sent after the hostile one, is read meanwhile by the other worker.
      const other = await parseInputAsync(bytes(fixtureText("article-harbourpost.html")), opts("article-harbourpost.html"));
      expect(other.articles).toHaveLength(1);
      expect(hostileSettled).toBe(false);
      const ticksBefore = ticks;
      const result = await hostile;
      expect(result.articles).toEqual([]);
      expect(result.errors).toEqual([{ location: "item 1", message: "refused: reading the page took longer than 1.5 s, the limit for one page" }]);
      // The event loop ran timers all the while the worker was busy.
      expect(ticks).toBeGreaterThan(ticksBefore);
      expect(ticks).toBeGreaterThan(5);
    } finally {
      clearInterval(timer);
    }
  });

  it("refuses a page that needs more memory than the worker may have", async () => {
    const relaxed = { ...HTML_LIMITS, maxChars: Number.MAX_SAFE_INTEGER, maxElements: Number.MAX_SAFE_INTEGER, maxNestingLoad: Number.MAX_SAFE_INTEGER };
    const big = `<html><body>${'<p class="a b c" data-x="yyyyyyyy">word word word</p>'.repeat(150_000)}</body></html>`;
    const result = await parseHtmlPageOffThread(big, opts("big.html"), relaxed, { timeMs: 60_000, maxHeapMb: 32 });
    expect(result.errors).toEqual([{ location: "item 1", message: "refused: reading the page needed more than 32 MiB of memory" }]);
  });

  it("counts the parsed tree's depth in the worker too", () => {
    expect(() => extractPage(nested(300), 250)).toThrow(/nests elements 30\d deep, over the limit of 250/);
    expect(extractPage(nested(100), 250).article?.content).toMatch(/Hello world/);
  });
});

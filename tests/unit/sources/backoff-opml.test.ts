import { describe, expect, it } from "vitest";
import { MAX_BACKOFF_MS, nextPollDelay } from "../../../lib/sources/backoff";
import { readOpml, writeOpml } from "../../../lib/sources/opml";

const MINUTE = 60_000;

describe("nextPollDelay", () => {
  it("waits the interval after a success and doubles it for each failure in a row", () => {
    expect([0, 1, 2, 3, 4].map((n) => nextPollDelay(15, n) / MINUTE)).toEqual([15, 30, 60, 120, 240]);
  });
  it("tries a failing feed at least daily, and never sooner than its own interval", () => {
    expect(nextPollDelay(15, 30)).toBe(MAX_BACKOFF_MS);
    expect(nextPollDelay(1440, 5)).toBe(1440 * MINUTE);
  });
});

describe("OPML", () => {
  it("reads nested outlines, keeps folders as categories, and reports outlines it cannot use", () => {
    const r = readOpml(`<?xml version="1.0"?><opml version="1.0"><body>
      <outline text="News"><outline text="A" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/><outline text="B"/></outline>
      <outline title="C" xmlUrl="javascript:alert(1)"/></body></opml>`);
    expect(r.feeds).toEqual([{ name: "A", feedUrl: "https://a.example/rss", url: "https://a.example/", category: "News" }]);
    expect(r.errors).toEqual([{ location: "body/outline[2]", message: 'xmlUrl "javascript:alert(1)" is not an http or https URL' }]);
  });
  it("writes what it reads back, escaping names and URLs", () => {
    const feeds = [{ name: `Q&A "<live>"`, feedUrl: "https://q.example/f?a=1&b=2" }];
    expect(readOpml(writeOpml(feeds)).feeds).toEqual(feeds);
  });
  it("refuses entity declarations and says what is wrong with a document that is not OPML", () => {
    expect(() => readOpml(`<!DOCTYPE opml [<!ENTITY x "y">]><opml><body/></opml>`, "list.opml")).toThrow(/list.opml: XML entity declarations are not allowed/);
    expect(() => readOpml(`<rss/>`, "list.opml")).toThrow(/not an OPML document/);
    expect(() => readOpml(`<opml><body>`, "list.opml")).toThrow(/not well-formed XML at line 1/);
  });
});

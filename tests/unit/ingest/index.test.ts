import { beforeEach, describe, expect, it, vi } from "vitest";

import { parseFeed } from "../../../lib/ingest/feed";
import { detectFormat, parseInput } from "../../../lib/ingest/index";
import { parseNinjs } from "../../../lib/ingest/ninjs";
import { IngestInputError, type ParseResult } from "../../../lib/ingest/types";
import { fixtureBytes, fixtureText, opts } from "./helpers";

// The feed and ninjs parsers have tests of their own: here only the dispatch to them is checked.
vi.mock("../../../lib/ingest/feed", () => ({
  parseFeed: vi.fn((): ParseResult => ({ format: "rss", articles: [], errors: [] })),
}));
vi.mock("../../../lib/ingest/ninjs", () => ({
  parseNinjs: vi.fn((): ParseResult => ({ format: "ninjs", articles: [], errors: [] })),
}));

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("detectFormat", () => {
  it.each([
    ['<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "rss"],
    ['<?xml version="1.0"?><!-- generator --><rdf:RDF xmlns:rdf="x"></rdf:RDF>', "rss"],
    ["<rss><channel/></rss>", "rss"],
    ['\uFEFF  <?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "atom"],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "atom"],
    ["<!DOCTYPE html><html><body><p>x</p></body></html>", "html"],
    ["<!-- saved page --><html lang=en><p>x</p></html>", "html"],
    ['<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html xmlns="http://www.w3.org/1999/xhtml"></html>', "html"],
    ["<p>Just a fragment</p>", "html"],
    ['{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}', "json-feed"],
    ['{"uri": "urn:x", "headline": "y", "version": "1.0"}', "ninjs"],
    ['[{"uri": "urn:x"}, {"uri": "urn:y"}]', "ninjs"],
    ['{"uri": "urn:x"}\n{"uri": "urn:y"}\n', "ninjs"],
    ['{"uri": "broken', "ninjs"],
    ["Headline\n\nBody of a plain text story.", "text"],
    ["<Reuters> is not a tag here\nBody.", "text"],
  ])("%j → %s", (text, format) => {
    expect(detectFormat(text, "input")).toBe(format);
  });

  it("recognises the aggregator pages", () => {
    for (const name of ["seed-aggregator.txt", "aggregator-newsloop.txt", "aggregator-brieflyhub.txt"]) {
      expect(detectFormat(fixtureText(name), name)).toBe("aggregator-page");
    }
  });

  it("lets the content decide over the file name", () => {
    expect(detectFormat("<rss><channel/></rss>", "page.html")).toBe("rss");
    expect(detectFormat("Headline\n\nBody.", "feed.xml")).toBe("text");
    expect(detectFormat(fixtureText("article-harbourpost.html"), "story.txt")).toBe("html");
  });

  it("uses the extension only to break a tie", () => {
    expect(detectFormat('<?xml version="1.0"?><unknown/>', "x.atom")).toBe("atom");
    expect(detectFormat('<?xml version="1.0"?><unknown/>', "x.xml")).toBe("rss");
  });
});

describe("parseInput", () => {
  beforeEach(() => {
    vi.mocked(parseFeed).mockClear();
    vi.mocked(parseNinjs).mockClear();
  });

  it("decodes and parses the seed page", () => {
    const result = parseInput(fixtureBytes("seed-aggregator.txt"), opts("seed-aggregator.txt"));
    expect(result.format).toBe("aggregator-page");
    expect(result.articles).toHaveLength(4);
  });

  it("parses a Latin-1 text file", () => {
    const bytes = new Uint8Array(Buffer.from("Grève à Besançon\n\nLes cheminots ont cessé le travail à l'aube.\n", "latin1"));
    const result = parseInput(bytes, opts("greve.txt"));
    expect(result.format).toBe("text");
    expect(result.articles[0]).toMatchObject({ headline: "Grève à Besançon", bodyText: "Les cheminots ont cessé le travail à l'aube.", sourceName: "greve" });
  });

  it("parses an HTML page", () => {
    const result = parseInput(fixtureBytes("article-harbourpost.html"), opts("article-harbourpost.html"));
    expect(result.format).toBe("html");
    expect(result.articles[0]?.headline).toBe("City council approves cycle lanes on ring road");
  });

  it("hands feeds and ninjs to their parsers with the parse options", () => {
    parseInput(utf8("<rss><channel/></rss>"), { ...opts("feed.xml"), maxBytes: 1000 });
    expect(parseFeed).toHaveBeenCalledTimes(1);
    const [text, passed] = vi.mocked(parseFeed).mock.calls[0] ?? [];
    expect(text).toBe("<rss><channel/></rss>");
    expect(passed).toEqual(opts("feed.xml"));

    parseInput(utf8('{"version":"https://jsonfeed.org/version/1","items":[]}'), opts("feed.json"));
    expect(parseFeed).toHaveBeenCalledTimes(2);
    parseInput(utf8('{"uri":"urn:a","headline":"h"}'), opts("item.json"));
    expect(parseNinjs).toHaveBeenCalledTimes(1);
  });

  it("refuses XML that is no feed", () => {
    expect(() => parseInput(utf8('<?xml version="1.0"?><invoice><total>3</total></invoice>'), opts("bill.xml"))).toThrow(
      /not a feed: the XML root element is <invoice>/,
    );
    expect(parseFeed).not.toHaveBeenCalled();
  });

  it("refuses empty, binary and oversize inputs", () => {
    expect(() => parseInput(new Uint8Array(0), opts("e.txt"))).toThrow(IngestInputError);
    expect(() => parseInput(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), opts("a.zip"))).toThrow(/binary file, not text/);
    expect(() => parseInput(utf8("Headline\n\nBody."), { ...opts("big.txt"), maxBytes: 5 })).toThrow(/too large/);
  });
});

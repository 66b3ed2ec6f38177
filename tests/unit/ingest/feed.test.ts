import { expectInputError } from "./helpers";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../../lib/ingest/feed";
import type { ParseOptions } from "../../../lib/ingest/types";
import { assertSafeXml, maskXmlLiterals } from "../../../lib/ingest/xml-guard";

const FIXTURES = join(__dirname, "../../fixtures/feeds");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const opts = (name: string, extra: Partial<ParseOptions> = {}): ParseOptions => ({
  name,
  ingestTime: new Date("2025-06-12T12:00:00Z"),
  ...extra,
});

/** An RSS 2.0 document around the given item XML. */
function rss(items: string, channelExtra = ""): string {
  return `<?xml version="1.0"?>
<rss version="2.0">
<channel>
<title>Test Wire</title>
<link>https://wire.example.com/</link>
<description>d</description>${channelExtra}
${items}
</channel>
</rss>`;
}

const item = (n: number) =>
  `<item>\n<title>Story ${n}</title>\n<guid isPermaLink="false">s-${n}</guid>\n<description>Body of story ${n}.</description>\n</item>`;


describe("parseFeed: RSS 2.0", () => {
  const result = parseFeed(fixture("rss2.xml"), opts("rss2.xml"));

  it("reads every item", () => {
    expect(result.format).toBe("rss");
    expect(result.errors).toEqual([]);
    expect(result.articles).toHaveLength(3);
  });

  it("maps guid, link, creator, date, language and source", () => {
    const a = result.articles[0]!;
    expect(a.uri).toBe("courier-2025-06-10-ferry");
    expect(a.url).toBe("https://courier.example.com/2025/06/ferry-night-crossings");
    expect(a.byline).toBe("Maren Olsvik");
    expect(a.firstCreated?.toISOString()).toBe("2025-06-10T06:30:00.000Z");
    expect(a.versionCreated?.toISOString()).toBe("2025-06-10T06:30:00.000Z");
    expect(a.language).toBe("en-gb");
    expect(a.sourceName).toBe("Harbour City Courier");
    expect(a.location).toBe("item 1 (line 13)");
  });

  it("decodes entities and strips tags from headlines", () => {
    expect(result.articles[0]!.headline).toBe("Ferry operator adds night crossings after commuter petition");
  });

  it("prefers content:encoded and sanitizes it: no script, no event handlers", () => {
    const a = result.articles[0]!;
    expect(a.bodyHtml).toBeDefined();
    expect(a.bodyHtml).not.toMatch(/<script|document\.cookie|onclick|onmouseover|alert|steal/i);
    expect(a.bodyHtml).toContain('<a href="https://courier.example.com/2025/05/petition">');
    expect(a.bodyText).toMatch(/^The harbour ferry will run until 1 a\.m\./);
    expect(a.bodyText).toContain("\n\nNight shift workers");
    expect(a.bodyText).not.toMatch(/cookie|<p>/);
  });

  it("uses a permalink guid as url and escaped HTML descriptions as body", () => {
    const a = result.articles[1]!;
    expect(a.uri).toBe("https://courier.example.com/2025/06/waterfront-vote");
    expect(a.bodyHtml).toBe(
      "<p>Councillors postponed a decision on 600 new homes at the old dock until September.</p><p>Opponents say the plan lacks affordable flats.</p>",
    );
    expect(a.bodyText).toBe(
      "Councillors postponed a decision on 600 new homes at the old dock until September.\n\nOpponents say the plan lacks affordable flats.",
    );
  });

  it("keeps only IPTC media topic categories as subjects", () => {
    expect(result.articles[0]!.subjects).toEqual([{ scheme: "medtop", code: "medtop:04000000" }]);
    expect(result.articles[1]!.subjects).toEqual([{ scheme: "medtop", code: "medtop:11000000" }]);
    expect(result.articles[2]!.subjects).toBeUndefined();
  });

  it("leaves an invalid date undefined instead of failing the item", () => {
    const a = result.articles[2]!;
    expect(a.headline).toBe("Lighthouse museum reopens after roof repairs");
    expect(a.firstCreated).toBeUndefined();
    expect(a.versionCreated).toBeUndefined();
    expect(a.bodyHtml).toBeUndefined();
    expect(a.url).toBeUndefined();
  });

  it("falls back to opts.defaultSource and a derived uri", () => {
    const doc = `<rss version="2.0"><channel><link>https://x.example/</link><description>d</description>
<item><title>No id here</title><description>Plain words.</description></item></channel></rss>`;
    const a = parseFeed(doc, opts("feed.xml", { defaultSource: "Fallback Wire" })).articles[0]!;
    expect(a.sourceName).toBe("Fallback Wire");
    expect(a.uri).toMatch(/^urn:wiredesk:fallback-wire:[0-9a-f]{20}$/);
    // Same source + headline → same uri.
    expect(parseFeed(doc, opts("again.xml", { defaultSource: "Fallback Wire" })).articles[0]!.uri).toBe(a.uri);
  });

  it("drops links that are not http(s)", () => {
    const doc = rss(`<item><title>T</title><link>javascript:alert(1)</link><description>B</description></item>`);
    const a = parseFeed(doc, opts("x.xml")).articles[0]!;
    expect(a.url).toBeUndefined();
    expect(a.uri).toMatch(/^urn:wiredesk:test-wire:/);
  });

  it("resolves relative links against baseUrl", () => {
    const doc = rss(`<item><title>T</title><link>/story/1</link><description>B</description></item>`);
    const a = parseFeed(doc, opts("x.xml", { baseUrl: "https://wire.example.com/feeds/" })).articles[0]!;
    expect(a.url).toBe("https://wire.example.com/story/1");
  });
});

describe("parseFeed: item-level errors", () => {
  it("names what is missing", () => {
    const doc = rss(`
<item><guid>a</guid></item>
<item><guid>b</guid><description>Body but no title.</description></item>
<item><title>Title but no body</title></item>
<item><title>Complete</title><description>Fine.</description></item>`);
    const result = parseFeed(doc, opts("x.xml"));
    expect(result.articles.map((a) => a.headline)).toEqual(["Complete"]);
    expect(result.errors.map((e) => `${e.location}: ${e.message}`)).toEqual([
      "item 1 (line 8): missing headline and body",
      "item 2 (line 9): missing headline",
      "item 3 (line 10): missing body",
    ]);
  });

  it("treats a body that sanitizes to nothing as missing", () => {
    const doc = rss(`<item><title>Only a script</title><description><![CDATA[<script>x()</script>]]></description></item>`);
    expect(parseFeed(doc, opts("x.xml")).errors[0]?.message).toBe("missing body");
  });
});

describe("parseFeed: Atom 1.0", () => {
  const result = parseFeed(fixture("atom.xml"), opts("atom.xml"));

  it("reads entries with ids, links, authors and dates", () => {
    expect(result.format).toBe("atom");
    expect(result.errors).toEqual([]);
    expect(result.articles).toHaveLength(3);
    const a = result.articles[0]!;
    expect(a.uri).toBe("tag:talbote.example.de,2025:meldung-8812");
    expect(a.url).toBe("https://talbote.example.de/meldung/8812");
    expect(a.byline).toBe("Jana Wierzbicki");
    expect(a.firstCreated?.toISOString()).toBe("2025-06-10T03:45:00.000Z");
    expect(a.versionCreated?.toISOString()).toBe("2025-06-10T05:10:00.000Z");
    expect(a.sourceName).toBe("Talbote Nachrichten");
  });

  it("decodes html titles and keeps html content", () => {
    const a = result.articles[0]!;
    expect(a.headline).toBe("Hochwasser: Pegel an der Mulde sinkt & Sperrungen aufgehoben");
    expect(a.bodyHtml).toContain("<p>Der Pegel an der Mulde");
    expect(a.bodyText).toContain("\n\nDie Landstraße");
  });

  it("takes language from xml:lang, entry before feed", () => {
    expect(result.articles[0]!.language).toBe("de");
    expect(result.articles[1]!.language).toBe("en");
  });

  it("uses a text summary when there is no content", () => {
    const a = result.articles[1]!;
    expect(a.bodyHtml).toBeUndefined();
    expect(a.bodyText).toMatch(/^Trains will run normally/);
    // Only <updated>: both dates come from it.
    expect(a.firstCreated?.toISOString()).toBe("2025-06-10T07:30:00.000Z");
  });

  it("reads xhtml titles and content", () => {
    const a = result.articles[2]!;
    expect(a.headline).toBe("Bürgerfest mit Rekordbesuch");
    expect(a.bodyText).toBe("Rund 12.000 Menschen kamen am Wochenende auf den Marktplatz.");
  });

  it("maps medtop terms and schemes to subjects, ignoring free tags", () => {
    expect(result.articles[0]!.subjects).toEqual([
      { scheme: "medtop", code: "medtop:06000000", name: "Umwelt" },
      { scheme: "medtop", code: "medtop:03000000", name: "Katastrophen" },
    ]);
  });
});

describe("parseFeed: RSS 1.0 (RDF)", () => {
  it("reads RDF items as rss", () => {
    const doc = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example.org/"><title>Old School Wire</title><link>https://rdf.example.org/</link><description>d</description><dc:language>sv</dc:language>
<items><rdf:Seq><rdf:li resource="https://rdf.example.org/1"/></rdf:Seq></items></channel>
<item rdf:about="https://rdf.example.org/1"><title>Älvdalen road reopens</title><link>https://rdf.example.org/1</link>
<description>The road reopened after a rockslide.</description><dc:date>2025-03-01T10:00:00Z</dc:date><dc:creator>K. Lind</dc:creator></item>
</rdf:RDF>`;
    const result = parseFeed(doc, opts("rdf.xml"));
    expect(result.format).toBe("rss");
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0]).toMatchObject({
      uri: "https://rdf.example.org/1",
      headline: "Älvdalen road reopens",
      byline: "K. Lind",
      language: "sv",
      sourceName: "Old School Wire",
      location: "item 1 (line 5)",
    });
    expect(result.articles[0]!.firstCreated?.toISOString()).toBe("2025-03-01T10:00:00.000Z");
  });
});

describe("parseFeed: JSON Feed 1.1", () => {
  const result = parseFeed(fixture("jsonfeed.json"), opts("jsonfeed.json"));

  it("reads items and keeps their positions in errors", () => {
    expect(result.format).toBe("json-feed");
    expect(result.articles.map((a) => a.location)).toEqual(["item 1", "item 2"]);
    expect(result.errors).toEqual([
      { location: "item 3", message: "not a JSON object" },
      { location: "item 4", message: "missing headline" },
      { location: "item 5", message: "missing headline and body" },
    ]);
  });

  it("maps content_html (sanitized), authors, dates, tags and language", () => {
    const a = result.articles[0]!;
    expect(a.uri).toBe("https://northline.example.org/p/4471");
    expect(a.bodyHtml).not.toContain("iframe");
    expect(a.bodyText).toContain("\n\nFreight companies");
    expect(a.byline).toBe("Aputi Kringayark");
    expect(a.language).toBe("en-ca");
    expect(a.sourceName).toBe("Northline Dispatch");
    expect(a.firstCreated?.toISOString()).toBe("2025-01-06T20:00:00.000Z");
    expect(a.versionCreated?.toISOString()).toBe("2025-01-06T22:20:00.000Z");
    expect(a.subjects?.map((s) => s.code)).toEqual(["medtop:04000000", "medtop:20000574"]);
  });

  it("keeps content_text paragraphs, item language and drops bad dates", () => {
    const a = result.articles[1]!;
    expect(a.bodyHtml).toBeUndefined();
    expect(a.bodyText).toBe(
      "The board voted 6-1 on Tuesday night to fund a two-year immersion pilot.\n\nClasses will begin in September at two elementary schools.",
    );
    expect(a.language).toBe("fr-ca");
    expect(a.firstCreated).toBeUndefined();
  });

  it("refuses malformed JSON with the file name and line", () => {
    expectInputError(() => parseFeed(fixture("malformed.json"), opts("malformed.json")), /^malformed\.json: invalid JSON: .*line 5/);
  });

  it("refuses JSON that is not a JSON Feed", () => {
    expectInputError(() => parseFeed(`{"title":"x","items":[]}`, opts("x.json")), /not a JSON Feed/);
  });
});

describe("parseFeed: hostile XML", () => {
  it("refuses billion laughs", () => {
    expectInputError(
      () => parseFeed(fixture("billion-laughs.xml"), opts("billion-laughs.xml")),
      /^billion-laughs\.xml: XML entity declarations are not allowed \(entity expansion\)$/,
    );
  });

  it("refuses external entities", () => {
    expectInputError(() => parseFeed(fixture("xxe.xml"), opts("xxe.xml")), /entity declarations are not allowed/);
  });

  it("refuses a DOCTYPE internal subset even without entities", () => {
    expectInputError(() => assertSafeXml(`<!DOCTYPE rss [ <!ATTLIST rss x CDATA "y"> ]><rss/>`, "a.xml"), /internal subset/);
  });

  it("allows a plain or public DOCTYPE and entity talk inside CDATA", () => {
    expect(() => assertSafeXml("<!DOCTYPE rss>\n<rss/>", "a.xml")).not.toThrow();
    expect(() =>
      assertSafeXml(
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss/>',
        "a.xml",
      ),
    ).not.toThrow();
    const doc = rss(`<item><title>Security desk explainer</title><description><![CDATA[<p>Attackers hide <!ENTITY declarations in uploads.</p>]]></description></item>`);
    expect(parseFeed(doc, opts("x.xml")).articles).toHaveLength(1);
  });
});

describe("maskXmlLiterals", () => {
  // Each character of a literal as a space, newlines kept: the reference, one character at a time.
  const blanked = (t: string) => [...t].map((c) => (c === "\n" ? "\n" : " ")).join("");

  it("blanks comments and CDATA to spaces, keeping newlines and every position", () => {
    const [comment, cdata, open] = ["<!-- note\n  <b> -->", "<![CDATA[<p>1 & 2</p>\r\n]]>", "<![CDATA[open to the end\n"];
    expect(maskXmlLiterals(`<a>x${comment}${cdata}y${open}`)).toBe(`<a>x${blanked(comment)}${blanked(cdata)}y${blanked(open)}`);
  });

  it("property: the same length, newlines where they were, markup outside literals untouched", () => {
    // Plain pieces cannot open a literal ("!" is not among them), nor literal text close one.
    const piece = fc.oneof(
      fc.stringMatching(/^[a-z<>/ \n]{0,12}$/).map((t) => ({ t, literal: false })),
      fc.stringMatching(/^[a-z<>& \n]{0,40}$/).map((t) => ({ t: `<![CDATA[${t}]]>`, literal: true })),
      fc.stringMatching(/^[a-z<>& \n]{0,40}$/).map((t) => ({ t: `<!--${t}-->`, literal: true })),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const doc = pieces.map((p) => p.t).join("");
        expect(maskXmlLiterals(doc)).toBe(pieces.map((p) => (p.literal ? blanked(p.t) : p.t)).join(""));
      }),
    );
  });
});

describe("parseFeed: malformed XML", () => {
  it("loses only the malformed item, with its line", () => {
    const result = parseFeed(fixture("rss-broken-item.xml"), opts("rss-broken-item.xml"));
    expect(result.articles.map((a) => a.uri)).toEqual(["ledger-1", "ledger-3", "ledger-4"]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.location).toBe("item 2 (line 12)");
    expect(result.errors[0]!.message).toMatch(/^malformed XML at line 16: .*description/);
  });

  it("loses only an unclosed item, not the ones after it", () => {
    const broken = `<item>\n<title>Unclosed</title>\n<description>never ends</description>`;
    const result = parseFeed(rss([item(1), broken, item(3), item(4)].join("\n")), opts("x.xml"));
    expect(result.articles.map((a) => a.uri)).toEqual(["s-1", "s-3", "s-4"]);
    expect(result.errors.map((e) => e.location)).toEqual(["item 2 (line 12)"]);
    expect(result.errors[0]!.message).toMatch(/malformed XML.*'item' \(opened in line 12/);
  });

  it("loses only the Atom entry that is broken", () => {
    const entry = (n: number, title = `<title>Entry ${n}</title>`) =>
      `<entry><id>e-${n}</id>${title}<updated>2025-01-0${n}T00:00:00Z</updated><content type="text">Text ${n}</content></entry>`;
    const doc = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>f</id><updated>2025-01-01T00:00:00Z</updated>
${entry(1)}
${entry(2, "<title>Bad < title</title>")}
${entry(3)}
</feed>`;
    const result = parseFeed(doc, opts("a.xml"));
    expect(result.format).toBe("atom");
    expect(result.articles.map((a) => a.uri)).toEqual(["e-1", "e-3"]);
    expect(result.errors.map((e) => e.location)).toEqual(["item 2 (line 3)"]);
  });

  it("repairs bare ampersands instead of losing items", () => {
    const doc = rss(`<item><title>AT&T and Procter & Gamble report</title><description>Q&A: profits up &amp; costs down</description></item>`);
    const result = parseFeed(doc, opts("x.xml"));
    expect(result.errors).toEqual([]);
    expect(result.articles[0]!.headline).toBe("AT&T and Procter & Gamble report");
    expect(result.articles[0]!.bodyText).toBe("Q&A: profits up & costs down");
  });

  it("keeps the whole items of a truncated download", () => {
    const doc = rss([item(1), item(2), item(3)].join("\n")).split("<description>Body of story 3")[0]!;
    const result = parseFeed(doc, opts("cut.xml"));
    expect(result.articles.map((a) => a.uri)).toEqual(["s-1", "s-2"]);
    expect(result.errors.map((e) => e.location)).toEqual(["item 3 (line 17)"]);
  });

  it("throws naming file and line when the document itself is broken", () => {
    const doc = `<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>Broken <b>header</title>\n${item(1)}\n</channel>\n</rss>`;
    expectInputError(() => parseFeed(doc, opts("broken.xml")), /^broken\.xml: malformed XML at line 4: /);
  });

  it("throws with the line when a document has no items and does not parse", () => {
    expectInputError(() => parseFeed("<rss><channel>\n<title>x</channel></rss>", opts("t.xml")), /^t\.xml: malformed XML at line 2:/);
  });

  it("maps skeleton errors after the items back to original lines", () => {
    const doc = rss([item(1), item(2)].join("\n"), "").replace("</channel>", "</chanel>");
    expectInputError(() => parseFeed(doc, opts("t.xml")), /^t\.xml: malformed XML at line 17: .*chanel/);
  });

  it("refuses empty input and non-feeds", () => {
    expectInputError(() => parseFeed("  \n", opts("e.xml")), /^e\.xml: empty feed$/);
    expectInputError(() => parseFeed("<html><body><p>hi</p></body></html>", opts("p.html")), /not an RSS, Atom or RDF feed/);
  });

  it("one broken item in a thousand costs one item", () => {
    const items = Array.from({ length: 1000 }, (_, i) => (i === 613 ? `<item><title>Bad</title><description>x</item>` : item(i + 1)));
    const result = parseFeed(rss(items.join("\n")), opts("big.xml"));
    expect(result.articles).toHaveLength(999);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.location).toMatch(/^item 614 \(line \d+\)$/);
  });

  it("property: whichever items break, exactly those are lost", () => {
    const breakers = [
      (n: number) => `<item><title>Story ${n}</title><description>unclosed</item>`,
      (n: number) => `<item><title>Story ${n} < 5</title><description>x</description></item>`,
      (n: number) => `<item>\n<title>Story ${n}</title>\n<description>never closed</description>`,
      (n: number) => `<item><title>Story ${n}</title></oops><description>x</description></item>`,
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((count) =>
          fc.tuple(
            fc.constant(count),
            fc.uniqueArray(fc.integer({ min: 0, max: count - 1 }), { maxLength: count }),
            fc.integer({ min: 0, max: breakers.length - 1 }),
          ),
        ),
        ([count, broken, kind]) => {
          const items = Array.from({ length: count }, (_, i) => (broken.includes(i) ? breakers[kind]!(i + 1) : item(i + 1)));
          const result = parseFeed(rss(items.join("\n")), opts("p.xml"));
          const expected = Array.from({ length: count }, (_, i) => i).filter((i) => !broken.includes(i));
          expect(result.articles.map((a) => a.uri)).toEqual(expected.map((i) => `s-${i + 1}`));
          expect(result.errors.map((e) => e.location.split(" (")[0])).toEqual(
            [...broken].sort((a, b) => a - b).map((i) => `item ${i + 1}`),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

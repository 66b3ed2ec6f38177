import { expectInputError } from "./helpers";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  NINJS_SUBJECT_PREFIX,
  medtopCodeFromUri,
  medtopUri,
  parseNinjs,
} from "../../../lib/ingest/ninjs";
import type { ParseOptions } from "../../../lib/ingest/types";

const FIXTURES = join(__dirname, "../../fixtures/feeds");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const opts = (name: string, extra: Partial<ParseOptions> = {}): ParseOptions => ({
  name,
  ingestTime: new Date("2025-06-12T12:00:00Z"),
  ...extra,
});


describe("parseNinjs: ninjs 2.x single object", () => {
  const result = parseNinjs(fixture("ninjs2-single.json"), opts("ninjs2-single.json"));
  const a = result.articles[0]!;

  it("reads one article", () => {
    expect(result.format).toBe("ninjs");
    expect(result.errors).toEqual([]);
    expect(result.articles).toHaveLength(1);
    expect(a.location).toBe("item 1");
  });

  it("maps identity, headline, dates, language and status", () => {
    expect(a.uri).toBe("urn:newsml:wiredesk.example:20250610:quarry-expansion");
    // The main headline wins over the short one listed first.
    expect(a.headline).toBe("Villagers challenge quarry expansion in court");
    expect(a.firstCreated?.toISOString()).toBe("2025-06-10T09:00:00.000Z");
    expect(a.versionCreated?.toISOString()).toBe("2025-06-10T11:45:00.000Z");
    expect(a.language).toBe("en");
    expect(a.status).toBe("reviewed");
  });

  it("takes HTML and plain bodies from bodies[], sanitizing the HTML", () => {
    expect(a.bodyHtml).toMatch(/^<p>Residents of Lower Brackwell/);
    expect(a.bodyHtml).not.toMatch(/style|color:red/);
    expect(a.bodyText).toBe(
      "Residents of Lower Brackwell have asked the regional court to halt a quarry expansion they say will bring 300 lorries a day through the village.\n\nThe operator says dust and noise limits will be met.",
    );
  });

  it("maps newsroom fields and Wiredesk extensions", () => {
    expect(a).toMatchObject({
      byline: "Priya Castellanos",
      dateline: "LOWER BRACKWELL, June 10",
      credit: "Wiredesk/Priya Castellanos",
      caption: "The quarry seen from the village green.",
      sourceName: "Brackwell Gazette",
      url: "https://gazette.example.co.uk/quarry-court",
    });
  });

  it("maps medtop subjects by uri or code and ignores other vocabularies", () => {
    expect(a.subjects).toEqual([
      { scheme: "medtop", code: "medtop:06000000", name: "environment", creator: "machine", confidence: 0.82, rel: "about" },
      { scheme: "medtop", code: "medtop:02000000", name: "crime, law and justice", creator: "editor" },
    ]);
  });

  it("maps places with an ISO code to uppercase alpha-2", () => {
    expect(a.places).toEqual([
      { scheme: "iso3166", code: "GB", name: "United Kingdom", creator: "editor", confidence: 1, rel: "located" },
    ]);
  });

  it("keeps valid duplicate links and drops broken ones", () => {
    expect(a.duplicates).toEqual([
      { uri: "urn:newsml:wiredesk.example:20250610:quarry-early", kind: "near", score: 0.91, status: "confirmed" },
    ]);
  });
});

describe("parseNinjs: array", () => {
  const result = parseNinjs(fixture("ninjs-array.json"), opts("ninjs-array.json"));

  it("reads good objects and reports bad ones by position", () => {
    expect(result.articles.map((a) => a.location)).toEqual(["item 1", "item 2"]);
    expect(result.errors).toEqual([
      { location: "item 3", message: expect.stringMatching(/^invalid ninjs: headline: .*string/) },
      { location: "item 4", message: "missing body" },
    ]);
  });

  it("derives a uri from source and headline when there is none", () => {
    const a = result.articles[1]!;
    expect(a.uri).toMatch(/^urn:wiredesk:citywire-sport:[0-9a-f]{20}$/);
    expect(a.sourceName).toBe("Citywire Sport");
    expect(a.bodyHtml).toBe("<p>Organisers moved the route away from the Old Mill bridge.</p>");
    expect(a.bodyText).toBe("Organisers moved the route away from the Old Mill bridge.");
  });

  it("accepts Wiredesk's status field", () => {
    expect(result.articles[0]!.status).toBe("new");
    expect(result.articles[0]!.firstCreated?.toISOString()).toBe("2025-06-11T08:00:00.000Z");
  });

  it("uses opts.defaultSource when the item names none", () => {
    const r = parseNinjs(`{"headline":"H","body_text":"B"}`, opts("x.json", { defaultSource: "Desk Upload" }));
    expect(r.articles[0]!.sourceName).toBe("Desk Upload");
    expect(r.articles[0]!.uri).toMatch(/^urn:wiredesk:desk-upload:/);
  });

  it("cuts a pretty-printed array with one broken object into its elements", () => {
    const text = `[
  {
    "uri": "urn:a",
    "headline": "First",
    "body_text": "One."
  },
  {
    "uri": "urn:b",
    "headline": "Broken" "body_text": "Two."
  },
  {
    "uri": "urn:c",
    "headline": "Third, with [brackets] and {braces} and \\"quotes\\"",
    "body_text": "Three."
  }
]`;
    const r = parseNinjs(text, opts("arr.json"));
    expect(r.articles.map((a) => a.uri)).toEqual(["urn:a", "urn:c"]);
    expect(r.articles[1]!.headline).toBe('Third, with [brackets] and {braces} and "quotes"');
    expect(r.articles[1]!.location).toBe("item 3 (line 11)");
    expect(r.errors).toEqual([{ location: "item 2 (line 7)", message: expect.stringMatching(/^invalid JSON: /) }]);
  });

  it("contains a runaway string or an unclosed object to its line", () => {
    const text = `[
{"uri": "urn:a", "headline": "A", "body_text": "one"},
{"uri": "urn:b", "headline": "B, "body_text": "two"},
{"uri": "urn:c", "headline": "C", "body_text": "three"},
{"uri": "urn:d", "headline": "D", "body_text": "never closed",
{"uri": "urn:e", "headline": "E", "body_text": "five"}
]`;
    const r = parseNinjs(text, opts("arr.json"));
    expect(r.articles.map((a) => a.uri)).toEqual(["urn:a", "urn:c", "urn:e"]);
    expect(r.errors.map((e) => e.location)).toEqual(["item 2 (line 3)", "item 4 (line 5)"]);
  });
});

describe("parseNinjs: NDJSON", () => {
  const result = parseNinjs(fixture("ninjs.ndjson"), opts("ninjs.ndjson"));

  it("keeps every good line and reports the broken one by line number", () => {
    expect(result.articles.map((a) => a.uri)).toEqual(["urn:wiredesk:nd:1", "urn:wiredesk:nd:2", "urn:wiredesk:nd:4"]);
    expect(result.articles.map((a) => a.location)).toEqual(["line 1", "line 2", "line 5"]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.location).toBe("line 4");
    expect(result.errors[0]!.message).toMatch(/^invalid JSON: /);
  });

  it("maps per-line fields", () => {
    expect(result.articles[1]!.places).toEqual([{ scheme: "iso3166", code: "FR", name: "France" }]);
    expect(result.articles[2]!.status).toBe("spiked");
  });
});

describe("parseNinjs: ninjs 1.x", () => {
  const result = parseNinjs(fixture("ninjs1.json"), opts("ninjs1.json"));
  const a = result.articles[0]!;

  it("maps headline, body_html, byline, located and copyright holder", () => {
    expect(result.errors).toEqual([]);
    expect(a.uri).toBe("http://wire.example.com/2019/03/harbour-strike");
    expect(a.headline).toBe("Havenstaking legt containerterminal plat");
    expect(a.bodyText).toBe(
      "Door een staking van sjorders lag de containerterminal maandag volledig stil.\n\nDe bonden eisen een nieuwe cao.",
    );
    expect(a.bodyHtml).toContain("<p>De bonden eisen een nieuwe cao.</p>");
    expect(a.byline).toBe("Redactie Economie");
    expect(a.dateline).toBe("Rotterdam");
    expect(a.sourceName).toBe("Example Wire BV");
    expect(a.language).toBe("nl");
    // Only versioncreated: both dates come from it.
    expect(a.firstCreated?.toISOString()).toBe("2019-03-04T11:30:00.000Z");
  });

  it("maps subject codes with schemes and 0-100 relevance", () => {
    expect(a.subjects).toEqual([
      { scheme: "medtop", code: "medtop:04000000", name: "economy, business and finance", confidence: 0.9 },
      { scheme: "medtop", code: "medtop:09000000", name: "labour" },
    ]);
    expect(a.places).toEqual([{ scheme: "iso3166", code: "NL", name: "Nederland" }]);
  });
});

describe("parseNinjs: statuses and odd values", () => {
  it("reads a provider's canceled pubstatus as spiked and ignores unknown statuses", () => {
    const base = { headline: "H", body_text: "B" };
    const parse = (extra: object) => parseNinjs(JSON.stringify({ ...base, ...extra }), opts("s.json")).articles[0]!;
    expect(parse({ pubstatus: "canceled" }).status).toBe("spiked");
    expect(parse({ pubstatus: "usable" }).status).toBeUndefined();
    expect(parse({ status: "archived" }).status).toBeUndefined();
    expect(parse({ status: "new", pubstatus: "canceled" }).status).toBe("new");
  });

  it("tolerates broken metadata arrays without losing the article", () => {
    const r = parseNinjs(
      JSON.stringify({ headline: "H", body_text: "B", subjects: "nope", places: [17, { code: "de" }], infosources: {} }),
      opts("m.json"),
    );
    expect(r.errors).toEqual([]);
    expect(r.articles[0]!.subjects).toBeUndefined();
    expect(r.articles[0]!.places).toEqual([{ scheme: "iso3166", code: "DE" }]);
  });

  it("reports non-object entries and missing pieces", () => {
    const r = parseNinjs(`[1, {"body_text": "B"}, {}]`, opts("x.json"));
    expect(r.errors).toEqual([
      { location: "item 1", message: "not a JSON object" },
      { location: "item 2", message: "missing headline" },
      { location: "item 3", message: "missing headline and body" },
    ]);
  });

  it("drops non-http urls", () => {
    const r = parseNinjs(`{"headline":"H","body_text":"B","url":"javascript:alert(1)"}`, opts("x.json"));
    expect(r.articles[0]!.url).toBeUndefined();
  });
});

describe("parseNinjs: whole-input failures", () => {
  it("refuses a broken single object with the line", () => {
    expectInputError(
      () => parseNinjs(`{\n  "headline": "H",\n  "body_text": "B"\n  "uri": "x"\n}`, opts("one.json")),
      /^one\.json: invalid JSON: .*line 4/,
    );
  });

  it("does not mistake a broken pretty-printed object for NDJSON", () => {
    const text = `{\n  "headline": "H",\n  "subjects": [\n    {"code": "medtop:01000000"}\n  ]\n  "body_text": "B"\n}`;
    expectInputError(() => parseNinjs(text, opts("one.json")), /^one\.json: invalid JSON/);
  });

  it("refuses empty and non-JSON input", () => {
    expectInputError(() => parseNinjs("", opts("e.json")), /^e\.json: empty ninjs input$/);
    expectInputError(() => parseNinjs("<rss/>", opts("r.json")), /not ninjs/);
  });
});

describe("medtop helpers", () => {
  it("convert between qcodes and URIs", () => {
    expect(NINJS_SUBJECT_PREFIX).toBe("http://cv.iptc.org/newscodes/mediatopic/");
    expect(medtopUri("medtop:02000000")).toBe("http://cv.iptc.org/newscodes/mediatopic/02000000");
    expect(medtopUri("20000574")).toBe("http://cv.iptc.org/newscodes/mediatopic/20000574");
    expect(medtopCodeFromUri("http://cv.iptc.org/newscodes/mediatopic/02000000")).toBe("medtop:02000000");
    expect(medtopCodeFromUri("https://cv.iptc.org/newscodes/mediatopic/02000000/")).toBe("medtop:02000000");
    expect(medtopCodeFromUri("http://example.org/02000000")).toBeUndefined();
    expect(medtopCodeFromUri(medtopUri("medtop:11000000"))).toBe("medtop:11000000");
  });
});

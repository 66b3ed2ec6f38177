import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { looksLikeAggregatorPage, parseAggregatorPage, parsePlainText } from "../../../lib/ingest/page";
import { contentHash, deriveUri } from "../../../lib/ingest/text";
import type { ParseResult, ParsedArticle } from "../../../lib/ingest/types";
import { DAY, FURNITURE_PATTERNS, HOUR, INGEST_TIME, fixtureText, opts } from "./helpers";

const ago = (ms: number) => new Date(INGEST_TIME.getTime() - ms);

function expectNoFurniture(articles: ParsedArticle[]): void {
  for (const a of articles) {
    for (const re of FURNITURE_PATTERNS) expect(a.bodyText, `${a.headline} / ${re}`).not.toMatch(re);
  }
}

function byHeadline(result: ParseResult, start: string): ParsedArticle {
  const found = result.articles.find((a) => a.headline.startsWith(start));
  if (!found) throw new Error(`no article starting "${start}"`);
  return found;
}

describe("the seed aggregator page", () => {
  const text = fixtureText("seed-aggregator.txt");
  const result = parseAggregatorPage(text, opts("seed-aggregator.txt"));
  const [own, madrid, interpol, ukraine] = result.articles;

  it("is recognised as an aggregator page", () => {
    expect(looksLikeAggregatorPage(text)).toBe(true);
    expect(result.format).toBe("aggregator-page");
  });

  it("gives exactly the four articles, in page order, without errors", () => {
    expect(result.errors).toEqual([]);
    expect(result.articles.map((a) => a.headline)).toEqual([
      "International child abuse ring dismantled in Spanish-led operation, Interpol says",
      "Tens of thousands rally in Spain for PM Sanchez to resign over corruption",
      "International child abuse ring dismantled in Spanish-led operation, Interpol says",
      "‘Nothing is stopping': Peace talks feel far away for Ukraine's soldiers",
    ]);
  });

  it("names the sources", () => {
    expect(own?.sourceName).toBe("seed-aggregator");
    expect(result.articles.slice(1).map((a) => a.sourceName)).toEqual(["Express Tribune", "Express Tribune", "Business Recorder"]);
  });

  it("takes the page source from defaultSource when given", () => {
    const withSource = parseAggregatorPage(text, opts("seed-aggregator.txt", { defaultSource: "Daily Wire Desk" }));
    expect(withSource.articles[0]?.sourceName).toBe("Daily Wire Desk");
    expect(withSource.articles[0]?.uri).toBe(deriveUri("Daily Wire Desk", own?.headline ?? ""));
  });

  it("gives both Interpol copies the same content hash", () => {
    expect(own && interpol).toBeTruthy();
    expect(contentHash(own?.bodyText ?? "")).toBe(contentHash(interpol?.bodyText ?? ""));
    expect(own?.bodyText.split("\n\n")).toHaveLength(8);
    expect(interpol?.bodyText.split("\n\n")).toHaveLength(1);
  });

  it("leaves no furniture in any body", () => {
    expectNoFurniture(result.articles);
    for (const a of result.articles) expect(a.bodyText).not.toMatch(/Daily8|Explore what/);
  });

  it("ends the page's own article at the furniture block", () => {
    expect(own?.bodyText.startsWith("A coordinated international crackdown")).toBe(true);
    expect(own?.bodyText.endsWith("supporting ongoing investigations.")).toBe(true);
    expect(own?.location).toBe("line 2");
    expect(own?.firstCreated).toBeUndefined();
  });

  it("separates the Madrid caption and credit from the story", () => {
    expect(madrid?.credit).toBe("DW");
    expect(madrid?.caption?.startsWith("People take part")).toBe(true);
    expect(madrid?.caption?.endsWith("June 8, 2025.")).toBe(true);
    expect(madrid?.bodyText.startsWith("Tens of thousands of demonstrators gathered")).toBe(true);
    expect(madrid?.bodyText).not.toContain("People take part in a demonstration");
    expect(madrid?.bodyText).not.toContain("DW");
  });

  it("takes the Ukraine dateline", () => {
    expect(ukraine?.dateline).toBe("DRUZHKIVKA");
    expect(ukraine?.bodyText.startsWith("Sipping")).toBe(true);
    expect(ukraine?.credit).toBeUndefined();
  });

  it("resolves relative ages against the ingest time", () => {
    expect(madrid?.firstCreated).toEqual(ago(10 * HOUR));
    expect(interpol?.firstCreated).toEqual(ago(DAY));
    expect(ukraine?.firstCreated).toEqual(ago(5 * DAY));
    expect(ukraine?.versionCreated).toEqual(ukraine?.firstCreated);
  });

  it("derives stable uris from source and headline", () => {
    const again = parseAggregatorPage(text, opts("seed-aggregator.txt", { ingestTime: new Date() }));
    expect(again.articles.map((a) => a.uri)).toEqual(result.articles.map((a) => a.uri));
    expect(madrid?.uri).toBe(deriveUri("Express Tribune", madrid?.headline ?? ""));
    expect(new Set(result.articles.map((a) => a.uri)).size).toBe(4);
    expect(result.articles.map((a) => a.location)).toEqual(["line 2", "line 23", "line 30", "line 37"]);
  });

  it("has no HTML body for text input", () => {
    for (const a of result.articles) expect(a.bodyHtml).toBeUndefined();
  });

  it("gives the same result with Windows line endings", () => {
    const crlf = parseAggregatorPage(text.replace(/\n/g, "\r\n"), opts("seed-aggregator.txt"));
    expect(crlf.articles.map((a) => [a.headline, a.bodyText])).toEqual(result.articles.map((a) => [a.headline, a.bodyText]));
  });
});

describe("an aggregator page with wire datelines, captions and a broken entry", () => {
  const result = parseAggregatorPage(fixtureText("aggregator-newsloop.txt"), opts("aggregator-newsloop.txt"));

  it("parses the good entries and reports the one without a body", () => {
    expect(result.articles.map((a) => a.sourceName)).toEqual(["aggregator-newsloop", "The Coastal Herald", "Valley Courier"]);
    expect(result.errors).toEqual([{ location: "line 30", message: "missing body" }]);
  });

  it("reads byline, dateline and wire credit of the page's own article", () => {
    const own = byHeadline(result, "Kenya opens three new flood shelters");
    expect(own).toMatchObject({ byline: "Amara Okafor", dateline: "NAIROBI", credit: "Reuters" });
    expect(own.bodyText.startsWith("Kenya's disaster agency")).toBe(true);
    expect(own.bodyText.split("\n\n")).toHaveLength(4);
  });

  it("splits a Reuters photo credit from a single-line body", () => {
    const lamu = byHeadline(result, "Fishermen in Lamu");
    expect(lamu).toMatchObject({ credit: "REUTERS/Samuel Otieno", dateline: "LAMU", firstCreated: ago(HOUR) });
    expect(lamu.caption).toBe("A fisherman repairs a damaged net on the beach in Lamu, Kenya, on May 12, 2025.");
    expect(lamu.bodyText.startsWith("Dozens of fishing boats")).toBe(true);
  });

  it("takes a caption and credit on lines of their own", () => {
    const farm = byHeadline(result, "Farmers turn to drought-tolerant sorghum");
    expect(farm).toMatchObject({ credit: "AFP", dateline: "MACHAKOS, Kenya", firstCreated: ago(DAY) });
    expect(farm.caption).toBe("Farmers plant sorghum seedlings in a field outside Machakos on April 30, 2025.");
    expect(farm.bodyText.startsWith("Maize has long been")).toBe(true);
    expect(farm.bodyText.split("\n\n")).toHaveLength(3);
  });

  it("leaves no furniture", () => {
    expectNoFurniture(result.articles);
  });
});

describe("an aggregator page with other furniture and file photos", () => {
  const result = parseAggregatorPage(fixtureText("aggregator-brieflyhub.txt"), opts("aggregator-brieflyhub.txt"));

  it("finds three articles", () => {
    expect(result.errors).toEqual([]);
    expect(result.articles.map((a) => a.sourceName)).toEqual(["aggregator-brieflyhub", "Northern Ledger", "Harbour Times"]);
  });

  it("skips leading furniture and a read-more line", () => {
    const own = byHeadline(result, "Ferry service to resume");
    expect(own.location).toBe("line 2");
    expect(own.byline).toBe("Tomasz Wiśniewski and Leila Haddad");
    expect(own.bodyText).not.toContain("Lake towns count the cost");
    expect(own.bodyText.split("\n\n")).toHaveLength(3);
  });

  it("reads an AFP dateline with a date in it and cuts inline adverts", () => {
    const wind = byHeadline(result, "Wind farm plan");
    expect(wind).toMatchObject({ dateline: "LONDON", credit: "AFP", firstCreated: ago(14 * DAY) });
    expect(wind.bodyText).toBe(
      "A planning inspector approved a 40-turbine wind farm on the moors on Monday, rejecting arguments from conservation groups that it would harm migrating geese. The developer said construction could start next year and that the turbines would power around 90,000 homes. Campaigners said they were considering a legal challenge.",
    );
  });

  it("takes a FILE PHOTO caption line", () => {
    const port = byHeadline(result, "Port workers vote");
    expect(port).toMatchObject({ credit: "REUTERS/Maria Lindqvist/File Photo", firstCreated: ago(45 * 60_000) });
    expect(port.caption).toBe("Cranes stand idle at the container terminal during a strike last year.");
    expect(port.bodyText.startsWith("Dock workers")).toBe(true);
  });

  it("leaves no furniture", () => {
    expectNoFurniture(result.articles);
  });
});

describe("entries with missing parts", () => {
  const page = (entries: string) =>
    ["Own headline of the page", "Own body paragraph one.", "", "Related Articles", "", entries].join("\n");

  it("reports an entry with only a long body as missing its headline", () => {
    const body = "This entry has a long body and no headline. ".repeat(8).trim();
    const result = parseAggregatorPage(page(`Wire One\n2 days ago\n- Wire One\n${body}\n\nWire Two\n3 hours ago\n- Wire Two\nSecond headline\nSecond body.`), opts("p.txt"));
    expect(result.errors).toEqual([{ location: "line 9", message: "missing headline" }]);
    expect(result.articles.map((a) => a.headline)).toEqual(["Own headline of the page", "Second headline"]);
  });

  it("reports an entry with nothing after its header", () => {
    const result = parseAggregatorPage(page("Wire One\n2 days ago\n- Wire One\n\nWire Two\n3 hours ago\n- Wire Two\nHeadline\nBody."), opts("p.txt"));
    expect(result.errors).toEqual([{ location: "line 7", message: "missing headline and body" }]);
    expect(result.articles).toHaveLength(2);
  });
});

describe("generated aggregator pages", () => {
  const words = ["harbour", "council", "rain", "minister", "market", "river", "school", "bridge", "vote", "power", "talks", "prices"];
  const sentence = fc
    .array(fc.constantFrom(...words), { minLength: 4, maxLength: 12 })
    .map((ws) => `${ws.join(" ").replace(/^./, (c) => c.toUpperCase())}.`);
  const ages = fc.constantFrom(
    ["an hour ago", HOUR],
    ["a day ago", DAY],
    ["yesterday", DAY],
    ["3 days ago", 3 * DAY],
    ["10 hours ago", 10 * HOUR],
    ["2 weeks ago", 14 * DAY],
  ) as fc.Arbitrary<[string, number]>;
  const entry = fc.record({
    source: fc.constantFrom("Coast Daily", "Valley Wire", "The Metro Post", "Reuters", "Capital FM News"),
    age: ages,
    headline: fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 9 }).map((ws) => `Headline about ${ws.join(" ")}`),
    body: fc.array(sentence, { minLength: 1, maxLength: 6 }),
    oneLine: fc.boolean(),
  });

  it("recovers every entry's source, headline, age and text", () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 5 }), sentence, (entries, ownBody) => {
        const lines = ["Own page headline", "Listen to article", ownBody, "", "Comments", "Related Articles", ""];
        for (const e of entries) {
          lines.push("", e.source, e.age[0], `- ${e.source}`, e.headline);
          lines.push(...(e.oneLine ? [`Listen to article ${e.body.join(" ")}`] : e.body));
        }
        const text = lines.join("\n");
        expect(looksLikeAggregatorPage(text)).toBe(true);
        const result = parseAggregatorPage(text, opts("gen.txt"));
        expect(result.errors).toEqual([]);
        expect(result.articles).toHaveLength(entries.length + 1);
        expect(result.articles[0]?.bodyText).toBe(ownBody);
        entries.forEach((e, i) => {
          const a = result.articles[i + 1];
          expect(a?.sourceName).toBe(e.source);
          expect(a?.headline).toBe(e.headline);
          expect(a?.firstCreated).toEqual(ago(e.age[1]));
          expect(a?.bodyText).toBe(e.body.join(e.oneLine ? " " : "\n\n"));
        });
      }),
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const result = parseAggregatorPage(s, opts("fuzz.txt"));
        for (const a of result.articles) {
          expect(a.headline.trim()).not.toBe("");
          expect(a.bodyText.trim()).not.toBe("");
        }
        parsePlainText(s, opts("fuzz.txt"));
      }),
    );
  });
});

describe("parsePlainText", () => {
  it("makes one article of a text file", () => {
    const text = "Storm closes mountain pass\n\nBy Lena Vogt\nINNSBRUCK (dpa) - Snow closed the pass on Friday.\nRoads reopen on Monday, police said.\n";
    const result = parsePlainText(text, opts("storm.txt"));
    expect(result.format).toBe("text");
    expect(result.errors).toEqual([]);
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0]).toMatchObject({
      headline: "Storm closes mountain pass",
      byline: "Lena Vogt",
      dateline: "INNSBRUCK",
      credit: "dpa",
      sourceName: "storm",
      location: "line 1",
      bodyText: "Snow closed the pass on Friday.\n\nRoads reopen on Monday, police said.",
    });
  });

  it("joins hard-wrapped lines into paragraphs", () => {
    const text = [
      "Library reopens after repairs",
      "",
      "The city library reopened on Saturday after",
      "eight months of repairs to its roof and",
      "heating system",
      "",
      "Visitors queued before the doors opened and",
      "staff handed out free coffee",
    ].join("\n");
    const a = parsePlainText(text, opts("lib.txt")).articles[0];
    expect(a?.bodyText).toBe(
      "The city library reopened on Saturday after eight months of repairs to its roof and heating system\n\nVisitors queued before the doors opened and staff handed out free coffee",
    );
  });

  it("takes a date line under the headline as the creation time", () => {
    const a = parsePlainText("Headline here\n3 days ago\nBody text.", opts("t.txt")).articles[0];
    expect(a?.firstCreated).toEqual(ago(3 * DAY));
    expect(a?.bodyText).toBe("Body text.");
  });

  it("reports a text with a headline and no body", () => {
    expect(parsePlainText("\n\nJust a headline\n", opts("t.txt")).errors).toEqual([{ location: "line 3", message: "missing body" }]);
  });

  it("uses the first sentence when the text starts with a long paragraph", () => {
    const body = `Officials confirmed the ferry timetable on Monday. ${"More detail follows in this long paragraph. ".repeat(8)}`;
    const a = parsePlainText(body, opts("t.txt")).articles[0];
    expect(a?.headline).toBe("Officials confirmed the ferry timetable on Monday.");
    expect(a?.bodyText).toBe(body.trim());
  });

  it("does not take a plain article for an aggregator page", () => {
    expect(looksLikeAggregatorPage("Headline\n2 hours ago\nBody text of the story.")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { parseInput } from "../../../lib/ingest";
import { looksLikeArticleCsv, parseCsv } from "../../../lib/ingest/csv";

const opts = { name: "export.csv", ingestTime: new Date("2026-11-28T12:00:00Z") };
const header = "uri,headline,body_text,versioncreated,firstcreated,source,by,located,language,status,url,subjects,places,duplicates";

describe("CSV export read back", () => {
  it("is detected by its headline and body_text columns", () => {
    expect(looksLikeArticleCsv(`${header}\n`)).toBe(true);
    expect(looksLikeArticleCsv("name,age\nann,3\n")).toBe(false);
    expect(parseInput(new TextEncoder().encode(`${header}\nu1,Head,Body text here,,,,,,,,,,,\n`), opts).format).toBe("csv");
  });

  it("maps every column, lists included", () => {
    const csv = `${header}
u1,"Rally in Madrid, thousands march","Tens of thousands marched.

A second paragraph.",2026-11-27T10:00:00.000Z,2026-11-27T09:00:00.000Z,Express Tribune,Ana Ruiz,MADRID,en,reviewed,https://example.org/a,http://cv.iptc.org/newscodes/mediatopic/11000000; newsroom:elections,ES; ua,u2 exact 1 confirmed; u3 near 0.91 suggested
`;
    const r = parseCsv(csv, opts);
    expect(r.errors).toEqual([]);
    expect(r.articles[0]).toMatchObject({
      uri: "u1",
      headline: "Rally in Madrid, thousands march",
      bodyText: "Tens of thousands marched.\n\nA second paragraph.",
      sourceName: "Express Tribune",
      byline: "Ana Ruiz",
      dateline: "MADRID",
      status: "reviewed",
      url: "https://example.org/a",
      subjects: [{ scheme: "medtop", code: "medtop:11000000" }, { scheme: "newsroom", code: "newsroom:elections" }],
      places: [{ scheme: "iso3166", code: "ES" }, { scheme: "iso3166", code: "UA" }],
      duplicates: [
        { uri: "u2", kind: "exact", score: 1, status: "confirmed" },
        { uri: "u3", kind: "near", score: 0.91, status: "suggested" },
      ],
      location: "line 2",
    });
    expect(r.articles[0]!.versionCreated?.toISOString()).toBe("2026-11-27T10:00:00.000Z");
  });

  it("loses only the rows it cannot read, and says on which line", () => {
    const csv = `${header}
u1,First,Body one,,,,,,,,,,,
u2,,Body without a headline,,,,,,,,,,,
u3,Third has a "quoted" word,Body three,,,,,,,,,,,
u4,"Fourth, never closed,Body four,,,,,,,,,,,
`;
    const r = parseCsv(csv, opts);
    expect(r.articles.map((a) => a.uri)).toEqual(["u1", "u3"]);
    expect(r.articles[1]!.headline).toBe('Third has a "quoted" word');
    expect(r.errors).toHaveLength(2);
    expect(r.errors).toContainEqual({ location: "line 3", message: "missing headline" });
    const broken = r.errors.find((e) => e.message.startsWith("malformed CSV row"));
    expect(broken?.location).toBe("line 5");
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import mapping from "../../../lib/tagging/data/topic-mapping.json";
import { medtopConcept } from "../../../lib/tagging/taxonomy";
import { HUFFPOST_FILE, huffPostExamples, huffPostLabel, huffPostTrains, readHuffPost, splitByItems } from "../../../scripts/topic-data";

// The reader of the second training source (HuffPost's News Category
// Dataset) on a tiny inline fixture, and the mapping table's HuffPost half.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(lines: string[] | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), "topic-data-"));
  dirs.push(dir);
  if (lines) {
    mkdirSync(path.join(dir, "huffpost"));
    writeFileSync(path.join(dir, HUFFPOST_FILE), lines.join("\n") + "\n");
  }
  return dir;
}

const item = (category: string, headline: string, short_description: string, date: string) =>
  JSON.stringify({ link: "https://www.huffpost.com/entry/x", headline, category, short_description, authors: "A. Writer", date });

describe("readHuffPost", () => {
  it("reads one JSON object a line: section, headline, short description, date", () => {
    const dir = folder([
      item("FOOD & DRINK", "The Best Weeknight Pasta", "Ready in 20 minutes.", "2021-03-04"),
      "",
      item("education", "School Boards Weigh Later Start Times", "", "2019-09-01T00:00:00"),
    ]);
    expect(readHuffPost(dir)).toEqual([
      { date: "2021-03-04", category: "FOOD & DRINK", headline: "The Best Weeknight Pasta", description: "Ready in 20 minutes." },
      { date: "2019-09-01", category: "EDUCATION", headline: "School Boards Weigh Later Start Times", description: "" },
    ]);
  });

  it("fails clearly when the file is missing, or is a Git LFS pointer", () => {
    expect(() => readHuffPost(folder(null))).toThrow(/has no huffpost\/News_Category_Dataset_v3\.json/);
    const pointer = folder(["version https://git-lfs.github.com/spec/v1", "oid sha256:0", "size 87505106"]);
    expect(() => readHuffPost(pointer)).toThrow(/:1: not a JSON object.*LFS/);
    expect(() => readHuffPost(folder([JSON.stringify({ headline: "No section" })]))).toThrow(/:1: expected category/);
  });
});

describe("huffPostExamples", () => {
  it("labels by the mapping table, leaves out identity and tone sections, and counts each item once", () => {
    const dir = folder([
      item("RELIGION", "Pope Visits Iraq", "The first papal visit to the country.", "2021-03-05"),
      item("RELIGION", "Pope Visits Iraq", "The first papal visit to the country.", "2021-03-06"),
      item("QUEER VOICES", "Pride Parade Returns", "After two years.", "2021-06-01"),
      item("WEIRD NEWS", "Man Finds Alligator In Pool", "", "2021-06-02"),
      item("TRAVEL", "Ten Quiet Beaches", "Off-season trips.", "2021-06-03"),
    ]);
    const { examples, leftOut, read } = huffPostExamples(dir);
    expect(read).toBe(5);
    expect(examples.map((e) => [e.label, e.headline, e.body])).toEqual([
      ["medtop:12000000", "Pope Visits Iraq", "The first papal visit to the country."],
      ["medtop:10000000", "Ten Quiet Beaches", "Off-season trips."],
    ]);
    expect(examples.every((e) => e.source === "huffpost" && e.trains)).toBe(true);
    expect([...leftOut]).toEqual([
      ["QUEER VOICES", 1],
      ["WEIRD NEWS", 1],
    ]);
  });
});

describe("the HuffPost half of topic-mapping.json", () => {
  const categories = mapping.huffpost.categories as Record<string, { code?: string; why: string }>;

  it("covers the dataset's 42 sections, each with a reason, each code a current top-level or narrower medtop concept", () => {
    expect(Object.keys(categories)).toHaveLength(42);
    for (const [name, rule] of Object.entries(categories)) {
      expect(rule.why, name).toBeTruthy();
      if (rule.code) expect(medtopConcept(rule.code)?.retired, `${name} → ${rule.code}`).toBe(false);
    }
  });

  it("maps subjects and leaves out audiences, identities, regions and tones", () => {
    expect(huffPostLabel("EDUCATION")).toBe("medtop:05000000");
    expect(huffPostLabel("college")).toBe("medtop:05000000");
    expect(huffPostLabel("GREEN")).toBe("medtop:06000000");
    expect(huffPostLabel("PARENTING")).toBe("medtop:14000000");
    for (const c of ["BLACK VOICES", "QUEER VOICES", "WOMEN", "FIFTY", "IMPACT", "COMEDY", "WEIRD NEWS", "GOOD NEWS", "U.S. NEWS", "WORLD NEWS"]) {
      expect(huffPostLabel(c), c).toBeUndefined();
    }
  });
});

describe("huffPostTrains", () => {
  const categories = mapping.huffpost.categories as Record<string, { code?: string; train?: boolean }>;

  it("learns from every mapped section but one marked 'train': false, never from a section left out", () => {
    for (const [name, rule] of Object.entries(categories)) {
      expect(huffPostTrains(name), name).toBe(rule.code !== undefined && rule.train !== false);
      // The flag only makes sense on a section that has a code: it is measured, not learnt.
      if (rule.train !== undefined) expect(rule.code, name).toBeDefined();
    }
    expect(huffPostTrains("WOMEN")).toBe(false);
    expect(huffPostTrains("no such section")).toBe(false);
  });
});

describe("splitByItems", () => {
  it("cuts at 75% and 85% of the items by date, never inside a day", () => {
    const items = [
      ...Array.from({ length: 70 }, (_, i) => ({ date: `2019-01-${String((i % 28) + 1).padStart(2, "0")}` })),
      ...Array.from({ length: 10 }, () => ({ date: "2020-06-01" })),
      ...Array.from({ length: 5 }, () => ({ date: "2020-06-02" })),
      ...Array.from({ length: 15 }, () => ({ date: "2022-01-01" })),
    ];
    const s = splitByItems(items);
    expect(s.train).toHaveLength(70);
    expect(new Set(s.calibration.map((i) => i.date))).toEqual(new Set(["2020-06-01", "2020-06-02"]));
    expect(s.test.every((i) => i.date === "2022-01-01")).toBe(true);
    expect(s.train.length + s.calibration.length + s.test.length).toBe(items.length);
  });
});

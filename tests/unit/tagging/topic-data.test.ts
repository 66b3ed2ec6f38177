import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import mapping from "../../../lib/tagging/data/topic-mapping.json";
import { medtopConcept } from "../../../lib/tagging/taxonomy";
import {
  ARCHIVE_DIR,
  HUFFPOST_FILE,
  archiveExamples,
  headingRule,
  huffPostExamples,
  huffPostLabel,
  huffPostTrains,
  readCurrentEventsArchive,
  readHuffPost,
  splitByItems,
  splitHuffPost,
  HUFFPOST_SPLIT,
} from "../../../scripts/topic-data";

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

describe("splitHuffPost", () => {
  it("keeps HuffPost's calibration and test splits at fixed dates however many older items the file holds", () => {
    const items = [
      ...Array.from({ length: 1000 }, () => ({ date: "2015-03-01" })),
      { date: "2021-07-17" },
      { date: HUFFPOST_SPLIT.calibrationFrom },
      { date: "2021-12-13" },
      { date: HUFFPOST_SPLIT.testFrom },
      { date: "2022-09-23" },
    ];
    const s = splitHuffPost(items);
    expect(s.train.map((i) => i.date)).toEqual([...Array(1000).fill("2015-03-01"), "2021-07-17"]);
    expect(s.calibration.map((i) => i.date)).toEqual([HUFFPOST_SPLIT.calibrationFrom, "2021-12-13"]);
    expect(s.test.map((i) => i.date)).toEqual([HUFFPOST_SPLIT.testFrom, "2022-09-23"]);
    // By quantiles the thousand older items would have moved both cuts into 2015.
    expect(splitByItems(items).test.some((i) => i.date === "2015-03-01")).toBe(true);
  });
});

/** A data folder holding the portal's older pages (YYYY/MM/YYYY-MM-DD.yaml), as the archive keeps them. */
function archive(pages: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "topic-archive-"));
  dirs.push(dir);
  for (const [date, text] of Object.entries(pages)) {
    const folder = path.join(dir, ARCHIVE_DIR, date.slice(0, 4), date.slice(5, 7));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${date}.yaml`), text);
  }
  return dir;
}

const PAGE_2015 = `Date: '2015-03-01'
Source_URI: Portal:Current events/2015 March 1
Intelligence_Payload:
  Political elections:
  - Estonian parliamentary election, 2015
  - The ruling Reform Party wins the elections, but loses the majority that it has
    had with its current coalition partner. (Estonian Public Broadcasting)
  Sport:
  - Rookie starts at quarterback as the Giants beat the Eagles on Sunday. (AP) (ESPN)
  - Too short. (AP)
  Law and order:
  - Police in Lyon arrest three men over the theft of paintings from a museum. (Reuters)
`;

describe("readCurrentEventsArchive", () => {
  it("reads the items (lines that end with their sources) under their heading, and cuts the sources off", () => {
    const dir = archive({ "2015-03-01": PAGE_2015 });
    expect(readCurrentEventsArchive(dir)).toEqual([
      {
        date: "2015-03-01",
        heading: "political elections",
        text: "The ruling Reform Party wins the elections, but loses the majority that it has had with its current coalition partner.",
      },
      { date: "2015-03-01", heading: "sport", text: "Rookie starts at quarterback as the Giants beat the Eagles on Sunday." },
      { date: "2015-03-01", heading: "law and order", text: "Police in Lyon arrest three men over the theft of paintings from a museum." },
    ]);
  });

  it("leaves out the years of the Wikinews test set and after, and pages without a payload", () => {
    const dir = archive({
      "2015-03-01": PAGE_2015,
      "2019-06-01": PAGE_2015.replace("2015-03-01", "2019-06-01"),
      "2014-01-01": "Date: '2014-01-01'\nevents:\n  - summary: written by a model\n",
    });
    expect(new Set(readCurrentEventsArchive(dir).map((i) => i.date))).toEqual(new Set(["2015-03-01"]));
  });

  it("fails clearly on a missing folder, and names a page that is not YAML", () => {
    expect(() => readCurrentEventsArchive(folder(null))).toThrow(/has no current-events-archive\/ folder/);
    const bad = archive({ "2012-05-05": "Intelligence_Payload:\n  Sport: [unclosed\n" });
    expect(() => readCurrentEventsArchive(bad)).toThrow(/2012-05-05\.yaml: not YAML/);
  });
});

describe("archiveExamples", () => {
  it("labels the older pages' headings through the aliases, and counts what has no section", () => {
    const dir = archive({ "2015-03-01": PAGE_2015 });
    const { examples, leftOut, read } = archiveExamples(dir);
    expect(read).toBe(3);
    expect(examples.map((e) => [e.source, e.label])).toEqual([
      ["archive", "medtop:15000000"],
      ["archive", "medtop:02000000"],
    ]);
    // "Political elections" is not one of the portal's sections, nor an alias of one.
    expect([...leftOut]).toEqual([["political elections", 1]]);
  });

  it("leaves out an item its cue words file under a topic the older pages had no heading for", () => {
    const dir = archive({
      "2011-02-02": `Intelligence_Payload:
  Disasters:
  - Glaciers in the Alps lose a record share of their ice as scientists warn of climate change and global warming. (BBC)
  - A ferry capsizes off the coast of Bangladesh, killing at least 40 passengers. (Reuters)
`,
    });
    const { examples, leftOut } = archiveExamples(dir);
    expect(examples.map((e) => e.body)).toEqual(["A ferry capsizes off the coast of Bangladesh, killing at least 40 passengers."]);
    expect([...leftOut]).toEqual([["filed under another heading, cue words say medtop:06000000", 1]]);
  });

  it("folds every alias into a heading the table has", () => {
    for (const [alias, heading] of Object.entries(mapping.aliases as Record<string, string>)) {
      expect(headingRule(alias), `${alias} → ${heading}`).toBeDefined();
      expect(headingRule(alias)).toBe(headingRule(heading));
    }
  });
});

import { describe, expect, it } from "vitest";

import { compare, type DuplicateMatch } from "../../../lib/dedup/compare";
import { DEFAULT_FINGERPRINT_CONFIG, DEFAULT_THRESHOLDS, configId } from "../../../lib/dedup/config";
import { DedupIndex } from "../../../lib/dedup/dedup-index";
import { ANCHOR_BAND, fingerprint, indexKeys, LEAD_BAND_BASE, lookupKeys } from "../../../lib/dedup/fingerprint";
import { FIGURE, NAME, salience } from "../../../lib/dedup/salient";
import { tokenize } from "../../../lib/dedup/tokens";
import { isUpdate } from "../../../lib/dedup/update";
import { LEAD_BRIEF, LONG_WIRE_STORY, NEWSPAPER_BRIEF, NEWSPAPER_REWRITE, SAME_TOPIC_OTHER_STORY, WIRE_STORY } from "./fixtures";

// Decision 011: rewrites found by what they keep (names, figures, quotes),
// template notices with other figures left apart, corrections and updates
// named with what changed. All copy below is invented for these tests.

function must(m: DuplicateMatch | null): DuplicateMatch {
  if (!m) throw new Error("expected a match");
  return m;
}


describe("rewrites", () => {
  it("links a newspaper rewrite of a wire story as same-story, with a reason naming what it kept", () => {
    const m = must(compare(WIRE_STORY, NEWSPAPER_REWRITE));
    expect(m.kind).toBe("same-story");
    expect(m.confidence).toBe("low");
    expect(m.evidence.quotesKept).toBe(2);
    expect(m.evidence.sharedNames).toBeGreaterThanOrEqual(8);
    expect(m.evidence.sharedFigures).toBeGreaterThanOrEqual(3);
    expect(m.evidence.reason).toMatch(/^rewrite: \d+ names and figures shared, 2 quotes kept/);
    expect(m.score).toBeLessThan(0.6);
  });

  it("finds a rewrite sharing no passage through the name bands, where shingle bands and anchors do not", () => {
    const before = { ...DEFAULT_FINGERPRINT_CONFIG, nameBands: 0 };
    const old = new DedupIndex();
    old.add(1, fingerprint(WIRE_STORY, before));
    old.add(2, fingerprint(SAME_TOPIC_OTHER_STORY, before));
    expect(old.candidates(fingerprint(NEWSPAPER_BRIEF, before)).map((h) => h.id)).not.toContain(1);

    const index = new DedupIndex();
    index.add(1, fingerprint(WIRE_STORY));
    index.add(2, fingerprint(SAME_TOPIC_OTHER_STORY));
    const hits = index.candidates(fingerprint(NEWSPAPER_BRIEF));
    expect(hits.find((h) => h.id === 1)?.nameHits).toBeGreaterThan(0);
    expect(hits.map((h) => h.id)).not.toContain(2);
    const m = must(compare(NEWSPAPER_BRIEF, WIRE_STORY));
    expect(m.kind).toBe("same-story");
    expect(m.evidence.substantialPassages).toBe(0);
    expect(m.evidence.reason).toMatch(/^rewrite: \d+ names and figures shared$/);
  });

  it("tells a rewrite by names alone only across sources: one publisher's copies sharing names and no passage are its next stories", () => {
    const at = (source: string, hours: number, aggregator = false) => ({ headline: null, source, time: Date.UTC(2026, 11, 1) + hours * 3_600_000, aggregator });
    // Another paper's brief of the wire story: a rewrite.
    expect(compare(NEWSPAPER_BRIEF, WIRE_STORY, { a: at("Halverton Gazette", 6), b: at("Meridian Wire", 0) })?.kind).toBe("same-story");
    // The wire's own brief, sharing its names and no passage: another of its stories, not a rewrite of it.
    expect(compare(NEWSPAPER_BRIEF, WIRE_STORY, { a: at("Meridian Wire", 6), b: at("Meridian Wire", 0) })).toBeNull();
    // An aggregator's feed carries many publishers: sharing it says nothing of who wrote the two.
    expect(compare(NEWSPAPER_BRIEF, WIRE_STORY, { a: at("News Roundup", 6, true), b: at("News Roundup", 0) })?.kind).toBe("same-story");
    // The setting can open it again.
    const open = { ...DEFAULT_THRESHOLDS, rewrite: { ...DEFAULT_THRESHOLDS.rewrite, namesAcrossSourcesOnly: false } };
    expect(compare(NEWSPAPER_BRIEF, WIRE_STORY, { thresholds: open, a: at("Meridian Wire", 6), b: at("Meridian Wire", 0) })?.kind).toBe("same-story");
    // A rewrite that keeps passages of the copy is one whoever sent it.
    expect(compare(NEWSPAPER_REWRITE, WIRE_STORY, { a: at("Meridian Wire", 6), b: at("Meridian Wire", 0) })?.kind).toBe("same-story");
  });

  it("does not link another story on the same subject in the same town", () => {
    expect(compare(WIRE_STORY, SAME_TOPIC_OTHER_STORY)).toBeNull();
    expect(compare(NEWSPAPER_REWRITE, SAME_TOPIC_OTHER_STORY)).toBeNull();
  });
});

// Template notices: each pair reads the same but for its figures, names or dates.
const TEMPLATES: [string, string, string][] = [
  [
    "central bank repurchases",
    `The Bank of Lakeland entered the money market to arrange 1.5 billion crowns of customer repurchase agreements, a bank spokesman said. Dealers said overnight funds were trading at 6-1/8 pct when the bank began its temporary supply of reserves to the banking system.`,
    `The Bank of Lakeland entered the money market to arrange 2.25 billion crowns of overnight repurchase agreements, a bank spokesman said. Dealers said overnight funds were trading at 6-3/16 pct when the bank began its temporary supply of reserves to the banking system.`,
  ],
  [
    "copper price cut",
    `Harbor Metals said it lowered its price for copper cathodes by 1.25 cents to 67 cents a lb, effective immediately.`,
    `Harbor Metals said it lowered its price for copper cathodes by one cent to 66 cents a lb, effective immediately.`,
  ],
  [
    "dividend notices of two companies",
    `Alder Holdings Inc said its board declared a regular quarterly dividend of 12 cts a share, payable April 15 to shareholders of record on April 1. The company paid 12 cts in the previous quarter.`,
    `Crestline Foods Inc said its board declared a regular quarterly dividend of 15 cts a share, payable May 1 to shareholders of record on April 10. The company paid 15 cts in the previous quarter.`,
  ],
  [
    "daily treasury balance",
    `The Treasury's balance at the central bank fell on June 3 to 3.212 billion dlrs from 3.876 billion dlrs on the previous business day, the Treasury said in its daily statement. Balances in tax and loan accounts fell to 14.081 billion dlrs from 15.102 billion dlrs.`,
    `The Treasury's balance at the central bank rose on June 4 to 4.035 billion dlrs from 3.212 billion dlrs on the previous business day, the Treasury said in its daily statement. Balances in tax and loan accounts rose to 15.440 billion dlrs from 14.081 billion dlrs.`,
  ],
  [
    "weekly grain inspections",
    `Export inspections of wheat totalled 412,300 tonnes in the week ended March 12, down from 455,800 tonnes the week before, the Agriculture Ministry said. Corn inspections were 1,021,400 tonnes against 987,200 tonnes, and soybeans 298,100 tonnes against 310,900 tonnes.`,
    `Export inspections of wheat totalled 398,700 tonnes in the week ended March 19, down from 412,300 tonnes the week before, the Agriculture Ministry said. Corn inspections were 1,104,900 tonnes against 1,021,400 tonnes, and soybeans 276,500 tonnes against 298,100 tonnes.`,
  ],
];

describe("template notices", () => {
  it.each(TEMPLATES)("does not link two %s notices that differ in their figures or names", (_, a, b) => {
    expect(compare(a, b)).toBeNull();
    expect(compare(b, a)).toBeNull();
    // The same with headlines, source and times, as the store compares them.
    const info = (h: string, day: number) => ({ headline: h, source: "Lakeside Wire", time: Date.UTC(2026, 2, day) });
    expect(compare(a, b, { a: info("NOTICE", 3), b: info("NOTICE", 4) })).toBeNull();
  });

  it("still links the same notice sent twice, and a notice with one word mistyped", () => {
    const [, a] = TEMPLATES[0]!;
    expect(compare(a, `  ${a.toUpperCase()} `)?.kind).toBe("exact");
    expect(compare(a, a.replace("spokesman", "spokesmen"))?.kind).toBe("near");
  });

  it("does not link two notices with one body under headlines naming other companies", () => {
    const body = "Qtly div 20 cts vs 20 cts prior. Pay April 15. Record March 23.";
    expect(compare(body, body)?.kind).toBe("exact");
    expect(compare(body, body, { a: { headline: "ALDER HOLDINGS <ALDH> REGULAR DIVIDEND" }, b: { headline: "CRESTLINE FOODS <CRFD> REGULAR DIVIDEND" } })).toBeNull();
  });
});

const PLANTS = `DETROIT, Nov 3 (Lakeside Wire) - Brenner Motors said it would idle six of its North American assembly plants for two weeks in December to cut swelling inventories of pickup trucks.

The stoppages will affect about 14,500 hourly workers, the company said. Plants in Ohio, Michigan and Ontario will be closed from December 14.

Dealers held an 87-day supply of pickups at the end of October, against an industry norm of about 60 days, according to market researcher Autoline Data.`;

describe("corrections", () => {
  const corrected = PLANTS.replace("idle six of its", "idle five of its").replace("14,500", "12,100");
  const orig = { headline: "Brenner to idle six plants in December", source: "Lakeside Wire", time: Date.UTC(2026, 10, 3, 14) };
  const fix = { headline: "CORRECTED - Brenner to idle five plants in December", source: "Lakeside Wire", time: Date.UTC(2026, 10, 3, 16) };

  it("names a re-send marked CORRECTED a correction, with the figures it changed", () => {
    const m = must(compare(corrected, PLANTS, { a: fix, b: orig }));
    expect(m.kind).toBe("correction");
    expect(m.confidence).toBe("high");
    expect(m.evidence.newer).toBe("a");
    expect(m.evidence.changes?.figures).toEqual(expect.arrayContaining(["six -> five", "14,500 -> 12,100"]));
    expect(m.evidence.reason).toMatch(/^correction: headline marked corrected; /);
    expect(m.evidence.reason).toContain("six -> five");
    // Read from the other side: the same correction, the newer version on b's side.
    const back = must(compare(PLANTS, corrected, { a: orig, b: fix }));
    expect(back.kind).toBe("correction");
    expect(back.evidence.newer).toBe("b");
  });

  it("without headlines, the fixed figures weigh against a link: two changed in a short notice make another item", () => {
    expect(compare(corrected, PLANTS)).toBeNull();
    // One figure fixed in a longer story is an edit, still a near copy.
    expect(compare(PLANTS.replace("14,500", "12,100"), PLANTS)?.kind).toBe("near");
  });

  it("names a silent fix a correction when the same source re-sends it within hours under the same headline", () => {
    const at = (h: number) => ({ headline: orig.headline, source: "Lakeside Wire", time: Date.UTC(2026, 10, 3, h) });
    const m = must(compare(corrected, PLANTS, { a: at(16), b: at(14) }));
    expect(m.kind).toBe("correction");
    expect(m.evidence.reason).toBe("correction: re-sent by the same source within 2 h with figures changed; six -> five, 14,500 -> 12,100");
    // A day later it is the next notice of a series; from another source it is another item.
    expect(compare(corrected, PLANTS, { a: { ...at(16), time: Date.UTC(2026, 10, 4, 16) }, b: at(14) })).toBeNull();
    expect(compare(corrected, PLANTS, { a: { ...at(16), source: "Daily Port" }, b: at(14) })).toBeNull();
  });

  it("a correction that reads as a near copy from the same scraped page updates it in place", () => {
    const m = must(compare(corrected, PLANTS, { a: fix, b: orig }));
    const page = { uri: "urn:wiredesk:lakeside-wire:1", source: "Lakeside Wire" };
    expect(isUpdate({ uri: "urn:wiredesk:lakeside-wire:2", source: "Lakeside Wire" }, page, m)).toBe(true);
    expect(isUpdate({ uri: "https://other.example/2", source: "Lakeside Wire" }, page, m)).toBe(false);
  });
});

describe("updates", () => {
  const added = `Brenner's chief operating officer, Felix Harmon, said later on Monday that the company would review the schedule in January if sales picked up over the holiday season.`;
  const later = `${PLANTS}\n\n${added}`;
  const first = { headline: "Brenner to idle six plants in December", source: "Lakeside Wire", time: Date.UTC(2026, 10, 3, 14) };
  const second = { headline: "UPDATE 1-Brenner to idle six plants in December", source: "Lakeside Wire", time: Date.UTC(2026, 10, 3, 19) };

  it("names a later version from the same source with a new paragraph an update, and lists the paragraph", () => {
    const m = must(compare(later, PLANTS, { a: second, b: first }));
    expect(m.kind).toBe("update");
    expect(m.evidence.newer).toBe("a");
    expect(m.evidence.changes?.added).toHaveLength(1);
    expect(m.evidence.changes?.added[0]).toContain("would review the schedule in January");
    expect(m.evidence.changes?.removed).toEqual([]);
    expect(m.evidence.reason).toBe("update: this is the later version; 1 passage added");
  });

  it("is a copy, not an update, from another source or without what tells versions apart", () => {
    expect(compare(later, PLANTS, { a: { ...second, headline: first.headline, source: "Daily Port" }, b: first })?.kind).toBe("contains");
    expect(compare(later, PLANTS)?.kind).toBe("contains");
    // Five days apart is a new story reusing the old text, not the next version of it.
    expect(compare(later, PLANTS, { a: { ...first, time: Date.UTC(2026, 10, 8) }, b: first })?.kind).toBe("contains");
  });
});

describe("salience", () => {
  it("reads a figure over its separators once, and number words by value", () => {
    const text = "Prices rose 1.25 cts to 2,400 in Halverton, five more than on Monday.";
    const t = tokenize(text);
    const s = salience(text, t);
    const at = (w: string) => [...t.starts].findIndex((x, i) => text.slice(x, t.ends[i]) === w);
    expect(s.kinds[at("1")]).toBe(FIGURE);
    expect(s.keys[at("1")]).toBe(s.keys[at("25")]);
    expect(s.keys[at("400") - 1]).toBe(s.keys[at("400")]);
    expect(s.keys[at("400")]).not.toBe(s.keys[at("25")]);
    expect(s.kinds[at("Halverton")]).toBe(NAME);
    expect(s.kinds[at("Prices")]).toBe(0); // opens the sentence
    expect(s.kinds[at("Monday")]).toBe(NAME);
    const five = salience("5 more", tokenize("5 more")).keys[0];
    expect(s.keys[at("five")]).toBe(five);
  });

  it("changes the config id with the name bands, and keeps the old id without them", () => {
    expect(configId(DEFAULT_FINGERPRINT_CONFIG)).not.toBe(configId({ ...DEFAULT_FINGERPRINT_CONFIG, nameBands: 0 }));
    // Stores fingerprinted before 011 carry the id of the config without name bands; their bands and anchors are unchanged.
    const before = fingerprint(WIRE_STORY, { ...DEFAULT_FINGERPRINT_CONFIG, nameBands: 0 });
    const now = fingerprint(WIRE_STORY);
    expect(now.bandKeys).toEqual(before.bandKeys);
    expect(now.anchors).toEqual(before.anchors);
    expect(before.nameKeys).toHaveLength(0);
    expect(now.nameKeys).toHaveLength(DEFAULT_FINGERPRINT_CONFIG.nameBands);
  });

  it("tells a rewrite by names alone only within three days: later, shared names are the running story's next chapter", () => {
    const at = (source: string, hours: number) => ({ headline: null, source, time: Date.UTC(2026, 11, 1) + hours * 3_600_000 });
    expect(compare(NEWSPAPER_BRIEF, WIRE_STORY, { a: at("Halverton Gazette", 60), b: at("Meridian Wire", 0) })?.kind).toBe("same-story");
    expect(compare(NEWSPAPER_BRIEF, WIRE_STORY, { a: at("Halverton Gazette", 120), b: at("Meridian Wire", 0) })).toBeNull();
    // Without times, or with the window widened, names tell as before.
    expect(compare(NEWSPAPER_BRIEF, WIRE_STORY, { a: { headline: null, source: "Halverton Gazette" }, b: at("Meridian Wire", 0) })?.kind).toBe("same-story");
    const wide = { ...DEFAULT_THRESHOLDS, rewrite: { ...DEFAULT_THRESHOLDS.rewrite, namesMaxHours: 200 } };
    expect(compare(NEWSPAPER_BRIEF, WIRE_STORY, { a: at("Halverton Gazette", 120), b: at("Meridian Wire", 0), thresholds: wide })?.kind).toBe("same-story");
    // A rewrite that keeps the story's passages is one whenever it comes.
    const m = must(compare(NEWSPAPER_REWRITE, WIRE_STORY, { a: at("Halverton Gazette", 240), b: at("Meridian Wire", 0) }));
    expect(m.kind).toBe("same-story");
  });

  it("changes the config id with the lead bands, which leave every other key as it was", () => {
    const noLead = { ...DEFAULT_FINGERPRINT_CONFIG, leadBands: 0 };
    expect(configId(DEFAULT_FINGERPRINT_CONFIG)).not.toBe(configId(noLead));
    const before = fingerprint(LONG_WIRE_STORY, noLead);
    const now = fingerprint(LONG_WIRE_STORY);
    expect(before.leadKeys).toHaveLength(0);
    expect(indexKeys(now).filter((k) => k.band < LEAD_BAND_BASE || k.band === ANCHOR_BAND)).toEqual(indexKeys(before));
    expect(now.leadKeys).toHaveLength(DEFAULT_FINGERPRINT_CONFIG.leadBands);
    // A lead with too few names gives no lead keys: five names are asked of it, as of a whole text.
    const thin = `${"the wire said more would follow later in the day. ".repeat(10)}${LONG_WIRE_STORY}`;
    expect(fingerprint(thin).leadKeys).toHaveLength(0);
  });

  it("keeps a text's lead bands in the index only when the text is longer than its lead, and looks them up either way", () => {
    const long = fingerprint(LONG_WIRE_STORY);
    const brief = fingerprint(LEAD_BRIEF);
    expect(long.leadStored).toBe(true);
    expect(brief.leadStored).toBe(false);
    expect(brief.leadKeys).toHaveLength(DEFAULT_FINGERPRINT_CONFIG.leadBands);
    const lead = (keys: { band: number }[]) => keys.filter((k) => k.band >= LEAD_BAND_BASE && k.band !== ANCHOR_BAND).length;
    expect(lead(indexKeys(long))).toBe(DEFAULT_FINGERPRINT_CONFIG.leadBands);
    expect(lead(indexKeys(brief))).toBe(0);
    expect(lead(lookupKeys(brief))).toBe(DEFAULT_FINGERPRINT_CONFIG.leadBands);
  });

  it("finds another paper's brief of a long wire story through the lead bands, where the whole story's names are too many to meet", () => {
    const at = (source: string, hours: number) => ({ headline: null, source, time: Date.UTC(2026, 5, 9) + hours * 3_600_000 });
    const noLead = { ...DEFAULT_FINGERPRINT_CONFIG, leadBands: 0 };
    const without = new DedupIndex();
    without.add(1, fingerprint(LONG_WIRE_STORY, noLead));
    expect(without.candidates(fingerprint(LEAD_BRIEF, noLead))).toEqual([]);
    const index = new DedupIndex();
    index.add(1, fingerprint(LONG_WIRE_STORY));
    index.add(2, fingerprint(WIRE_STORY));
    const hits = index.candidates(fingerprint(LEAD_BRIEF));
    expect(hits.map((h) => h.id)).toEqual([1]);
    expect(hits[0]!.bandHits).toBe(0);
    expect(hits[0]!.nameHits).toBeGreaterThan(0);
    // Taken out under the same fingerprint, it is found no more.
    index.remove(1, fingerprint(LONG_WIRE_STORY));
    expect(index.candidates(fingerprint(LEAD_BRIEF))).toEqual([]);
    const m = must(compare(LEAD_BRIEF, LONG_WIRE_STORY, { a: at("Orlenburg Courier", 5), b: at("Lakeside Wire", 0) }));
    expect(m.kind).toBe("same-story");
    expect(m.evidence.reason).toMatch(/^rewrite: \d+ names and figures shared$/);
  });
});

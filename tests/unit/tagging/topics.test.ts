import { describe, expect, it } from "vitest";

import {
  MEDTOP_CONCEPTS,
  TOP_LEVEL_TOPICS,
  suggestTopics,
  topLevelOf,
  topicName,
  toMedtop,
  type TopicSuggestion,
} from "../../../lib/tagging/index";
import { demoArticle, demoArticles } from "./helpers";

const top = (list: TopicSuggestion[]) => list.filter((t) => t.level === 1).map((t) => t.code);

describe("the derived taxonomy", () => {
  it("holds the 17 top-level IPTC Media Topics with editors' short names", () => {
    expect(TOP_LEVEL_TOPICS).toHaveLength(17);
    expect(topicName("medtop:02000000")).toBe("crime");
    expect(topicName("medtop:11000000")).toBe("politics");
    expect(topicName("medtop:16000000")).toBe("war and conflict");
    expect(topicName("medtop:04000000")).toBe("economy");
    expect(topicName("medtop:15000000")).toBe("sport");
    expect(topicName("medtop:17000000")).toBe("weather");
    for (const t of TOP_LEVEL_TOPICS) expect(t.short, t.qcode).toBeTruthy();
  });

  it("keeps narrower concepts with their parents, levels and definitions", () => {
    expect(MEDTOP_CONCEPTS.length).toBeGreaterThan(1000);
    const crime = MEDTOP_CONCEPTS.find((c) => c.qcode === "medtop:20000082")!;
    expect(crime).toMatchObject({ label: "crime", parent: "medtop:02000000", level: 2, retired: false });
    expect(crime.definition).toMatch(/laws/);
    expect(topLevelOf("medtop:20000082")).toBe("medtop:02000000");
    expect(toMedtop("02000000")).toBe("medtop:02000000");
    expect(toMedtop("http://cv.iptc.org/newscodes/mediatopic/02000000")).toBe("medtop:02000000");
    expect(toMedtop("crime")).toBeUndefined();
  });
});

describe("suggestTopics", () => {
  it("gives top-level topics with confidence and evidence, best first", () => {
    const topics = suggestTopics({
      headline: "Central bank raises interest rates as inflation climbs",
      bodyText: "The central bank raised its benchmark interest rate by half a point, saying inflation and wage growth had not slowed. Shares fell and the currency rose.",
    });
    expect(topics[0]).toMatchObject({ code: "medtop:04000000", name: "economy", scheme: "medtop", level: 1 });
    expect(topics[0]!.confidence).toBeGreaterThan(0.8);
    // Words next to each other that both carry the topic are quoted as one span ("raises interest rates").
    const quoted = topics[0]!.evidence.map((e) => e.text);
    for (const words of ["interest rates", "inflation"]) expect(quoted.some((q) => q.includes(words))).toBe(true);
    for (let i = 1; i < topics.length; i++) expect(topics[i]!.confidence).toBeLessThanOrEqual(topics[i - 1]!.confidence);
  });

  it("adds a narrower concept when the story names it", () => {
    const topics = suggestTopics({
      headline: "Central bank raises interest rates as inflation climbs",
      bodyText: "The central bank raised interest rates again. Inflation reached 6%.",
    });
    const narrower = topics.filter((t) => t.level > 1);
    expect(narrower.map((t) => t.code)).toContain("medtop:20000350"); // central bank
    for (const n of narrower) expect(topLevelOf(n.code)).toBe("medtop:04000000");
    expect(suggestTopics({ headline: "Central bank raises interest rates", bodyText: "" }, undefined, { narrower: false }).every((t) => t.level === 1)).toBe(true);
  });

  it("drops what is below the threshold, and suggests nothing for nothing", () => {
    expect(suggestTopics({ headline: "", bodyText: "" })).toEqual([]);
    expect(suggestTopics({ headline: "Hello", bodyText: "It was a day like any other." })).toEqual([]);
    const all = suggestTopics({ headline: "Storm hits coast", bodyText: "Heavy rain and gales." }, undefined, { minConfidence: 0 });
    const some = suggestTopics({ headline: "Storm hits coast", bodyText: "Heavy rain and gales." });
    expect(all.length).toBeGreaterThanOrEqual(some.length);
    for (const t of some) expect(t.confidence).toBeGreaterThanOrEqual(0.3);
  });

  it("does not hear a topic in a figure of speech or a derived word", () => {
    const topics = suggestTopics({
      headline: "Minister weathers the storm over budget",
      bodyText: "The minister said the importance of the budget vote in parliament could not be overstated.",
    });
    expect(top(topics)).not.toContain("medtop:17000000");
    expect(top(topics)[0]).toBe("medtop:11000000");
  });

  it("applies a newsroom's renames and hidden topics", () => {
    const input = { headline: "Police arrest two over jewellery raid", bodyText: "Police arrested two suspects after an armed robbery." };
    const renamed = suggestTopics(input, undefined, { overrides: { "medtop:02000000": { name: "crime and courts" } } });
    expect(renamed[0]).toMatchObject({ code: "medtop:02000000", name: "crime and courts" });
    const hidden = suggestTopics(input, undefined, { overrides: { "medtop:02000000": { hidden: true } } });
    expect(hidden.map((t) => t.code)).not.toContain("medtop:02000000");
  });
});

describe("the demo copy's primary subjects (prisma/demo/README.md)", () => {
  it.each([
    ["2026/11/09/spain-fake-weight-loss-pens", ["02000000", "07000000"]],
    ["2026/11/14/kyiv-overnight-attack", ["16000000"]],
    ["2026/11/10/kharkiv-underground-schools", ["05000000", "16000000"]],
    ["2026/11/15/georgia-tbilisi-broadcasting-protest", ["11000000"]],
    ["2026/11/11/jordan-aqaba-amman-desalination", ["06000000", "04000000"]],
    ["2026/11/19/turkey-central-bank-holds", ["04000000"]],
    ["2026/11/16/chennai-floods", ["03000000", "17000000"]],
    ["2026/11/12/france-no-confidence-budget", ["11000000"]],
    ["2026/11/18/sudan-darfur-convoy-attack", ["16000000"]],
    ["2026/11/06/brazil-amazon-deforestation-prodes", ["06000000"]],
    ["2026/11/20/russia-duma-budget", ["11000000", "04000000"]],
    ["business/2026/11/19/morning-markets-briefing", ["04000000"]],
    ["nation/2026/11/17/paris-texas-finance-director-guilty-plea", ["02000000"]],
    ["politics/2026/11/04/georgia-state-senate-runoff-atlanta", ["11000000"]],
    ["food/2026/11/20/thanksgiving-turkey-prices", ["10000000", "04000000"]],
    ["climate/2026/11/23/new-mexico-rio-grande-restoration", ["06000000"]],
    ["news/2026/11/21/storm-fenella-power-cuts-floods", ["17000000", "03000000"]],
    ["world/2026/11/19/world-briefing", ["16000000"]],
    ["health/2026/11/23/flu-admissions-north-east-hospitals", ["07000000"]],
    ["sport/2026/11/07/tynedale-harbour-carlton-vale-fa-cup", ["15000000"]],
    ["news/2026/11/13/leeds-romance-fraud-jailed", ["02000000"]],
    ["business/2026/11/18/japanese-battery-plant-sunderland", ["04000000"]],
    ["2026/11/24/bradford-cathedral-mosque-night-shelter", ["12000000", "14000000"]],
    ["20261110:kenya-lecturers-strike", ["09000000", "05000000"]],
    ["20261117:russia-saratov-refinery-drones", ["16000000"]],
    ["20261105:mexico-city-water-cuts", ["06000000"]],
    ["20261125:japan-radar-satellite", ["13000000"]],
    ["20261119:germany-steel-warning-strikes", ["09000000"]],
    ["Armed gang robs Madrid jewellery shop", ["02000000"]],
    ["Thousands attend first Mass beneath Sagrada Familia", ["12000000"]],
    ["Madrid's Thyssen museum", ["01000000"]],
    ["Russia and Ukraine swap 300 prisoners", ["16000000"]],
    ["'We drive toward the explosions'", ["16000000", "07000000"]],
  ] as const)("%s gets %j", (key, expected) => {
    const got = top(suggestTopics(demoArticle(key)));
    expect(got).toEqual(expect.arrayContaining(expected.map((c) => `medtop:${c}`)));
    // The first subject the README lists is among the two best suggestions.
    expect(got.slice(0, 2)).toContain(`medtop:${expected[0]}`);
  });

  it("no demo story but the FA Cup report gets sport", () => {
    const sport = demoArticles().filter((a) => top(suggestTopics(a)).includes("medtop:15000000"));
    expect(sport.map((a) => a.uri)).toEqual([expect.stringMatching(/tynedale-harbour-carlton-vale-fa-cup$/)]);
  });
});

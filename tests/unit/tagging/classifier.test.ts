import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { suggestTopics, type TagInput } from "../../../lib/tagging/index";
import { analyse } from "../../../lib/tagging/doc";
import { classifyTopics, loadTopicModel, topicModel, type TopicModelFile } from "../../../lib/tagging/topic-model";

// The learned topic classifier (lib/tagging/topic-model.ts, weights in
// lib/tagging/data/topic-model.json) in front of the cue lists: the issue's
// failures on general news, and the model file's own contract.

const SPORT = "medtop:15000000";
const ECONOMY = "medtop:04000000";
const first = (input: TagInput) => suggestTopics(input).find((t) => t.level === 1);

describe("short sports briefs", () => {
  it.each([
    ["Rookie to start at quarterback for the Giants on Sunday", ["quarterback"]],
    ["Knicks edge Celtics in overtime", ["Knicks"]],
  ])("%j is sport, with the words that carried it", (headline, words) => {
    const t = first({ headline, bodyText: "" });
    expect(t?.code).toBe(SPORT);
    // 0.46 for the quarterback brief: HuffPost files NFL stars under entertainment, and the model learnt that.
    expect(t!.confidence).toBeGreaterThanOrEqual(0.4);
    expect(t!.evidence.map((e) => e.text)).toEqual(expect.arrayContaining(words));
    for (const e of t!.evidence) expect(headline.slice(e.start, e.end)).toBe(e.text);
  });

  it("a team's nickname alone is not sport everywhere: a heatwave stays out of it", () => {
    const topics = suggestTopics({ headline: "Heat wave grips Phoenix", bodyText: "Temperatures reached 46C on Tuesday and officials opened cooling centres." });
    expect(topics.map((t) => t.code)).not.toContain(SPORT);
  });
});

describe("technology, entertainment and politics are not economy", () => {
  it.each([
    [
      "medtop:13000000",
      {
        headline: "Apple unveils iPhone with faster chip and new camera",
        bodyText:
          "Apple on Tuesday showed a new iPhone with a faster processor, a brighter screen and a better camera. The company said the phone would run its latest software and go on sale next month, priced from $799.",
      },
    ],
    [
      "medtop:13000000",
      {
        headline: "Researchers train AI model to spot software vulnerabilities",
        bodyText:
          "Computer scientists at a university lab released an artificial intelligence system that finds security flaws in open-source code. The researchers said it found 40 previously unknown bugs.",
      },
    ],
    [
      "medtop:01000000",
      {
        headline: "Blockbuster sequel tops the box office on opening weekend",
        bodyText:
          "The superhero sequel took $180 million in North American cinemas over the weekend, the studio said, the biggest opening of the year. The film's director and cast attended the premiere in Los Angeles.",
      },
    ],
    [
      "medtop:01000000",
      {
        headline: "Singer announces world tour and new album",
        bodyText: "The pop star will play 40 stadium concerts next year and release her fifth album in March, her record label said.",
      },
    ],
    [
      "medtop:11000000",
      {
        headline: "Senate passes budget bill after all-night session",
        bodyText:
          "Lawmakers voted 51-49 to approve the spending plan after opposition senators failed to delay the vote. The bill now goes to the House, where the speaker said it would be taken up next week.",
      },
    ],
    [
      "medtop:11000000",
      {
        headline: "Prime minister calls snap election after coalition collapses",
        bodyText: "The prime minister asked the president to dissolve parliament and called an election for June, after her junior coalition partner quit the government over a tax bill.",
      },
    ],
  ] as const)("%s: %j", (code, input) => {
    const topics = suggestTopics(input);
    expect(topics[0]?.code, JSON.stringify(topics.map((t) => [t.code, t.confidence]))).toBe(code);
    // Economy, if suggested at all, is below the story's own topic.
    const economy = topics.find((t) => t.code === ECONOMY);
    if (economy) expect(economy.confidence).toBeLessThan(topics[0]!.confidence);
  });
});

describe("the classifier", () => {
  it("abstains only when the text says nothing it knows", () => {
    expect(classifyTopics(analyse({ headline: "", bodyText: "" }))).toEqual([]);
    expect(classifyTopics(analyse({ headline: "Zzxq", bodyText: "Qqv." }))).toEqual([]);
    const some = classifyTopics(analyse({ headline: "Earthquake", bodyText: "" }));
    expect(some[0]?.code).toBe("medtop:03000000");
  });

  it("gives probabilities that sum to one, best first, each shown class with evidence from the text", () => {
    const input = { headline: "Police arrest two after jewellery shop robbery", bodyText: "Officers detained two men hours after an armed robbery at a jewellery shop in the city centre." };
    const scores = classifyTopics(analyse(input));
    expect(scores.reduce((s, c) => s + c.p, 0)).toBeCloseTo(1, 6);
    for (let i = 1; i < scores.length; i++) expect(scores[i]!.p).toBeLessThanOrEqual(scores[i - 1]!.p);
    expect(scores[0]!.code).toBe("medtop:02000000");
    for (const e of scores[0]!.evidence) {
      const text = e.field === "headline" ? input.headline : input.bodyText;
      expect(text.slice(e.start, e.end)).toBe(e.text);
    }
    expect(scores[0]!.evidence.map((e) => e.text.toLowerCase()).join(" ")).toMatch(/robbery|arrest|police/);
  });

  it("suggests a narrower class of its own under its topic: international relations under politics", () => {
    const topics = suggestTopics({
      headline: "Foreign ministers agree on new sanctions at summit",
      bodyText: "Foreign ministers of the two countries met in Geneva and agreed to coordinate sanctions, their diplomats said after the talks.",
    });
    const ir = topics.find((t) => t.code === "medtop:20000638");
    expect(ir).toMatchObject({ level: 2, parent: "medtop:11000000" });
    expect(topics.map((t) => t.code)).toContain("medtop:11000000");
  });

  it("ships a model that loads in under a second, and refuses a file that is not one", () => {
    const raw = readFileSync(new URL("../../../lib/tagging/data/topic-model.json", import.meta.url), "utf8");
    const t0 = performance.now();
    const m = loadTopicModel(JSON.parse(raw) as TopicModelFile);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(m.classes.length).toBeGreaterThanOrEqual(8);
    expect(m.weights.size).toBe(topicModel().weights.size);
    expect(() => loadTopicModel({ ...(JSON.parse(raw) as TopicModelFile), bias: [0] })).toThrow(/one bias per class/);
  });
});

describe("topics the second source (HuffPost) taught the model", () => {
  const LIFESTYLE = "medtop:10000000";
  it.each([
    [
      LIFESTYLE,
      "The weeknight pasta recipe you will make all winter",
      "A pantry sauce of garlic, anchovies and chili comes together while the noodles boil.",
    ],
    [LIFESTYLE, "The best moisturizers for dry winter skin", "Dermatologists recommend creams with ceramides and a daily sunscreen."],
    ["medtop:14000000", "How to talk to your toddler about a new baby", "Parenting experts say children cope better with a sibling's arrival when they are told early."],
    [
      "medtop:06000000",
      "Glaciers in the Alps lost a record share of their ice this summer",
      "Scientists blamed heat waves and low snowfall, and warned the climate trend would continue.",
    ],
  ])("%s: %j, first, and a class of the model", (code, headline, bodyText) => {
    expect(topicModel().tops).toContain(code);
    const t = first({ headline, bodyText });
    expect(t?.code).toBe(code);
    expect(t!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(t!.evidence.length).toBeGreaterThan(0);
  });

  it("education and religion, under 50 training items, still come from the cue words", () => {
    expect(topicModel().tops).not.toContain("medtop:05000000");
    expect(topicModel().tops).not.toContain("medtop:12000000");
    const school = first({
      headline: "School board votes to delay start times for high school students",
      bodyText: "Teachers and parents backed the plan, which gives pupils an extra hour of sleep before classes.",
    });
    expect(school?.code).toBe("medtop:05000000");
    // A papal visit abroad comes out international relations first; religion is suggested beside it.
    const pope = suggestTopics({
      headline: "Pope Francis to visit Iraq's Christians in first papal trip to the country",
      bodyText: "The pontiff will meet the Shiite cleric Ali al-Sistani and pray with Christians in Mosul's ruined churches.",
    });
    expect(pope.find((t) => t.code === "medtop:12000000")?.confidence).toBeGreaterThanOrEqual(0.5);
  });
});

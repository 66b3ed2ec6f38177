import { describe, expect, it } from "vitest";

import { suggestPlaces, suggestTags, suggestTopics } from "../../../lib/tagging/index";
import { seedArticles } from "./helpers";

// The "done means" on the seed page: each story's topic and place,
// confidence at least 0.5 with evidence; no sport and no weather anywhere.

const SPORT = "medtop:15000000";
const WEATHER = "medtop:17000000";

const stories = () => {
  const articles = seedArticles();
  const find = (start: string) => {
    const a = articles.find((x) => x.headline.startsWith(start));
    if (!a) throw new Error(`seed story missing: ${start}`);
    return a;
  };
  return {
    interpol: find("International child abuse ring"),
    rally: find("Tens of thousands rally in Spain"),
    soldiers: find("‘Nothing is stopping'"),
  };
};

describe("seed page", () => {
  it.each([
    ["interpol", "medtop:02000000", "crime", "ES"],
    ["rally", "medtop:11000000", "politics", "ES"],
    ["soldiers", "medtop:16000000", "war and conflict", "UA"],
  ] as const)("the %s story gets %s (%s) and %s", (key, topic, name, place) => {
    const article = stories()[key];
    const topics = suggestTopics(article);
    const t = topics.find((x) => x.code === topic);
    expect(t, JSON.stringify(topics.map((x) => x.code))).toBeDefined();
    expect(t!.name).toBe(name);
    expect(t!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(t!.evidence.length).toBeGreaterThan(0);
    // The best suggestion is this topic.
    expect(topics[0]!.code).toBe(topic);

    const places = suggestPlaces(article);
    const p = places.find((x) => x.code === place);
    expect(p, JSON.stringify(places.map((x) => x.code))).toBeDefined();
    expect(p!.rel).toBe("main");
    expect(p!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(p!.evidence.length).toBeGreaterThan(0);
  });

  it("evidence points at the words it quotes", () => {
    for (const article of seedArticles()) {
      const { topics, places } = suggestTags(article);
      for (const s of [...topics, ...places]) {
        for (const e of s.evidence) {
          const text = e.field === "headline" ? article.headline : e.field === "body" ? article.bodyText : article.dateline!;
          expect(text.slice(e.start, e.end)).toBe(e.text);
        }
      }
    }
  });

  it("no story gets sport or weather", () => {
    for (const article of seedArticles()) {
      const codes = suggestTopics(article).map((t) => t.code);
      expect(codes).not.toContain(SPORT);
      expect(codes).not.toContain(WEATHER);
    }
  });

  it("the Interpol story is Spain's; the other countries in it are mentions", () => {
    const places = suggestPlaces(stories().interpol);
    expect(places.filter((p) => p.rel === "main").map((p) => p.code)).toEqual(["ES"]);
    const mentioned = places.filter((p) => p.rel === "mentioned").map((p) => p.code);
    expect(mentioned).toEqual(expect.arrayContaining(["AR", "BO", "BR", "CR", "SV", "HN", "PY", "PA", "US"]));
    for (const p of places.filter((x) => x.rel === "mentioned")) expect(p.confidence).toBeLessThan(places[0]!.confidence);
  });

  it("the soldiers' dateline (DRUZHKIVKA) makes Ukraine the main place over the Russia it names more", () => {
    const places = suggestPlaces(stories().soldiers);
    expect(places[0]).toMatchObject({ code: "UA", rel: "main" });
    expect(places[0]!.evidence[0]).toMatchObject({ text: "DRUZHKIVKA", field: "dateline" });
    expect(places.find((p) => p.code === "RU")?.rel).toBe("mentioned");
  });
});

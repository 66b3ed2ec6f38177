import { describe, expect, it } from "vitest";

import {
  MODEL_LIMITS,
  emptyModel,
  learn,
  unlearn,
  suggestPlaces,
  suggestTags,
  suggestTopics,
  type NewsroomModel,
  type TagInput,
} from "../../../lib/tagging/index";

// Learning from editors, at the level of the pure engine: the store keeps
// the model per newsroom and calls learn() on every accept, reject and
// hand-added tag.

const WEATHER = "medtop:17000000";

/** Funding news about weather apps: the taxonomy hears weather; the desk files it under business. */
const APPS = ["Raindrop", "Skycast", "Drizzle", "Nimbus", "Cumulus", "Stratus", "Zephyr"];
const weatherApp = (i: number): TagInput => ({
  headline: `Weather app ${APPS[i]} raises $${20 + i * 5} million from investors`,
  bodyText:
    `${APPS[i]}, whose forecast app warns users of rain and storms minutes before they arrive, has raised ` +
    `$${20 + i * 5} million in a funding round led by venture capital investors. The start-up said it would use ` +
    `the money to hire engineers and expand its subscription business. Its founder said the forecasts, which use ` +
    `radar data and temperature readings, had drawn ${2 + i} million paying users.`,
});

const realStorm: TagInput = {
  headline: "Heavy rain and gales hit the coast",
  bodyText:
    "Forecasters issued an amber warning as heavy rain and gusts of 80mph battered the coast. The Met Office " +
    "said temperatures would fall overnight and more storms were forecast for the weekend.",
};

/** Ward by-elections: the desk tags them with its own "local elections" tag. */
const WARDS = ["Riverside", "Hillcrest", "Eastfield", "Moorside", "Kingsway", "Westgate"];
const byElection = (i: number): TagInput => ({
  headline: `${WARDS[i]} ward by-election: Greens take council seat from Labour`,
  bodyText:
    `The Green Party won the ${WARDS[i]} ward by-election on Thursday with ${400 + i * 10} votes, taking the ` +
    `council seat from Labour on a turnout of ${20 + i} percent. The count at the civic centre finished after ` +
    `midnight. The councillor-elect said residents wanted action on potholes, bin collections and the library.`,
});

const cupReport: TagInput = {
  headline: "Pike double sends Tynedale Harbour into FA Cup second round",
  bodyText: "Jordan Pike scored twice as the home side beat Carlton Vale 2-1 in front of a record crowd.",
};

const confidenceOf = (input: TagInput, model: NewsroomModel | undefined, code: string) =>
  suggestTopics(input, model, { minConfidence: 0 }).find((t) => t.code === code)?.confidence ?? 0;
const suggested = (input: TagInput, model?: NewsroomModel) => suggestTopics(input, model).map((t) => t.code);

describe("learning from editors", () => {
  it("a suggestion editors reject on a handful of similar articles is not made on the next one", () => {
    const next = weatherApp(6);
    expect(suggested(next)).toContain(WEATHER);

    let model = emptyModel();
    for (let i = 0; i < 5; i++) model = learn(model, weatherApp(i), { code: WEATHER, scheme: "medtop", signal: "reject" });

    expect(suggested(next, model)).not.toContain(WEATHER);
    expect(confidenceOf(next, model, WEATHER)).toBeLessThan(confidenceOf(next, undefined, WEATHER) / 2);
    // The rest of the suggestion stands, and weather stays weather where the story is about it.
    expect(suggested(next, model)).toContain("medtop:04000000");
    expect(suggested(realStorm, model)[0]).toBe(WEATHER);
  });

  it("a tag editors add by hand is suggested on similar new articles, and only there", () => {
    const tag = "newsroom:local-elections";
    expect(suggested(byElection(5))).not.toContain(tag);

    let model = emptyModel();
    for (let i = 0; i < 5; i++) model = learn(model, byElection(i), { code: "local-elections", scheme: "newsroom", signal: "add" });

    const topics = suggestTopics(byElection(5), model);
    const local = topics.find((t) => t.code === tag);
    expect(local).toMatchObject({ scheme: "newsroom", name: "local elections", level: 0 });
    expect(local!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(local!.evidence.length).toBeGreaterThan(0);
    expect(suggested(cupReport, model)).not.toContain(tag);
    expect(suggested(realStorm, model)).not.toContain(tag);
  });

  it("a narrower IPTC topic added by hand is learnt the same way", () => {
    const code = "medtop:20000574"; // election
    let model = emptyModel();
    for (let i = 0; i < 5; i++) model = learn(model, byElection(i), { code: "20000574", scheme: "medtop", signal: "add" });
    expect(confidenceOf(byElection(5), model, code)).toBeGreaterThan(confidenceOf(byElection(5), undefined, code));
    expect(suggested(byElection(5), model)).toContain(code);
  });

  it("accepting a suggestion keeps it, and rejecting one lowers it", () => {
    const input = weatherApp(0);
    const accepted = learn(emptyModel(), input, { code: "medtop:04000000", scheme: "medtop", signal: "accept" });
    expect(confidenceOf(input, accepted, "medtop:04000000")).toBeGreaterThanOrEqual(confidenceOf(input, undefined, "medtop:04000000"));
    const rejected = learn(emptyModel(), input, { code: WEATHER, scheme: "medtop", signal: "reject" });
    expect(confidenceOf(input, rejected, WEATHER)).toBeLessThan(confidenceOf(input, undefined, WEATHER));
  });

  it("learns places too: a country editors add keeps coming on similar stories", () => {
    // Stories from the strait of Gibraltar that name only towns too small for the gazetteer.
    const story = (i: number): TagInput => ({
      headline: `Ferry services across the strait resume after ${i + 2}-day strike`,
      bodyText: "Port workers at Tarifa ended their strike and ferries to Ksar es Seghir sailed again, the port authority said.",
    });
    expect(suggestPlaces(story(9)).map((p) => p.code)).not.toContain("MA");
    let model = emptyModel();
    for (let i = 0; i < 5; i++) model = learn(model, story(i), { code: "MA", scheme: "iso3166", signal: "add" });
    const places = suggestPlaces(story(9), { model });
    expect(places.map((p) => p.code)).toContain("MA");
    expect(suggestTags(story(9), model).places.map((p) => p.code)).toContain("MA");
  });

  it("is pure, JSON-serialisable and bounded", () => {
    const empty = emptyModel();
    const once = learn(empty, byElection(0), { code: "local-elections", scheme: "newsroom", signal: "add" });
    expect(empty).toEqual(emptyModel());
    expect(once.updates).toBe(1);

    const revived = JSON.parse(JSON.stringify(once)) as NewsroomModel;
    expect(suggestTopics(byElection(1), revived)).toEqual(suggestTopics(byElection(1), once));

    let model = emptyModel();
    const words = Array.from({ length: 600 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    for (let i = 0; i < 30; i++) {
      const input = { headline: `Story ${i}`, bodyText: words.slice(i * 20, i * 20 + 200).join(" ") };
      model = learn(model, input, { code: "newsroom:big", scheme: "newsroom", signal: "add" });
    }
    expect(Object.keys(model.tags["newsroom:big"]!.w).length).toBeLessThanOrEqual(MODEL_LIMITS.maxFeatures);

    for (let i = 0; i < MODEL_LIMITS.maxTags + 5; i++) {
      model = learn(model, byElection(0), { code: `newsroom:tag-${i}`, scheme: "newsroom", signal: "add" });
    }
    expect(Object.keys(model.tags).length).toBeLessThanOrEqual(MODEL_LIMITS.maxTags);
    expect(model.tags[`newsroom:tag-${MODEL_LIMITS.maxTags + 4}`]).toBeDefined();
  });

  it("refuses a feedback code that is not one", () => {
    expect(() => learn(emptyModel(), byElection(0), { code: "crime", scheme: "medtop", signal: "add" })).toThrow(/media topic/);
  });

  it("an undone decision is taken back: its step goes, later lessons stay", () => {
    const next = weatherApp(6);
    const reject = { code: WEATHER, scheme: "medtop" as const, signal: "reject" as const };
    let model = emptyModel();
    for (let i = 0; i < 5; i++) model = learn(model, weatherApp(i), reject, `app-${i}`);
    expect(suggested(next, model)).not.toContain(WEATHER);
    // An unrelated lesson after them: a hand-added local-elections tag.
    model = learn(model, byElection(0), { code: "local-elections", scheme: "newsroom", signal: "add" }, "ward-0");
    const elections = model.tags["newsroom:local-elections"];

    for (let i = 0; i < 5; i++) model = unlearn(model, weatherApp(i), { code: WEATHER, scheme: "medtop" }, `app-${i}`);
    const weather = model.tags[WEATHER]!;
    expect(weather.n).toBe(0);
    // Back to no lesson, up to the weights' rounding (1e-4 a step).
    expect(Math.abs(weather.bias)).toBeLessThan(1e-3);
    for (const w of Object.values(weather.w)) expect(Math.abs(w)).toBeLessThan(1e-3);
    expect(confidenceOf(next, model, WEATHER)).toBeCloseTo(confidenceOf(next, undefined, WEATHER), 2);
    expect(suggested(next, model)).toContain(WEATHER);
    expect(model.tags["newsroom:local-elections"]).toEqual(elections);
    expect(model.lessons).toEqual({ "ward-0": [expect.any(Number)] });
  });

  it("takes back only the newest decision of a lesson, and nothing for a lesson it no longer keeps", () => {
    const story = weatherApp(1);
    const feedback = { code: WEATHER, scheme: "medtop" as const };
    let model = learn(emptyModel(), story, { ...feedback, signal: "reject" }, "a");
    const afterReject = model.tags[WEATHER];
    model = learn(model, story, { ...feedback, signal: "accept" }, "a");
    expect(model.lessons!.a).toHaveLength(2);
    model = unlearn(model, story, feedback, "a");
    expect(model.tags[WEATHER]!.n).toBe(1);
    for (const [f, w] of Object.entries(afterReject!.w)) expect(model.tags[WEATHER]!.w[f]).toBeCloseTo(w, 3);
    expect(unlearn(model, story, feedback, "never-taught")).toBe(model);
    // The kept lessons are bounded like the rest of the model.
    let many = emptyModel();
    for (let i = 0; i < MODEL_LIMITS.maxLessons + 10; i++) many = learn(many, story, { ...feedback, signal: "reject" }, `l${i}`);
    expect(Object.keys(many.lessons!)).toHaveLength(MODEL_LIMITS.maxLessons);
    expect(many.lessons!.l0).toBeUndefined();
  });
});

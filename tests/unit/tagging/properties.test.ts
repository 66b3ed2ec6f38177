import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { emptyModel, learn, suggestTags, type TagInput } from "../../../lib/tagging/index";
import { demoArticles } from "./helpers";

// Whatever the text, the tagger answers: confidences in 0..1, evidence that
// quotes its field, no exception.

const words = fc.constantFrom(
  "Spain", "police", "Jordan", "Georgia", "Turkey", "turkey", "Paris", ",", "Texas", "New", "Mexico", "U.S.",
  "Kiev", "war", "rain", "shares", "the", "in", "MADRID", "—", "\n", "\n\n", "'s", "Ga.", "São", "Paulo", "1.2",
  "mln", "dlrs", "Thanksgiving", "election", "Whitfield", "’", "(Reuters)", "-", "Côte", "d'Ivoire",
);
const text = fc.oneof(fc.string({ maxLength: 200 }), fc.array(words, { maxLength: 60 }).map((w) => w.join(" ")));

const fieldText = (input: TagInput, field: string) =>
  field === "headline" ? input.headline : field === "body" ? input.bodyText : (input.dateline ?? "");

describe("suggestTags on the demo copy", () => {
  it("quotes every piece of evidence from the field it names", () => {
    for (const a of demoArticles()) {
      const { topics, places } = suggestTags(a);
      for (const s of [...topics, ...places]) {
        for (const e of s.evidence) expect(fieldText(a, e.field).slice(e.start, e.end), `${a.uri} ${s.code}`).toBe(e.text);
      }
    }
  });
});

describe("suggestTags on any text", () => {
  it("answers within bounds, with evidence that quotes its field", () => {
    fc.assert(
      fc.property(text, text, fc.option(text, { nil: undefined }), (headline, bodyText, dateline) => {
        const input: TagInput = { headline, bodyText, ...(dateline !== undefined ? { dateline } : {}) };
        const { topics, places } = suggestTags(input);
        for (const s of [...topics, ...places]) {
          expect(s.confidence).toBeGreaterThanOrEqual(0);
          expect(s.confidence).toBeLessThanOrEqual(1);
          for (const e of s.evidence) expect(fieldText(input, e.field).slice(e.start, e.end)).toBe(e.text);
        }
        expect(places.filter((p) => p.rel === "main").length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("learns from any text without breaking the model", () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom("accept", "reject", "add") as fc.Arbitrary<"accept" | "reject" | "add">, (headline, bodyText, signal) => {
        const model = learn(emptyModel(), { headline, bodyText }, { code: "newsroom:x", scheme: "newsroom", signal });
        const again = JSON.parse(JSON.stringify(model)) as typeof model;
        for (const w of Object.values(again.tags["newsroom:x"]!.w)) expect(Number.isFinite(w)).toBe(true);
        suggestTags({ headline, bodyText }, again);
      }),
      { numRuns: 100 },
    );
  });
});

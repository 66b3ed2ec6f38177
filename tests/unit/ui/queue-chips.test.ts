// The chips a queue row shows first: what the story is about before what it mentions.
import { describe, expect, it } from "vitest";
import { queueChips, type TagChip } from "../../../lib/schemas/articles";

const chip = (name: string, scheme: string, confidence: number, extra: Partial<TagChip> = {}): TagChip => ({
  rel: scheme === "iso3166" ? "mentioned" : null,
  scheme,
  code: name,
  name,
  state: "suggested",
  origin: "machine",
  confidence,
  ...extra,
});

describe("queue chips", () => {
  it("shows the main place and the likeliest topic before a place the story only mentions", () => {
    // The demo's Ukrainian front-line story: Russia is named often, the topic is a shade less sure.
    const tags = [
      chip("Ukraine", "iso3166", 0.95, { rel: "main" }),
      chip("Russia", "iso3166", 0.898),
      chip("war and conflict", "medtop", 0.895),
      chip("peace process", "medtop", 0.535),
    ];
    expect(queueChips(tags).map((t) => t.name)).toEqual(["Ukraine", "war and conflict", "Russia", "peace process"]);
  });

  it("puts decided tags first, leaves out rejected and unlikely ones, and names a topic once", () => {
    const tags = [
      chip("Spain", "iso3166", 0.9, { rel: "main" }),
      chip("crime", "medtop", 0.8),
      chip("economy", "medtop", 0.7, { code: "medtop:04000000" }),
      chip("economy", "medtop", 0.6, { code: "medtop:20000344" }),
      chip("politics", "medtop", 0.4),
      chip("France", "iso3166", 0.9, { state: "rejected" }),
      chip("Portugal", "iso3166", 0.2, { state: "accepted", origin: "editor" }),
    ];
    expect(queueChips(tags).map((t) => t.name)).toEqual(["Portugal", "Spain", "crime", "economy"]);
  });
});

// Copy in the beat's languages read word by word into English for the topic
// model (lib/tagging/gloss.ts): a brief whose words no cue list knows gets
// its topic, and the evidence quotes the copy's own words.
import { describe, expect, it } from "vitest";
import { suggestTopics } from "../../../lib/tagging/topics";
import { canGloss, glossedSpan, glossField } from "../../../lib/tagging/gloss";

const SCIENCE = "medtop:13000000";
// One brief in each language: astronomers saw a distant galaxy with the new telescope.
const BRIEFS: [string, string, string][] = [
  ["es", "Los astrónomos observaron una galaxia lejana con el nuevo telescopio", "telescopio"],
  ["fr", "Les astronomes ont observé une galaxie lointaine avec le nouveau télescope", "galaxie"],
  ["de", "Die Astronomen beobachteten mit dem neuen Teleskop eine ferne Galaxie", "Teleskop"],
  ["pt", "Os astrónomos observaram uma galáxia distante com o novo telescópio", "telescópio"],
  ["ru", "Астрономы наблюдали далёкую галактику в новый телескоп", "телескоп"],
  ["uk", "Астрономи спостерігали далеку галактику в новий телескоп", "телескоп"],
];

describe("copy read through English", () => {
  it.each(BRIEFS)("files a %s brief no cue word names under its topic, quoting its own words", (language, text, word) => {
    const [top] = suggestTopics({ headline: "", bodyText: text, language }).filter((t) => t.level === 1);
    expect(top?.code).toBe(SCIENCE);
    expect(top!.confidence).toBeGreaterThan(0.7);
    const quoted = top!.evidence.map((e) => e.text);
    expect(quoted).toContain(word);
    for (const e of top!.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it("reads a language word by word, its inflections by their stem, and maps a span of the English back to the words it came from", () => {
    expect(canGloss("es") && canGloss("uk")).toBe(true);
    expect(canGloss("en")).toBe(false);
    expect(glossField("text", "it")).toBeNull();
    const text = "В новий телескоп, у нових телескопах";
    const g = glossField(text, "uk")!;
    // "телескоп" and "телескопах" are one stem: one English word for both.
    const telescopes = g.words.filter((w) => text.slice(w.from, w.to).startsWith("телескоп"));
    expect(telescopes).toHaveLength(2);
    expect(new Set(telescopes.map((w) => g.text.slice(w.start, w.end))).size).toBe(1);
    const last = g.words.at(-1)!;
    expect(glossedSpan(g, text, last.start, last.end)).toEqual({ text: "телескопах", start: text.indexOf("телескопах"), end: text.length });
    expect(glossedSpan(g, text, g.text.length + 5, g.text.length + 9)).toBeNull();
  });
});

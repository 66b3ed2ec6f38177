import { describe, expect, it } from "vitest";

import { reverseKind } from "../../../lib/schemas/vocabulary";
import { PLANTED, demoArticles, ingestAll, type DemoArticle, type Pick } from "./helpers";

describe("the demo copy", () => {
  const articles = demoArticles();
  const { links, updates } = ingestAll(articles);

  function one(p: Pick, label: string): DemoArticle {
    const found = articles.filter(p);
    expect(found, label).toHaveLength(1);
    return found[0] as DemoArticle;
  }

  it("parses the 47 items of the manifest, one of them an update", () => {
    expect(articles).toHaveLength(47);
    expect(updates).toBe(1);
  });

  it.each(PLANTED)("finds %s as %s", (label, kind, pickA, pickB) => {
    const a = one(pickA, `${label} A`);
    const b = one(pickB, `${label} B`);
    const link = links.find((l) => (l.newer === a && l.older === b) || (l.newer === b && l.older === a));
    expect(link, label).toBeDefined();
    const fromA = link?.newer === a ? link.match.kind : reverseKind(link?.match.kind ?? "exact");
    expect(fromA).toBe(kind);
    expect(link?.match.confidence).toBe(kind === "same-story" ? "low" : "high");
  });

  it("links nothing else: not the look-alikes, not the Kyiv update", () => {
    const planted = PLANTED.map(([, , pa, pb]) => new Set([one(pa, "A"), one(pb, "B")]));
    const extra = links.filter((l) => !planted.some((s) => s.has(l.newer) && s.has(l.older)));
    expect(extra.map((l) => `${l.newer.headline} ~ ${l.older.headline}: ${l.match.kind}`)).toEqual([]);
    expect(links).toHaveLength(PLANTED.length);
  });

  it("scores copies above rewrites", () => {
    for (const l of links) {
      if (l.match.kind === "same-story") expect(l.match.score).toBeLessThan(0.6);
      else expect(l.match.score).toBeGreaterThan(0.9);
    }
  });
});

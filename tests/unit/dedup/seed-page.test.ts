import { describe, expect, it } from "vitest";

import { compare } from "../../../lib/dedup/compare";
import { parseInput } from "../../../lib/ingest/index";
import { fixtureBytes, opts } from "../ingest/helpers";
import { ingestAll } from "./helpers";

describe("the seed page", () => {
  const { articles } = parseInput(fixtureBytes("seed-aggregator.txt"), opts("seed-aggregator.txt"));

  it("gives exactly one link: the two Interpol copies, exact", () => {
    expect(articles).toHaveLength(4);
    const links: [number, number, string][] = [];
    for (let i = 0; i < articles.length; i++) {
      for (let j = 0; j < articles.length; j++) {
        if (i === j) continue;
        const m = compare(articles[i]?.bodyText ?? "", articles[j]?.bodyText ?? "");
        if (m) links.push([i, j, m.kind]);
      }
    }
    expect(links).toEqual([
      [0, 2, "exact"],
      [2, 0, "exact"],
    ]);
    expect(articles[0]?.headline).toMatch(/Interpol says$/);
    expect(articles[2]?.headline).toBe(articles[0]?.headline);
  });

  it("gives the same one link when headlines, sources and times are compared too, as the store does since 011", () => {
    const info = (a: (typeof articles)[number]) => ({ headline: a.headline, source: a.sourceName ?? null, time: a.versionCreated ?? a.firstCreated ?? null });
    const links: [number, number, string][] = [];
    articles.forEach((x, i) =>
      articles.forEach((y, j) => {
        const m = i === j ? null : compare(x.bodyText, y.bodyText, { a: info(x), b: info(y) });
        if (m) links.push([i, j, m.kind]);
      }),
    );
    expect(links).toEqual([
      [0, 2, "exact"],
      [2, 0, "exact"],
    ]);
  });

  it("gives the same one link through the index, as the store finds it", () => {
    const { links } = ingestAll(articles.map((a) => ({ ...a, file: "seed-aggregator.txt" })));
    expect(links.map((l) => [l.newer.sourceName, l.older.sourceName, l.match.kind, l.match.score])).toEqual([
      ["Express Tribune", "seed-aggregator", "exact", 1],
    ]);
  });
});

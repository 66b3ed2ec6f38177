import { describe, expect, it } from "vitest";

import { REGIONS, regionsFor, suggestTags } from "../../../lib/tagging/index";

const codes = (list: { code: string }[]) => list.map((r) => r.code);

describe("regionsFor", () => {
  it("derives continents and subregions from the countries", () => {
    expect(codes(regionsFor(["ES"]))).toEqual(["region:europe", "region:southern-europe", "region:european-union"]);
    expect(codes(regionsFor(["UA"]))).toEqual(["region:europe", "region:eastern-europe"]);
    expect(codes(regionsFor(["PL"]))).toEqual(["region:europe", "region:eastern-europe", "region:european-union"]);
    expect(codes(regionsFor(["GB"]))).toEqual(["region:europe", "region:northern-europe"]);
    expect(codes(regionsFor(["US"]))).toEqual(["region:americas", "region:north-america"]);
    expect(codes(regionsFor(["KE"]))).toEqual(["region:africa", "region:sub-saharan-africa"]);
    expect(codes(regionsFor(["JP"]))).toEqual(["region:asia", "region:east-asia"]);
    expect(codes(regionsFor(["AU"]))).toEqual(["region:oceania"]);
  });

  it("knows Latin America and the Middle East", () => {
    expect(codes(regionsFor(["MX"]))).toEqual(["region:americas", "region:north-america", "region:latin-america"]);
    expect(codes(regionsFor(["BR"]))).toContain("region:latin-america");
    expect(codes(regionsFor(["CU"]))).toEqual(expect.arrayContaining(["region:caribbean", "region:latin-america"]));
    expect(codes(regionsFor(["GY"]))).not.toContain("region:latin-america");
    expect(codes(regionsFor(["JO"]))).toEqual(["region:asia", "region:middle-east"]);
    expect(codes(regionsFor(["EG"]))).toEqual(["region:africa", "region:north-africa", "region:middle-east"]);
  });

  it("lists each region once, in the order of the countries, with a name", () => {
    const r = regionsFor(["ES", "FR", "AR", "ES"]);
    expect(codes(r)).toEqual([
      "region:europe",
      "region:southern-europe",
      "region:european-union",
      "region:western-europe",
      "region:americas",
      "region:latin-america",
    ]);
    for (const x of r) expect(x.name).toBe(REGIONS[x.code]);
    expect(regionsFor(["XX", "es"]).length).toBe(3);
  });

  it("comes with the places of a story", () => {
    const { places, regions } = suggestTags({ headline: "Raid in Madrid", bodyText: "Spanish police raided a flat in Madrid." });
    expect(codes(places)).toEqual(["ES"]);
    expect(codes(regions)).toContain("region:southern-europe");
  });
});

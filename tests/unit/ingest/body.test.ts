import { describe, expect, it } from "vitest";

import { extractBodyParts, matchDateline, pureCreditLine, splitCaptionCredit } from "../../../lib/ingest/body";
import { isEndFurnitureLine, isFurnitureLine, splitAtInlineFurniture } from "../../../lib/ingest/furniture";

describe("matchDateline", () => {
  it.each([
    ["DRUZHKIVKA: Sipping a coffee", "DRUZHKIVKA", undefined, "Sipping a coffee"],
    ["MADRID (Reuters) - Tens of thousands", "MADRID", "Reuters", "Tens of thousands"],
    ["LONDON, March 3 (AFP) — A planning inspector", "LONDON", "AFP", "A planning inspector"],
    ["NAIROBI, Kenya (AP) — Rains", "NAIROBI, Kenya", "AP", "Rains"],
    ["PARIS, Texas — A former city official", "PARIS, Texas", undefined, "A former city official"],
    ["ATLANTA, Ga., Nov. 3 (Meridian) — Voters", "ATLANTA, Ga.", "Meridian", "Voters"],
    ["KYIV, Nov 14 (Meridian) — Sirens", "KYIV", "Meridian", "Sirens"],
    ["WASHINGTON/LONDON (Reuters) - Officials", "WASHINGTON/LONDON", "Reuters", "Officials"],
    ["RIO DE JANEIRO: Police", "RIO DE JANEIRO", undefined, "Police"],
    ["SÃO PAULO — Prices", "SÃO PAULO", undefined, "Prices"],
    ["KYIV—Air raid sirens", "KYIV", undefined, "Air raid sirens"],
    ["LEÓN, 3 dic. (EFE).- El alcalde", "LEÓN", "EFE", "El alcalde"],
    ["LEÓN (México), 3 dic. (EFE).- El alcalde", "LEÓN, México", "EFE", "El alcalde"],
    ["Madrid, 3 dic (EFE).- El Gobierno", "Madrid", "EFE", "El Gobierno"],
    ["Santa Cruz de Tenerife, 3 dic (EFE).- El Cabildo", "Santa Cruz de Tenerife", "EFE", "El Cabildo"],
    ["MÉRIDA, 3 dic. (EFE) – La Junta", "MÉRIDA", "EFE", "La Junta"],
    ["МОСКВА, 5 декабря. /ТАСС/. Банк России", "МОСКВА", "ТАСС", "Банк России"],
    ["МОСКВА, 5 дек — РИА Новости. Банк России", "МОСКВА", "РИА Новости", "Банк России"],
    ["БЕЛГОРОД, 5 декабря. В Белгороде", "БЕЛГОРОД", undefined, "В Белгороде"],
    ["Київ, 3 грудня. Президент України", "Київ", undefined, "Президент України"],
  ])("%s", (text, place, wire, rest) => {
    const d = matchDateline(text);
    expect(d?.place).toBe(place);
    expect(d?.wire).toBe(wire);
    expect(d?.rest).toBe(rest);
  });

  it.each([
    "A coordinated international crackdown led by Spanish police",
    "BREAKING: Parliament dissolved",
    "EXCLUSIVE: Documents show",
    "UN: Aid convoys blocked",
    "The MADRID office said: nothing",
    "Sipping a coffee under the blazing sun",
    "NATO's chief said on Monday",
    "Madrid, the capital, said - nothing",
    "Madrid (EFE) said - nothing",
    "U.S.-backed forces advanced",
    "Paris, the capital. The government said",
    "Moscow, 5 sheep. Who said",
    "Tuesday, 5 March. The government said",
  ])("no dateline in %j", (text) => {
    expect(matchDateline(text)).toBeUndefined();
  });
});

describe("the place of a dateline as written", () => {
  it.each([
    ["LEÓN (México), 3 dic. (EFE).- El alcalde", "LEÓN (México)"],
    ["PARIS, Texas — A former city official", "PARIS, Texas"],
    ["ATLANTA, Ga., Nov. 3 (Meridian) — Voters", "ATLANTA, Ga."],
    ["LONDON, March 3 (AFP) — A planning inspector", "LONDON"],
    ["MADRID (Reuters) - Tens of thousands", "MADRID"],
  ])("%s", (text, placeText) => {
    expect(matchDateline(text)?.placeText).toBe(placeText);
  });
});

describe("photo captions and credits", () => {
  it("splits caption, credit and story in one line, cut at inline furniture", () => {
    const parts = extractBodyParts([
      "Crowds gather in the square on June 8, 2025. PHOTO: DW Listen to article Crowds gathered on Sunday. More followed.",
    ]);
    expect(parts.caption).toBe("Crowds gather in the square on June 8, 2025.");
    expect(parts.credit).toBe("DW");
    expect(parts.bodyText).toBe("Crowds gathered on Sunday. More followed.");
  });

  it("finds where a credit ends when the story follows straight on", () => {
    const parts = extractBodyParts(["A man walks past a mural. PHOTO: REUTERS/Jane Doe Kenyan police said on Monday they had arrested two men."]);
    expect(parts.caption).toBe("A man walks past a mural.");
    expect(parts.credit).toBe("REUTERS/Jane Doe");
    expect(parts.bodyText).toBe("Kenyan police said on Monday they had arrested two men.");
  });

  it("takes a caption line followed by a credit line in a multi-line body", () => {
    const parts = extractBodyParts(["Farmers plant seedlings near Machakos.", "Photo: AFP", "Farmers are switching crops.", "Officials agree."]);
    expect(parts).toMatchObject({ caption: "Farmers plant seedlings near Machakos.", credit: "AFP" });
    expect(parts.bodyText).toBe("Farmers are switching crops.\n\nOfficials agree.");
  });

  it("takes a FILE PHOTO caption with a trailing Reuters-style credit", () => {
    const split = splitCaptionCredit("FILE PHOTO: Cranes stand idle at the port. REUTERS/Maria Lindqvist/File Photo", false);
    expect(split).toEqual({ caption: "Cranes stand idle at the port.", credit: "REUTERS/Maria Lindqvist/File Photo", rest: "" });
  });

  it("recognises credit-only lines", () => {
    expect(pureCreditLine("PHOTO: REUTERS/Jane Doe")).toBe("REUTERS/Jane Doe");
    expect(pureCreditLine("Image: Getty Images")).toBe("Getty Images");
    expect(pureCreditLine("Photograph: AP Photo/John Roe")).toBe("AP Photo/John Roe");
    expect(pureCreditLine("The photo: a blurred shape")).toBeUndefined();
  });

  it("drops a credit line further down a body and keeps the story", () => {
    const parts = extractBodyParts(["First paragraph of the story.", "Second paragraph.", "PHOTO: EPA-EFE/Ana Lopez", "Third paragraph."]);
    expect(parts.credit).toBe("EPA-EFE/Ana Lopez");
    expect(parts.bodyText).toBe("First paragraph of the story.\n\nSecond paragraph.\n\nThird paragraph.");
  });

  it.each([
    "The minister held up a photo: it showed the damaged bridge.",
    "Photo: the ministry released pictures of the damaged bridge on Monday afternoon.",
    "Officials said the image was fake. Image: it was generated by software, they said, and spread widely.",
    "People take part in a demonstration in Madrid on Sunday.",
  ])("leaves a normal sentence alone: %j", (text) => {
    const parts = extractBodyParts([text]);
    expect(parts.caption).toBeUndefined();
    expect(parts.credit).toBeUndefined();
    expect(parts.bodyText).toBe(text);
  });
});

describe("bylines and datelines in bodies", () => {
  it("takes a byline line, then the dateline with its wire credit", () => {
    const parts = extractBodyParts(["By Amara Okafor", "NAIROBI (Reuters) - Kenya opened shelters.", "More text."]);
    expect(parts).toMatchObject({ byline: "Amara Okafor", dateline: "NAIROBI", credit: "Reuters" });
    expect(parts.bodyText).toBe("Kenya opened shelters.\n\nMore text.");
  });

  it("takes an inline byline only before a dateline", () => {
    const parts = extractBodyParts(["By Jane Doe LAGOS (Reuters) - Fuel prices rose."]);
    expect(parts).toMatchObject({ byline: "Jane Doe", dateline: "LAGOS", bodyText: "Fuel prices rose." });
    const plain = extractBodyParts(["By Monday the talks had collapsed, officials said."]);
    expect(plain.byline).toBeUndefined();
    expect(plain.bodyText).toBe("By Monday the talks had collapsed, officials said.");
  });

  it("keeps a photo credit over the wire credit of the dateline", () => {
    const parts = extractBodyParts(["Boats on the shore. PHOTO: DW", "LAMU (Reuters) - Storm hits."]);
    expect(parts).toMatchObject({ credit: "DW", caption: "Boats on the shore.", dateline: "LAMU", bodyText: "Storm hits." });
  });

  it("drops a bare date line above the story", () => {
    expect(extractBodyParts(["20 May 2025", "Story starts here."]).bodyText).toBe("Story starts here.");
  });
});

describe("furniture", () => {
  it.each([
    "Listen to article",
    "Listen to this article (4 min)",
    "Try Our AI Features",
    "Explore what Some Site AI can do for you:",
    "Comments",
    "12 Comments",
    "No comments yet...",
    "Related Articles",
    "Related Stories",
    "Share this article",
    "Advertisement",
    "Read more: Another headline here",
    "Subscribe to our newsletter",
    "Follow us on Instagram",
    "You may also like",
    "5 min read",
  ])("%j is furniture", (line) => {
    expect(isFurnitureLine(line)).toBe(true);
  });

  it.each([
    "Comments from the minister angered unions",
    "Related parties met on Monday",
    "Advertisement revenue fell 4%",
    "Readers share their stories",
    "Express Tribune",
  ])("%j is not furniture", (line) => {
    expect(isFurnitureLine(line)).toBe(false);
  });

  it("tells the furniture that ends a story from skippable furniture", () => {
    expect(isEndFurnitureLine("Related Articles")).toBe(true);
    expect(isEndFurnitureLine("No comments yet...")).toBe(true);
    expect(isEndFurnitureLine("Listen to article")).toBe(false);
    expect(isEndFurnitureLine("Advertisement")).toBe(false);
  });

  it("cuts inline furniture out of a single line", () => {
    expect(splitAtInlineFurniture("Listen to article A coordinated crackdown.")).toEqual(["A coordinated crackdown."]);
    expect(splitAtInlineFurniture("One sentence. Advertisement Another sentence.")).toEqual(["One sentence.", "Another sentence."]);
    expect(splitAtInlineFurniture("The Advertisement Standards Authority ruled.")).toEqual(["The Advertisement Standards Authority ruled."]);
  });
});

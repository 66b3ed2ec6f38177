// Each article's language, settled at ingest (its label checked against its
// text), shown on the queue's rows and filtered on, by article and by story.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes, rss } from "../support/feeds";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { findArticles } from "../../lib/server/articles/find-articles";
import { articleFacets } from "../../lib/server/articles/article-facets";
import { exportArticles } from "../../lib/server/export/export-articles";
import { viewer } from "../support/actors";
import { settleLanguages } from "../../lib/server/ingest/settle-languages";
import { rescoreArticles } from "../../lib/server/tags/rescore";

const ingestTime = new Date("2026-12-03T12:00:00Z");
const opts = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime };

const items = [
  {
    guid: "en-rally",
    title: "Thousands rally in Madrid against the amnesty law",
    body: "Tens of thousands of people marched through central Madrid on Sunday against the government's amnesty law, police said.",
  },
  {
    guid: "es-rally",
    title: "Miles de personas se manifiestan en Madrid contra la ley de amnistía",
    body: "Decenas de miles de personas recorrieron el domingo el centro de Madrid contra la ley de amnistía del Gobierno, según la policía.",
  },
  {
    guid: "uk-strike",
    title: "У Києві пролунали вибухи під час ранкової атаки",
    body: "Київ, 3 грудня. Сили протиповітряної оборони відбивали атаку на столицю, повідомила міська військова адміністрація.",
  },
  {
    guid: "es-detained",
    title: "Detenidos tres jóvenes por robar en comercios de Sevilla",
    body: "La Policía Nacional ha detenido en Sevilla a tres jóvenes acusados de robar en varios comercios del centro de la ciudad.",
  },
];

describe.each(storeKinds())("languages on %s", (kind) => {
  let store: TestStore;
  const id: Record<string, number> = {};
  beforeAll(async () => {
    store = await openStore(kind);
    // The feed labels every item English (<language>en</language>): the text overrules it where it plainly disagrees.
    const r = await runIngest(store.db, [{ name: "wire.xml", read: async () => bytes(rss("Wire", items)) }], opts);
    expect(r.totals.new).toBe(4);
    for (const a of await store.db.article.findMany({ select: { id: true, uri: true } })) id[a.uri] = a.id;
    // The Spanish copy of the rally story joined to the English one (as the cross-language rule will join them).
    const db = store.db;
    const story = await db.story.create({
      data: { firstId: id["en-rally"]!, leadId: id["en-rally"]!, copies: 2, sources: 1, firstSeenAt: ingestTime, lastUpdatedAt: ingestTime },
    });
    await db.article.update({ where: { id: id["en-rally"]! }, data: { storyId: story.id, storyLead: true } });
    await db.article.update({ where: { id: id["es-rally"]! }, data: { storyId: story.id, storyLead: false } });
  });
  afterAll(async () => {
    await store?.drop();
  });

  const rows = async (params: Parameters<typeof findArticles>[1]) => {
    const page = await findArticles(store.db, { status: "all", ...params }, viewer);
    return page.items.map((a) => ({ uri: a.uri, language: a.language, languages: a.languages }));
  };

  it("stores each item's language: the feed's label where the text agrees, the text's where it plainly does not", async () => {
    const stored = await store.db.article.findMany({ select: { uri: true, language: true }, orderBy: { id: "asc" } });
    expect(stored).toEqual([
      { uri: "en-rally", language: "en" },
      { uri: "es-rally", language: "es" },
      { uri: "uk-strike", language: "uk" },
      { uri: "es-detained", language: "es" },
    ]);
  });

  it("shows each row's language, and a story's row the languages of all its copies", async () => {
    expect(await rows({ view: "articles" })).toEqual([
      { uri: "es-detained", language: "es", languages: ["es"] },
      { uri: "uk-strike", language: "uk", languages: ["uk"] },
      { uri: "es-rally", language: "es", languages: ["en", "es"] },
      { uri: "en-rally", language: "en", languages: ["en", "es"] },
    ]);
    expect(await rows({})).toEqual([
      { uri: "es-detained", language: "es", languages: ["es"] },
      { uri: "uk-strike", language: "uk", languages: ["uk"] },
      { uri: "en-rally", language: "en", languages: ["en", "es"] },
    ]);
  });

  it("filters stories by the languages of their copies, and finds those with no English copy yet", async () => {
    // The rally story has a Spanish copy, though its lead is English.
    expect((await rows({ language: "es" })).map((r) => r.uri)).toEqual(["es-detained", "en-rally"]);
    expect((await rows({ language: "uk,ru" })).map((r) => r.uri)).toEqual(["uk-strike"]);
    expect((await rows({ language: "-en" })).map((r) => r.uri)).toEqual(["es-detained", "uk-strike"]);
    expect((await rows({ language: "es,-en" })).map((r) => r.uri)).toEqual(["es-detained"]);
    expect((await rows({ language: "fr" })).map((r) => r.uri)).toEqual([]);
  });

  it("filters articles by their own language", async () => {
    expect((await rows({ view: "articles", language: "es" })).map((r) => r.uri)).toEqual(["es-detained", "es-rally"]);
    expect((await rows({ view: "articles", language: "-en" })).map((r) => r.uri)).toEqual(["es-detained", "uk-strike", "es-rally"]);
  });

  it("counts what the language filter shows, and an unknown language as in none", async () => {
    await store.db.article.create({ data: { uri: "unknown", headline: "12 3", bodyText: "4 5 6", contentHash: "unknown", ingestedAt: ingestTime } });
    const facets = await articleFacets(store.db, { status: "all", language: "-en" }, viewer);
    expect(facets.total).toBe(3);
    expect(facets.status.find((s) => s.value === "new")?.count).toBe(3);
    expect((await rows({ language: "-en" })).map((r) => r.uri)).toEqual(["unknown", "es-detained", "uk-strike"]);
    expect((await rows({ language: "en" })).map((r) => r.uri)).toEqual(["en-rally"]);
    await store.db.article.delete({ where: { uri: "unknown" } });
  });

  it("exports the language in ninjs and filters the export by it", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    await exportArticles(store.db, "ndjson", out, viewer, { language: "uk" });
    const docs = Buffer.concat(chunks).toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { uri: string; language?: string });
    expect(docs.map((d) => [d.uri, d.language])).toEqual([["uk-strike", "uk"]]);
  });

  it("settles the language of articles stored before ingest did, leaving versions alone", async () => {
    const db = store.db;
    const old = [
      { uri: "old-label", headline: "Police arrest three over Madrid shop robberies", bodyText: "Police arrested three people in Madrid on Tuesday.", language: "en-GB" },
      { uri: "old-wrong", headline: "Detenidos tres jóvenes por robar en Sevilla", bodyText: "La Policía Nacional ha detenido en Sevilla a tres jóvenes.", language: "en" },
      { uri: "old-none", headline: "У Києві пролунали вибухи", bodyText: "Сили протиповітряної оборони відбивали атаку на столицю.", language: null },
    ];
    for (const o of old) await db.article.create({ data: { ...o, contentHash: o.uri, ingestedAt: ingestTime } });
    const r = await settleLanguages(db);
    expect(r).toEqual({ articles: 7, changed: 3 });
    const after = await db.article.findMany({ where: { uri: { startsWith: "old-" } }, select: { uri: true, language: true, version: true }, orderBy: { id: "asc" } });
    expect(after).toEqual([
      { uri: "old-label", language: "en", version: 1 },
      { uri: "old-wrong", language: "es", version: 1 },
      { uri: "old-none", language: "uk", version: 1 },
    ]);
    // Run again, nothing is left to change.
    expect((await settleLanguages(db)).changed).toBe(0);
    await db.article.deleteMany({ where: { uri: { startsWith: "old-" } } });
  });

  it("searches across languages: inflected forms, a place's names in other scripts, accents and apostrophes folded", async () => {
    const db = store.db;
    const extra = [
      { uri: "s-kyiv", headline: "Explosions heard in Kyiv during morning attack", bodyText: "Air defences were active over the capital." },
      { uri: "s-kiev-ru", headline: "В Киеве прогремели взрывы", bodyText: "Силы ПВО отражали атаку на столицу." },
      { uri: "s-detenido", headline: "Un joven detenido en Málaga", bodyText: "La policía arrestó a un joven de 19 años." },
      { uri: "s-assemblee", headline: "Le vote de l’Assemblée nationale", bodyText: "Les députés ont adopté le texte." },
    ];
    for (const e of extra) await db.article.create({ data: { ...e, contentHash: e.uri, ingestedAt: ingestTime } });
    const found = async (q: string) => (await rows({ view: "articles", q })).map((r) => r.uri).sort();
    // "detenidos" finds "detenido" and "Detenidos"; "detenido" finds both too.
    expect(await found("detenidos")).toEqual(["es-detained", "s-detenido"]);
    expect(await found("detenido")).toEqual(["es-detained", "s-detenido"]);
    // The page says what to mark: the word, and the forms it stood for.
    const page = await findArticles(store.db, { q: "detenidos", status: "all" }, viewer);
    expect(page.highlight).toEqual(expect.arrayContaining(["detenidos", "deten"]));
    expect((await findArticles(store.db, { status: "all" }, viewer)).highlight).toBeUndefined();
    // One place, four spellings in two scripts: any of them finds all.
    const kyiv = ["s-kiev-ru", "s-kyiv", "uk-strike"];
    expect(await found("Kyiv")).toEqual(kyiv);
    expect(await found("Київ")).toEqual(kyiv);
    expect(await found("Киев")).toEqual(kyiv);
    // Accents and apostrophes fold: "Malaga" finds "Málaga", "l'Assemblee" finds "l’Assemblée".
    expect(await found("Malaga")).toEqual(["s-detenido"]);
    expect(await found("l'Assemblee")).toEqual(["s-assemblee"]);
    expect(await found("assemblée nationale")).toEqual(["s-assemblee"]);
    await db.article.deleteMany({ where: { uri: { startsWith: "s-" } } });
  });

  it("refuses a language filter that names no language code, saying which value", async () => {
    await expect(findArticles(store.db, { language: "Spanish" }, viewer)).rejects.toThrow(/Spanish\W{1,4} is not a language code/);
  });
});

describe.each(storeKinds())("tags for copy in another language on %s", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
  });
  afterAll(async () => {
    await store?.drop();
  });

  const french = (guid: string) => ({
    guid,
    title: "Nécrologie : décès de la chanteuse du groupe The Cranberries",
    body: "La chanteuse irlandaise est morte lundi à Londres, où elle se trouvait pour une courte session d'enregistrement de son nouvel album. Il y a eu un hommage de ses fans dans le monde entier.",
  });

  it.each([
    ["the bulk path", "bulk", { bulk: true }],
    // Two inputs: the engines' worker thread parses and tags them, and must be told each item's language.
    ["the bulk path with the engines' worker thread", "threads", { bulk: true, engineThreads: 1 }],
    ["the per-item path", "item", { bulk: false }],
  ])("reads French copy by French words on %s: its topic from its own words, its places by their French names", async (_, name, how) => {
    const guid = `fr-${name}`;
    // Labelled English by the feed, as many are: the text settles it as French, and the tagger reads it so.
    const input = (g: string) => ({ name: `${g}.xml`, read: async () => bytes(rss("Wire", [french(g)])) });
    const inputs = "engineThreads" in how ? [input(guid), input(`${guid}-2`)] : [input(guid)];
    const r = await runIngest(store.db, inputs, { ...opts, ...how });
    expect(r.totals.new).toBe(inputs.length);
    const a = await store.db.article.findFirstOrThrow({ where: { uri: guid }, include: { tags: { include: { tag: true } } } });
    expect(a.language).toBe("fr");
    const topics = a.tags.filter((t) => t.tag.scheme === "medtop").sort((x, y) => y.confidence - x.confidence);
    expect(topics[0]?.tag.code).toBe("medtop:01000000");
    const evidence = topics.flatMap((t) => (JSON.parse(t.evidence ?? "[]") as { text: string }[]).map((e) => e.text.toLowerCase()));
    expect(evidence).toContain("chanteuse");
    for (const w of ["un", "eu", "dans"]) expect(evidence).not.toContain(w);
    expect(topics.some((t) => t.tag.code === "medtop:11000000")).toBe(false);
    const places = a.tags.filter((t) => t.tag.scheme === "iso3166").map((t) => t.tag.code);
    expect(places).toEqual(expect.arrayContaining(["GB", "IE"]));
  });

  it.each([
    ["the bulk path", "bulk", { bulk: true }],
    ["the bulk path with the engines' worker thread", "threads", { bulk: true, engineThreads: 1 }],
    ["the per-item path", "item", { bulk: false }],
  ])("reads a Spanish agency's bare dateline at home on %s, and rescoring reads it the same", async (_, name, how) => {
    // León's bigger namesake is Nicaragua's: only the credit (EFE qualifies a dateline abroad) says Spain.
    const efe = (g: string) => ({
      guid: g,
      title: "El Ayuntamiento presenta el nuevo plan de movilidad",
      body: "LEÓN, 3 dic. (EFE).- El alcalde ha presentado este miércoles el nuevo plan de movilidad urbana, que entrará en vigor en enero.",
    });
    const guid = `efe-${name}`;
    const input = (g: string) => ({ name: `${g}.xml`, read: async () => bytes(rss("Agencia", [efe(g)])) });
    const inputs = "engineThreads" in how ? [input(guid), input(`${guid}-2`)] : [input(guid)];
    await runIngest(store.db, inputs, { ...opts, ...how });
    const mainPlace = async () => {
      const a = await store.db.article.findFirstOrThrow({ where: { uri: guid }, include: { tags: { include: { tag: true } } } });
      return { dateline: a.dateline, credit: a.credit, main: a.tags.find((t) => t.tag.scheme === "iso3166" && t.rel === "main")?.tag.code };
    };
    expect(await mainPlace()).toEqual({ dateline: "LEÓN", credit: "EFE", main: "ES" });
    const a = await store.db.article.findFirstOrThrow({ where: { uri: guid } });
    await store.db.articleTag.deleteMany({ where: { articleId: a.id, origin: "machine" } });
    await rescoreArticles(store.db, { language: { wanted: ["es"], unwanted: [] } });
    expect((await mainPlace()).main).toBe("ES");
  });

  it("suggests again for the copy of the languages asked for only: -en is copy known not to be English", async () => {
    const english = { guid: "en-obit", title: "Singer of The Cranberries dies in London", body: "The Irish singer died on Monday in London, where she was recording, her agent said." };
    await runIngest(store.db, [{ name: "en-obit.xml", read: async () => bytes(rss("Wire", [english, french("fr-again")])) }], opts);
    const ids = Object.fromEntries((await store.db.article.findMany({ where: { uri: { in: ["en-obit", "fr-again"] } } })).map((a) => [a.uri, a.id]));
    // As a store tagged before the tagger read the language: no machine suggestions left on either.
    await store.db.articleTag.deleteMany({ where: { articleId: { in: Object.values(ids) }, origin: "machine" } });
    await rescoreArticles(store.db, { language: { wanted: [], unwanted: ["en"] } });
    const count = (id: number) => store.db.articleTag.count({ where: { articleId: id, origin: "machine" } });
    expect(await count(ids["fr-again"]!)).toBeGreaterThan(0);
    expect(await count(ids["en-obit"]!)).toBe(0);
    await rescoreArticles(store.db, { language: { wanted: ["en"], unwanted: [] } });
    expect(await count(ids["en-obit"]!)).toBeGreaterThan(0);
  });
});


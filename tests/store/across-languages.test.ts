// The same story across languages in the store: after an ingest run, a
// Spanish copy of the seed's English rally story joins that story as
// "translation", whichever path stored it; another Spanish rally story does
// not; an editor's "not the same story" stands.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { runIngest, type IngestInput } from "../../lib/server/ingest/run-ingest";
import { findArticles } from "../../lib/server/articles/find-articles";
import { linkAcrossLanguages } from "../../lib/server/stories/across-languages";
import { viewer } from "../support/actors";

const fixture = (p: string) => path.join(import.meta.dirname, "../fixtures", p);
const input = (p: string, name = path.basename(p)): IngestInput => ({ name, read: async () => readFileSync(fixture(p)) });
// The run's clock is the wall clock's current hour, not a fixed day: a copy with
// no date of its own is placed by when it was stored (the wall clock), and
// the rule joins copies at most two days apart. A fixed day made the test
// fail two days after it was written.
const T = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const opts = (hours: number, source: string, bulk: boolean) =>
  ({ origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: new Date(T.getTime() + hours * 3_600_000), defaultSource: source, bulk });

// The seed's English rally story's body, and the Spanish agency's copy of it (headline, body), as ninjs items take them.
const rallyEn = () => readFileSync(fixture("pages/seed-aggregator.txt"), "utf8").split("\n").find((l) => l.startsWith("People take part in a demonstration"))!;
const rallyEs = () => {
  const [headline, ...body] = readFileSync(fixture("languages/rally-es.txt"), "utf8").split("\n");
  return { headline: headline!, body: body.join("\n") };
};
const ndjson = (items: object[]): IngestInput => ({ name: "x.ndjson", read: async () => Buffer.from(items.map((i) => JSON.stringify(i)).join("\n")) });

describe.each(storeKinds().flatMap((kind) => [[kind, true] as const, [kind, false] as const]))("the same story across languages on %s (bulk path: %s)", (kind, bulk) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
    await runIngest(store.db, [input("pages/seed-aggregator.txt")], opts(0, "Daily8", bulk));
  });
  afterAll(async () => {
    await store?.drop();
  });

  const byUri = async (like: string) => store.db.article.findFirstOrThrow({ where: { headline: { contains: like } }, select: { id: true, storyId: true, storyKind: true, storyReason: true } });

  it("joins a Spanish copy of the rally story to the English story, as a copy in another language", async () => {
    const r = await runIngest(store.db, [input("languages/rally-es.txt")], opts(1, "Agencia Sur", bulk));
    expect(r.totals.new).toBe(1);
    expect(r.totals.duplicates).toBe(1);
    const en = await byUri("rally in Spain");
    const es = await byUri("piden en Madrid");
    expect(es.storyId).not.toBeNull();
    expect(es.storyId).toBe(en.storyId);
    expect(es.storyKind).toBe("translation");
    expect(es.storyReason).toMatch(/^same story in Spanish as the English copy: \d+ names in common; the figures 100,000, 50,000, 45,000, 46 \(against Express Tribune's copy\)$/);
    const link = await store.db.duplicateLink.findFirstOrThrow({ where: { articleId: es.id, otherId: en.id } });
    expect(link).toMatchObject({ kind: "translation", state: "suggested" });
    expect(JSON.parse(link.evidence!).figures).toEqual(expect.arrayContaining(["100000", "45000", "50000"]));

    // The queue: one row for the story, in both languages.
    const page = await findArticles(store.db, { q: "Sanchez", status: "all" }, viewer);
    const row = page.items.find((i) => i.storyId === en.storyId)!;
    expect(row.languages).toEqual(["en", "es"]);
    expect(row.copies).toBe(2);
  });

  it("leaves another rally story alone: the same politicians, other figures", async () => {
    const r = await runIngest(store.db, [input("languages/rally-es-other-day.txt")], opts(2, "Agencia Sur", bulk));
    expect(r.totals).toMatchObject({ new: 1, duplicates: 0 });
    expect((await byUri("vuelve a llenar Madrid")).storyId).toBeNull();
  });

  it("does nothing again on a run that repeats the copy, and keeps an editor's dismissal", async () => {
    const link = await store.db.duplicateLink.findFirstOrThrow({ where: { kind: "translation" } });
    await store.db.duplicateLink.update({ where: { id: link.id }, data: { state: "dismissed" } });
    const again = await runIngest(store.db, [input("languages/rally-es.txt", "rally-es-again.txt")], opts(3, "Agencia Sur", bulk));
    expect(again.totals.duplicates).toBe(0);
    expect(await store.db.duplicateLink.count({ where: { kind: "translation" } })).toBe(1);
    expect((await store.db.duplicateLink.findUniqueOrThrow({ where: { id: link.id } })).state).toBe("dismissed");
  });
});

describe.each(storeKinds())("two stories, one in each language, become one on %s", (kind) => {
  let store: TestStore;
  afterAll(async () => {
    await store?.drop();
  });

  it("merges a Spanish story of two copies into the English story of two copies", async () => {
    store = await openStore(kind);
    const rally = rallyEn();
    // Another masthead's copy of each, lightly edited: a copy of the story in its own language.
    const edited = (t: string) => t.replace(" gathered ", " massed ").replace(" declared:", " said:").replace(" se concentraron ", " se reunieron ").replace(" acusó ", " criticó ");
    await runIngest(store.db, [input("pages/seed-aggregator.txt"), ndjson([{ uri: "en-2", headline: "Spain rally against Sanchez draws tens of thousands", body_text: edited(rally), infosources: [{ name: "Harbour Post" }] }])], opts(0, "Daily8", true));
    const es = rallyEs();
    const r = await runIngest(
      store.db,
      [ndjson([
        { uri: "es-1", headline: es.headline, body_text: es.body, infosources: [{ name: "Agencia Sur" }] },
        { uri: "es-2", headline: es.headline, body_text: edited(es.body), infosources: [{ name: "Agencia Norte" }] },
      ])],
      opts(1, "Agencia Sur", true),
    );
    expect(r.totals.new).toBe(2);
    const rows = await store.db.article.findMany({ where: { OR: [{ uri: { in: ["en-2", "es-1", "es-2"] } }, { headline: { contains: "rally in Spain" } }] }, select: { uri: true, storyId: true, language: true } });
    expect(rows).toHaveLength(4);
    // One story, both languages, its four copies.
    expect(new Set(rows.map((x) => x.storyId)).size).toBe(1);
    expect(rows[0]!.storyId).not.toBeNull();
    expect(new Set(rows.map((x) => x.language))).toEqual(new Set(["en", "es"]));
    const story = await store.db.story.findUniqueOrThrow({ where: { id: rows[0]!.storyId! } });
    expect(story.copies).toBe(4);
    // The Spanish story's row is gone, not left empty.
    const storyIds = new Set((await store.db.article.findMany({ where: { storyId: { not: null } }, select: { storyId: true } })).map((x) => x.storyId));
    expect(await store.db.story.count()).toBe(storyIds.size);
    expect(await store.db.article.count({ where: { storyId: story.id } })).toBe(4);
  });
});

describe.each(storeKinds())("copies published together, stored days apart, on %s", (kind) => {
  let store: TestStore;
  afterAll(async () => {
    await store?.drop();
  });

  it("links an English copy delivered days late with a backlog to the Spanish copy published beside it", async () => {
    store = await openStore(kind);
    const es = rallyEs();
    const day = (d: number, h = 0) => new Date(T.getTime() + d * 86_400_000 + h * 3_600_000);
    const at = (d: Date) => ({ firstcreated: d.toISOString(), versioncreated: d.toISOString() });
    const run = (d: Date) => ({ origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: d, bulk: true });
    // The Spanish agency's copy, stored as it was published.
    await runIngest(store.db, [ndjson([{ uri: "es-1", headline: es.headline, body_text: es.body, ...at(day(-10)), infosources: [{ name: "Agencia Sur" }] }])], run(day(-10)));
    // Stored ten days ago (a store keeps the wall clock's time of arrival).
    await store.db.article.update({ where: { uri: "es-1" }, data: { ingestedAt: day(-10) } });
    // The wire's English copy of the next hour, stored three days later: what is compared is when each was published.
    const late = await runIngest(
      store.db,
      [ndjson([{ uri: "en-late", headline: "Tens of thousands rally in Spain against Sanchez", body_text: rallyEn(), ...at(day(-10, 1)), infosources: [{ name: "Wire" }] }])],
      run(day(-7)),
    );
    expect(late.totals).toMatchObject({ new: 1, duplicates: 1 });
    const [en, sp] = await Promise.all(["en-late", "es-1"].map((uri) => store.db.article.findUniqueOrThrow({ where: { uri }, select: { id: true, storyId: true } })));
    expect(await store.db.duplicateLink.findFirst({ where: { articleId: en!.id, otherId: sp!.id, kind: "translation" } })).not.toBeNull();
    expect(en!.storyId).not.toBeNull();
    expect(en!.storyId).toBe(sp!.storyId);
  });

  it("asks for names the other language's copy of those days does not carry everywhere: a week of the same politicians is no story", async () => {
    const own = await openStore(kind);
    try {
      const at = (h: number) => new Date(T.getTime() + h * 3_600_000).toISOString();
      const run = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: T, bulk: true };
      const leaders = "Pedro Sánchez, Alberto Núñez Feijóo, Yolanda Díaz y Santiago Abascal";
      const bodies = [
        "El pleno aprobó la ley de vivienda ante los 350 diputados tras una sesión de nueve horas. Los alquileres quedarán limitados en las zonas tensionadas durante tres años y los propietarios recibirán bonificaciones fiscales. Las asociaciones de inquilinos celebraron el texto frente a la Cámara. Intervinieron",
        "Miles de pensionistas se concentraron frente al ministerio con pancartas, silbatos y banderas de sus asociaciones. Reclaman que las pagas suban con el coste de la cesta de la compra y que se revise el factor de sostenibilidad. La protesta cortó el tráfico del paseo durante la mañana. Respondieron",
        "Los médicos de atención primaria anunciaron una huelga indefinida en tres comunidades por la falta de plantillas. Los sindicatos denuncian agendas de hasta setenta pacientes diarios y centros de salud cerrados por las tardes. Los consejeros autonómicos pidieron una mesa de negociación urgente. Opinaron",
        "Los rectores reclamaron más becas, menos burocracia y una financiación estable para las universidades públicas. Advierten de que los laboratorios pierden investigadores jóvenes hacia otros países europeos por los salarios. El documento lo firmaron cincuenta campus. Les contestaron",
        "El paro registrado bajó en la hostelería y subió en la construcción, según los datos mensuales de afiliación. Los autónomos ganaron cotizantes por cuarto mes consecutivo mientras la industria perdió empleo en el norte. Los economistas esperan un invierno más flojo. Lo valoraron",
        "La sequía obligó a restringir el riego en las cuencas del sur y a cortar el agua de noche en varios pueblos de la sierra. Los agricultores calculan pérdidas en el olivar y los cítricos, y los embalses siguen por debajo de un cuarto de su capacidad. Pidieron calma",
        "La factura eléctrica de los hogares volvió a subir en noviembre por el gas y la falta de viento en los parques eólicos. Las comercializadoras trasladaron el alza a las tarifas reguladas y las asociaciones de consumidores piden rebajar el impuesto. Se culparon mutuamente",
      ];
      // Seven Spanish stories of one day, each on its own subject, all naming the same four leaders.
      const spanish = bodies.map((b, i) => ({
        uri: `es-${i}`,
        headline: b.split(" ").slice(0, 6).join(" "),
        body_text: `${b} ${leaders}.`,
        firstcreated: at(i),
        infosources: [{ name: "Agencia Sur" }],
      }));
      // And one on a minister's resignation, named in nothing else.
      spanish.push({
        uri: "es-redondo",
        headline: "Dimite la ministra de Igualdad",
        body_text:
          `La ministra Ana Redondo dimitió el 5 de octubre tras reunirse en Madrid con ${leaders}. ` +
          "Su departamento llevaba semanas bajo críticas por los fallos de las pulseras telemáticas de control de maltratadores, y la oposición " +
          "exigía su salida. El nombre de su sucesora se conocerá en los próximos días.",
        firstcreated: at(2),
        infosources: [{ name: "Agencia Sur" }],
      });
      const english = [
        {
          uri: "en-housing",
          headline: "Spanish leaders clash over housing",
          body_text:
            "In parliament, Pedro Sánchez, Alberto Núñez Feijóo, Yolanda Díaz and Santiago Abascal clashed over housing before the 350 deputies. " +
            "Rents in big cities have doubled in a decade, and young people now leave home at thirty on average, later than anywhere else in western " +
            "Europe. Builders say permits take years; tenants' groups want caps extended to every town. The bill goes to the senate next month.",
          firstcreated: at(3),
          infosources: [{ name: "Wire" }],
        },
        {
          uri: "en-redondo",
          headline: "Spain's equality minister resigns",
          body_text:
            "Spain's minister Ana Redondo resigned on 5 October after meeting Pedro Sánchez, Alberto Núñez Feijóo, Yolanda Díaz and Santiago Abascal in Madrid. " +
            "Her department had faced weeks of criticism over faulty electronic bracelets meant to keep abusers away from their victims, and opposition " +
            "parties had demanded that she step down. A successor is expected to be named within days.",
          firstcreated: at(3),
          infosources: [{ name: "Wire" }],
        },
      ];
      await runIngest(own.db, [ndjson(spanish)], run);
      await runIngest(own.db, [ndjson(english)], run);
      const of = (uri: string) => own.db.article.findUniqueOrThrow({ where: { uri }, select: { id: true, storyId: true } });
      const links = async (x: string, y: string) => {
        const [a, b] = [await of(x), await of(y)];
        return own.db.duplicateLink.count({ where: { OR: [{ articleId: a.id, otherId: b.id }, { articleId: b.id, otherId: a.id }] } });
      };
      // The housing story shares the four leaders and the 350 deputies with the housing debate: names every story of the day carries.
      expect(await links("en-housing", "es-0")).toBe(0);
      const [housing, debate] = [await of("en-housing"), await of("es-0")];
      // Not one story: apart, or neither in any (the agency's own stories of the day share no passage, so none joins another).
      expect(housing.storyId === null || housing.storyId !== debate.storyId).toBe(true);
      // The resignation shares Ana Redondo too, and the date: one story.
      expect(await links("en-redondo", "es-redondo")).toBe(1);
      expect((await of("en-redondo")).storyId).toBe((await of("es-redondo")).storyId);
    } finally {
      await own.drop();
    }
  });

  it("asks as much of the names the article's own language carries everywhere: one Spanish copy among a day of English summit stories", async () => {
    const own = await openStore(kind);
    try {
      const at = (h: number) => new Date(T.getTime() + h * 3_600_000).toISOString();
      const run = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: T, bulk: true };
      const leaders = "Ursula von der Leyen, Pedro Sánchez, Giorgia Meloni and Emmanuel Macron";
      const subjects = [
        "Farmers blocked the roads around the summit venue with tractors, demanding lower fuel duty and fewer rules on pesticides.",
        "The 27 leaders argued for hours over the seven-year budget, with net payers refusing any rise in their contributions.",
        "Migration ministers prepared a new deal on returns, and charities warned that detention centres on the borders are full.",
        "Ukraine's request for more air defence dominated the dinner, and several capitals promised new batteries by spring.",
        "Steel makers asked for tariffs on cheap imports after two plants closed in the north and hundreds of jobs went.",
        "A row over fishing quotas in the Atlantic delayed the final statement until the early hours of the morning.",
        "Energy prices fell for a third month, and the summit agreed to refill gas storage earlier than in past years.",
        "Students marched through the old town against tuition fees, ending with a concert near the central station.",
      ];
      const english = subjects.map((t, i) => ({
        uri: `en-${i}`,
        headline: t.split(" ").slice(0, 7).join(" "),
        body_text:
          `${t} Among those at the summit were ${leaders}. Officials said the talks would resume next week in the same building, ` +
          "after experts from every delegation have gone through the draft texts line by line and reported back to their governments.",
        firstcreated: at(i / 4),
        infosources: [{ name: "Wire" }],
      }));
      // Spanish copy on the housing plan, which names the same four leaders and "27" too.
      const spanish = {
        uri: "es-vivienda",
        headline: "El Gobierno presenta su plan de vivienda en Bruselas",
        body_text:
          "El Gobierno presentó su plan de vivienda pública ante los socios europeos, que prevé construir pisos en suelo del Estado y limitar los alquileres turísticos. " +
          "En la cumbre de los 27 coincidieron Emmanuel Macron, Giorgia Meloni, Pedro Sánchez y Ursula von der Leyen. Las constructoras piden más plazos y los ayuntamientos más fondos.",
        firstcreated: at(1),
        infosources: [{ name: "Agencia Sur" }],
      };
      await runIngest(own.db, [ndjson([...english, spanish])], run);
      const es = await own.db.article.findUniqueOrThrow({ where: { uri: "es-vivienda" }, select: { id: true, language: true } });
      expect(es.language).toBe("es");
      expect(await own.db.duplicateLink.count({ where: { OR: [{ articleId: es.id }, { otherId: es.id }] } })).toBe(0);
    } finally {
      await own.drop();
    }
  });

  it("compares an English page with the other languages' copy of its days, however much English copy came after", async () => {
    store = await openStore(kind);
    const es = rallyEs();
    const at = (h: number) => new Date(T.getTime() + h * 3_600_000).toISOString();
    const run = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: T, bulk: true };
    await runIngest(store.db, [ndjson([{ uri: "es-1", headline: es.headline, body_text: es.body, firstcreated: at(0), infosources: [{ name: "Agencia Sur" }] }])], run);
    // The English copy, then twelve other English stories of the same hours: stored after the Spanish copy, so newer by id.
    const other = (i: number) => ({
      uri: `en-other-${i}`,
      headline: `Harbour ${i} reopens`,
      body_text: `The harbour of Port ${i} reopened on Tuesday after ${100 + i} days, the Harbour Board said, with ${2000 + i} ships waiting.`,
      firstcreated: at(1),
      infosources: [{ name: "Wire" }],
    });
    const en = { uri: "en-1", headline: "Tens of thousands rally in Spain against Sanchez", body_text: rallyEn(), firstcreated: at(1), infosources: [{ name: "Wire" }] };
    await runIngest(store.db, [ndjson([en, ...Array.from({ length: 12 }, (_, i) => other(i))])], run);
    const ids = await store.db.article.findMany({ where: { language: "en" }, select: { id: true } });
    // Found again with fewer candidates than the English copy of those hours: only the Spanish copy need be one.
    await store.db.duplicateLink.deleteMany({ where: { kind: "translation" } });
    const written = await linkAcrossLanguages(
      store.db,
      ids.map((r) => r.id),
      { maxCandidates: 5 },
    );
    expect(written).toBe(1);
    const [e, s] = await Promise.all(["en-1", "es-1"].map((uri) => store.db.article.findUniqueOrThrow({ where: { uri }, select: { id: true } })));
    expect(await store.db.duplicateLink.findFirst({ where: { articleId: e!.id, otherId: s!.id, kind: "translation" } })).not.toBeNull();
  });
});

// A small desk for the /api/v1 tests: a story of two copies (a wire and a
// near copy, linked as duplicates) and an article alone, ingested as ninjs
// once per store. Texts of their own, so other tests' articles do not join.
import { runIngest } from "../../lib/server/ingest/run-ingest";
import type { Db } from "../../lib/server/db/client";
import { bytes } from "./feeds";

const WIRE = [
  "Portugal's civil protection agency said on Monday that firefighters had contained a forest fire near Coimbra after three days, evacuating nine villages and closing two motorways.",
  "More than 600 firefighters and eight water-bombing aircraft fought the blaze, which burned about 4,200 hectares of pine and eucalyptus according to the agency's count.",
  "Police detained a man suspected of starting the fire while burning farm waste, the interior ministry said in a statement, adding that no one had been seriously hurt.",
].join("\n\n");
const NEAR = WIRE.replace("after three days", "after three days of work").replace("seriously hurt.", "badly hurt.");
const ALONE = [
  "Lithuania's central bank raised its forecast for economic growth this year to 2.8 percent on Thursday, citing stronger exports of furniture and lasers to Germany and Poland.",
  "The bank said inflation would slow to 3.1 percent by December as energy prices eased, though wages were still rising faster than productivity in Vilnius.",
].join("\n\n");

const item = (uri: string, source: string, headline: string, body: string) => JSON.stringify({ uri, headline, body_text: body, infosources: [{ name: source }] });

export interface DeskSeed {
  /** The story: its id and its two articles. */
  storyId: number;
  wireId: number;
  copyId: number;
  /** The duplicate link between the two copies. */
  linkId: number;
  /** An article alone, with machine tag suggestions (a country at least). */
  aloneId: number;
}

const seeds = new WeakMap<Db, Promise<DeskSeed>>();

async function ingest(db: Db, name: string, line: string) {
  await runIngest(db, [{ name, read: async () => bytes(line) }], { origin: "cli", actor: "test", role: "system", defaultSource: "Daily8" });
}

async function seed(db: Db): Promise<DeskSeed> {
  await ingest(db, "v1-wire.ndjson", item("v1-desk-wire", "Meridian Wire", "Firefighters contain forest fire near Coimbra", WIRE));
  await ingest(db, "v1-copy.ndjson", item("v1-desk-copy", "Capital Post", "Portugal fire near Coimbra contained", NEAR));
  await ingest(db, "v1-alone.ndjson", item("v1-desk-alone", "Baltic Wire", "Lithuania raises growth forecast", ALONE));
  const [wire, copy, alone] = await Promise.all(["v1-desk-wire", "v1-desk-copy", "v1-desk-alone"].map((uri) => db.article.findUniqueOrThrow({ where: { uri } })));
  if (!wire!.storyId || copy!.storyId !== wire!.storyId) throw new Error("the seed's two copies did not make one story");
  const link = await db.duplicateLink.findFirstOrThrow({ where: { OR: [{ articleId: copy!.id, otherId: wire!.id }, { articleId: wire!.id, otherId: copy!.id }] } });
  return { storyId: wire!.storyId, wireId: wire!.id, copyId: copy!.id, linkId: link.id, aloneId: alone!.id };
}

/** The seed in this store, ingested on first use. */
export function deskSeed(db: Db): Promise<DeskSeed> {
  let s = seeds.get(db);
  if (!s) seeds.set(db, (s = seed(db)));
  return s;
}

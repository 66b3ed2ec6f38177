// Builds a desk store of N articles from Reuters-21578 for the desk benchmark.
// The ingest path (parse, fingerprint, link, tag, audit, one transaction per
// item) takes minutes per thousand here, so this bulk loader writes the rows
// the ingest path leaves for the queue to read: sources, articles (their FTS
// rows come from the store's own triggers / generated column), machine tag
// suggestions from the real tagging engine, and duplicate links. It does not
// write dedup keys, versions or audit entries: the queue does not read them.
//
// The corpus has ~19,000 stories with text; larger stores cycle through them
// as follow-ups (UPDATE 1-, RPT-...) from other sources, later in time, some
// linked as duplicates of the earlier copy, as a wire desk sees them.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { countryName, suggestTags } from "../../lib/tagging";
import type { Db } from "../../lib/server/db/client";
import { sqliteFile } from "../../lib/server/env";
import { SQLITE_MMAP_MAX } from "../../lib/server/db/sqlite-map";
import type { ReutersStory } from "../bench-dedup/reuters";

const SOURCES: { name: string; kind: string; weight: number }[] = [
  { name: "Reuters", kind: "wire", weight: 30 },
  { name: "Associated Press", kind: "wire", weight: 14 },
  { name: "AFP", kind: "wire", weight: 10 },
  { name: "Bloomberg", kind: "wire", weight: 8 },
  { name: "dpa", kind: "wire", weight: 5 },
  { name: "EFE", kind: "wire", weight: 4 },
  { name: "ANSA", kind: "wire", weight: 3 },
  { name: "Kyodo", kind: "wire", weight: 3 },
  { name: "PA Media", kind: "wire", weight: 3 },
  { name: "BBC News", kind: "publisher", weight: 3 },
  { name: "The Guardian", kind: "publisher", weight: 3 },
  { name: "El País", kind: "publisher", weight: 2 },
  { name: "Le Monde", kind: "publisher", weight: 2 },
  { name: "Der Spiegel", kind: "publisher", weight: 2 },
  { name: "Financial Times", kind: "publisher", weight: 2 },
  { name: "Google News", kind: "aggregator", weight: 2 },
  { name: "NewsNow", kind: "aggregator", weight: 1 },
  { name: "Markets feed", kind: "feed", weight: 2 },
  { name: "City desk feed", kind: "feed", weight: 1 },
];
const PREFIXES = ["UPDATE 1-", "UPDATE 2-", "RPT-", "CORRECTED-", "WRAPUP 1-", "FOCUS-", "UPDATE 3-", "REFILE-", "ANALYSIS-", "INSIGHT-"];

/** Seeded, so a store of a given size is the same every time it is built. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface TagRow {
  scheme: string;
  code: string;
  name: string;
  confidence: number;
  rel: string | null;
  evidence: string;
}

export interface BuildReport {
  articles: number;
  tags: number;
  links: number;
  bases: number;
  seconds: number;
}

/** Writes `n` articles into a migrated, empty store (taxonomy synced); `db` is its Prisma client for the few small tables. */
export async function buildStore(
  url: string,
  kind: "sqlite" | "postgres",
  db: Db,
  stories: ReutersStory[],
  n: number,
  now: Date,
): Promise<BuildReport> {
  const t0 = performance.now();
  const rnd = mulberry32(20261129);
  const bases = stories.filter((s) => s.title && s.body.length > 80);
  // Shuffle once: the queue shows the corpus mixed, not file by file.
  for (let i = bases.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [bases[i], bases[j]] = [bases[j]!, bases[i]!];
  }
  // Even a small store has some follow-ups (and so duplicates): at most 90% of it is first copies.
  const used = bases.slice(0, Math.min(Math.ceil(n * 0.9), bases.length));

  // Sources and tags are small tables: written through Prisma.
  const sourceIds: number[] = [];
  for (const s of SOURCES) sourceIds.push((await db.source.upsert({ where: { name: s.name }, create: { name: s.name, kind: s.kind }, update: {} })).id);
  const cumulative = SOURCES.map((_, i) => SOURCES.slice(0, i + 1).reduce((a, x) => a + x.weight, 0));
  const pickSource = () => {
    const r = rnd() * cumulative[cumulative.length - 1]!;
    return sourceIds[cumulative.findIndex((c) => r < c)]!;
  };

  // The real engine tags each corpus story once; follow-ups of a story carry its tags.
  const tagsOf = used.map((s): TagRow[] => {
    const { topics, places } = suggestTags({ headline: s.title, bodyText: s.body, dateline: s.dateline });
    return [
      ...topics.map((t) => ({ scheme: t.scheme, code: t.code, name: t.name, confidence: t.confidence, rel: null, evidence: JSON.stringify(t.evidence) })),
      ...places.map((p) => ({
        scheme: "iso3166",
        code: p.code,
        name: p.name || countryName(p.code),
        confidence: p.confidence,
        rel: p.rel as string | null,
        evidence: JSON.stringify(p.evidence),
      })),
    ];
  });
  const tagIds = new Map<string, number>();
  for (const t of tagsOf.flat()) {
    const key = `${t.scheme} ${t.code}`;
    if (tagIds.has(key)) continue;
    const row = await db.tag.upsert({
      where: { scheme_code: { scheme: t.scheme, code: t.code } },
      create: { scheme: t.scheme, code: t.code, name: t.name },
      update: {},
      select: { id: true },
    });
    tagIds.set(key, row.id);
  }

  const writer = kind === "sqlite" ? sqliteWriter(url) : await postgresWriter(url);
  const spanMs = 60 * 24 * 3_600_000;
  // As Prisma writes them: SQLite holds ISO text with an offset, PostgreSQL timestamp(3) in UTC.
  const stamp = (d: Date) => (kind === "sqlite" ? d.toISOString().replace("Z", "+00:00") : d.toISOString());
  let tagCount = 0;
  let linkCount = 0;
  const BATCH = 2000;
  for (let from = 0; from < n; from += BATCH) {
    const articles: unknown[][] = [];
    const tags: unknown[][] = [];
    const links: unknown[][] = [];
    for (let i = from; i < Math.min(n, from + BATCH); i++) {
      const id = i + 1;
      const b = i % used.length;
      const cycle = Math.floor(i / used.length);
      const s = used[b]!;
      const prefix = cycle === 0 ? "" : PREFIXES[(cycle - 1 + b) % PREFIXES.length]!;
      const body = cycle === 0 ? s.body : `${s.body}\n\n(Follow-up ${cycle} of this story; additional reporting by the desk.)`;
      // Arrivals spread evenly over 60 days up to the build, in id order, as the queue orders them.
      const ingested = new Date(now.getTime() - spanMs + Math.round(((i + 1) / n) * spanMs) - Math.floor(rnd() * 60_000));
      const published = new Date(ingested.getTime() - Math.floor(rnd() * 3_600_000));
      const ageDays = (now.getTime() - ingested.getTime()) / 86_400_000;
      const r = rnd();
      const status = ageDays > 2 ? (r < 0.6 ? "reviewed" : r < 0.68 ? "spiked" : "new") : r < 0.05 ? "reviewed" : "new";
      articles.push([
        id,
        `bench:${cycle}:${s.newId}`,
        pickSource(),
        `${prefix}${s.title}`,
        body,
        s.dateline || null,
        stamp(published),
        stamp(ingested),
        createHash("sha256").update(body).digest("hex"),
        status,
      ]);
      // Editors accepted some suggestions and rejected a few.
      const decided = rnd();
      tagsOf[b]!.forEach((t, k) => {
        const state = status === "reviewed" && decided < 0.5 && k === 0 ? "accepted" : decided > 0.97 && k === 1 ? "rejected" : "suggested";
        tags.push([id, tagIds.get(`${t.scheme} ${t.code}`)!, "machine", t.confidence, state, t.rel, t.evidence, stamp(ingested)]);
      });
      if (cycle > 0 && rnd() < 0.2) {
        const lr = rnd();
        links.push([id, id - used.length, "near", 0.9 + rnd() * 0.09, lr < 0.6 ? "suggested" : lr < 0.85 ? "confirmed" : "dismissed", stamp(ingested)]);
      }
    }
    await writer.write(articles, tags, links);
    const done = Math.min(n, from + BATCH);
    if (done % 100_000 === 0 && done < n) process.stderr.write(`  ${done.toLocaleString("en")} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    tagCount += tags.length;
    linkCount += links.length;
  }
  await writer.close();
  return { articles: n, tags: tagCount, links: linkCount, bases: used.length, seconds: (performance.now() - t0) / 1000 };
}

interface Writer {
  write(articles: unknown[][], tags: unknown[][], links: unknown[][]): Promise<void>;
  close(): Promise<void>;
}

function sqliteWriter(url: string): Writer {
  const raw = new Database(sqliteFile(url));
  raw.pragma("journal_mode = WAL");
  // The full-text index's merges read back pages SQLite's cache has let go: with the default 2 MiB,
  // 30,000 articles took 7 minutes (14 ms an article, nearly all page reads), as the bulk path found
  // (decision 016); with 512 MiB the rate fell from 1,700 to 175 a second once the store passed 1.5 GB.
  // A build is a one-off on a machine with memory to spare: the cache holds the whole index.
  raw.pragma("cache_size = -8388608");
  raw.pragma(`mmap_size = ${SQLITE_MMAP_MAX}`);
  const art = raw.prepare(
    `INSERT INTO "Article" ("id","uri","sourceId","headline","bodyText","dateline","firstCreated","ingestedAt","contentHash","status","language","updatedAt")
     VALUES (?,?,?,?,?,?,?,?,?,?,'en',?)`,
  );
  const tag = raw.prepare(
    `INSERT INTO "ArticleTag" ("articleId","tagId","origin","confidence","state","rel","evidence","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  const link = raw.prepare(`INSERT INTO "DuplicateLink" ("articleId","otherId","kind","score","state","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?)`);
  // FTS5 writes its pending terms out at every statement that opens a savepoint on it, as an
  // INSERT firing the full-text trigger does: one segment an article, merged again and again
  // (7.5 ms an article by 70,000, nearly all in FTS5's merges). So the trigger is set aside while
  // loading and each batch's rows are indexed by one statement; the trigger is made again as it was.
  const trigger = raw.prepare(`SELECT "sql" FROM sqlite_master WHERE type = 'trigger' AND name = 'Article_search_insert'`).get() as { sql: string } | undefined;
  if (!trigger) throw new Error("bench:desk: the store has no Article_search_insert trigger to set aside");
  raw.exec(`DROP TRIGGER "Article_search_insert"`);
  const search = raw.prepare(`INSERT INTO "ArticleSearch" (rowid, "headline", "bodyText") SELECT "id", "headline", "bodyText" FROM "Article" WHERE "id" BETWEEN ? AND ?`);
  const tx = raw.transaction((articles: unknown[][], tags: unknown[][], links: unknown[][]) => {
    for (const a of articles) art.run(...a, a[7]);
    search.run(articles[0]![0], articles.at(-1)![0]);
    for (const t of tags) tag.run(...t, t[7]);
    for (const l of links) link.run(...l, l[5]);
  });
  return {
    write: async (a, t, l) => void tx(a, t, l),
    close: async () => {
      raw.exec(trigger.sql);
      raw.close();
    },
  };
}

async function postgresWriter(url: string): Promise<Writer> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const col = (rows: unknown[][], k: number) => rows.map((r) => r[k]);
  return {
    write: async (a, t, l) => {
      await c.query("BEGIN");
      await c.query(
        `INSERT INTO "Article" ("id","uri","sourceId","headline","bodyText","dateline","firstCreated","ingestedAt","contentHash","status","language","updatedAt")
         SELECT id, uri, src, h, b, d, fc::timestamp(3), ia::timestamp(3), ch, st, 'en', ia::timestamp(3)
         FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
           AS x(id, uri, src, h, b, d, fc, ia, ch, st)`,
        Array.from({ length: 10 }, (_, k) => col(a, k)),
      );
      await c.query(
        `INSERT INTO "ArticleTag" ("articleId","tagId","origin","confidence","state","rel","evidence","createdAt","updatedAt")
         SELECT a, t, o, cf, st, rel, ev, at::timestamp(3), at::timestamp(3)
         FROM unnest($1::int[], $2::int[], $3::text[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(a, t, o, cf, st, rel, ev, at)`,
        Array.from({ length: 8 }, (_, k) => col(t, k)),
      );
      if (l.length) {
        await c.query(
          `INSERT INTO "DuplicateLink" ("articleId","otherId","kind","score","state","createdAt","updatedAt")
           SELECT a, o, k, sc, st, at::timestamp(3), at::timestamp(3)
           FROM unnest($1::int[], $2::int[], $3::text[], $4::float8[], $5::text[], $6::text[]) AS x(a, o, k, sc, st, at)`,
          Array.from({ length: 6 }, (_, k) => col(l, k)),
        );
      }
      await c.query("COMMIT");
    },
    close: async () => {
      // Explicit ids: move the sequences past them, so a later ingest does not collide.
      for (const t of ["Article", "ArticleTag", "DuplicateLink"]) {
        await c.query(`SELECT setval(pg_get_serial_sequence('"${t}"', 'id'), GREATEST(1, (SELECT max(id) FROM "${t}")))`);
      }
      // autovacuum would analyse the new rows and set their pages all-visible soon after, as on any
      // store at rest; the benchmark should not race it (unvacuumed, counts read the heap: 2-3x slower).
      await c.query("VACUUM ANALYZE");
      await c.end();
    },
  };
}

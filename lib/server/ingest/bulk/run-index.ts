// The duplicate index of one bulk run, in memory (lib/dedup's DedupIndex):
// the same candidates the store's DedupKey lookups give, without the ~50
// lookups an article costs there. Exact as long as it holds exactly the
// store's rows, so it is brought up to date before each batch and after each
// item the per-item path stored:
// - articles stored since (by this run's per-item fallback or by other
//   processes) are added with their DedupKey rows;
// - articles re-indexed since (an update: a new ArticleVersion row) are taken
//   out under the keys of the text they had (the version's, fingerprinted
//   again: fingerprints are a pure function of the text) and added anew.
// Stores whose keys were made under another fingerprint configuration, and
// runs that grow past `maxArticles`, use the store's lookups instead.
import "server-only";
import { DedupIndex } from "../../../dedup/dedup-index";
import { configId, DEFAULT_FINGERPRINT_CONFIG } from "../../../dedup/config";
import { ANCHOR_BAND, fingerprint, isNameBand, LEAD_BAND_BASE, NAME_BAND_BASE, type Fingerprint } from "../../../dedup/fingerprint";
import type { Conn } from "./conn";
import type { OtherRow } from "./pending-postgres";

/** Ids read per query when loading: bounded memory whatever the store's size. */
const PAGE = 2000;
/**
 * On PostgreSQL ids are taken at insert and committed in any order: a row
 * committed late can have an id below ones already seen. Ids this far below
 * the highest seen are read again (and skipped when already in).
 */
const PG_ID_MARGIN = 5000;

/**
 * The rows duplicate verification reads of the articles this run wrote, kept
 * for the most recent this many: a wire story's copies come within days, so
 * most candidates are the run's own recent articles, and on PostgreSQL reading
 * their text back was a tenth of a Reuters run's time (decision 016). About
 * 2 KB each.
 */
export const RECENT_ROWS = 10_000;

type IndexedFp = Pick<Fingerprint, "bandKeys" | "anchors" | "nameKeys" | "leadKeys" | "leadStored">;

export class RunIndex {
  private readonly index = new DedupIndex();
  private maxArticleId = 0;
  private maxVersionId = 0;
  private readonly seenVersions = new Set<number>();
  /** By id, oldest first. None of what verification reads changes unless the article is updated, which re-indexes it (sync). */
  private readonly rows = new Map<number, OtherRow>();

  private constructor(
    private readonly c: Conn,
    readonly maxArticles: number,
  ) {}

  /** The run's index, loaded from the store; undefined when the store's lookups must serve (another fingerprint configuration, or too large). */
  static async open(c: Conn, maxArticles: number): Promise<RunIndex | undefined> {
    const [stats] = await c.all<{ n: number | string; other: number | string; maxId: number | null; maxVersion: number | null }>(
      `SELECT count(*) AS "n", sum(CASE WHEN "dedupConfig" = ? OR "dedupConfig" IS NULL THEN 0 ELSE 1 END) AS "other", max("id") AS "maxId",
         (SELECT max("id") FROM "ArticleVersion") AS "maxVersion" FROM "Article"`,
      [configId(DEFAULT_FINGERPRINT_CONFIG)],
    );
    if (Number(stats?.other ?? 0) > 0 || Number(stats?.n ?? 0) > maxArticles) return undefined;
    const run = new RunIndex(c, maxArticles);
    run.maxVersionId = Number(stats?.maxVersion ?? 0);
    await run.addStoredAbove(0, Number(stats?.maxId ?? 0));
    return run;
  }

  get size(): number {
    return this.index.size;
  }

  has(id: number): boolean {
    return this.index.has(id);
  }

  /** An article this run writes, in its open transaction: later items see it at once, and read `row` from here. */
  add(id: number, fp: Fingerprint, row?: OtherRow): void {
    this.index.add(id, fp);
    if (row) {
      this.rows.set(id, row);
      if (this.rows.size > RECENT_ROWS) this.rows.delete(this.rows.keys().next().value!);
    }
  }

  /** Taken out again when its transaction rolls back, or when it is updated. */
  remove(id: number, fp: Fingerprint): void {
    this.index.remove(id, fp);
    this.rows.delete(id);
  }

  /** The row verification reads of an article this run wrote recently, as the store holds it. */
  row(id: number): OtherRow | undefined {
    return this.rows.get(id);
  }

  /** Candidates as candidateHits and isCandidate give them from the store, in no particular order. */
  candidates(fp: Fingerprint) {
    return this.index.candidates(fp);
  }

  /** Brings the index up to what the store holds now (committed rows only). */
  async sync(): Promise<void> {
    const floor = this.c.kind === "postgres" ? Math.max(0, this.maxArticleId - PG_ID_MARGIN) : this.maxArticleId;
    const ids = (await this.c.all<{ id: number }>(`SELECT "id" FROM "Article" WHERE "id" > ? ORDER BY "id"`, [floor])).map((r) => Number(r.id));
    const fresh = ids.filter((id) => !this.index.has(id));
    for (let i = 0; i < fresh.length; i += PAGE) await this.addArticles(fresh.slice(i, i + PAGE));
    if (ids.length) this.maxArticleId = Math.max(this.maxArticleId, ids[ids.length - 1]!);

    const vfloor = this.c.kind === "postgres" ? Math.max(0, this.maxVersionId - PG_ID_MARGIN) : this.maxVersionId;
    const versions = await this.c.all<{ id: number; articleId: number; bodyText: string }>(
      `SELECT "id", "articleId", "bodyText" FROM "ArticleVersion" WHERE "id" > ? ORDER BY "id"`,
      [vfloor],
    );
    // The earliest new version of an article holds the text it was indexed under.
    const reindexed = new Map<number, string>();
    for (const v of versions) {
      const id = Number(v.id);
      this.maxVersionId = Math.max(this.maxVersionId, id);
      if (this.seenVersions.has(id)) continue;
      this.seenVersions.add(id);
      if (!reindexed.has(Number(v.articleId))) reindexed.set(Number(v.articleId), v.bodyText);
    }
    if (this.seenVersions.size > 4 * PG_ID_MARGIN) for (const id of this.seenVersions) if (id <= vfloor) this.seenVersions.delete(id);
    const again: number[] = [];
    for (const [articleId, oldText] of reindexed) {
      if (!this.index.has(articleId)) continue;
      this.remove(articleId, fingerprint(oldText));
      again.push(articleId);
    }
    if (again.length) await this.addArticles(again);
  }

  private async addStoredAbove(from: number, to: number): Promise<void> {
    for (let lo = from; lo < to; lo += PAGE) {
      const ids = (await this.c.all<{ id: number }>(`SELECT "id" FROM "Article" WHERE "id" > ? AND "id" <= ? ORDER BY "id"`, [lo, lo + PAGE])).map((r) => Number(r.id));
      if (ids.length) await this.addArticles(ids);
    }
    this.maxArticleId = Math.max(this.maxArticleId, to);
  }

  /** Adds articles with the rows the store holds for them. */
  private async addArticles(ids: number[]): Promise<void> {
    const list = this.c.kind === "sqlite" ? JSON.stringify(ids) : ids;
    const rows = await this.c.all<{ articleId: number; band: number; key: number }>(
      `SELECT "articleId", "band", "key" FROM "DedupKey" WHERE ${this.c.kind === "sqlite" ? `"articleId" IN (SELECT value FROM json_each(?))` : `"articleId" = ANY(?::int[])`}`,
      [list],
    );
    const byArticle = new Map<number, { bands: number[][]; names: number[][]; lead: number[][]; anchors: number[] }>();
    for (const id of ids) byArticle.set(id, { bands: [], names: [], lead: [], anchors: [] });
    for (const r of rows) {
      const a = byArticle.get(Number(r.articleId))!;
      const band = Number(r.band);
      if (band === ANCHOR_BAND) a.anchors.push(Number(r.key));
      else if (band >= LEAD_BAND_BASE && isNameBand(band)) a.lead.push([band - LEAD_BAND_BASE, Number(r.key)]);
      else if (isNameBand(band)) a.names.push([band - NAME_BAND_BASE, Number(r.key)]);
      else a.bands.push([band, Number(r.key)]);
    }
    for (const [id, a] of byArticle) {
      if (this.index.has(id)) continue;
      this.index.add(id, toFp(a));
    }
  }
}

/** Rows back into the shape DedupIndex takes: band i's key at position i. */
function toFp(a: { bands: number[][]; names: number[][]; lead: number[][]; anchors: number[] }): IndexedFp {
  const place = (pairs: number[][]) => {
    const out = new Int32Array(pairs.length ? Math.max(...pairs.map((p) => p[0]!)) + 1 : 0);
    if (out.length !== pairs.length) throw new Error("a band is missing from the stored keys"); // the index would invent key 0 for it
    for (const [i, k] of pairs) out[i!] = k!;
    return out;
  };
  // Stored lead keys are the ones the article keeps; one that keeps none looks nothing up here (it is not the query).
  return { bandKeys: place(a.bands), nameKeys: place(a.names), leadKeys: place(a.lead), leadStored: a.lead.length > 0, anchors: Int32Array.from(a.anchors) };
}

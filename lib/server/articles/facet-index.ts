// The filter bar's counts under filters, counted in memory (decision 026).
// With a place or topic chosen, the store counted every chosen article's tag
// rows, source and links: 1-15 s at 1,000,000 articles for a place that holds
// most of them, after every change. Each process keeps instead, per article,
// the few facts those counts read (status, story lead, source, arrival, the
// tag rows that file it under a place or topic, an open duplicate link) in
// typed arrays indexed by id, about 50 bytes an article, and counts them in
// one pass. It is brought up to date before each count from the ArticleChange
// rows the store's triggers write (the articles whose facts changed, read
// again from their rows), so a count is as exact as the store's: a store test
// holds it to computeFacets after every kind of change. The counting rules
// are the queue's own (article-sql.ts); the language filter, which reads a
// story's other copies, is left to the store.
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import { dbKind, type Db } from "../db/client";
import { readRows, sqliteDataVersion } from "../db/read-rows";
import { NextRead, nextReadFor } from "../db/next-read";
import { env } from "../env";
import { workflowStatus } from "../../schemas/vocabulary";
import { rangeStart, type ArticleFacets, type FacetCount } from "../../schemas/articles";
import { searchIdsSql } from "./search-articles";
import { ItemCache } from "./item-cache";
import { DashboardFigures, type DashboardFacts } from "./dashboard-figures";
import type { Window } from "../dashboard/in-range";
import type { WindowFigures } from "../dashboard/kept-hours";
import { filedSql, sourceValues, statusFilter, type Filters } from "./article-sql";

const STATUSES = workflowStatus.options;
/** A tag's kind as the counts read it. */
const OTHER = 0;
const PLACE = 1;
const TOPIC = 2; // medtop
const NEWSROOM = 3;

interface TagMeta {
  kind: number;
  top: boolean;
  hidden: boolean;
  code: string;
  name: string;
}

/** Past this many changed articles at once, the index is loaded again rather than patched. */
const RELOAD_OVER = 50_000;
/** Articles read per statement when loading. */
const CHUNK = 50_000;
/** Ids per IN list when patching. */
const IN_LIST = 500;
/** How often a loaded index reads the changes while idle, so that it never falls behind the pruned rows. */
const SYNC_EVERY_MS = 30_000;
/** An index not brought up to date for this long may have missed pruned rows: it is loaded again. */
const STALE_AFTER_MS = 20 * 60_000;
/** Searches whose matching ids a process keeps, by query text, and how many ids they may hold in all (4 bytes each). */
const SEARCHES_KEPT = 64;
const SEARCH_IDS_KEPT = 4_000_000;
/** Changed articles remembered for the kept searches to test again; past this they are read again whole. */
const CHANGES_REMEMBERED = 100_000;
/** A kept search with more changed articles than this since it was read is read again whole rather than tested. */
const RETEST_OVER = 5_000;
/**
 * A page without a search tests the articles below its cursor one by one
 * (about 20 ns each): past this many, the store's indexes are quicker.
 */
const SCAN_MAX = 100_000;
/** Counts kept per filter (about 8 bytes a tag, a source and a status each: 20 KB a count). */
const COUNTS_KEPT = 200;
/** Changed articles times kept counts past which a sync drops the counts rather than adjust each. */
const ADJUST_MAX = 2_000_000;
/** Change rows older than this are pruned (pruneArticleChanges). */
export const CHANGES_KEPT_S = 3600;

const num = (v: unknown) => Number(v);
/** An instant as ms, from a Date (PostgreSQL) or the ISO text SQLite keeps. */
const instant = (v: unknown) => (v instanceof Date ? v.getTime() : Date.parse(String(v)));
const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || a.label.localeCompare(b.label);

const kindOf = (scheme: string) => (scheme === "iso3166" ? PLACE : scheme === "medtop" ? TOPIC : scheme === "newsroom" ? NEWSROOM : OTHER);

interface ArticleRow {
  id: unknown;
  status: string;
  storyLead: unknown;
  sourceId: unknown;
  ingestedAt: unknown;
  firstCreated: unknown;
  /** The ids of the tags that file it under a place or topic, comma-separated. */
  tags: string | null;
}

export class FacetIndex {
  private cap = 0;
  private exists = new Uint8Array(0);
  private lead = new Uint8Array(0);
  private status = new Uint8Array(0);
  private dup = new Uint8Array(0);
  private source = new Int32Array(0);
  private at = new Float64Array(0);
  /** When each was published, else when it arrived (ms): what sort=published orders by (PUBLISHED_SQL). */
  private pub = new Float64Array(0);
  private maxSource = 0;
  /** The highest article id read: a walk down the articles starts there, not at the arrays' spare room. */
  private maxId = 0;
  // Filed tag ids per article: a compact base (start/data) and the articles changed since (over).
  private start = new Uint32Array(1);
  private data = new Int32Array(0);
  private over = new Map<number, Int32Array>();
  private overFlag = new Uint8Array(0);
  private tags = new Map<number, TagMeta>();
  /** SQLite: the newest change row read. PostgreSQL: the snapshot of the last read (txid_snapshot text). */
  private position = "0";
  private syncedAt = 0;
  /** SQLite: the store's data_version at the last read (sqliteDataVersion). */
  private dataVersion: number | undefined;
  /** Syncs one at a time; requests that ask while one runs share the next (NextRead). A failed one leaves the index to be loaded again. */
  private readonly syncs = new NextRead(() =>
    this.patch().catch((e: unknown) => {
      this.syncedAt = 0;
      throw e;
    }),
  );
  private timer?: NodeJS.Timeout;
  /**
   * Kept searches (most recently used last), and the articles changed since
   * the oldest was brought up to date: a search's matches are read once and
   * then only its changed articles are tested again. At 1,000,000 articles
   * PostgreSQL took 1.1 s to read the 105,000 matches of "bank" (a heap page a
   * match), after every change to the store.
   */
  private searches = new Map<string, KeptSearch>();
  private searchIdCount = 0;
  private changeLog: number[] = [];
  /** The position in the changes of changeLog[0]; a load starts a new generation, which no kept search survives. */
  private changeBase = 0;
  private generation = 0;
  articles = 0;
  /** Counts per filter, least recently asked first, kept up to date at each sync (count, adjustKept). */
  private kept = new Map<string, KeptCount>();
  /** How many counts were answered from a kept count, and how many counted afresh. */
  readonly countsFrom = { kept: 0, counted: 0 };
  /** countsAs() for the tags as last read. */
  private countedAs?: Uint8Array;
  /** The queue's rows as the store wrote them, dropped as their articles are named changed (item-cache.ts). */
  readonly items = new ItemCache();
  /** The dashboard's figures per hour and day, brought up to date by each sync (dashboard-figures.ts). */
  readonly figures = new DashboardFigures(
    (id) => this.dashboardFacts(id),
    () => this.maxId,
  );

  constructor(private readonly db: Db) {}

  private get pg() {
    return dbKind(this.db) === "postgres";
  }

  /** Where the change rows stand now; read before the rows it covers, so nothing written meanwhile is missed. */
  private async changePosition(): Promise<string> {
    const sql = this.pg
      ? Prisma.sql`SELECT txid_current_snapshot()::text AS p`
      : Prisma.sql`SELECT coalesce(max("seq"), 0) AS p FROM "ArticleChange"`;
    return String((await readRows<{ p: unknown }>(this.db, sql))[0]!.p);
  }

  private grow(id: number) {
    if (id < this.cap) return;
    const cap = Math.max(1024, Math.ceil((id + 1) * 1.25));
    const copy = <T extends Uint8Array | Int32Array | Float64Array | Uint32Array>(a: T, make: (n: number) => T) => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.exists = copy(this.exists, (n) => new Uint8Array(n));
    this.lead = copy(this.lead, (n) => new Uint8Array(n));
    this.status = copy(this.status, (n) => new Uint8Array(n));
    this.dup = copy(this.dup, (n) => new Uint8Array(n));
    this.source = copy(this.source, (n) => new Int32Array(n));
    this.at = copy(this.at, (n) => new Float64Array(n));
    this.pub = copy(this.pub, (n) => new Float64Array(n));
    this.overFlag = copy(this.overFlag, (n) => new Uint8Array(n));
    const start = new Uint32Array(cap + 1);
    start.set(this.start);
    start.fill(this.start[this.start.length - 1]!, this.start.length);
    this.start = start;
    this.cap = cap;
  }

  private async loadTags(): Promise<boolean> {
    const rows = await readRows<{ id: unknown; scheme: string; code: string; name: string; parentId: unknown; hidden: unknown }>(
      this.db,
      Prisma.sql`SELECT "id", "scheme", "code", "name", "parentId", "hidden" FROM "Tag"`,
    );
    const before = this.tags;
    this.countedAs = undefined;
    this.tags = new Map(
      rows.map((r) => [num(r.id), { kind: kindOf(r.scheme), top: r.parentId === null, hidden: Boolean(r.hidden), code: r.code, name: r.name }]),
    );
    // A tag of another kind files its rows by another rule: the rows are read again.
    for (const [id, t] of before) {
      const now = this.tags.get(id);
      if (now && now.kind !== t.kind) return true;
    }
    return false;
  }

  private setArticle(r: ArticleRow) {
    const id = num(r.id);
    this.grow(id);
    if (!this.exists[id]) this.articles++;
    this.exists[id] = 1;
    if (id > this.maxId) this.maxId = id;
    this.lead[id] = r.storyLead === true || num(r.storyLead) === 1 ? 1 : 0;
    const s = STATUSES.indexOf(r.status as (typeof STATUSES)[number]);
    this.status[id] = s < 0 ? 255 : s;
    this.source[id] = r.sourceId === null ? 0 : num(r.sourceId);
    if (this.source[id]! > this.maxSource) this.maxSource = this.source[id]!;
    this.at[id] = instant(r.ingestedAt);
    this.pub[id] = r.firstCreated === null || r.firstCreated === undefined ? this.at[id]! : instant(r.firstCreated);
  }

  /**
   * Articles with the tag rows that may file them, in one statement: the rules
   * are the queue's own (filedSql), read per article through its tag rows'
   * index. Which rule applies is the tag's kind, known here (tagIds): a row
   * filed by the topic rule only comes as its id negated. Joined to "Tag" in
   * the statement, PostgreSQL read the whole Tag table for every article
   * (a hash join): 142 s for 1,000,000 articles.
   */
  private readArticles(where: Prisma.Sql, tail: Prisma.Sql = Prisma.empty): Promise<ArticleRow[]> {
    // The place rule asks more of a row than the topic rule (accepted, or suggested and likely): it implies it.
    const signed = Prisma.sql`CASE WHEN ${filedSql("iso3166")} THEN t."tagId" ELSE -t."tagId" END`;
    const agg = this.pg ? Prisma.sql`string_agg((${signed})::text, ',')` : Prisma.sql`group_concat(${signed})`;
    return readRows<ArticleRow>(
      this.db,
      Prisma.sql`SELECT a."id", a."status", a."storyLead", a."sourceId", a."ingestedAt", a."firstCreated",
        (SELECT ${agg} FROM "ArticleTag" t WHERE t."articleId" = a."id" AND ${filedSql("medtop")}) AS "tags"
        FROM "Article" a WHERE ${where} ${tail}`,
    );
  }

  /** The ids of the tags that file each row's article; the tags are read again first if one is new. */
  private async tagIds(rows: ArticleRow[]): Promise<number[][]> {
    const signed = rows.map((r) => (r.tags ? r.tags.split(",").map(Number) : []));
    if (signed.some((l) => l.some((id) => !this.tags.has(Math.abs(id))))) await this.loadTags();
    // A place files by the place rule (a positive id); a topic or newsroom tag by the topic rule (either sign).
    return signed.map((l) =>
      l.flatMap((id) => {
        const kind = this.tags.get(Math.abs(id))?.kind;
        return (kind === PLACE && id > 0) || kind === TOPIC || kind === NEWSROOM ? [Math.abs(id)] : [];
      }),
    );
  }

  /** Reads every article again: at first use, and when patching would cost more. */
  async load(): Promise<void> {
    const version = sqliteDataVersion(this.db);
    const position = await this.changePosition();
    await this.loadTags();
    this.cap = 0;
    for (const k of ["exists", "lead", "status", "dup"] as const) this[k] = new Uint8Array(0);
    this.source = new Int32Array(0);
    this.at = new Float64Array(0);
    this.pub = new Float64Array(0);
    this.start = new Uint32Array(1);
    this.over = new Map();
    this.overFlag = new Uint8Array(0);
    this.articles = 0;
    this.maxId = 0;
    const ids: number[] = [];
    const ends: number[] = [];
    const flat: number[] = [];
    let last = 0;
    for (;;) {
      const rows = await this.readArticles(Prisma.sql`a."id" > ${last}`, Prisma.sql`ORDER BY a."id" LIMIT ${Prisma.raw(String(CHUNK))}`);
      if (rows.length === 0) break;
      const to = num(rows[rows.length - 1]!.id);
      const lists = await this.tagIds(rows);
      rows.forEach((r, i) => {
        this.setArticle(r);
        for (const t of lists[i]!) flat.push(t);
        ids.push(num(r.id));
        ends.push(flat.length);
      });
      last = to;
      if (rows.length < CHUNK) break;
      // Let requests in between (SQLite's reads block the thread).
      await new Promise((r) => setImmediate(r));
    }
    // The tag ids of article ids[i] are flat[ends[i-1] .. ends[i]]; laid out by id.
    const start = new Uint32Array(this.cap + 1);
    let next = 0;
    for (let i = 0; i < ids.length; i++) {
      const from = i === 0 ? 0 : ends[i - 1]!;
      while (next <= ids[i]!) start[next++] = from;
    }
    while (next <= this.cap) start[next++] = flat.length;
    this.start = start;
    this.data = Int32Array.from(flat);
    const links = await readRows<{ a: unknown; b: unknown }>(
      this.db,
      Prisma.sql`SELECT "articleId" AS a, "otherId" AS b FROM "DuplicateLink" WHERE "state" IN ('suggested', 'confirmed')`,
    );
    for (const l of links) {
      for (const id of [num(l.a), num(l.b)]) if (id < this.cap) this.dup[id] = 1;
    }
    this.position = position;
    this.syncedAt = Date.now();
    this.dataVersion = version;
    this.forgetSearches();
    this.items.clear();
    this.kept.clear();
    this.figures.clear();
  }

  private forgetSearches() {
    this.generation++;
    this.searches.clear();
    this.searchIdCount = 0;
    this.changeBase += this.changeLog.length;
    this.changeLog = [];
  }

  /** Articles reread at a sync, for the kept searches to test again. */
  private remember(ids: number[]) {
    if (this.searches.size === 0) {
      this.changeBase += this.changeLog.length + ids.length;
      this.changeLog = [];
      return;
    }
    for (const id of ids) this.changeLog.push(id);
    if (this.changeLog.length <= CHANGES_REMEMBERED) return;
    // What every kept search has seen is dropped; if that is not enough, the searches are.
    let oldest = this.changeEnd();
    for (const k of this.searches.values()) if (k.found) oldest = Math.min(oldest, k.seen);
    if (oldest > this.changeBase) {
      this.changeLog = this.changeLog.slice(oldest - this.changeBase);
      this.changeBase = oldest;
    }
    if (this.changeLog.length > CHANGES_REMEMBERED) this.forgetSearches();
  }

  private changeEnd(): number {
    return this.changeBase + this.changeLog.length;
  }

  /**
   * The ids a search matches (or, of exclusions only, leaves out), ascending,
   * as of this index's last sync or later: read from the store the first
   * time, then kept, and the articles changed since tested again. Callers of
   * one search take their turn, so 20 clients asking at once read it once.
   */
  searchIds(q: string): Promise<SearchIds> {
    let k = this.searches.get(q);
    if (k && k.generation === this.generation) this.searches.delete(q);
    else k = { generation: this.generation, seen: 0, found: null, turn: Promise.resolve() };
    this.searches.set(q, k);
    const kept = k;
    const next = kept.turn.then(() => this.bringUp(q, kept));
    kept.turn = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private async bringUp(q: string, k: KeptSearch): Promise<SearchIds> {
    const end = this.changeEnd();
    if (k.found && k.seen >= end) return k.found;
    const changed = k.found && k.seen >= this.changeBase ? [...new Set(this.changeLog.slice(k.seen - this.changeBase))] : null;
    const found = changed && changed.length <= RETEST_OVER ? await this.retest(q, k.found!, changed) : await readSearchIds(this.db, q);
    // A load meanwhile forgot this search: the answer stands, but is not kept.
    if (k.generation !== this.generation || this.searches.get(q) !== k) return found;
    this.searchIdCount += found.ids.length - (k.found?.ids.length ?? 0);
    k.found = found;
    k.seen = end;
    for (const [key, other] of this.searches) {
      if (this.searches.size <= 1 || (this.searches.size <= SEARCHES_KEPT && this.searchIdCount <= SEARCH_IDS_KEPT)) break;
      if (other === k) continue;
      this.searches.delete(key);
      this.searchIdCount -= other.found?.ids.length ?? 0;
    }
    return found;
  }

  /** A kept search's ids after its changed articles are tested again (by id, in the store). */
  private async retest(q: string, was: SearchIds, changed: number[]): Promise<SearchIds> {
    const matched: number[] = [];
    for (let i = 0; i < changed.length; i += IN_LIST) {
      const read = searchIdsSql(this.db, q, changed.slice(i, i + IN_LIST));
      if (!read) return was;
      const [r] = await readRows<{ ids: string | null }>(this.db, read.sql);
      if (r?.ids) for (const id of r.ids.split(",")) matched.push(Number(id));
    }
    const now = new Set(matched);
    // Each changed article matches now exactly when it did (a decision, not a text change): the same
    // ids, and the same object, so counts kept under the search need not compare them (swapSearch).
    // Filtering and sorting every match each time cost milliseconds a change for a frequent word.
    if (changed.every((id) => has(was.ids, id) === now.has(id))) return was;
    const gone = new Set(changed);
    const stay = was.ids.filter((id) => !gone.has(id));
    const add = [...now].sort((x, y) => x - y);
    // Both ascend and are disjoint: merged.
    const ids = new Int32Array(stay.length + add.length);
    for (let i = 0, j = 0, k = 0; k < ids.length; k++) ids[k] = j >= add.length || (i < stay.length && stay[i]! < add[j]!) ? stay[i++]! : add[j++]!;
    return { ids, exclude: was.exclude };
  }

  private tagsOf(id: number): Int32Array {
    const o = this.overFlag[id] ? this.over.get(id) : undefined;
    if (o) return o;
    if (id + 1 >= this.start.length) return new Int32Array(0);
    return this.data.subarray(this.start[id]!, this.start[id + 1]!);
  }

  private setTags(id: number, tags: Int32Array) {
    this.over.set(id, tags);
    this.overFlag[id] = 1;
  }

  /** Reads again the articles named by change rows since the last read. */
  private async patch(): Promise<void> {
    if (this.syncedAt === 0 || Date.now() - this.syncedAt > STALE_AFTER_MS) return this.load();
    // SQLite: nothing committed since the last read, nothing to read (else the newest row, read
    // every time, would have its article tested again by every kept search at every request).
    const version = sqliteDataVersion(this.db);
    if (version !== undefined && version === this.dataVersion) {
      this.syncedAt = Date.now();
      return;
    }
    let ids: number[];
    let position: string;
    if (this.pg) {
      const [r] = await readRows<{ p: unknown; ids: string | null }>(
        this.db,
        // The rows the last read could not see: of transactions still open then, or begun since.
        // A pruning mark is read whenever it is past the last read's oldest open transaction.
        Prisma.sql`SELECT txid_current_snapshot()::text AS p,
          (SELECT string_agg(DISTINCT "articleId"::text, ',') FROM "ArticleChange"
            WHERE "tx" >= txid_snapshot_xmin(CAST(${this.position} AS txid_snapshot))
              AND ("articleId" = -1 OR NOT txid_visible_in_snapshot("tx", CAST(${this.position} AS txid_snapshot)))) AS ids`,
      );
      position = String(r!.p);
      ids = r!.ids ? r!.ids.split(",").map(Number) : [];
    } else {
      // The newest row is read every time (>=): a trigger leaves out a row naming the same article as the newest.
      const [r] = await readRows<{ p: unknown; pruned: unknown; ids: string | null }>(
        this.db,
        Prisma.sql`SELECT (SELECT coalesce(max("seq"), 0) FROM "ArticleChange") AS p,
          (SELECT "tx" FROM "ArticleChange" WHERE "seq" >= ${Number(this.position)} AND "articleId" = -1 ORDER BY "seq" DESC LIMIT 1) AS pruned,
          (SELECT group_concat(DISTINCT "articleId") FROM "ArticleChange" WHERE "seq" >= ${Number(this.position)} AND "articleId" <> -1) AS ids`,
      );
      // Rows pruned that this index had not read (their newest seq is the mark's tx): start again.
      // (The newest mark by seq, read through the key: max("tx") would walk the tx index, all of it.)
      if (r!.pruned !== null && num(r!.pruned) > Number(this.position)) return this.load();
      position = String(num(r!.p));
      ids = r!.ids ? r!.ids.split(",").map(Number) : [];
    }
    // -1: rows this index had not read were pruned (pruneArticleChanges).
    if (ids.length > RELOAD_OVER || ids.includes(-1)) return this.load();
    const wanted = ids.filter((id) => id > 0);
    // Article 0: a tag or a source renamed, which rows of any article may show.
    if (ids.includes(0)) this.items.clear();
    else if (wanted.length) this.items.forget(wanted);
    if (ids.includes(0) && (await this.loadTags())) return this.load();
    // A tag renamed, hidden or moved: what each count shows of it changed.
    if (ids.includes(0)) {
      this.kept.clear();
      this.figures.clear();
    }
    const read: Reread[] = [];
    for (let i = 0; i < wanted.length; i += IN_LIST) read.push(await this.reread(wanted.slice(i, i + IN_LIST)));
    // In one synchronous step: a request counting meanwhile (its own sync done) never sees an
    // article taken out of the kept figures and not yet put back.
    this.adjustKept(wanted, -1);
    this.figures.adjust(wanted, -1);
    for (const r of read) this.apply(r);
    this.adjustKept(wanted, 1);
    this.figures.adjust(wanted, 1);
    this.remember(wanted);
    if (this.over.size > 100_000) this.compact();
    this.position = position;
    this.syncedAt = Date.now();
    this.dataVersion = version;
  }

  /** The rows of these articles as the index keeps them, read from the store (applied by `apply`). */
  private async reread(ids: number[]): Promise<Reread> {
    const list = Prisma.join(ids);
    const [rows, links] = await Promise.all([
      this.readArticles(Prisma.sql`a."id" IN (${list})`),
      readRows<{ a: unknown; b: unknown }>(
        this.db,
        Prisma.sql`SELECT "articleId" AS a, "otherId" AS b FROM "DuplicateLink"
          WHERE ("articleId" IN (${list}) OR "otherId" IN (${list})) AND "state" IN ('suggested', 'confirmed')`,
      ),
    ]);
    const lists = await this.tagIds(rows);
    const open = new Set(links.flatMap((l) => [num(l.a), num(l.b)]));
    return { ids, rows, lists, open };
  }

  private apply({ ids, rows, lists, open }: Reread): void {
    const found = new Set<number>();
    for (const [i, r] of rows.entries()) {
      const id = num(r.id);
      found.add(id);
      this.setArticle(r);
      this.setTags(id, Int32Array.from(lists[i]!));
      this.dup[id] = open.has(id) ? 1 : 0;
    }
    for (const id of ids) {
      if (found.has(id) || id >= this.cap) continue;
      if (this.exists[id]) this.articles--;
      this.exists[id] = 0;
      this.setTags(id, new Int32Array(0));
      this.dup[id] = 0;
    }
  }

  /** What the dashboard counts of an article (dashboard-figures.ts), as kept-hours.ts counts it in the store. */
  private dashboardFacts(id: number): DashboardFacts | undefined {
    if (id >= this.cap || !this.exists[id]) return undefined;
    const topics: number[] = [];
    const places: number[] = [];
    for (const t of this.tagsOf(id)) {
      const meta = this.tags.get(t);
      if (meta?.kind === PLACE) places.push(t);
      else if (meta?.kind === NEWSROOM || (meta?.kind === TOPIC && meta.top)) topics.push(t);
    }
    const ascending = (a: number, b: number) => a - b;
    return {
      // Publication, or arrival when that is earlier (a feed's clock running ahead) or the publication unknown.
      story: Math.min(this.pub[id]!, this.at[id]!),
      topics: topics.sort(ascending).join(","),
      places: places.sort(ascending).join(","),
      source: this.source[id]!,
      dup: this.dup[id] === 1,
    };
  }

  /** Folds the changed articles' tag ids back into the compact base. */
  private compact() {
    const start = new Uint32Array(this.cap + 1);
    const lists: Int32Array[] = [];
    let n = 0;
    for (let id = 0; id < this.cap; id++) {
      start[id] = n;
      const l = this.exists[id] ? this.tagsOf(id) : new Int32Array(0);
      lists.push(l);
      n += l.length;
    }
    start[this.cap] = n;
    const data = new Int32Array(n);
    let off = 0;
    for (const l of lists) {
      data.set(l, off);
      off += l.length;
    }
    this.start = start;
    this.data = data;
    this.over = new Map();
    this.overFlag.fill(0);
  }

  /** Brings the index up to date with the store as it stood at this call, or later. */
  sync(): Promise<void> {
    return this.syncs.get();
  }

  /**
   * The filters as the passes over the arrays read them: each dimension's
   * wanted values as masks (a byte read per article rather than a hash
   * lookup), and `passes(id)`: whether an article passes them all.
   */
  private filters(p: Filters, sources: Set<number> | null, search: SearchIds | null, now: Date) {
    const chosen = statusFilter(p);
    const st = chosen ? STATUSES.indexOf(chosen) : -1;
    const byLead = p.view !== "articles";
    const since = [p.since ? new Date(p.since) : undefined, p.range ? rangeStart(p.range, now) : undefined]
      .filter((d): d is Date => d !== undefined)
      .map((d) => d.getTime())
      .sort((x, y) => y - x)[0];
    const until = p.until ? new Date(p.until).getTime() : undefined;
    const maxTag = Math.max(0, ...this.tags.keys()) + 1;
    const toMask = (ids: Iterable<number>, size: number) => {
      const m = new Uint8Array(size);
      for (const id of ids) if (id >= 0 && id < size) m[id] = 1;
      return m;
    };
    const mask = (ids: number[] | undefined) => toMask(ids ?? [], maxTag);
    const wantedSources = sources ? toMask(sources, Math.max(0, ...sources) + 1) : null;
    // A search counts only its matches: a pass walks their ids rather than every article.
    const matches = search && !search.exclude ? search.ids : null;
    const excluded = search?.exclude ? toMask(search.ids, this.cap) : null;
    const places = p.place ? mask(p.tagIds?.place) : null;
    const topics = p.topic ? mask(p.tagIds?.topic) : null;
    const dupWanted = p.duplicates === "yes" ? 1 : p.duplicates === "no" ? 0 : -1;
    const { exists, lead, status, source, at, dup, overFlag, start, data, over, cap } = this;
    const passes = (id: number): boolean => {
      if (id >= cap || !exists[id] || (byLead && !lead[id]) || (excluded && excluded[id])) return false;
      if (since !== undefined && !(at[id]! >= since)) return false;
      if (until !== undefined && !(at[id]! < until)) return false;
      if (st >= 0 && status[id] !== st) return false;
      if (wantedSources && wantedSources[source[id]!] !== 1) return false;
      if (dupWanted >= 0 && dup[id] !== dupWanted) return false;
      if (!places && !topics) return true;
      // The article's filed tag ids: tags[from..to).
      const o = overFlag[id] ? over.get(id)! : null;
      const tags = o ?? data;
      const to = o ? o.length : start[id + 1]!;
      let okPlace = !places;
      let okTopic = !topics;
      for (let k = o ? 0 : start[id]!; k < to; k++) {
        const t = tags[k]!;
        if (places && places[t]) okPlace = true;
        if (topics && topics[t]) okTopic = true;
      }
      return okPlace && okTopic;
    };
    return { chosen, maxTag, matches, passes, st, byLead, since, until, wantedSources, excluded, places, topics, dupWanted };
  }

  /** Which tag ids each chart counts: places, and topics at the top level or the newsroom's; never hidden ones. */
  private countsAs(): Uint8Array {
    if (this.countedAs) return this.countedAs;
    const countsAs = new Uint8Array(Math.max(0, ...this.tags.keys()) + 1);
    for (const [id, t] of this.tags) {
      if (t.hidden) continue;
      if (t.kind === PLACE) countsAs[id] = PLACE;
      else if (t.kind === NEWSROOM || (t.kind === TOPIC && t.top)) countsAs[id] = TOPIC;
    }
    return (this.countedAs = countsAs);
  }

  /**
   * Adds (sign 1) or takes away (-1) the articles `ids` (every article when
   * null) to a count under the filters `f`, as computeFacets counts: each
   * dimension under every filter but its own, so an article that fails two
   * filters counts nowhere, one that fails one only in that filter's dimension.
   */
  private tally(f: ReturnType<FacetIndex["filters"]>, acc: Tally, ids: ArrayLike<number> | null, sign: number) {
    const countsAs = this.countsAs();
    // Grown for tags and sources new since the count began.
    if (acc.tag.length < countsAs.length) acc.tag = grown(acc.tag, countsAs.length);
    if (acc.source.length <= this.maxSource) acc.source = grown(acc.source, this.maxSource + 1);
    const { status: statusCount, source: sourceCount, tag: tagCount } = acc;
    let dupAll = 0;
    let dupYes = 0;
    // The pass tests the filters inline, each dimension apart; a call a test cost a quarter
    // more (40 → 52 ms for a place at 1,000,000).
    const { st, byLead, since, until, wantedSources, excluded, places, topics, dupWanted } = f;
    const { exists, lead, status, source, at, dup, overFlag, start, data, cap } = this;
    const end = ids ? ids.length : cap;
    for (let i = ids ? 0 : 1; i < end; i++) {
      const id = ids ? ids[i]! : i;
      if (id >= cap || !exists[id] || (byLead && !lead[id]) || (excluded && excluded[id])) continue;
      if (since !== undefined && !(at[id]! >= since)) continue;
      if (until !== undefined && !(at[id]! < until)) continue;
      const okStatus = st < 0 || status[id] === st;
      const okSource = !wantedSources || wantedSources[source[id]!] === 1;
      const okDup = dupWanted < 0 || dup[id] === dupWanted;
      // The article's filed tag ids: tags[from..to).
      let tags: Int32Array = data;
      let from = start[id]!;
      let to = start[id + 1]!;
      if (overFlag[id]) {
        tags = this.over.get(id)!;
        from = 0;
        to = tags.length;
      }
      let okPlace = !places;
      let okTopic = !topics;
      if (places || topics) {
        for (let k = from; k < to; k++) {
          const t = tags[k]!;
          if (places && places[t]) okPlace = true;
          if (topics && topics[t]) okTopic = true;
        }
      }
      const fails = +!okStatus + +!okSource + +!okPlace + +!okTopic + +!okDup;
      if (fails > 1) continue;
      if (fails === 0 || !okStatus) statusCount[status[id]!]! += sign;
      if (fails === 0 || !okSource) sourceCount[source[id]!]! += sign;
      const forPlace = fails === 0 || !okPlace;
      const forTopic = fails === 0 || !okTopic;
      if (forPlace || forTopic) {
        for (let k = from; k < to; k++) {
          const t = tags[k]!;
          const c = countsAs[t];
          if ((c === PLACE && forPlace) || (c === TOPIC && forTopic)) tagCount[t]! += sign;
        }
      }
      if (fails === 0 || !okDup) {
        dupAll++;
        dupYes += dup[id]!;
      }
    }
    acc.dupAll += sign * dupAll;
    acc.dupYes += sign * dupYes;
  }

  /**
   * The facets computeFacets counts, for filters without a language; `search`:
   * the ids the search matches (or, `exclude`, leaves out). Counted once per
   * filter, then kept and brought up to date at each sync by the articles the
   * change rows name (decision 029): under a stream of editors' decisions each
   * change made every process count each filter again, a pass over every
   * article (43-54 ms at 1,000,000).
   */
  count(p: Filters, sources: Set<number> | null, search: SearchIds | null, sourceNames: Map<number, string>, now = new Date()): ArticleFacets {
    return this.facetsOf(this.keptCount(p, sources, search, now), statusFilter(p), sourceNames);
  }

  /** The kept count under these filters, counted first if it is not kept, brought onto the search's ids as they stand. */
  private keptCount(p: Filters, sources: Set<number> | null, search: SearchIds | null, now: Date): Tally {
    const key = keptKey(p, sources, now);
    let k = this.kept.get(key);
    this.countsFrom[k ? "kept" : "counted"]++;
    if (k) {
      this.kept.delete(key);
      if (k.search !== search || k.pending.size) this.swapSearch(k, search!);
    } else {
      k = { p, sources, now, search, acc: { status: new Float64Array(256), source: new Float64Array(0), tag: new Float64Array(0), dupAll: 0, dupYes: 0 }, pending: new Set() };
      this.tally(this.filters(p, sources, search, now), k.acc, search && !search.exclude ? search.ids : null, 1);
    }
    this.kept.set(key, k);
    if (this.kept.size > COUNTS_KEPT) this.kept.delete(this.kept.keys().next().value!);
    return k.acc;
  }

  /** The queue's total under these filters: count's, without the facets' labels. */
  total(p: Filters, sources: Set<number> | null, search: SearchIds | null, now = new Date()): number {
    const acc = this.keptCount(p, sources, search, now);
    const chosen = statusFilter(p);
    return chosen ? (acc.status[STATUSES.indexOf(chosen)] ?? 0) : acc.status.reduce((a, b) => a + b, 0);
  }

  /**
   * A kept count under a search, moved onto the search's ids as they stand
   * now: the articles whose match changed are taken away as they matched
   * and added as they match, and those a sync took away (pending) are added
   * back. Any article whose match differs between the two reads is counted
   * right, however the search's ids were brought up (tested again or read whole).
   */
  private swapSearch(k: KeptCount, now: SearchIds) {
    const was = k.search!;
    const out: number[] = [];
    const back: number[] = [];
    for (const id of was === now ? [] : changedMatches(was.ids, now.ids)) {
      if (k.pending.has(id)) continue;
      if (matches(was, id)) out.push(id);
      if (matches(now, id)) back.push(id);
    }
    for (const id of k.pending) if (matches(now, id)) back.push(id);
    const f = this.keptFilters(k);
    this.tally(f, k.acc, out, -1);
    this.tally(f, k.acc, back, 1);
    k.search = now;
    k.pending.clear();
  }

  /** A kept count's filters as a pass reads them, without its search: made once, as every sync moves every kept count. */
  private keptFilters(k: KeptCount) {
    return (k.f ??= this.filters(k.p, k.sources, null, k.now));
  }

  /**
   * The kept counts before (-1) and after (1) a sync rereads the articles
   * `ids`. A count under a search takes them away before, as they matched,
   * and adds them back when asked, once its search has tested them again.
   */
  private adjustKept(ids: number[], sign: -1 | 1) {
    if (ids.length === 0 || this.kept.size === 0) return;
    // A large batch costs more to adjust in every count than to count again those asked for.
    if (ids.length * this.kept.size > ADJUST_MAX) {
      this.kept.clear();
      return;
    }
    for (const [key, k] of this.kept) {
      if (sign > 0 && k.search) continue;
      const f = this.keptFilters(k);
      if (!k.search) {
        this.tally(f, k.acc, ids, sign);
        continue;
      }
      const search = k.search;
      this.tally(
        f,
        k.acc,
        ids.filter((id) => !k.pending.has(id) && matches(search, id)),
        -1,
      );
      for (const id of ids) k.pending.add(id);
      if (k.pending.size > RETEST_OVER) this.kept.delete(key);
    }
  }

  private facetsOf(acc: Tally, chosen: string | undefined, sourceNames: Map<number, string>): ArticleFacets {
    const countsAs = this.countsAs();
    const { status: statusCount, source: sourceCount, tag: tagCount } = acc;
    const tagFacet = (kind: number) => {
      const out: FacetCount[] = [];
      for (const [id, t] of this.tags) if (countsAs[id] === kind && (tagCount[id] ?? 0) > 0) out.push({ value: t.code, label: t.name, count: tagCount[id]! });
      return out.sort(byCount);
    };
    const statusOf = (s: string) => statusCount[STATUSES.indexOf(s as (typeof STATUSES)[number])] ?? 0;
    const all = [...statusCount].reduce((a, b) => a + b, 0);
    return {
      total: chosen ? statusOf(chosen) : all,
      status: STATUSES.map((s) => ({ value: s, label: s, count: statusOf(s) })),
      place: tagFacet(PLACE),
      topic: tagFacet(TOPIC),
      // Index 0 holds the articles with no source, which the facet leaves out.
      source: [...sourceCount.entries()]
        .filter(([id, n]) => id > 0 && n > 0)
        .map(([id, n]) => ({ value: String(id), label: sourceNames.get(id) ?? `source ${id}`, count: n }))
        .sort(byCount),
      duplicates: [
        { value: "yes", label: "Has duplicates", count: acc.dupYes },
        { value: "no", label: "No duplicates", count: acc.dupAll - acc.dupYes },
      ],
    };
  }

  /**
   * The queue's page by arrival, newest first: the ids every filter passes,
   * below `before` and above `after`, at most `limit`. With a search, its
   * matches are walked from the newest: the store's page of a frequent word
   * read the id index backwards testing each article's text, and of a rarer
   * one collected and sorted every match. Without a search, every article
   * below the cursor is tested; undefined when `maxScan` of them did not fill
   * the page (a rare filter: the store's indexes find it quicker).
   */
  page(
    p: Filters,
    sources: Set<number> | null,
    search: SearchIds | null,
    bounds: { before?: number; after?: number },
    limit: number,
    now = new Date(),
    maxScan = Infinity,
  ): number[] | undefined {
    // Exclusions only: their ids are walked down beside the articles', not made into a mask of
    // every article (1 MB and 4 ms a page for "-oil" at 1,000,000 articles).
    const excluded = search?.exclude ? search.ids : null;
    const { matches, passes } = this.filters(p, sources, excluded ? null : search, now);
    const top = Math.min(this.maxId, (bounds.before ?? Infinity) - 1);
    const floor = bounds.after ?? 0;
    const out: number[] = [];
    if (excluded) {
      let j = excluded.length - 1;
      for (let id = top; id > floor && out.length < limit; id--) {
        while (j >= 0 && excluded[j]! > id) j--;
        if (!(j >= 0 && excluded[j] === id) && passes(id)) out.push(id);
      }
    } else if (matches) {
      // The last match at or below top (binary search: matches ascend).
      let lo = 0;
      let hi = matches.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (matches[mid]! <= top) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo - 1; i >= 0 && out.length < limit && matches[i]! > floor; i--) if (passes(matches[i]!)) out.push(matches[i]!);
    } else {
      // Without a search every article below the cursor is tested: past maxScan of them the store's indexes are quicker.
      const stop = Math.max(floor, top - maxScan);
      let id = top;
      for (; id > stop && out.length < limit; id--) if (passes(id)) out.push(id);
      if (out.length < limit && id > floor) return undefined;
    }
    return out;
  }

  /**
   * A searched page by publication, newest first (sort=published): of the
   * matches every filter passes, those after the cursor (older, or as old
   * with a lower id) and above `after`, at most `limit`. The matches are
   * walked from the newest id, keeping the page in order as it goes: arrival
   * follows publication closely, so few matches displace a kept one. The store
   * probed the publication index against the search for each row, or read and
   * sorted every match: "tokyo" by publication at 1,000,000 articles took
   * 15 ms on PostgreSQL against 9 ms so, and the same 6 ms on SQLite.
   */
  pageByPublished(
    p: Filters,
    sources: Set<number> | null,
    search: SearchIds,
    bounds: { before?: { id: number; published: number }; after?: number },
    limit: number,
    now = new Date(),
  ): number[] {
    const { matches, passes } = this.filters(p, sources, search, now);
    if (!matches || limit <= 0) return [];
    const { pub } = this;
    const floor = bounds.after ?? 0;
    const c = bounds.before;
    // The page so far, newest first: ids and their times, at most `limit`.
    const ids: number[] = [];
    const times: number[] = [];
    for (let i = matches.length - 1; i >= 0; i--) {
      const id = matches[i]!;
      if (id <= floor) break;
      if (id >= this.cap) continue;
      const t = pub[id]!;
      if (c && (t > c.published || (t === c.published && id >= c.id))) continue;
      // Not newer than the page's oldest: it cannot enter (ids descend, so a tie loses too).
      if (ids.length === limit && t <= times[limit - 1]!) continue;
      if (!passes(id)) continue;
      // Into its place: after every kept one as new or newer (a tie has a higher id), the oldest dropped when full.
      if (ids.length < limit) {
        ids.push(0);
        times.push(0);
      }
      let k = ids.length - 1;
      for (; k > 0 && times[k - 1]! < t; k--) {
        ids[k] = ids[k - 1]!;
        times[k] = times[k - 1]!;
      }
      ids[k] = id;
      times[k] = t;
    }
    return ids;
  }

  /** What the index holds, in bytes (the arrays and the changed articles' tag ids). */
  bytes(): number {
    let n = 0;
    for (const a of [this.exists, this.lead, this.status, this.dup, this.source, this.at, this.pub, this.overFlag, this.start, this.data]) n += a.byteLength;
    for (const l of this.over.values()) n += l.byteLength + 64;
    return n;
  }

  /** Starts the idle sync; stopped by the process's end (unref). */
  keepSynced(): void {
    this.timer = setInterval(() => void this.sync().catch(() => undefined), SYNC_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const indexes = new WeakMap<Db, { index: FacetIndex; ready: Promise<FacetIndex | undefined> }>();

/** min: the store's size below which no index is kept; wait: for one being loaded; synced: the caller's index, synced for this request. */
export interface IndexOpts {
  min?: number;
  wait?: boolean;
  synced?: Promise<FacetIndex | undefined>;
}

/**
 * The process's index for this store, up to date; undefined while it is being
 * loaded (the store counts meanwhile) or when the store holds fewer articles
 * than WIREDESK_FACET_INDEX_MIN (small stores count fast enough without one).
 */
export async function facetIndex(db: Db, opts: IndexOpts = {}): Promise<FacetIndex | undefined> {
  // The request's own sync, begun already (find-articles.ts reads the index once a request).
  if (opts.synced) return opts.synced;
  const entry = startIndex(db, opts.min);
  let settled: FacetIndex | undefined | null = null;
  if (!opts.wait) {
    // Not ready yet: the caller counts in the store rather than waiting.
    settled = await Promise.race([entry.ready, Promise.resolve(null)]);
    if (settled === null) return undefined;
  } else settled = await entry.ready;
  if (!settled) return undefined;
  try {
    await settled.sync();
  } catch {
    // The store counts this one; the index loads again at its next sync.
    return undefined;
  }
  return settled;
}

/** Starts loading the process's index, if the store is large enough, without waiting (the queue's first page does). */
export function warmFacetIndex(db: Db): void {
  startIndex(db);
}

function startIndex(db: Db, minimum?: number) {
  let entry = indexes.get(db);
  if (!entry) {
    const index = new FacetIndex(db);
    const min = minimum ?? env().WIREDESK_FACET_INDEX_MIN;
    const ready = (async () => {
      if (min > 0) {
        const [r] = await readRows<{ n: unknown }>(db, Prisma.sql`SELECT count(*) AS n FROM "Article"`);
        if (num(r?.n) < min) return undefined;
      }
      await index.sync();
      index.keepSynced();
      return index;
    })();
    entry = { index, ready };
    indexes.set(db, entry);
    // A store below the size, or a failed load: asked again later.
    ready.then(
      (i) => i ?? setTimeout(() => indexes.get(db) === entry && indexes.delete(db), 60_000).unref(),
      () => indexes.get(db) === entry && indexes.delete(db),
    );
  }
  return entry;
}

/** Forgets a store's index (tests drop their stores). */
export function dropFacetIndex(db: Db): void {
  indexes.get(db)?.index.stop();
  indexes.delete(db);
}

/** Source ids a source filter names (ids, or exact names), as sourceSql (article-sql.ts) reads them. */
async function sourceIds(db: Db, raw: string): Promise<Set<number>> {
  const { ids, names } = sourceValues(raw);
  const found = new Set(ids);
  if (names.length) {
    const rows = await readRows<{ id: unknown }>(db, Prisma.sql`SELECT "id" FROM "Source" WHERE "name" IN (${Prisma.join(names)})`);
    for (const r of rows) found.add(num(r.id));
  }
  return found;
}

/** The ids a search matches; `exclude`: a search of exclusions only, whose ids are those it leaves out. */
export interface SearchIds {
  ids: Int32Array;
  exclude: boolean;
}

/** Changed articles' rows as read, to be applied at once. */
interface Reread {
  ids: number[];
  rows: ArticleRow[];
  lists: number[][];
  open: Set<number>;
}

/** A count's figures: per status, per source id, per tag id, and the duplicates facet. */
interface Tally {
  status: Float64Array;
  source: Float64Array;
  tag: Float64Array;
  dupAll: number;
  dupYes: number;
}

/** A count kept per filter (FacetIndex.count). */
interface KeptCount {
  p: Filters;
  sources: Set<number> | null;
  /** When it was first counted: a relative time range starts from it (its key names the minute). */
  now: Date;
  /** The search's ids it was counted with (null without a search). */
  search: SearchIds | null;
  acc: Tally;
  /** Under a search: articles a sync took away, added back when its search has tested them again. */
  pending: Set<number>;
  /**
   * Its filters as a pass reads them, without the search (made once: a sync moves every kept count).
   * Nothing in them changes with the index: the tag and source ids are the key's.
   */
  f?: ReturnType<FacetIndex["filters"]>;
}

/** The filters a count is kept under: its tags and sources as looked up, a relative time range by the minute. */
function keptKey(p: Filters, sources: Set<number> | null, now: Date): string {
  const minute = p.range ? Math.floor(now.getTime() / 60_000) : null;
  const ids = sources ? [...sources].sort((a, b) => a - b) : null;
  return JSON.stringify([statusFilter(p) ?? null, p.view, p.q ?? null, p.tagIds ?? null, p.place ?? null, p.topic ?? null, ids, p.duplicates ?? null, p.since ?? null, p.until ?? null, p.range ?? null, minute]);
}

function grown(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

/** Whether an ascending list holds an id. */
function has(ids: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < ids.length && ids[lo] === id;
}

/** Whether a search counts this article: it matches, or, of exclusions only, is not excluded. */
function matches(search: SearchIds, id: number): boolean {
  return has(search.ids, id) !== search.exclude;
}

/** The ids in one of two ascending lists and not the other. */
function changedMatches(a: Int32Array, b: Int32Array): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else if (i >= a.length || b[j]! < a[i]!) out.push(b[j++]!);
    else {
      i++;
      j++;
    }
  }
  return out;
}

interface KeptSearch {
  generation: number;
  /** The position in the index's changes its ids are up to date with. */
  seen: number;
  found: SearchIds | null;
  /** The last caller's turn: callers of one search go one after another. */
  turn: Promise<void>;
}

async function readSearchIds(db: Db, q: string): Promise<SearchIds> {
  const read = searchIdsSql(db, q);
  if (!read) return { ids: new Int32Array(0), exclude: false };
  const [r] = await readRows<{ ids: string | null }>(db, read.sql);
  // Each id once (a search index row, or an article row); sorted, so the pass reads the arrays in order.
  const ids = r?.ids ? Int32Array.from(r.ids.split(","), Number).sort() : new Int32Array(0);
  return { ids, exclude: read.exclude };
}

/** The sources' names, which the counts label sources by; requests asking at once share a read. */
const sourceRows = nextReadFor((db: Db) => readRows<{ id: unknown; name: string | null }>(db, Prisma.sql`SELECT "id", "name" FROM "Source"`, { prepared: true }));

/** The facets from the index; undefined when it cannot answer (no index yet, or a language filter). */
export async function indexFacets(db: Db, p: Filters, opts: IndexOpts = {}): Promise<ArticleFacets | undefined> {
  if (p.language) return undefined;
  const index = await facetIndex(db, opts);
  if (!index) return undefined;
  const [sources, search, names] = await Promise.all([
    p.source ? sourceIds(db, p.source) : null,
    p.q ? index.searchIds(p.q) : null,
    sourceRows(db),
  ]);
  const sourceNames = new Map(names.filter((n) => n.name !== null).map((n) => [num(n.id), n.name!]));
  return index.count(p, sources, search, sourceNames);
}

/** The queue's total from the index (as indexFacets', without reading the sources' names); undefined when it cannot answer. */
export async function indexTotal(db: Db, p: Filters, opts: IndexOpts = {}): Promise<number | undefined> {
  if (p.language) return undefined;
  const index = await facetIndex(db, opts);
  if (!index) return undefined;
  const [sources, search] = await Promise.all([p.source ? sourceIds(db, p.source) : null, p.q ? index.searchIds(p.q) : null]);
  return index.total(p, sources, search);
}

/**
 * The dashboard's figures for a window from the process's index
 * (dashboard-figures.ts); undefined when it cannot answer yet (no index, or
 * its figures being counted in).
 */
export async function indexWindowFigures(db: Db, w: Window, opts: IndexOpts = {}): Promise<WindowFigures | undefined> {
  const index = await facetIndex(db, opts);
  if (!index) return undefined;
  const figures = index.figures.window(w);
  if (figures || !opts.wait) return figures;
  await index.figures.built();
  return index.figures.window(w);
}

/**
 * A page of the queue from the index: by arrival (FacetIndex.page), or a
 * search's page by publication (FacetIndex.pageByPublished); undefined when
 * it cannot answer: no index yet, a language filter, by publication without a
 * search or of exclusions only (the store's publication index reads those in
 * order), or, without a search, a filter too rare for a walk down the
 * articles to fill the page soon (`total`: how many articles the filters
 * pass, which foretells it).
 */
export async function indexPage(
  db: Db,
  p: Filters & { sort?: string },
  bounds: { before?: number; after?: number; publishedBefore?: string },
  limit: number,
  opts: IndexOpts & { total?: number | Promise<number> } = {},
): Promise<number[] | undefined> {
  const byPublished = p.sort === "published";
  if (p.language || (byPublished && !p.q)) return undefined;
  const index = await facetIndex(db, opts);
  if (!index) return undefined;
  // Without a search: the page fills after about limit × articles / total articles tested.
  const walked = !p.q && bounds.after === undefined;
  if (walked && opts.total !== undefined && limit * index.articles > SCAN_MAX * Math.max(1, await opts.total)) return undefined;
  const [sources, search] = await Promise.all([p.source ? sourceIds(db, p.source) : null, p.q ? index.searchIds(p.q) : null]);
  if (!byPublished) return index.page(p, sources, search, bounds, limit, undefined, walked ? SCAN_MAX : Infinity);
  if (!search || search.exclude) return undefined;
  const { before, publishedBefore, after } = bounds;
  const cursor = before !== undefined && publishedBefore !== undefined ? { id: before, published: instant(publishedBefore) } : undefined;
  return index.pageByPublished(p, sources, search, { before: cursor, after }, limit);
}

/**
 * Drops change rows an hour old (the worker, now and then): every index reads
 * them within a minute. An index that had not read one must start again: a
 * mark (articleId -1) carries the newest pruned row's seq (SQLite) or
 * transaction (PostgreSQL, where rows commit out of order), and an index whose
 * position is at or before it loads again.
 */
export async function pruneArticleChanges(db: Db, now = new Date()): Promise<number> {
  const before = Math.floor(now.getTime() / 1000) - CHANGES_KEPT_S;
  if (dbKind(db) !== "postgres") {
    return db.$transaction(async (tx) => {
      const [g] = await tx.$queryRaw<{ n: unknown; top: unknown }[]>`SELECT count(*) AS n, max("seq") AS top FROM "ArticleChange" WHERE "at" < ${before} AND "articleId" <> -1`;
      if (!num(g?.n)) return 0;
      await tx.$executeRaw`DELETE FROM "ArticleChange" WHERE "at" < ${before}`;
      await tx.$executeRaw`INSERT INTO "ArticleChange" ("articleId", "tx", "at") VALUES (-1, ${num(g!.top)}, ${Math.floor(now.getTime() / 1000)})`;
      return num(g!.n);
    });
  }
  const [r] = await db.$queryRaw<{ n: unknown }[]>`WITH gone AS (
      DELETE FROM "ArticleChange" WHERE "at" < ${before} AND "tx" < txid_snapshot_xmin(txid_current_snapshot()) RETURNING "tx", "articleId"),
    mark AS (INSERT INTO "ArticleChange" ("articleId", "tx", "at")
      SELECT -1, max("tx"), extract(epoch FROM now())::integer FROM gone WHERE "articleId" <> -1 HAVING count(*) > 0 RETURNING 1)
    SELECT (SELECT count(*) FROM gone WHERE "articleId" <> -1) AS n, (SELECT count(*) FROM mark) AS m`;
  return num(r?.n);
}

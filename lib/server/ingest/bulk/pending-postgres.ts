// PostgreSQL: the bulk path's new articles held back and written several to a
// statement (decision 016). One statement an article paid its own round trip,
// plan start and statement triggers each time: several to a statement took a
// Reuters run from about 300 to 430 articles a second. Held articles have their ids already
// (taken from the sequence ahead, in item order, so ids rise as the per-item
// path's do), and the run's duplicate index has them, so the articles after
// them are compared with them from memory. They are written before anything
// that reads or links them in the store: a link or a story to join, a webhook
// to match, the store's own duplicate lookups, the batch's commit.
import "server-only";
import { postgresDate, type Conn } from "./conn";

/** A new article's tag row as the per-item path writes it. */
export interface TagRow {
  tagId: number;
  origin: string;
  confidence: number;
  state: string;
  rel: string | null;
  evidence: string | null;
  decidedById: number | null;
}

/** What duplicate verification reads of another article. */
export interface OtherRow {
  id: number;
  uri: string;
  bodyText: string;
  sourceId: number | null;
  contentHash: string;
  headline: string;
  versionCreated: unknown;
  firstCreated: unknown;
  ingestedAt: unknown;
}

/** A new article as duplicate verification reads it from the store. */
export function otherRowOf(id: number, a: ArticleValues): OtherRow {
  return {
    id,
    uri: a.uri,
    bodyText: a.bodyText,
    sourceId: a.sourceId,
    contentHash: a.contentHash,
    headline: a.headline,
    versionCreated: a.versionCreated,
    firstCreated: a.firstCreated,
    ingestedAt: a.ingestedAt,
  };
}

/** A new article's row, in the order of ARTICLE_COLUMNS (version, always 1, left out). */
export interface ArticleValues {
  uri: string;
  sourceId: number | null;
  headline: string;
  bodyText: string;
  bodyHtml: string | null;
  url: string | null;
  byline: string | null;
  dateline: string | null;
  credit: string | null;
  caption: string | null;
  language: string | null;
  firstCreated: Date | null;
  versionCreated: Date | null;
  ingestedAt: Date;
  updatedAt: Date;
  contentHash: string;
  status: string;
  lastIngestRunId: number | null;
  dedupConfig: string;
  carriedLabels: string | null;
  /** The story it joins as it is written (join-story.ts, planJoinSql); null while alone. */
  storyId: number | null;
  storyKind: string;
  storyScore: number | null;
  storyReason: string | null;
  storyLead: boolean;
}

export const ARTICLE_COLUMNS = `"uri", "sourceId", "headline", "bodyText", "bodyHtml", "url", "byline", "dateline", "credit", "caption", "language",
  "firstCreated", "versionCreated", "ingestedAt", "updatedAt", "contentHash", "status", "version", "lastIngestRunId", "dedupConfig", "carriedLabels",
  "storyId", "storyKind", "storyScore", "storyReason", "storyLead"`;

export interface HeldArticle {
  id: number;
  article: ArticleValues;
  tags: TagRow[];
  /** The "ingest.create" entry's after. */
  created: string;
  keys: { band: number; key: number }[];
  now: Date;
}

const when = (d: Date | null) => (d ? postgresDate(d) : null);

/**
 * The articles, their tag rows, their "ingest.create" entries and their
 * duplicate keys in one statement, rows in item order (tags in each article's
 * order, so their ids rise as the per-item path's do). The Article insert is
 * the one the main query reads, so it runs first and its statement trigger
 * fires before the tag rows' (as the per-item path's statements do).
 */
const INSERT_HELD = `WITH a AS (
    INSERT INTO "Article" ("id", ${ARTICLE_COLUMNS})
    SELECT x.id, x.uri, x.source, x.headline, x.body, x.html, x.url, x.byline, x.dateline, x.credit, x.caption, x.language,
      x.first, x.version_created, x.ingested, x.updated, x.hash, x.status, 1, x.run, x.config, x.carried,
      x.story, x.story_kind, x.story_score, x.story_reason, x.story_lead
    FROM unnest(?::int[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
      ?::timestamp(3)[], ?::timestamp(3)[], ?::timestamp(3)[], ?::timestamp(3)[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[],
      ?::int[], ?::text[], ?::float8[], ?::text[], ?::boolean[])
      WITH ORDINALITY AS x(id, uri, source, headline, body, html, url, byline, dateline, credit, caption, language,
        first, version_created, ingested, updated, hash, status, run, config, carried, story, story_kind, story_score, story_reason, story_lead, ord)
    ORDER BY x.ord
    RETURNING "id"
  ), t AS (
    INSERT INTO "ArticleTag" ("articleId", "tagId", "origin", "confidence", "state", "rel", "evidence", "decidedById", "createdAt", "updatedAt")
    SELECT x.article, x.tag, x.origin, x.confidence, x.state, x.rel, x.evidence, x.decided, x.at, x.at
    FROM unnest(?::int[], ?::int[], ?::text[], ?::float8[], ?::text[], ?::text[], ?::text[], ?::int[], ?::timestamp(3)[])
      WITH ORDINALITY AS x(article, tag, origin, confidence, state, rel, evidence, decided, at, ord)
    ORDER BY x.ord
  ), u AS (
    INSERT INTO "AuditEntry" ("at", "userId", "actor", "action", "entityType", "entityId", "articleId", "before", "after")
    SELECT x.at, x.who, x.actor, 'ingest.create', 'article', x.article::text, x.article, NULL, x.after
    FROM unnest(?::int[], ?::timestamp(3)[], ?::int[], ?::text[], ?::text[]) WITH ORDINALITY AS x(article, at, who, actor, after, ord)
    ORDER BY x.ord
  ), k AS (
    INSERT INTO "DedupKey" ("articleId", "band", "key") SELECT x.article, x.band, x.key FROM unnest(?::int[], ?::int[], ?::int[]) AS x(article, band, key)
  )
  SELECT count(*) AS "n" FROM a`;

/**
 * Held articles written ahead, while the writer goes on, once this many wait
 * and no write is under way. A run's statements are awaited one by one, so the
 * server worked while the writer waited and the writer worked while the server
 * idled (a Reuters run: 13.6 s of 17.4 s in statements, the process at 0.73 of
 * a core). The connection queues every later statement behind the write, so
 * whatever reads or links these articles still finds them.
 */
export const WRITE_AHEAD = 16;

/** New articles of the open transaction not yet written, and the ids taken for the next ones. */
export class HeldArticles {
  /** by: who the run's "ingest.create" entries name; ahead: how many held start a write ahead. */
  constructor(
    private readonly by: { userId: number | null; actor: string },
    private readonly aheadAt = WRITE_AHEAD,
  ) {}

  private pool: number[] = [];
  private held: HeldArticle[] = [];
  /** The transaction's new articles, written or not, as verification reads them: none of what it reads changes within the run. */
  private byId = new Map<number, HeldArticle>();

  /** The next article's id; `want`: how many the batch may still need, taken from the sequence at once. */
  async nextId(c: Conn, want: number): Promise<number> {
    if (this.pool.length === 0) {
      const rows = await c.all<{ id: string | number }>(
        `SELECT nextval(pg_get_serial_sequence('"Article"', 'id')) AS "id" FROM generate_series(1, ?::int)`,
        [Math.max(1, want)],
      );
      this.pool = rows.map((r) => Number(r.id)).sort((x, y) => x - y);
    }
    return this.pool.shift()!;
  }

  /** A write started ahead and not yet awaited, and its failure, of this transaction (`generation`). */
  private ahead: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;
  private generation = 0;

  hold(a: HeldArticle): void {
    this.held.push(a);
    this.byId.set(a.id, a);
  }

  /** Starts writing what is held without waiting for it, when enough is held and no such write is under way. */
  writeAhead(c: Conn): void {
    if (this.ahead || this.held.length < this.aheadAt) return;
    const generation = this.generation;
    const write = this.write(c).catch((error: unknown) => {
      // Said at the next flush, which fails the batch; a failure of a transaction already given up is dropped.
      if (generation === this.generation) this.failure ??= { error };
    });
    this.ahead = write.finally(() => {
      if (generation === this.generation) this.ahead = null;
    });
  }

  /**
   * Puts a held article in a story, as the story's first, when it is not yet
   * written (nor being written ahead): it is then written with it, where an
   * update would write its every index entry again. False when it is written already.
   */
  setStory(id: number, storyId: number, now: Date): boolean {
    const h = this.held.find((x) => x.id === id);
    if (!h) return false;
    h.article.storyId = storyId;
    h.article.updatedAt = now;
    return true;
  }

  /** Held and not yet written (nor being written ahead). */
  isHeld(id: number): boolean {
    return this.held.some((x) => x.id === id);
  }

  /** One of the transaction's new articles as duplicate verification reads it from the store. */
  other(id: number): OtherRow | undefined {
    const h = this.byId.get(id);
    return h && otherRowOf(id, h.article);
  }

  /** Writes what is held, after any write started ahead; throws if that one failed. The ids taken stay for the next articles. */
  async flush(c: Conn): Promise<void> {
    if (this.ahead) await this.ahead;
    if (this.failure) throw this.failure.error;
    await this.write(c);
  }

  private async write(c: Conn): Promise<void> {
    const held = this.held;
    if (held.length === 0) return;
    this.held = [];
    const col = <T>(f: (a: ArticleValues) => T) => held.map((h) => f(h.article));
    const tags = held.flatMap((h) => h.tags.map((t) => ({ id: h.id, t, at: h.now })));
    const keys = held.flatMap((h) => h.keys.map((k) => ({ id: h.id, k })));
    const [row] = await c.all<{ n: string | number }>(INSERT_HELD, [
      held.map((h) => h.id),
      col((a) => a.uri),
      col((a) => a.sourceId) as number[],
      col((a) => a.headline),
      col((a) => a.bodyText),
      col((a) => a.bodyHtml) as string[],
      col((a) => a.url) as string[],
      col((a) => a.byline) as string[],
      col((a) => a.dateline) as string[],
      col((a) => a.credit) as string[],
      col((a) => a.caption) as string[],
      col((a) => a.language) as string[],
      col((a) => when(a.firstCreated)) as string[],
      col((a) => when(a.versionCreated)) as string[],
      col((a) => postgresDate(a.ingestedAt)),
      col((a) => postgresDate(a.updatedAt)),
      col((a) => a.contentHash),
      col((a) => a.status),
      col((a) => a.lastIngestRunId) as number[],
      col((a) => a.dedupConfig),
      col((a) => a.carriedLabels) as string[],
      col((a) => a.storyId) as number[],
      col((a) => a.storyKind),
      col((a) => a.storyScore) as number[],
      col((a) => a.storyReason) as string[],
      col((a) => a.storyLead),
      tags.map((x) => x.id),
      tags.map((x) => x.t.tagId),
      tags.map((x) => x.t.origin),
      tags.map((x) => x.t.confidence),
      tags.map((x) => x.t.state),
      tags.map((x) => x.t.rel) as string[],
      tags.map((x) => x.t.evidence) as string[],
      tags.map((x) => x.t.decidedById) as number[],
      tags.map((x) => postgresDate(x.at)),
      held.map((h) => h.id),
      held.map((h) => postgresDate(h.now)),
      held.map(() => this.by.userId) as number[],
      held.map(() => this.by.actor),
      held.map((h) => h.created),
      keys.map((x) => x.id),
      keys.map((x) => x.k.band),
      keys.map((x) => x.k.key),
    ]);
    if (Number(row?.n) !== held.length) throw new Error(`held articles: ${held.length} to write, ${String(row?.n)} written`);
  }

  /** Forgets what is held and the ids taken: the transaction was rolled back, or committed and others may write now. */
  reset(): void {
    this.generation++;
    this.ahead = null;
    this.failure = null;
    this.pool = [];
    this.held = [];
    this.byId = new Map();
  }
}

// The queue's rows as the store wrote them, kept by each web process (decision
// 028). A page's rows cost the store more than the rest of the request: at
// 100,000 articles on PostgreSQL the statement that builds a page's JSON took
// 2-3.3 ms of the server's CPU, against 0.2-0.7 ms for each of the others, and
// it was built again for every editor and every poll. A row is kept until
// the store names its article as changed (the ArticleChange rows, read by the
// facet index's sync before each page): the triggers name an article for
// anything its row shows (its fields, tag rows, links, story, its story's
// other copies' languages), and article 0 (a tag or source renamed) drops
// them all. So a kept row is as exact as one read from the store.
import "server-only";

/** A kept row: its JSON without the excerpt, the body's start, and the excerpts of searches read lately. */
export interface KeptItem {
  /** The row's JSON object, its closing brace cut off: the excerpt goes last. */
  head: string;
  /** The body's start, the excerpt when no search asks for another (JSON text). */
  start: string;
  /** A search's excerpt by the search's text (JSON text); absent until read. */
  excerpts: Map<string, string>;
}

/**
 * Rows kept, most recently used last. Measured at 1,000,000 articles: 1,330
 * characters a row, 40 MiB of heap for 25,000 rows, 51 MiB with eight
 * searches' excerpts on each.
 */
const ITEMS_KEPT = 25_000;
/** Searches' excerpts kept per row. */
const EXCERPTS_KEPT = 8;

export class ItemCache {
  private rows = new Map<number, KeptItem>();
  /**
   * Moves on whenever rows are dropped. A row read from the store is kept only
   * if nothing was dropped while it was read: a change committed after the read
   * began may have been named and dropped before the row arrived.
   */
  epoch = 0;

  get size(): number {
    return this.rows.size;
  }

  get(id: number): KeptItem | undefined {
    const row = this.rows.get(id);
    if (row) {
      this.rows.delete(id);
      this.rows.set(id, row);
    }
    return row;
  }

  /** Keeps rows read since `epoch`, unless rows were dropped meanwhile. */
  keep(epoch: number, rows: [number, KeptItem][]): void {
    if (epoch !== this.epoch) return;
    for (const [id, row] of rows) {
      this.rows.delete(id);
      this.rows.set(id, row);
    }
    for (const id of this.rows.keys()) {
      if (this.rows.size <= ITEMS_KEPT) break;
      this.rows.delete(id);
    }
  }

  /** Keeps a search's excerpt of a kept row (the row is the same object as long as it is kept). */
  keepExcerpt(row: KeptItem, q: string, excerpt: string): void {
    if (row.excerpts.size >= EXCERPTS_KEPT) row.excerpts.delete(row.excerpts.keys().next().value!);
    row.excerpts.set(q, excerpt);
  }

  /** Drops the rows of these articles. */
  forget(ids: Iterable<number>): void {
    this.epoch++;
    for (const id of ids) this.rows.delete(id);
  }

  /** Drops every row (the index loaded again, or a tag or source renamed). */
  clear(): void {
    this.epoch++;
    this.rows.clear();
  }
}

/** A kept row as the queue sends it, with this excerpt. */
export const itemText = (row: KeptItem, excerpt: string): string => `${row.head},"excerpt":${excerpt}}`;

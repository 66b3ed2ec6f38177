// The dashboard's figures per hour and per day of story time, kept in each
// process beside the filter bar's index and brought up to date by the same
// sync (decision 029). The store keeps them too (decision 025), but counts an
// hour again whenever a change marks it: under two editors' decisions a second
// every view counted the newest hour again, in a transaction, in every
// process (342 ms at p95 at 1,000,000 stories on PostgreSQL). Here a change
// takes the article's old figures away and adds its new ones, from the facts
// the index already holds; the counting rule is the store's (kept-hours.ts:
// the same sets of counted tags, the same story time, the same open links),
// and a store test holds both to a count over every row.
import "server-only";
import { HOUR, type Window } from "../dashboard/in-range";
import type { WindowFigures } from "../dashboard/kept-hours";

/** An article's facts as the dashboard counts them. */
export interface DashboardFacts {
  /** Story time, ms: publication, or arrival when it is later or unknown. */
  story: number;
  /** The counted topic ids (top level and newsroom) and place ids, ascending, comma-separated ("" none). */
  topics: string;
  places: string;
  /** 0: no source. */
  source: number;
  /** An open or confirmed duplicate link on either side. */
  dup: boolean;
}

interface Cell {
  n: number;
  dups: number;
}

/** Kept hours behind the newest window of 24 hours, and days behind the newest of 30 days. */
const HOURS_BACK = 48;
const DAYS_BACK = 32;
/** Articles added per turn while building, so requests get in between. */
const BUILD_CHUNK = 50_000;

export class DashboardFigures {
  private hours = new Map<number, Map<string, Cell>>();
  private days = new Map<number, Map<string, Cell>>();
  private hourFrom = 0;
  private dayFrom = 0;
  /** Articles below this id are counted in; the build adds the rest (Infinity once built, -1 before). */
  private upTo = -1;
  private building?: Promise<void>;
  private generation = 0;

  constructor(
    private readonly facts: (id: number) => DashboardFacts | undefined,
    private readonly maxId: () => number,
  ) {}

  /** Forgets everything (the index loaded again, or a tag changed what it counts as): built again when asked. */
  clear(): void {
    this.generation++;
    this.hours = new Map();
    this.days = new Map();
    this.upTo = -1;
    this.building = undefined;
  }

  /** Takes away (-1) or adds (1) what these articles count for, around a sync's reading them again. */
  adjust(ids: number[], sign: -1 | 1): void {
    if (this.upTo < 0) return;
    for (const id of ids) if (id < this.upTo) this.add(id, sign);
  }

  private add(id: number, sign: number) {
    const f = this.facts(id);
    if (!f) return;
    const hour = Math.floor(f.story / HOUR);
    const day = Math.floor(hour / 24);
    if (hour >= this.hourFrom) put(this.hours, hour, f, sign);
    if (day >= this.dayFrom) put(this.days, day, f, sign);
  }

  /** Counts every article in, a chunk a turn; syncs meanwhile adjust the articles already in (adjust). */
  private build(now: Date): Promise<void> {
    this.clear();
    const generation = this.generation;
    const hour = Math.floor(now.getTime() / HOUR);
    this.hourFrom = hour - HOURS_BACK;
    this.dayFrom = Math.floor(hour / 24) - DAYS_BACK;
    this.upTo = 1;
    const run = async () => {
      for (;;) {
        if (this.generation !== generation) return;
        const top = this.maxId() + 1;
        const to = Math.min(this.upTo + BUILD_CHUNK, top);
        for (let id = this.upTo; id < to; id++) this.add(id, 1);
        // An article arriving later is added by the sync that reads it (it is below upTo from then on).
        if (to >= top) {
          this.upTo = Infinity;
          return;
        }
        this.upTo = to;
        await new Promise((r) => setImmediate(r));
      }
    };
    return (this.building = run());
  }

  /**
   * The window's figures as windowFigures (kept-hours.ts) gives them: one row
   * per bucket, chart and set. Undefined while being built (started here), or
   * for a window older than what is kept (built again for the next ask).
   */
  window(w: Window): WindowFigures | undefined {
    const byDay = w.unit === "day";
    const from = w.from.getTime() / HOUR;
    const to = w.to.getTime() / HOUR;
    if (this.upTo < 0 || (byDay ? from / 24 < this.dayFrom : from < this.hourFrom)) {
      void this.build(w.to);
      return undefined;
    }
    if (this.upTo !== Infinity) return undefined;
    this.dropBefore(Math.floor(to) - 1);
    const rows: WindowFigures["rows"] = [];
    const span = byDay ? 24 : 1;
    const kept = byDay ? this.days : this.hours;
    for (let b = 0; b * span < to - from; b++) {
      const cells = kept.get((from + b * span) / span);
      if (!cells) continue;
      for (const [k, c] of cells) rows.push({ bucket: b, dim: DIMS[k[0]!]!, key: k.slice(1), n: c.n, dups: c.dups });
    }
    return { rows };
  }

  /** Hours and days no window ending at or after `hour` reads are dropped, so neither grows with the store's age. */
  private dropBefore(hour: number) {
    const hourFrom = hour - HOURS_BACK;
    const dayFrom = Math.floor(hour / 24) - DAYS_BACK;
    if (hourFrom > this.hourFrom) {
      for (const h of this.hours.keys()) if (h < hourFrom) this.hours.delete(h);
      this.hourFrom = hourFrom;
    }
    if (dayFrom > this.dayFrom) {
      for (const d of this.days.keys()) if (d < dayFrom) this.days.delete(d);
      this.dayFrom = dayFrom;
    }
  }

  /** Whether the figures are counted in (tests). */
  get ready(): boolean {
    return this.upTo === Infinity;
  }

  /** Resolves when the build under way, if any, is done (tests). */
  async built(): Promise<void> {
    await this.building;
  }
}

const DIMS: Record<string, WindowFigures["rows"][number]["dim"]> = { t: "topic", p: "place", s: "source" };

function put(kept: Map<number, Map<string, Cell>>, at: number, f: DashboardFacts, sign: number) {
  let cells = kept.get(at);
  if (!cells) kept.set(at, (cells = new Map()));
  bump(cells, `t${f.topics}`, sign, 0);
  bump(cells, `p${f.places}`, sign, 0);
  bump(cells, `s${f.source === 0 ? "" : f.source}`, sign, f.dup ? sign : 0);
}

function bump(cells: Map<string, Cell>, key: string, n: number, dups: number) {
  const c = cells.get(key);
  if (!c) {
    cells.set(key, { n, dups });
    return;
  }
  c.n += n;
  c.dups += dups;
  // A set no article holds any more is not a row (the charts would rank its tags at 0).
  if (c.n === 0) cells.delete(key);
}

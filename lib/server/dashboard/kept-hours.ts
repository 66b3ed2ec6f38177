// The dashboard's figures per hour of story time, counted once and kept
// (decision 025). Counting a 30-day window over the articles took 0.6 s at
// 100,000 and 7.4 s at 1,000,000; the kept hours are read in a few
// milliseconds whatever the store's size, and only the hours a change has
// marked (DashboardDirty, written by the migration dashboard_hours' triggers)
// or never counted are counted again. The counting rules are here alone: the
// triggers only say which hour changed.
//
// Exactness: an hour is counted and its marks deleted in one transaction.
// SQLite holds the write lock while it counts, so no change can slip between.
// PostgreSQL counts in one snapshot (a serializable transaction) and deletes
// only the marks that snapshot saw; a change it could not see left a mark of
// its own transaction, which stays. Two counts of one hour at once conflict,
// and the one that fails is simply not kept.
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import { dbKind, type Db } from "../db/client";
import { readRows } from "../db/read-rows";
import { filedSql, instant, PUBLISHED_SQL } from "../articles/article-sql";
import { HOUR, STORY_TIME_SQL, type Window } from "./in-range";

/** Hours counted in one transaction: SQLite's write lock is held that long (about 0.25 s at 1,000,000 stories). */
const HOURS_PER_TRANSACTION = 24;
/** Days summed from their hours in one transaction. */
const DAYS_PER_TRANSACTION = 10;
/** Kept hours this far behind the longest window are dropped (the window never comes back to them). */
const KEEP_HOURS = 31 * 24;

type Dim = "topic" | "place" | "source";
/** A read: through a transaction while keeping, through readRows otherwise. */
type Query = <T>(q: Prisma.Sql) => Promise<T[]>;

/** One kept row: a chart's articles with one set of counted tags, or a source's articles. */
export interface HourRow {
  hour: number;
  dim: Dim;
  /** topic/place: the counted tag ids, ascending, comma-separated ("" none); source: its id ("" none). */
  key: string;
  n: number;
  /** source rows: the articles with an open or confirmed duplicate link on either side. */
  dups: number;
}

/** The window's figures per bucket: the kept rows summed per bucket, dimension and key. */
export interface WindowFigures {
  rows: (Omit<HourRow, "hour"> & { bucket: number })[];
}

/** An article's hour, exactly as the triggers compute it. */
function hourSql(db: Db): Prisma.Sql {
  return dbKind(db) === "postgres"
    ? Prisma.sql`floor(extract(epoch FROM ${STORY_TIME_SQL}) / 3600)::integer`
    : Prisma.sql`(unixepoch(${STORY_TIME_SQL}) / 3600)`;
}

/**
 * Story time in [from, to), as two index ranges: the story time is the
 * publication (coalesce(firstCreated, ingestedAt), indexed for sort=published)
 * when that is not after the arrival, else the arrival (indexed).
 */
function storyTimeInSql(db: Db, from: Date, to: Date): Prisma.Sql {
  const f = instant(db, from);
  const t = instant(db, to);
  return Prisma.sql`((${PUBLISHED_SQL} >= ${f} AND ${PUBLISHED_SQL} < ${t} AND ${PUBLISHED_SQL} <= a."ingestedAt")
    OR (a."ingestedAt" >= ${f} AND a."ingestedAt" < ${t} AND ${PUBLISHED_SQL} > a."ingestedAt"))`;
}

/**
 * An article's counted tag ids of both charts in one list, ascending: "t3,p17,t25" (t a topic,
 * p a place); null for none. One lookup of its tag rows rather than one per chart (a third less
 * time). Hidden tags count here and are left out when read.
 */
function tagSetsSql(db: Db): Prisma.Sql {
  const which = Prisma.sql`((g."scheme" = 'iso3166' AND ${filedSql("iso3166")})
    OR ((g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND ${filedSql("medtop")}))`;
  const kind = Prisma.sql`CASE WHEN g."scheme" = 'iso3166' THEN 'p' ELSE 't' END`;
  const rows = Prisma.sql`FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId" WHERE t."articleId" = a."id" AND ${which}`;
  return dbKind(db) === "postgres"
    ? Prisma.sql`(SELECT string_agg(${kind} || t."tagId"::text, ',' ORDER BY t."tagId") ${rows})`
    : Prisma.sql`(SELECT group_concat(${kind} || t."tagId", ',' ORDER BY t."tagId") ${rows})`;
}

/** The ids of one chart from tagSetsSql's list, as a kept key. */
function setOf(list: string | null, kind: "t" | "p"): string {
  if (!list) return "";
  return list
    .split(",")
    .filter((x) => x[0] === kind)
    .map((x) => x.slice(1))
    .join(",");
}

const OPEN = Prisma.sql`l."state" IN ('suggested', 'confirmed')`;

/** Counts the hours [from, to) from the articles: what DashboardHour keeps for them. */
async function countHours(db: Db, query: Query, from: number, to: number): Promise<HourRow[]> {
  const rows = await query<{ h: unknown; tags: string | null; sourceId: unknown; dup: unknown; n: unknown }>(
    Prisma.sql`SELECT x."h", x."tags", x."sourceId", x."dup", count(*) AS "n" FROM (
      SELECT ${hourSql(db)} AS "h", ${tagSetsSql(db)} AS "tags", a."sourceId" AS "sourceId",
        CASE WHEN EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."articleId" = a."id" AND ${OPEN})
          OR EXISTS (SELECT 1 FROM "DuplicateLink" l WHERE l."otherId" = a."id" AND ${OPEN}) THEN 1 ELSE 0 END AS "dup"
      FROM "Article" a WHERE ${storyTimeInSql(db, new Date(from * HOUR), new Date(to * HOUR))}
    ) x GROUP BY x."h", x."tags", x."sourceId", x."dup"`,
  );
  const out = new Map<string, HourRow>();
  const add = (hour: number, dim: Dim, key: string, n: number, dups: number) => {
    const id = `${hour}\u0000${dim}\u0000${key}`;
    const had = out.get(id);
    if (had) {
      had.n += n;
      had.dups += dups;
    } else out.set(id, { hour, dim, key, n, dups });
  };
  for (const r of rows) {
    const hour = Number(r.h);
    const n = Number(r.n);
    add(hour, "topic", setOf(r.tags, "t"), n, 0);
    add(hour, "place", setOf(r.tags, "p"), n, 0);
    add(hour, "source", r.sourceId === null ? "" : String(Number(r.sourceId)), n, Number(r.dup) ? n : 0);
  }
  return [...out.values()];
}

/** Hours in [from, to) as runs of consecutive hours. */
function runs(hours: number[]): [number, number][] {
  const sorted = [...new Set(hours)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const h of sorted) {
    const last = out.at(-1);
    if (last && last[1] === h) last[1] = h + 1;
    else out.push([h, h + 1]);
  }
  return out;
}

/** The hours of [from, to) to count: never counted, or marked since (all of them after a mark of every hour). */
async function pendingHours(query: Query, from: number, to: number) {
  const [marks, done] = await Promise.all([
    query<{ id: unknown; hour: unknown }>(
      Prisma.sql`SELECT d."id", d."hour" FROM "DashboardDirty" d WHERE d."hour" = -1 OR (d."hour" >= ${from} AND d."hour" < ${to})`,
    ),
    query<{ hour: unknown }>(Prisma.sql`SELECT h."hour" FROM "DashboardHourDone" h WHERE h."span" = 1 AND h."hour" >= ${from} AND h."hour" < ${to}`),
  ]);
  const everything = marks.some((m) => Number(m.hour) === -1);
  const kept = new Set(everything ? [] : done.map((d) => Number(d.hour)));
  for (const m of marks) kept.delete(Number(m.hour));
  const hours: number[] = [];
  for (let h = from; h < to; h++) if (!kept.has(h)) hours.push(h);
  return { hours, marks: marks.map((m) => Number(m.id)), everything };
}

/** The days (first hours) of [from, to) whose sums are not kept. */
async function pendingDays(query: Query, from: number, to: number): Promise<number[]> {
  const done = new Set(
    (await query<{ hour: unknown }>(Prisma.sql`SELECT h."hour" FROM "DashboardHourDone" h WHERE h."span" = 24 AND h."hour" >= ${from} AND h."hour" < ${to}`)).map((d) =>
      Number(d.hour),
    ),
  );
  const days: number[] = [];
  for (let d = from; d < to; d += 24) if (!done.has(d)) days.push(d);
  return days;
}

const isConflict = (e: unknown) => {
  const text = `${(e as { code?: unknown })?.code ?? ""} ${(e as Error)?.message ?? ""}`;
  // Another count of the same hours got there first: its figures stand.
  return /40001|23505|P2002|P2034|serializ|unique|concurrent update|WriteConflict/i.test(text);
};

/**
 * One transaction that reads what is kept and writes to it. SQLite's take the
 * write lock first (db/client.ts). PostgreSQL's are serializable: a count and a
 * sum of the same hours at once cannot both stand, and the one that fails is
 * not kept (isConflict).
 */
async function keeping(db: Db, work: (query: Query, exec: (q: Prisma.Sql) => Promise<unknown>) => Promise<void>): Promise<void> {
  await db
    .$transaction((tx) => work(<T,>(q: Prisma.Sql) => tx.$queryRaw<T[]>(q), (q) => tx.$executeRaw(q)), { timeout: 120_000, isolationLevel: "Serializable" })
    .catch((e: unknown) => {
      if (!isConflict(e)) throw e;
    });
}

async function insertRows(exec: (q: Prisma.Sql) => Promise<unknown>, rows: Prisma.Sql[], into: Prisma.Sql): Promise<void> {
  // SQLite binds at most 32,766 values a statement.
  for (let i = 0; i < rows.length; i += 1000) await exec(Prisma.sql`INSERT INTO ${into} VALUES ${Prisma.join(rows.slice(i, i + 1000))}`);
}

/** Counts and keeps the pending hours of [from, to); the days they fall in are summed again later. */
async function keepHours(db: Db, from: number, to: number): Promise<void> {
  await keeping(db, async (query, exec) => {
    const pending = await pendingHours(query, from, to);
    if (pending.everything) {
      // A tag changed which chart it counts in: everything kept is stale.
      await exec(Prisma.sql`DELETE FROM "DashboardHour"`);
      await exec(Prisma.sql`DELETE FROM "DashboardHourDone"`);
    }
    const rows: HourRow[] = [];
    for (const [a, b] of runs(pending.hours)) {
      rows.push(...(await countHours(db, query, a, b)));
      // The days these hours fall in are summed again.
      const [dayFrom, dayTo] = [Math.floor(a / 24) * 24, Math.floor((b - 1) / 24) * 24 + 24];
      const stale = Prisma.sql`("span" = 1 AND "hour" >= ${a} AND "hour" < ${b}) OR ("span" = 24 AND "hour" >= ${dayFrom} AND "hour" < ${dayTo})`;
      await exec(Prisma.sql`DELETE FROM "DashboardHour" WHERE ${stale}`);
      await exec(Prisma.sql`DELETE FROM "DashboardHourDone" WHERE ${stale}`);
    }
    await insertRows(exec, rows.map((r) => Prisma.sql`(1, ${r.hour}, ${r.dim}, ${r.key}, ${r.n}, ${r.dups})`), Prisma.sql`"DashboardHour" ("span", "hour", "dim", "key", "n", "dups")`);
    await insertRows(exec, pending.hours.map((h) => Prisma.sql`(1, ${h})`), Prisma.sql`"DashboardHourDone" ("span", "hour")`);
    for (let i = 0; i < pending.marks.length; i += 1000) {
      await exec(Prisma.sql`DELETE FROM "DashboardDirty" WHERE "id" IN (${Prisma.join(pending.marks.slice(i, i + 1000))})`);
    }
  });
}

/** Sums and keeps the days of [from, to) whose 24 hours are all kept and unmarked. */
async function keepDays(db: Db, from: number, to: number): Promise<void> {
  await keeping(db, async (query, exec) => {
    const stale = new Set((await pendingHours(query, from, to)).hours.map((h) => Math.floor(h / 24) * 24));
    const days = (await pendingDays(query, from, to)).filter((d) => !stale.has(d));
    for (const [a, b] of runs(days.map((d) => d / 24)).map(([x, y]) => [x * 24, y * 24])) {
      // Literals, so that both stores divide as integers (better-sqlite3 binds numbers as real).
      await exec(Prisma.sql`INSERT INTO "DashboardHour" ("span", "hour", "dim", "key", "n", "dups")
        SELECT 24, (k."hour" / 24) * 24, k."dim", k."key", sum(k."n"), sum(k."dups") FROM "DashboardHour" k
        WHERE k."span" = 1 AND k."hour" >= ${Prisma.raw(String(a))} AND k."hour" < ${Prisma.raw(String(b))} GROUP BY (k."hour" / 24) * 24, k."dim", k."key"`);
    }
    await insertRows(exec, days.map((d) => Prisma.sql`(24, ${d})`), Prisma.sql`"DashboardHourDone" ("span", "hour")`);
  });
}

/** Drops kept hours and marks the windows have left behind, so neither grows with the store's age. */
async function dropOld(db: Db, before: number): Promise<void> {
  const [old] = await readRows<{ n: unknown }>(
    db,
    Prisma.sql`SELECT (SELECT count(*) FROM "DashboardHourDone" WHERE "hour" < ${before}) + (SELECT count(*) FROM "DashboardDirty" WHERE "hour" >= 0 AND "hour" < ${before}) AS "n"`,
  );
  if (!Number(old?.n)) return;
  await db.$transaction([
    db.$executeRaw`DELETE FROM "DashboardHour" WHERE "hour" < ${before}`,
    db.$executeRaw`DELETE FROM "DashboardHourDone" WHERE "hour" < ${before}`,
    db.$executeRaw`DELETE FROM "DashboardDirty" WHERE "hour" >= 0 AND "hour" < ${before}`,
  ]);
}

/**
 * The window's figures per bucket, from what is kept: hours for a window by
 * hour, days for a window by day (a 30-day window reads 30 days' sums rather
 * than 720 hours'), counting and summing what is pending first.
 */
export async function windowFigures(db: Db, w: Window): Promise<WindowFigures> {
  const from = Math.floor(w.from.getTime() / HOUR);
  const to = Math.ceil(w.to.getTime() / HOUR);
  const byDay = w.unit === "day";
  const read: Query = <T,>(q: Prisma.Sql) => readRows<T>(db, q);

  await dropOld(db, from - KEEP_HOURS).catch(() => undefined); // housekeeping: tried again on the next read
  let pending = await pendingHours(read, from, to);
  if (pending.hours.length) {
    // Counted in runs of a day at most, so SQLite's write lock is never held long.
    for (let i = 0; i < pending.hours.length; i += HOURS_PER_TRANSACTION) {
      const chunk = pending.hours.slice(i, i + HOURS_PER_TRANSACTION);
      await keepHours(db, chunk[0]!, chunk.at(-1)! + 1);
    }
    pending = await pendingHours(read, from, to);
  }
  let days: number[] = [];
  if (byDay) {
    days = await pendingDays(read, from, to);
    for (let i = 0; i < days.length; i += DAYS_PER_TRANSACTION) {
      const chunk = days.slice(i, i + DAYS_PER_TRANSACTION);
      await keepDays(db, chunk[0]!, chunk.at(-1)! + 24);
    }
    days = await pendingDays(read, from, to);
  }
  // Hours still pending (another count won, or a change came meanwhile) are counted here, not kept;
  // days not summed (or holding such an hour) are read from their hours.
  const stale = new Set(pending.hours);
  const unsummed = new Set([...days, ...pending.hours.map((h) => Math.floor(h / 24) * 24)]);
  const direct = pending.everything
    ? await countHours(db, read, from, to)
    : (await Promise.all(runs(pending.hours).map(([a, b]) => countHours(db, read, a, b)))).flat();
  const per = byDay ? 24 : 1;
  const bucketOf = (hour: number) => Math.floor((hour - from) / per);
  const rows: WindowFigures["rows"] = direct.map((r) => ({ bucket: bucketOf(r.hour), dim: r.dim, key: r.key, n: r.n, dups: r.dups }));
  if (pending.everything) return { rows };
  const sumRows = async (span: 1 | 24, hours: number[]) => {
    if (span === 24 && hours.length === 0) return;
    const only = hours.length ? Prisma.sql` AND k."hour" IN (${Prisma.join(hours)})` : Prisma.empty;
    const kept = await readRows<{ b: unknown; dim: Dim; key: string; n: unknown; dups: unknown }>(
      db,
      // Literals, so that both stores divide as integers (better-sqlite3 binds numbers as real).
      Prisma.sql`SELECT (k."hour" - ${Prisma.raw(String(from))}) / ${Prisma.raw(String(per))} AS "b", k."dim", k."key", sum(k."n") AS "n", sum(k."dups") AS "dups"
        FROM "DashboardHour" k WHERE k."span" = ${span} AND k."hour" >= ${from} AND k."hour" < ${to}${only} GROUP BY 1, 2, 3`,
    );
    for (const r of kept) rows.push({ bucket: Number(r.b), dim: r.dim, key: r.key, n: Number(r.n), dups: Number(r.dups) });
  };
  if (byDay) {
    const allDays: number[] = [];
    for (let d = from; d < to; d += 24) allDays.push(d);
    await sumRows(24, allDays.filter((d) => !unsummed.has(d)));
    const hoursOfUnsummed = [...unsummed].flatMap((d) => Array.from({ length: 24 }, (_, i) => d + i)).filter((h) => h >= from && h < to && !stale.has(h));
    if (hoursOfUnsummed.length) await sumRows(1, hoursOfUnsummed);
  } else {
    const hours: number[] = [];
    for (let h = from; h < to; h++) if (!stale.has(h)) hours.push(h);
    if (hours.length) await sumRows(1, hours.length === to - from ? [] : hours);
  }
  return { rows };
}

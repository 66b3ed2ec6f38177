// One ingest run: reads each input, parses it with the pure engine, stores
// every item, and records counts and per-item errors on an IngestRun. Used by
// the CLI, the web upload, the demo loader and (later) feed polling.
import "server-only";
import { linkAcrossLanguages } from "../stories/across-languages";
import { authorize } from "../audit";
import type { Role } from "../../schemas/roles";
import { dbUrl, type Db } from "../db/client";
import { parseInputAsync } from "../../ingest";
import { IngestInputError, type ParseResult, type ParsedArticle } from "../../ingest/types";
import type { IngestCounts, IngestInputReport, IngestReport } from "../../schemas/ingest";
import type { DuplicateThresholds } from "../../dedup/config";
import { suggestionContext } from "../tags/apply-suggestions";
import { suggestTags } from "../../tagging";
import { loadModel } from "../tags/tagging-model";
import { restoreDuplicateLinks, restoreStories, storeArticle, type ItemOutcome, type StoreContext } from "./store-articles";
import { addStories, failedItem, itemOf } from "./item-report";
import { openConn, type Conn } from "./bulk/conn";
import { newCaches, storeBatch, type BulkCaches } from "./bulk/store-batch";
import { EnginePool } from "./bulk/engine-pool";


/**
 * Items a bulk transaction holds. A commit writes every index page the batch
 * dirtied, and the duplicate keys land on random pages: 500 rather than 200
 * halves that cost at 40,000 stories (decision 016), while SQLite's write
 * lock is still held under a second.
 */
export const DEFAULT_BATCH_SIZE = 500;

export interface IngestInput {
  /** File name or URL, as messages show it. */
  name: string;
  read: () => Promise<Uint8Array>;
  /** Base URL for a fetched page. */
  baseUrl?: string;
  /** A part of a large NDJSON file (inputs.ts): its items are the file's, parsed under its name, their lines numbered as the file's. */
  part?: { file: string; label: string; firstLine: () => Promise<number> };
}

/** The report's shapes are zod schemas (lib/schemas/ingest.ts): the API declares and checks the same. */
export type Counts = IngestCounts;
export type InputReport = IngestInputReport;
export type RunReport = IngestReport;

export interface RunOptions {
  origin: "cli" | "upload" | "url" | "feed" | "demo";
  actor: string;
  userId?: number;
  /** The acting user's role ("system" for the CLI, demo and feed worker); ingest needs editor or admin. */
  role: Role | "system";
  ingestTime?: Date;
  defaultSource?: string;
  maxBytes?: number;
  thresholds?: DuplicateThresholds;
  /** Suggest topics and places for each article (default true). */
  suggestTags?: boolean;
  /** The feed's Source when polling: items are attached to it and get its default tags. */
  sourceId?: number;
  /** That Source gathers several publishers' copy (kind "aggregator"). */
  sourceAggregates?: boolean;
  sourceTagIds?: number[];
  /** Report each item's outcome (uploads show them; an archive import need not hold them all). */
  reportItems?: boolean;
  /**
   * Write new articles in batches on the driver (the bulk path, decision 016;
   * default true). false stores each item in its own Prisma transaction.
   */
  bulk?: boolean;
  /** Items a bulk transaction holds (default DEFAULT_BATCH_SIZE). */
  batchSize?: number;
  /**
   * Largest store (articles) for which the bulk path keeps the duplicate
   * index in memory (default 500,000; 0: always the store's lookups).
   */
  memoryIndexMax?: number;
  /** PostgreSQL: held new articles written ahead once this many wait (default WRITE_AHEAD; Infinity: only when needed). */
  writeAhead?: number;
  /**
   * Worker threads running the engines (tagging, fingerprints) ahead of the
   * bulk path's writes (default 0: on this thread). Only for processes that
   * load TypeScript in workers (the CLI, the worker process, the bench under tsx).
   */
  engineThreads?: number;
  /** A heap limit for the worker threads, in MiB (default V8's own): a thread that needs more ends, and this thread does its work. */
  threadHeapMb?: number;
  /** Called after each stored item: done of total in the current input. */
  onProgress?: (input: string, done: number, total: number) => void;
}

let warmed = false;
function warmTagger() {
  if (warmed) return;
  warmed = true;
  suggestTags({ headline: "Warm-up", bodyText: "Loads the gazetteer once per process." });
}

export const emptyCounts = (): Counts => ({ new: 0, updated: 0, duplicates: 0, skipped: 0, failed: 0 });

export function addCounts(into: Counts, c: Counts): Counts {
  for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += c[k];
  return into;
}

export async function runIngest(db: Db, inputs: IngestInput[], opts: RunOptions): Promise<RunReport> {
  authorize({ name: opts.actor, userId: opts.userId, role: opts.role }, "ingest");
  const run = await db.ingestRun.create({
    data: { input: inputs.map((i) => i.name).join(", ").slice(0, 2000), origin: opts.origin, userId: opts.userId ?? null },
  });
  // One read of the newsroom's model per run: what editors taught shapes these suggestions.
  const tagging = opts.suggestTags === false ? undefined : await suggestionContext(db, (await loadModel(db)).model);
  const ctx: StoreContext = {
    runId: run.id,
    actor: opts.actor,
    userId: opts.userId,
    thresholds: opts.thresholds,
    tagging,
    sourceId: opts.sourceId,
    sourceAggregates: opts.sourceAggregates,
    sourceTagIds: opts.sourceTagIds,
  };
  const caches = newCaches(opts.memoryIndexMax, opts.writeAhead);
  const url = dbUrl(db);
  const conn = opts.bulk !== false && url ? await openConn(url) : undefined;
  const threads = conn ? (opts.engineThreads ?? 0) : 0;
  // An import of several inputs parses the next on a worker of its own while this thread writes the one
  // before (the first one too: the parser's model then stays out of this thread's heap).
  const several = threads > 0 && inputs.length > 1;
  // A thread that fails (out of memory, say) leaves its work to this thread: the run goes on, slower, and says so.
  const poolOpts = (what: string) => ({
    heapMb: opts.threadHeapMb,
    onFail: (e: Error) => console.warn(`ingest: the ${what} thread stopped (${e.message}); the run goes on without it, more slowly`),
  });
  const enginesOpts = poolOpts("engines");
  const parser = several ? new EnginePool(1, undefined, poolOpts("parser")) : undefined;
  // Made for the first input of a few batches: a worker loads the tagger again, which a small run would only wait for.
  // An import of several inputs starts it at once, so that it loads while the first input is parsed.
  let pool: EnginePool | undefined = several ? new EnginePool(threads, tagging, enginesOpts) : undefined;
  // The tagger loads its gazetteer on first use (most of a second): do that
  // here, not inside the first item's transaction, where it held the others up.
  // Not where the engines' threads tag from the start: they load their own, and
  // this thread loads it only if a batch falls back to it.
  if (tagging && !pool) warmTagger();
  const poolFor = (items: number) => {
    if (!pool && threads > 0 && items >= 4 * (opts.batchSize ?? DEFAULT_BATCH_SIZE)) pool = new EnginePool(threads, tagging, enginesOpts);
    return pool;
  };
  const reports: InputReport[] = [];
  // New and updated articles in a known language: what the cross-language step compares.
  const stored: number[] = [];
  try {
    let next: Promise<Parsed> | undefined;
    for (const [k, input] of inputs.entries()) {
      const parsed = await (next ?? readAndParse(input, opts, parser));
      // With a parser, the next input is read and parsed on its worker while this one is written.
      next = parser && inputs[k + 1] ? readAndParse(inputs[k + 1]!, opts, parser) : undefined;
      const report = await ingestOne(db, input, parsed, ctx, { caches, conn, pool: poolFor, stored }, opts);
      if (report.errors.length) {
        await db.ingestError.createMany({
          data: report.errors.map((e) => ({ runId: run.id, input: input.name, location: e.location, message: e.message })),
        });
      }
      reports.push(report);
    }
  } finally {
    await conn?.close();
    await pool?.close();
    await parser?.close();
  }
  const totals = reports.reduce((t, r) => addCounts(t, r), emptyCounts());
  // Copies of one story in other languages, now that the whole run is stored (stories/across-languages.ts).
  // The items are stored whatever happens here: a failure is the run's error to read, not a failed run.
  try {
    totals.duplicates += await linkAcrossLanguages(db, stored);
  } catch (e) {
    const message = `copies in other languages were not linked: ${(e as Error).message}`;
    await db.ingestError.create({ data: { runId: run.id, input: inputs.map((i) => i.name).join(", ").slice(0, 200), location: "after the run", message } });
    reports.at(-1)?.errors.push({ location: "after the run", message });
  }
  await db.ingestRun.update({
    where: { id: run.id },
    data: {
      status: "done",
      finishedAt: new Date(),
      newCount: totals.new,
      updatedCount: totals.updated,
      duplicateCount: totals.duplicates,
      skippedCount: totals.skipped,
      failedCount: totals.failed,
    },
  });
  return { runId: run.id, inputs: reports, totals };
}

type Parsed = { ok: true; result: ParseResult } | { ok: false; message: string };

/**
 * Reads and parses one input: on the parser's worker when there is one (a
 * worker that failed leaves it to this thread), else here. Never rejects: an
 * unreadable input is one failure, and the other inputs go on.
 */
async function readAndParse(input: IngestInput, opts: RunOptions, parser?: EnginePool): Promise<Parsed> {
  try {
    const bytes = await input.read();
    const parseOpts = {
      name: input.part?.file ?? input.name,
      ingestTime: opts.ingestTime ?? new Date(),
      defaultSource: opts.defaultSource,
      baseUrl: input.baseUrl,
      maxBytes: opts.maxBytes,
      ...(input.part ? { firstLine: await input.part.firstLine() } : {}),
    };
    const result = parser
      ? await parser.parse(bytes, parseOpts).catch((e: Error) => {
          if (e instanceof IngestInputError) throw e;
          return parseInputAsync(bytes, parseOpts);
        })
      : await parseInputAsync(bytes, parseOpts);
    return { ok: true, result };
  } catch (e) {
    const message = e instanceof IngestInputError ? e.message.replace(`${input.part?.file ?? input.name}: `, "") : (e as Error).message;
    return { ok: false, message };
  }
}

async function ingestOne(
  db: Db,
  input: IngestInput,
  parsed: Parsed,
  ctx: StoreContext,
  writer: { caches: BulkCaches; conn?: Conn; pool: (items: number) => EnginePool | undefined; stored: number[] },
  opts: RunOptions,
): Promise<InputReport> {
  const report: InputReport = { input: input.name, ...emptyCounts(), errors: [], ...(opts.reportItems ? { items: [] } : {}) };
  if (!parsed.ok) {
    report.errors.push({ location: "file", message: parsed.message });
    report.failed += 1;
    report.items?.push(failedItem({ location: "file", message: parsed.message }));
    return report;
  }
  report.format = parsed.result.format;
  const articles: ParsedArticle[] = parsed.result.articles;
  for (const e of parsed.result.errors) report.errors.push(e);
  report.items?.push(...parsed.result.errors.map(failedItem));
  report.failed += parsed.result.errors.length;

  let done = 0;
  const count = (a: ParsedArticle, outcome: ItemOutcome) => {
    report.items?.push(itemOf(a, outcome));
    switch (outcome.kind) {
      case "new":
        report.new++;
        report.duplicates += outcome.links;
        if (a.language) writer.stored.push(outcome.articleId);
        break;
      case "updated":
        report.updated++;
        if (a.language) writer.stored.push(outcome.articleId);
        break;
      case "skipped":
        report.skipped++;
        break;
      case "failed":
        report.failed++;
        report.errors.push({ location: outcome.location, message: outcome.message });
        break;
    }
    opts.onProgress?.(input.name, ++done, articles.length);
  };
  const { conn, caches } = writer;
  if (conn) {
    const pool = writer.pool(articles.length);
    const size = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
    const batches: ParsedArticle[][] = [];
    for (let i = 0; i < articles.length; i += size) batches.push(articles.slice(i, i + size));
    // With a pool, the next batch's engines run while this one is written.
    // A pool that fails leaves the batch to this thread's engines (prepared undefined).
    const ahead = (k: number) => (pool && batches[k] ? pool.prepare(batches[k]).catch(() => undefined) : undefined);
    let next = ahead(0);
    for (const [k, batch] of batches.entries()) {
      const prepared = await next;
      next = ahead(k + 1);
      const outcomes = await storeBatch(db, conn, batch, ctx, caches, prepared);
      outcomes.forEach((outcome, i) => count(batch[i]!, outcome));
    }
  } else {
    for (const a of articles) count(a, await storeArticle(db, a, ctx, caches.sources));
  }
  if (articles.some((a) => a.duplicates?.length)) await restoreDuplicateLinks(db, articles);
  if (articles.some((a) => a.storyKey)) await restoreStories(db, articles);
  if (report.items) await addStories(db, report.items);
  return report;
}
